import type { MqttClient } from 'mqtt';
import { AlprError, type Clock, type Logger, type TimerHandle } from '../core/index.js';

/** Default PUBACK deadline (the appliance's `sync.puback_timeout_ms`, the hub's `pubackTimeoutMs`). */
export const DEFAULT_PUBACK_TIMEOUT_MS = 30_000;

export interface PubackDeadlineOptions {
  client: MqttClient;
  timeoutMs: number;
  /**
   * What becomes of the publishes waiting when the connection is cut. 'resend': they wait on, and
   * MQTT.js sends them again on the next connection (the appliance: a batch or hit must get
   * through). 'reject': each fails with ALPR_ERR_SYNC_BROKER_SILENT and is dropped from MQTT.js's
   * store, so that its sender's own retry takes over and no stale copy follows it later (the hub:
   * a hot-list push, an ack).
   */
  onCut: 'resend' | 'reject';
  clock: Pick<Clock, 'monotonic' | 'setInterval'>;
  logger: Logger;
  /** Told of each cut (the uplink keeps it as its last error). */
  cut?: (error: AlprError) => void;
}

interface Waiting {
  sentAt: number;
  /** Fails the publish and takes it out of MQTT.js's store ('reject' only). */
  fail: ((error: AlprError) => void) | null;
}

/**
 * QoS 1 publishes under a PUBACK deadline. MQTT.js waits for a PUBACK forever, and its keepalive
 * only catches a broker that stops answering pings too (after 1.5 keepalives), never one that
 * answers pings but drops publishes. When a publish has waited `timeoutMs` and no other PUBACK
 * came meanwhile, the connection is cut and ALPR_ERR_SYNC_BROKER_SILENT logged: MQTT.js
 * reconnects, to the next node of a cluster.
 */
export class PubackDeadline {
  private readonly waiting = new Set<Waiting>();
  private lastPubackAt = 0;
  private timer: TimerHandle | null = null;
  private readonly onConnect = () => {
    // MQTT.js resends the unacknowledged publishes on the new connection: their wait starts over.
    const now = this.ctx.clock.monotonic();
    this.lastPubackAt = now;
    for (const w of this.waiting) w.sentAt = now;
  };

  constructor(private readonly ctx: PubackDeadlineOptions) {}

  start(): void {
    this.ctx.client.on('connect', this.onConnect);
    this.timer = this.ctx.clock.setInterval(() => this.check(), Math.max(100, this.ctx.timeoutMs / 4));
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
    this.ctx.client.off('connect', this.onConnect);
  }

  /** Publishes at QoS 1; resolves on the broker's PUBACK. */
  publish(topic: string, payload: Buffer, options: { retain?: boolean } = {}): Promise<void> {
    const { client } = this.ctx;
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { sentAt: this.ctx.clock.monotonic(), fail: null };
      const acked = (err?: Error) => {
        // Already failed by the deadline (and removed from the store, which calls back once more).
        if (!this.waiting.delete(waiting)) return;
        if (err) return reject(err);
        this.lastPubackAt = this.ctx.clock.monotonic();
        resolve();
      };
      if (this.ctx.onCut === 'reject') {
        waiting.fail = (error) => {
          this.waiting.delete(waiting);
          reject(error);
          const id = Object.entries(client.outgoing).find(([, o]) => o.cb === acked)?.[0];
          if (id !== undefined) client.removeOutgoingMessage(Number(id));
        };
      }
      this.waiting.add(waiting);
      client.publish(topic, payload, { qos: 1, retain: options.retain ?? false }, acked);
    });
  }

  /** Cuts a connection whose broker has acknowledged nothing for timeoutMs while a publish waits. */
  private check(): void {
    if (this.waiting.size === 0) return;
    const { client, timeoutMs } = this.ctx;
    const now = this.ctx.clock.monotonic();
    const oldest = Math.min(...[...this.waiting].map((w) => w.sentAt));
    if (now - oldest < timeoutMs || now - this.lastPubackAt < timeoutMs) return;
    // Not connected: MQTT.js resends on its next connection; only a publish the sender waits on fails now.
    if (!client.connected && this.ctx.onCut === 'resend') return;
    const error = new AlprError('ALPR_ERR_SYNC_BROKER_SILENT', `the broker acknowledged no publish for ${Math.round((now - this.lastPubackAt) / 1000)} s; reconnecting (to the next node, if any)`);
    this.ctx.cut?.(error);
    this.ctx.logger.warn({ err: error.toJSON(), waiting: this.waiting.size }, client.connected ? 'broker not answering; connection cut' : 'no broker connection; waiting publishes failed');
    // Not again until the next connection has had its own chance.
    this.lastPubackAt = now;
    for (const w of [...this.waiting]) w.fail?.(error);
    if (client.connected) client.stream?.destroy();
  }
}
