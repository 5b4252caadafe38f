import type { Socket } from 'node:net';
import { BROKER_MAX_PACKET_BYTES, PacketHeaderReader } from '../../sync/index.js';

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
  maxPacketBytes: BROKER_MAX_PACKET_BYTES,
  connectTimeoutMs: 10_000,
};

/**
 * Watches what one broker connection sends and closes it the moment it goes over a limit: Aedes
 * itself buffers a whole packet, however large its announced length, before anyone checks who
 * sent it. The guard reads the MQTT fixed headers (PacketHeaderReader) as the bytes are handed
 * to Aedes, so an oversized packet is cut off at its header, before its body.
 * It observes the `data` events Aedes's own `read()` calls emit (Aedes reads in paused mode, so
 * listening does not change the flow), and destroys the socket before Aedes parses that chunk.
 */
export class PacketGuard {
  private authenticated = false;
  private received = 0;
  private readonly headers = new PacketHeaderReader();
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
    const whole = this.headers.feed(chunk, (_type, length) => {
      const limit = this.authenticated ? this.limits.maxPacketBytes : this.limits.preAuthMaxBytes;
      if (length <= limit) return true;
      this.violate(`a ${length}-byte packet ${this.authenticated ? 'is over the limit' : 'before login'} (limit ${limit})`);
      return false;
    });
    // Stopped by an oversized header (already cut), or a length past its four bytes.
    if (!whole) this.violate('malformed packet length');
  }

  private violate(why: string): void {
    clearTimeout(this.deadline);
    if (this.socket.destroyed) return;
    this.onViolation(why);
    this.socket.destroy();
  }
}
