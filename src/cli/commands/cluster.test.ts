import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../main.js'

const cli = async (argv: string[], env?: Record<string, string>) => {
  let stdout = ''
  let stderr = ''
  const saved = { ...process.env }
  if (env) Object.assign(process.env, env)
  try {
    const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), signal: new AbortController().signal })
    return { code, stdout, stderr }
  } finally {
    for (const key of Object.keys(env ?? {})) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}

describe('vitest-chaos cluster (in process)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cluster-cli-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('is listed in --help and has its own usage', async () => {
    expect((await cli(['--help'])).stdout).toContain('cluster    start (up) or stop (down) a cluster with bookinfo')
    const help = await cli(['cluster', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: vitest-chaos cluster up \[--provider emulated\|kind\|k3s\]/)
  })

  it('rejects bad usage with exit code 2', async () => {
    expect(await cli(['cluster'])).toEqual({ code: 2, stdout: '', stderr: "vitest-chaos cluster: expected 'up' or 'down', got nothing\n" })
    expect((await cli(['cluster', 'up', '--provider', 'minikube'])).stderr).toBe(
      "vitest-chaos cluster: invalid value for '--provider': 'minikube' is not one of emulated, kind, k3s\n",
    )
    expect((await cli(['cluster', 'up', '--bogus'])).code).toBe(2)
    expect(await cli(['cluster', 'up', '--program', 'node shop.js'])).toEqual({
      code: 2, stdout: '', stderr: "vitest-chaos cluster: invalid value for '--program': 'node shop.js' is not IMAGE=COMMAND (e.g. --program shop='node shop.js')\n",
    })
    expect((await cli(['cluster', 'up', '--program', 'ghcr.io/me/shop:1.0=node shop.js'])).stderr).toBe(
      "vitest-chaos cluster: invalid value for '--program': 'ghcr.io/me/shop:1.0' must be an image name without registry and tag (e.g. 'shop' for ghcr.io/me/shop:1.0)\n",
    )
  })

  it('up --provider kind without kind on PATH: exit 1 and one line saying how to install it', async () => {
    const result = await cli(['cluster', 'up', '--provider', 'kind', '--state-dir', dir], { PATH: join(dir, 'empty-path') })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^vitest-chaos cluster: kind cluster: `kind` is not on PATH; install kind v0\.32\.0: [^\n]+\n$/)
  })

  it('down with nothing recorded says so and exits 1', async () => {
    const result = await cli(['cluster', 'down', '--state-dir', dir])
    expect(result).toEqual({ code: 1, stdout: '', stderr: `vitest-chaos cluster down: no running cluster recorded in ${join(dir, 'cluster.json')}; for kind, pass --provider kind\n` })
  })

  it('down with a stale cluster.json (its process is gone) removes it', async () => {
    const stale = join(dir, 'stale')
    await rm(stale, { recursive: true, force: true })
    await import('node:fs/promises').then((fs) => fs.mkdir(stale))
    // pid 2^22 is above Linux's pid_max default, so no process has it
    await writeFile(join(stale, 'cluster.json'), JSON.stringify({ provider: 'emulated', name: 'emulated', pid: 4_194_304 }))
    const result = await cli(['cluster', 'down', '--state-dir', stale])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('no process 4194304 was running; removed the stale')
    expect(existsSync(join(stale, 'cluster.json'))).toBe(false)
    await expect(readFile(join(stale, 'cluster.json'), 'utf8')).rejects.toThrow('ENOENT')
  })
})
