import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect, beforeAll } from 'vitest'
import { InvalidSourceError } from '../errors.js'
import { InvalidVarError } from './invalid-var-error.js'
import { loadVarFile, loadVars, mergeVarFiles, parseVar, parseVars } from './vars.js'

describe('parseVar', () => {
  it('reads key[:type]=value, splitting on the first = and the last :', () => {
    expect(parseVar('ns=shop')).toEqual({ key: 'ns', value: 'shop' })
    expect(parseVar('n:int=3')).toEqual({ key: 'n', value: 3 })
    expect(parseVar('r:float=2.5')).toEqual({ key: 'r', value: 2.5 })
    expect(parseVar('b:bool=0')).toEqual({ key: 'b', value: false })
    expect(parseVar('j:json={"a":1}')).toEqual({ key: 'j', value: { a: 1 } })
    expect(parseVar('url=http://x?a=b')).toEqual({ key: 'url', value: 'http://x?a=b' })
    expect(parseVar('a:b:str=x')).toEqual({ key: 'a:b', value: 'x' })
  })

  it('throws a clear InvalidVarError for bad syntax, types and values', () => {
    expect(() => parseVar('novalue')).toThrow(new InvalidVarError("--var 'novalue' needs to be in the format name[:type]=value (for example replicas:int=3)"))
    expect(() => parseVar('n:int=x')).toThrow("--var 'n:int=x': invalid literal for int(): 'x'")
    expect(() => parseVar('n:date=x')).toThrow('variable type can only be: bool, str, int, float, bytes or json')
  })

  it('lets later vars win', () => {
    expect(parseVars(['a=1', 'a:int=2', 'b=3'])).toEqual({ a: 2, b: '3' })
  })
})

describe('var files', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vars-'))
    await writeFile(join(dir, 'one.yaml'), 'configuration:\n  ns: one\n  port: 1\nsecrets:\n  k8s:\n    token: a\n')
    await writeFile(join(dir, 'two.json'), '{"configuration": {"ns": "two"}, "secrets": {"aws": {"key": "b"}}}')
    await writeFile(join(dir, 'prod.env'), '# comment\n\nAPP_TOKEN=abc=def\nEMPTY=\n')
    await writeFile(join(dir, 'broken.env'), 'OK=1\nnot a pair\n')
    await writeFile(join(dir, 'bad.yaml'), 'configuration: [unclosed\n')
  })

  it('reads configuration and secrets from YAML and JSON', async () => {
    expect(await loadVarFile(join(dir, 'one.yaml'), {})).toEqual({ configuration: { ns: 'one', port: 1 }, secrets: { k8s: { token: 'a' } } })
  })

  it('exports a .env file into the given env and overrides nothing else', async () => {
    const env: Record<string, string | undefined> = {}
    expect(await loadVarFile(join(dir, 'prod.env'), env)).toEqual({ configuration: {}, secrets: {} })
    expect(env).toEqual({ APP_TOKEN: 'abc=def', EMPTY: '' })
  })

  it('names the file and line of a bad .env line, and the file of bad YAML or a missing file', async () => {
    await expect(loadVarFile(join(dir, 'broken.env'), {})).rejects.toThrow(`${join(dir, 'broken.env')}:2: 'not a pair' is not a KEY=value line`)
    await expect(loadVarFile(join(dir, 'bad.yaml'), {})).rejects.toBeInstanceOf(InvalidSourceError)
    await expect(loadVarFile(join(dir, 'nope.yaml'), {})).rejects.toThrow(`Cannot read var file '${join(dir, 'nope.yaml')}'`)
  })

  it('merges files in order, then puts --var on top of configuration', async () => {
    const env: Record<string, string | undefined> = {}
    const merged = await loadVars([join(dir, 'one.yaml'), join(dir, 'two.json'), join(dir, 'prod.env')], ['port:int=9'], env)
    expect(merged).toEqual({ configuration: { ns: 'two', port: 9 }, secrets: { k8s: { token: 'a' }, aws: { key: 'b' } } })
    expect(env.APP_TOKEN).toBe('abc=def')
    expect(mergeVarFiles({ configuration: { a: 1 }, secrets: { s: { x: 1 } } }, { configuration: {}, secrets: { s: { y: 2 } } }).secrets).toEqual({ s: { y: 2 } })
  })
})
