import { describe, expect, it } from 'vitest'
import { ClusterError } from '../errors.js'
import { runCommand } from './run-command.js'
import { isProcessAlive } from '../testing/is-process-alive.js'

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' }

describe('runCommand', () => {
  it('returns stdout and streams stderr lines to the log', async () => {
    const lines: string[] = []
    const stdout = await runCommand('sh', ['-c', 'echo progress >&2; echo result'], { provider: 'kind', env, log: (line) => lines.push(line) })
    expect(stdout).toBe('result')
    expect(lines).toEqual(['progress'])
  })

  it('turns a failure into a ClusterError quoting the command and the end of stderr', async () => {
    await expect(runCommand('sh', ['-c', 'echo first >&2; echo boom >&2; exit 3'], { provider: 'kind', env })).rejects.toThrow(
      new ClusterError('kind cluster: `sh -c echo first >&2; echo boom >&2; exit 3` exited with 3: first | boom', 'kind'),
    )
  })

  it('on abort kills the whole process group, grandchildren included', async () => {
    const controller = new AbortController()
    let grandchild = 0
    const run = runCommand('sh', ['-c', 'sleep 60 & echo $! >&2; wait'], {
      provider: 'kind', env, signal: controller.signal,
      log: (line) => {
        grandchild = Number(line)
        controller.abort()
      },
    })
    await expect(run).rejects.toThrow('was interrupted')
    expect(grandchild).toBeGreaterThan(0)
    // a killed process can linger as a zombie where PID 1 does not reap; /proc tells the states apart
    const state = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${grandchild}/stat`, 'utf8')).catch(() => 'gone')
    expect(state === 'gone' || / Z /.test(state) || !isProcessAlive(grandchild)).toBe(true)
  })
})
