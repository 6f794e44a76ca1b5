// The server side of a SPDY/3.1 connection as client-go's spdystream speaks it: client-opened streams, data, FIN, reset and ping.
import { SpdyHeaderCodec } from './spdy-header-block.js'

/** Bytes in and out: a raw upgraded socket, or the binary messages of a WebSocket tunnel. */
export interface ByteTransport {
  write(bytes: Buffer): void
  close(): void
  onData(listener: (bytes: Buffer) => void): void
  onClose(listener: () => void): void
}

const VERSION = 3
const FLAG_FIN = 0x01
const TYPE = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const
const RST_CANCEL = 5
const MAX_DATA = 32 * 1024

/** One client-opened stream; data written after `end()` is dropped. */
export class SpdyStream {
  onData: (bytes: Buffer) => void = () => undefined
  onEnd: () => void = () => undefined
  onReset: () => void = () => undefined
  #ended = false

  constructor(
    readonly id: number,
    readonly headers: Map<string, string>,
    private readonly session: SpdySession,
  ) {}

  write(bytes: Buffer): void {
    if (this.#ended) return
    for (let offset = 0; offset < bytes.length; offset += MAX_DATA) this.session.sendData(this.id, bytes.subarray(offset, offset + MAX_DATA), false)
  }

  /** Half-closes our side with an empty FIN data frame. */
  end(): void {
    if (this.#ended) return
    this.#ended = true
    this.session.sendData(this.id, Buffer.alloc(0), true)
  }

  /** Called by the session when the client reset the stream. */
  markReset(): void {
    this.#ended = true
    this.onReset()
  }
}

const controlFrame = (type: number, flags: number, payload: Buffer): Buffer => {
  const head = Buffer.alloc(8)
  head.writeUInt16BE(0x8000 | VERSION, 0)
  head.writeUInt16BE(type, 2)
  head.writeUInt32BE(payload.length, 4)
  head.writeUInt8(flags, 4)
  return Buffer.concat([head, payload])
}

const uint32s = (...values: number[]): Buffer => {
  const bytes = Buffer.alloc(values.length * 4)
  values.forEach((value, index) => bytes.writeUInt32BE(value >>> 0, index * 4))
  return bytes
}

/**
 * Parses frames from `transport` and calls `onStream` for each stream the client opens, after answering
 * its SYN_STREAM with an empty SYN_REPLY (what spdystream's server side does). No flow control: spdystream sends
 * no WINDOW_UPDATE and ignores ours.
 */
export class SpdySession {
  #codec = new SpdyHeaderCodec()
  #buffer: Buffer = Buffer.alloc(0)
  #streams = new Map<number, SpdyStream>()
  #incoming: Promise<void> = Promise.resolve()
  #outgoing: Promise<void> = Promise.resolve()
  #closed = false

  constructor(
    private readonly transport: ByteTransport,
    private readonly onStream: (stream: SpdyStream) => void,
  ) {
    transport.onData((bytes) => this.#receive(bytes))
    transport.onClose(() => this.#shutDown())
  }

  /** Queued so every frame leaves in the order it was produced, SYN_REPLY before the stream's data. */
  sendData(streamId: number, data: Buffer, fin: boolean): void {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(streamId & 0x7fffffff, 0)
    head.writeUInt32BE(data.length, 4)
    head.writeUInt8(fin ? FLAG_FIN : 0, 4)
    this.#send(() => Buffer.concat([head, data]))
  }

  close(): void {
    this.#shutDown()
    this.transport.close()
  }

  #send(frame: () => Buffer | Promise<Buffer>): void {
    this.#outgoing = this.#outgoing.then(async () => {
      const bytes = await frame()
      if (!this.#closed) this.transport.write(bytes)
    }).catch(() => this.close())
  }

  #receive(bytes: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? bytes : Buffer.concat([this.#buffer, bytes])
    while (this.#buffer.length >= 8) {
      const length = this.#buffer.readUInt32BE(4) & 0xffffff
      if (this.#buffer.length < 8 + length) return
      const frame = this.#buffer.subarray(0, 8 + length)
      this.#buffer = this.#buffer.subarray(8 + length)
      this.#incoming = this.#incoming.then(() => this.#handle(frame)).catch(() => this.close())
    }
  }

  async #handle(frame: Buffer): Promise<void> {
    if (this.#closed) return
    const flags = frame.readUInt8(4)
    const payload = frame.subarray(8)
    if ((frame.readUInt8(0) & 0x80) === 0) return this.#handleData(frame.readUInt32BE(0) & 0x7fffffff, flags, payload)
    const type = frame.readUInt16BE(2)
    if (type === TYPE.synStream) {
      const id = payload.readUInt32BE(0) & 0x7fffffff
      const headers = await this.#codec.decode(payload.subarray(10))
      const stream = new SpdyStream(id, headers, this)
      this.#streams.set(id, stream)
      this.#send(async () => controlFrame(TYPE.synReply, 0, Buffer.concat([uint32s(id), await this.#codec.encode(new Map())])))
      this.onStream(stream)
      if (flags & FLAG_FIN) stream.onEnd()
    } else if (type === TYPE.headers) {
      await this.#codec.decode(payload.subarray(4))
    } else if (type === TYPE.rstStream) {
      const id = payload.readUInt32BE(0) & 0x7fffffff
      this.#streams.get(id)?.markReset()
      this.#streams.delete(id)
    } else if (type === TYPE.ping) {
      this.#send(() => controlFrame(TYPE.ping, 0, payload))
    } else if (type === TYPE.goAway) {
      this.close()
    }
  }

  #handleData(id: number, flags: number, payload: Buffer): void {
    const stream = this.#streams.get(id)
    if (!stream) {
      this.#send(() => controlFrame(TYPE.rstStream, 0, uint32s(id, RST_CANCEL)))
      return
    }
    if (payload.length > 0) stream.onData(payload)
    if (flags & FLAG_FIN) stream.onEnd()
  }

  #shutDown(): void {
    if (this.#closed) return
    this.#closed = true
    for (const stream of this.#streams.values()) stream.markReset()
    this.#streams.clear()
    this.#codec.close()
  }
}
