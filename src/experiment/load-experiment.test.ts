import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidSourceError } from '../errors.js'
import { loadExperiment } from './load-experiment.js'

const JSON_TEXT = '{\n  "title": "t",\n  "method": [\n    {\n      "name": "a",\n      "provider": {"type": "http"}\n    }\n  ]\n}\n'
const YAML_TEXT = 'title: t\nmethod:\n  - name: a\n    background: yes\n    provider:\n      type: http\n'

let dir = ''
let server: Server
let base = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'load-'))
  await writeFile(join(dir, 'exp.json'), JSON_TEXT)
  await writeFile(join(dir, 'exp.yaml'), YAML_TEXT)
  await writeFile(join(dir, 'exp.txt'), JSON_TEXT)
  await writeFile(join(dir, 'bad.yaml'), 'title: t\nmethod: [unclosed\nx: 1\n')
  await writeFile(join(dir, 'bad.json'), '{"title": }')
  await writeFile(join(dir, 'bom.json'), '\uFEFF{"title": "t"}')
  server = createServer((request, response) => {
    const routes: Record<string, [number, string, string]> = {
      '/exp.json': [200, 'application/json', JSON_TEXT],
      '/exp.yaml': [200, 'application/x-yaml', YAML_TEXT],
      '/plain-yaml': [200, 'text/plain; charset=utf-8', YAML_TEXT],
      '/html': [200, 'text/html', '<html></html>'],
      '/auth': [200, 'application/json', JSON.stringify({ auth: request.headers.authorization ?? null, accept: request.headers.accept })],
    }
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/exp.json' }).end()
      return
    }
    const [status, type, body] = routes[request.url ?? ''] ?? [404, 'text/plain', 'no such experiment']
    response.writeHead(status, { 'content-type': type }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('loadExperiment from files', () => {
  it('reads JSON and locates pointers as file:line:col', async () => {
    const path = join(dir, 'exp.json')
    const loaded = await loadExperiment(path)
    expect(loaded.document).toEqual(JSON.parse(JSON_TEXT))
    expect(loaded.source).toBe(path)
    expect(loaded.locate('/method/0/provider/type')).toBe(`${path}:6:28`)
    expect(loaded.locate('/method/0/provider/func')).toBe(`${path}:6:19`)
    expect(loaded.locate('/description')).toBe(`${path}:1:1`)
  })

  it('ignores a byte-order mark', async () => {
    const loaded = await loadExperiment(join(dir, 'bom.json'))
    expect(loaded.document).toEqual({ title: 't' })
    expect(loaded.locate('/title')).toBe(`${join(dir, 'bom.json')}:1:11`)
  })

  it('reads YAML as PyYAML does (yes is true) and locates pointers', async () => {
    const path = join(dir, 'exp.yaml')
    const loaded = await loadExperiment(path)
    expect(loaded.document).toEqual({ title: 't', method: [{ name: 'a', background: true, provider: { type: 'http' } }] })
    expect(loaded.locate('/method/0/background')).toBe(`${path}:4:17`)
    expect(loaded.locate('/method/0')).toBe(`${path}:3:5`)
  })

  it("rejects a missing path, another scheme and another extension with Chaos Toolkit's messages", async () => {
    await expect(loadExperiment('nope/missing.json')).rejects.toThrow(/^Path "nope\/missing.json" does not exist\. Check the path/)
    await expect(loadExperiment('ftp://host/exp.json')).rejects.toThrow(new InvalidSourceError("'ftp' is not a supported source scheme."))
    await expect(loadExperiment(join(dir, 'exp.txt'))).rejects.toThrow(`${join(dir, 'exp.txt')}: only files with json, yaml or yml extensions are supported; rename it to .json, .yaml or .yml`)
  })

  it('says where the YAML or JSON is broken, in one line', async () => {
    const error = (await loadExperiment(join(dir, 'bad.yaml')).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(InvalidSourceError)
    expect(error.message).toBe(
      `${join(dir, 'bad.yaml')}:3:1: Failed parsing YAML experiment: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML syntax there`,
    )
    await expect(loadExperiment(join(dir, 'bad.json'))).rejects.toThrow(`${join(dir, 'bad.json')}: Failed parsing JSON experiment: Unexpected token`)
  })
})

describe('loadExperiment from URLs', () => {
  it('parses by Content-Type: JSON, YAML, and text/plain tried as JSON then YAML', async () => {
    expect((await loadExperiment(`${base}/exp.json`)).document).toEqual(JSON.parse(JSON_TEXT))
    expect((await loadExperiment(`${base}/exp.yaml`)).document).toMatchObject({ method: [{ background: true }] })
    const plain = await loadExperiment(`${base}/plain-yaml`)
    expect(plain.document).toMatchObject({ title: 't' })
    expect(plain.locate('/method/0/provider')).toBe(`${base}/plain-yaml:6:7`)
  })

  it('follows redirects and sends the Accept header and the loader bearer token', async () => {
    expect((await loadExperiment(`${base}/moved`)).document).toMatchObject({ title: 't' })
    process.env.CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN = ' abc \n'
    try {
      expect((await loadExperiment(`${base}/auth`)).document).toEqual({ auth: 'bearer abc', accept: 'application/json, application/x-yaml' })
    } finally {
      delete process.env.CHAOSTOOLKIT_LOADER_AUTH_BEARER_TOKEN
    }
  })

  it('reports a non-200 answer, an unknown Content-Type and a refused connection', async () => {
    await expect(loadExperiment(`${base}/missing.json`)).rejects.toThrow(`Failed to fetch the experiment: no such experiment (${base}/missing.json answered 404)`)
    await expect(loadExperiment(`${base}/html`)).rejects.toThrow("only files with json, yaml or yml extensions are supported (the server answered Content-Type 'text/html')")
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    await expect(loadExperiment(`http://127.0.0.1:${port}/x.json`)).rejects.toThrow(`Failed to fetch the experiment: http://127.0.0.1:${port}/x.json: connect ECONNREFUSED`)
  })
})
