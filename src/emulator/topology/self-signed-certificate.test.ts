import { X509Certificate, createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { selfSignedCertificate } from './self-signed-certificate.js'

describe('selfSignedCertificate', () => {
  it('is a valid X.509 certificate for 127.0.0.1, signed by its own key', () => {
    const { cert, key } = selfSignedCertificate('vitest-chaos test')
    const parsed = new X509Certificate(cert)
    expect(parsed.subject).toBe('CN=vitest-chaos test')
    expect(parsed.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost')
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(parsed.verify(parsed.publicKey)).toBe(true)
    expect(parsed.checkPrivateKey(createPrivateKey(key))).toBe(true)
    expect(Date.parse(parsed.validTo) - Date.now()).toBeGreaterThan(300 * 24 * 3600_000)
  })

  it('always encodes valid DER, whatever the random serial number', () => {
    for (let i = 0; i < 300; i += 1) {
      const { cert } = selfSignedCertificate('round')
      expect(() => new X509Certificate(cert)).not.toThrow()
    }
  })
})
