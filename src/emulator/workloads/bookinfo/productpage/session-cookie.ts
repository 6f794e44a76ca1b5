import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// One key per emulator process: every productpage replica (and a restarted one) accepts the others' cookies.
const SECRET = randomBytes(32)

const sign = (payload: string) => createHmac('sha256', SECRET).update(payload).digest('base64url')

export interface Session {
  user?: string
}

/** A Flask-style signed `session` cookie value: `<base64url JSON>.<HMAC>`. */
export const encodeSession = (session: Session): string => {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url')
  return `${payload}.${sign(payload)}`
}

/** The session in a `Cookie` header; empty when absent, tampered with or unreadable. */
export const decodeSession = (cookieHeader: string | undefined): Session => {
  const value = cookieHeader
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('session='))
    ?.slice('session='.length)
  const [payload, signature] = value?.split('.') ?? []
  if (!payload || !signature) return {}
  const expected = Buffer.from(sign(payload))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return {}
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session
  } catch {
    return {}
  }
}

export const sessionSetCookie = (session: Session): string =>
  session.user === undefined
    ? 'session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/'
    : `session=${encodeSession(session)}; HttpOnly; Path=/`
