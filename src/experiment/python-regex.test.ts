import { describe, it, expect } from 'vitest'
import { compilePythonRegex } from './python-regex.js'

describe('compilePythonRegex', () => {
  it('searches like re.search, anywhere in the text', () => {
    expect(compilePythonRegex('[0-9]{2}').test('you are number 87')).toBe(true)
    expect(compilePythonRegex('[0-9]{2}').test('you are number 8')).toBe(false)
  })

  it('translates named groups, back references, inline flags, comments, \\A and \\Z', () => {
    expect(compilePythonRegex('(?P<word>ab)-(?P=word)').exec('x ab-ab')?.groups).toEqual({ word: 'ab' })
    expect(compilePythonRegex('(?i)hello').test('HELLO')).toBe(true)
    expect(compilePythonRegex('a(?# a comment)b').test('ab')).toBe(true)
    expect(compilePythonRegex('\\Aab').test('xab')).toBe(false)
    expect(compilePythonRegex('ab\\Z').test('ab\n')).toBe(false)
    expect(compilePythonRegex('ab$').test('ab')).toBe(true)
    expect(compilePythonRegex('ab$').test('ab\n')).toBe(true)
    expect(compilePythonRegex('ab$').test('ab\nx')).toBe(false)
    expect(compilePythonRegex('(?m)^ab$').test('x\nab\ny')).toBe(true)
    expect(compilePythonRegex('[$]').test('$')).toBe(true)
    expect(compilePythonRegex('[\\A]').test('A')).toBe(true)
  })

  it('rejects what Python rejects, saying why', () => {
    expect(() => compilePythonRegex('[')).toThrow(new SyntaxError('Unterminated character class'))
    expect(() => compilePythonRegex('a\\q')).toThrow(new SyntaxError('bad escape \\q'))
    expect(() => compilePythonRegex('(ab')).toThrow(new SyntaxError('Unterminated group'))
    expect(() => compilePythonRegex('(?x)a b')).toThrow(/verbose patterns/)
  })
})
