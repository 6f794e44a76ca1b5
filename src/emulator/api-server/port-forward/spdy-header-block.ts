// SPDY/3 name/value header blocks: one zlib stream per direction, primed with the SPDY dictionary, sync-flushed per block.
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib'
import { SPDY_DICTIONARY } from './spdy-dictionary.js'

const runThrough = async (stream: Inflate | Deflate, input: Buffer): Promise<Buffer> => {
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(error)
    stream.once('error', fail)
    stream.write(input)
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      stream.off('error', fail)
      resolve()
    })
  })
  const chunks: Buffer[] = []
  for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const parseBlock = (raw: Buffer): Map<string, string> => {
  const headers = new Map<string, string>()
  let offset = 4
  const count = raw.readUInt32BE(0)
  const next = () => {
    const length = raw.readUInt32BE(offset)
    const text = raw.subarray(offset + 4, offset + 4 + length).toString('utf8')
    offset += 4 + length
    return text
  }
  for (let index = 0; index < count; index += 1) {
    const name = next()
    headers.set(name.toLowerCase(), next().split('\0')[0] ?? '')
  }
  return headers
}

const serializeBlock = (headers: Map<string, string>): Buffer => {
  const parts: Buffer[] = [Buffer.alloc(4)]
  parts[0]!.writeUInt32BE(headers.size)
  for (const text of [...headers].flat()) {
    const bytes = Buffer.from(text, 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(bytes.length)
    parts.push(length, bytes)
  }
  return Buffer.concat(parts)
}

/** The two compression contexts of one SPDY connection. Calls of each direction must not overlap (the session serialises them). */
export class SpdyHeaderCodec {
  #inflate = createInflate({ dictionary: SPDY_DICTIONARY })
  #deflate = createDeflate({ dictionary: SPDY_DICTIONARY })

  async decode(block: Buffer): Promise<Map<string, string>> {
    return parseBlock(await runThrough(this.#inflate, block))
  }

  async encode(headers: Map<string, string>): Promise<Buffer> {
    return runThrough(this.#deflate, serializeBlock(headers))
  }

  close(): void {
    this.#inflate.destroy()
    this.#deflate.destroy()
  }
}
