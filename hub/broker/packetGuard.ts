import type { Socket } from 'node:net';

export interface PacketLimits {
  /** Bytes a connection may send in all before it has logged in (its CONNECT included). */
  preAuthMaxBytes: number;
  /** The largest single MQTT packet a logged-in client may send. */
  maxPacketBytes: number;
  /** A connection that has not logged in within this is closed. */
  connectTimeoutMs: number;
}

export const DEFAULT_PACKET_LIMITS: PacketLimits = {
  // A device's CONNECT is its id, a ~110-byte token and a ~60-byte offline will: 16 KiB is ample.
  preAuthMaxBytes: 16 * 1024,
  // A batch is at most 32 MiB at ingest (sync.batch_max_bytes defaults to 4 MB); room for framing.
  maxPacketBytes: 33 * 1024 * 1024,
  connectTimeoutMs: 10_000,
};

/**
 * Watches what one broker connection sends and closes it the moment it goes over a limit: Aedes
 * itself buffers a whole packet, however large its announced length, before anyone checks who
 * sent it. The guard reads the MQTT fixed headers (type byte, then a 1-4 byte length) as the
 * bytes are handed to Aedes, so an oversized packet is cut off at its header, before its body.
 * It observes the `data` events Aedes's own `read()` calls emit (Aedes reads in paused mode, so
 * listening does not change the flow), and destroys the socket before Aedes parses that chunk.
 */
export class PacketGuard {
  private authenticated = false;
  private received = 0;
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private lengthBytes = 0;
  private remaining = 0;
  private readonly deadline: NodeJS.Timeout;

  constructor(private readonly socket: Socket, private readonly limits: PacketLimits, private readonly onViolation: (why: string) => void) {
    this.deadline = setTimeout(() => this.violate(`no login within ${limits.connectTimeoutMs} ms`), limits.connectTimeoutMs);
    socket.on('data', (chunk: Buffer) => this.feed(chunk));
    socket.once('close', () => clearTimeout(this.deadline));
  }

  /** Called once the broker accepted the login: the per-packet limit applies from now on. */
  loggedIn(): void {
    this.authenticated = true;
    clearTimeout(this.deadline);
  }

  private feed(chunk: Buffer): void {
    if (this.socket.destroyed) return;
    if (!this.authenticated) {
      this.received += chunk.length;
      if (this.received > this.limits.preAuthMaxBytes) return this.violate(`more than ${this.limits.preAuthMaxBytes} bytes before login`);
    }
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'type') {
        i++;
        this.state = 'length';
        this.length = 0;
        this.lengthBytes = 0;
      } else if (this.state === 'length') {
        const byte = chunk[i++]!;
        this.length += (byte & 0x7f) * 128 ** this.lengthBytes;
        this.lengthBytes++;
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return this.violate('malformed packet length');
          continue;
        }
        const limit = this.authenticated ? this.limits.maxPacketBytes : this.limits.preAuthMaxBytes;
        if (this.length > limit) return this.violate(`a ${this.length}-byte packet ${this.authenticated ? 'is over the limit' : 'before login'} (limit ${limit})`);
        this.remaining = this.length;
        this.state = this.remaining > 0 ? 'body' : 'type';
      } else {
        const take = Math.min(this.remaining, chunk.length - i);
        i += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'type';
      }
    }
  }

  private violate(why: string): void {
    clearTimeout(this.deadline);
    if (this.socket.destroyed) return;
    this.onViolation(why);
    this.socket.destroy();
  }
}
