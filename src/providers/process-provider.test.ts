import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ActivityFailedError, InterruptedError } from '../errors.js'
import type { Activity, ProcessProvider } from '../experiment/types.js'
import { createProviderContext } from './create-provider-context.js'
import { processProvider } from './process-provider.js'

const action = (provider: Omit<ProcessProvider, 'type'>): Activity => ({ type: 'action', name: 'proc', provider: { type: 'process', ...provider } })
const run = (provider: Omit<ProcessProvider, 'type'>, options: Parameters<typeof createProviderContext>[0] = { signal: new AbortController().signal }) =>
  processProvider.run(action(provider), createProviderContext(options))

describe('process provider', () => {
  it('runs string arguments through a shell, with the resolved path first', async () => {
    const output = await run({ path: 'sh', arguments: '-c "echo $((2+3)); echo err >&2; exit 3"' })
    expect(output).toEqual({ status: 3, stdout: '5\n', stderr: 'err\n' })
  })

  it('runs list arguments without a shell, dropping null and empty entries and stringifying the rest', async () => {
    const output = await run({ path: 'node', arguments: ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', null, '', 3, true, '$HOME'] })
    expect(JSON.parse((output as { stdout: string }).stdout)).toEqual(['3', 'True', '$HOME'])
  })

  it('flattens dict arguments to key, value pairs', async () => {
    const output = await run({ path: 'node', arguments: { '-e': 'console.log(JSON.stringify(process.argv.slice(1)))', alpha: 'beta', n: 2 } })
    expect(JSON.parse((output as { stdout: string }).stdout)).toEqual(['alpha', 'beta', 'n', '2'])
  })

  it('substitutes configuration into the arguments but not into the path', async () => {
    const output = await run({ path: 'echo', arguments: ['${word}', 'and $word'] }, { signal: new AbortController().signal, configuration: { word: 'hello' } })
    expect(output).toEqual({ status: 0, stdout: 'hello and hello\n', stderr: '' })
  })

  it('kills the whole process group on timeout and fails with chaoslib\'s message', async () => {
    // sleeps of an hour: a provider that waited for them would time the test out
    const dir = await mkdtemp(join(tmpdir(), 'process-group-'))
    const pidFile = join(dir, 'background.pid')
    const failure = run({ path: 'sh', arguments: `-c "sleep 3600 & echo $! > ${pidFile}; sleep 3600; echo never"`, timeout: 0.3 })
    await expect(failure).rejects.toThrow(new ActivityFailedError('process activity took too long to complete'))
    const background = Number(await readFile(pidFile, 'utf8'))
    // a killed orphan can stay a zombie until init reaps it, and a zombie still answers kill(pid, 0)
    const isAlive = async () => {
      const stat = await readFile(`/proc/${background}/stat`, 'utf8').catch(() => undefined)
      if (stat !== undefined) return !/\) [ZX] /.test(stat)
      try {
        process.kill(background, 0)
        return process.platform !== 'linux'
      } catch {
        return false
      }
    }
    await expect.poll(isAlive, { timeout: 10_000, interval: 20 }).toBe(false)
  })

  it('stops the child when the run is interrupted', async () => {
    const controller = new AbortController()
    const running = run({ path: 'sh', arguments: '-c "sleep 30"' }, { signal: controller.signal })
    setTimeout(() => controller.abort('SIGINT'), 100)
    const error: unknown = await running.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InterruptedError)
    expect((error as Error).message).toContain('SIGINT')
  })

  it('passes the run environment to the child', async () => {
    const output = await run({ path: 'sh', arguments: '-c "echo $GREETING"' }, { signal: new AbortController().signal, env: { ...process.env, GREETING: 'hola' } })
    expect((output as { stdout: string }).stdout).toBe('hola\n')
  })

  it('aborts (not a failed activity) when a list-argument executable is missing at run time', async () => {
    const error: unknown = await run({ path: '/nonexistent/tool', arguments: ['x'] }).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(ActivityFailedError)
    expect((error as Error).message).toContain("could not start '/nonexistent/tool'")
  })

  it('validates that the path exists and is executable, with chaoslib\'s messages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'provider-'))
    const script = join(dir, 'tool.sh')
    await writeFile(script, '#!/bin/sh\necho hi\n')
    const context = { path: '/method/0', catalog: {}, env: process.env }
    expect(processProvider.validate(action({ path: 'no-such-tool-xyz' }), context)).toEqual([
      expect.objectContaining({ path: '/method/0/provider/path', message: "path 'no-such-tool-xyz' cannot be found, in activity 'proc'" }),
    ])
    expect(processProvider.validate(action({ path: script }), context)[0]?.message).toBe(`no access permission to '${script}', in activity 'proc'`)
    await chmod(script, 0o755)
    expect(processProvider.validate(action({ path: script }), context)).toEqual([])
    expect(processProvider.validate(action({ path: 'sh' }), context)).toEqual([])
  })
})
