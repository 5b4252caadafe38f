import { open, readFile, rename } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { IClientOptions, MqttClient } from 'mqtt';
import { AlprError, TypedEmitter, errorMessage, type Clock, type Logger } from '../core/index.js';
import { brokerToken } from './brokerToken.js';
import { sealBatch, verifyAck } from './envelope.js';
import { alpr } from './proto/wire.js';
import { toWireRead } from './readCodec.js';
import type { BufferBatch, UplinkSource } from './readSource.js';
import { topics } from './topics.js';

export interface UplinkOptions {
  deviceId: string;
  brokerUrl: string;
  /** Extra MQTT options (TLS certificates for a broker over mqtts://). */
  mqtt?: Partial<IClientOptions>;
  source: UplinkSource;
  deviceKey: KeyObject;
  hub: { sealPublicKey: KeyObject; sealKeyId: string; verifyKey: KeyObject };
  /** Where the batch sequence number is kept across restarts. */
  stateDir: string;
  maxReads: number;
  maxBytes: number;
  /** A batch smaller than maxReads waits until its oldest read is this old. */
  maxAgeMs: number;
  ackTimeoutMs: number;
  backoff: { initialMs: number; maxMs: number };
  statusEveryMs: number;
  /** Extra status facts (tamper, health, the hot-list version held) for the retained DeviceStatus. */
  status?: () => Promise<{ tamperOpen?: boolean; health?: unknown; hotlistVersion?: number }>;
  clock: Clock;
  logger: Logger;
}

export interface UplinkStats {
  connected: boolean;
  batchesAcked: number;
  readsSynced: number;
  readsRejected: number;
  retries: number;
  lastAckedSequence: number;
  lastError: string | null;
}

type UplinkEvents = { batchAcked: [sequence: number, reads: number]; batchRejected: [sequence: number, reason: string]; linkUp: [] };

/**
 * The appliance's side of sync: takes batches from the buffer, signs and seals them, publishes
 * with QoS 1, waits for the hub's signed ack, and only then marks them synced. One batch is in
 * flight at a time, so the hub sees each device's reads in order; a batch without an ack is
 * published again (same sequence, same envelope) after an exponential backoff with jitter.
 */
export class Uplink extends TypedEmitter<UplinkEvents> {
  private client: MqttClient | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private nextSequence = 1;
  private waiters = new Map<number, (ack: alpr.v1.BatchAck) => void>();
  private statusTimer: { cancel(): void } | null = null;
  private wake: (() => void) | null = null;
  private statusSource: UplinkOptions['status'];
  private lastTokenAt = 0;
  /** Other hub-to-device topics (hot list, alert acks) and who takes their messages. */
  private readonly handlers = new Map<string, (payload: Buffer) => void>();
  readonly stats: UplinkStats = { connected: false, batchesAcked: 0, readsSynced: 0, readsRejected: 0, retries: 0, lastAckedSequence: 0, lastError: null };

  constructor(private readonly ctx: UplinkOptions) {
    super();
    this.statusSource = ctx.status;
  }

  async start(): Promise<void> {
    this.nextSequence = await this.loadSequence();
    const mqtt = await import('mqtt');
    const { deviceId } = this.ctx;
    const offline = alpr.v1.DeviceStatus.encode({ deviceId, online: false, atMs: this.ctx.clock.now() }).finish();
    const client = mqtt.connect(this.ctx.brokerUrl, {
      clientId: deviceId, username: deviceId, password: this.freshToken(),
      protocolVersion: 4, clean: true, reconnectPeriod: 1000, connectTimeout: 10_000,
      will: { topic: topics.status(deviceId), payload: Buffer.from(offline), qos: 1, retain: true },
      ...this.ctx.mqtt,
    });
    // The embedded broker takes each token for one login only: every reconnect (mqtt.js reuses
    // client.options) gets a fresh one, unless the broker was given a fixed password (an external
    // broker with its own password file).
    const fixedPassword = this.ctx.mqtt?.password !== undefined;
    client.on('close', () => {
      this.stats.connected = false;
      if (!fixedPassword) client.options.password = this.freshToken();
    });
    client.on('connect', () => {
      this.stats.connected = true;
      client.subscribe([topics.acks(deviceId), ...this.handlers.keys()], { qos: 1 }, (err) => {
        if (err) this.ctx.logger.warn({ err: errorMessage(err) }, 'ack subscription failed');
      });
      void this.publishStatus();
      this.wake?.();
      this.emit('linkUp');
    });
    client.on('error', (err) => {
      this.stats.lastError = err.message;
      this.ctx.logger.warn({ err: err.message }, 'broker connection error');
    });
    client.on('message', (topic, payload) => (this.handlers.has(topic) ? this.handlers.get(topic)!(payload) : this.onAck(topic, payload)));
    this.client = client;
    this.running = true;
    this.statusTimer = this.ctx.clock.setInterval(() => void this.publishStatus(), this.ctx.statusEveryMs);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.statusTimer?.cancel();
    this.wake?.();
    await this.loop;
    const client = this.client;
    this.client = null;
    if (client) {
      if (client.connected) await this.publishStatus(false).catch(() => undefined);
      await client.endAsync();
    }
  }

  /** Where the retained status gets its tamper state and health (the appliance sets this). */
  setStatusSource(source: UplinkOptions['status']): void {
    this.statusSource = source;
  }

  /** Takes the messages of one more of this device's topics (subscribed at every connect); call before start(). */
  onTopic(topic: string, handler: (payload: Buffer) => void): void {
    this.handlers.set(topic, handler);
  }

  /** Publishes at once, outside the batch loop (hits go ahead of batches); fails when the link is down. */
  async publishNow(topic: string, payload: Uint8Array): Promise<void> {
    const client = this.client;
    if (!client?.connected) throw new AlprError('ALPR_ERR_SYNC_BROKER', 'the broker is not connected');
    await client.publishAsync(topic, Buffer.from(payload), { qos: 1 });
  }

  /** Called when a read was appended, so a waiting uplink looks at the buffer now. */
  notify(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let backoff = this.ctx.backoff.initialMs;
    while (this.running) {
      if (!this.client?.connected) {
        await this.pause(200);
        continue;
      }
      let batch: BufferBatch | null;
      try {
        batch = await this.ctx.source.nextBatch(this.ctx.maxReads, this.ctx.maxBytes);
      } catch (err) {
        this.ctx.logger.error({ err: err instanceof AlprError ? err.toJSON() : errorMessage(err) }, 'buffer could not give a batch');
        await this.pause(backoff);
        continue;
      }
      if (!batch) {
        await this.pause(100);
        continue;
      }
      const oldest = Math.min(...batch.reads.map((r) => r.capturedAt));
      const age = this.ctx.clock.now() - oldest;
      if (batch.reads.length < this.ctx.maxReads && age >= 0 && age < this.ctx.maxAgeMs) {
        // Let a few more reads join, unless the oldest has waited long enough.
        this.ctx.source.releaseBatch(batch.batchId);
        await this.pause(Math.min(this.ctx.maxAgeMs - age, 100));
        continue;
      }
      const delivered = await this.deliver(batch);
      if (delivered) backoff = this.ctx.backoff.initialMs;
      else {
        this.ctx.source.releaseBatch(batch.batchId);
        backoff = Math.min(this.ctx.backoff.maxMs, backoff * 2);
      }
    }
  }

  /** Sends one batch until it is acknowledged (true) or the uplink is stopping (false). */
  private async deliver(batch: BufferBatch): Promise<boolean> {
    const sequence = this.nextSequence++;
    await this.saveSequence(this.nextSequence);
    const envelope = sealBatch(
      { deviceId: this.ctx.deviceId, sequence, sentAtMs: this.ctx.clock.now(), reads: batch.reads.map(toWireRead) },
      this.ctx.deviceKey, { publicKey: this.ctx.hub.sealPublicKey, keyId: this.ctx.hub.sealKeyId },
    );
    let backoff = this.ctx.backoff.initialMs;
    while (this.running) {
      const held = await this.ctx.source.renewLease(batch.batchId).catch((err: unknown) => {
        this.ctx.logger.error({ err: err instanceof AlprError ? err.toJSON() : errorMessage(err) }, 'buffer could not confirm the batch');
        return null;
      });
      if (held === null) return false;
      if (!held) {
        // Reads in it passed the retention limit or were pushed out by the byte budget during an
        // outage: they are not sent, and what is left goes in a new batch (the hub sees a gap).
        this.ctx.logger.warn({ sequence }, 'batch withdrawn: eviction took some of its reads; not sent again');
        return true;
      }
      const ack = await this.publishAndWait(sequence, envelope);
      if (ack) {
        if (ack.batchError) {
          this.ctx.logger.error({ sequence, reason: ack.batchError }, 'hub refused the batch');
          this.emit('batchRejected', sequence, ack.batchError);
          this.stats.lastError = ack.batchError;
          await this.pause(this.jitter(backoff));
          backoff = Math.min(this.ctx.backoff.maxMs, backoff * 2);
          continue;
        }
        await this.ctx.source.markSynced(batch.batchId);
        for (const r of ack.rejected) this.ctx.logger.error({ readId: r.readId, reason: r.reason }, 'hub rejected a read; it is dropped');
        this.stats.batchesAcked++;
        this.stats.readsSynced += ack.acceptedReadIds.length;
        this.stats.readsRejected += ack.rejected.length;
        this.stats.lastAckedSequence = sequence;
        this.emit('batchAcked', sequence, ack.acceptedReadIds.length);
        return true;
      }
      this.stats.retries++;
      this.ctx.logger.warn({ sequence, retryInMs: backoff }, 'no ack from the hub; will resend');
      await this.pause(this.jitter(backoff));
      backoff = Math.min(this.ctx.backoff.maxMs, backoff * 2);
    }
    return false;
  }

  private publishAndWait(sequence: number, envelope: Uint8Array): Promise<alpr.v1.BatchAck | null> {
    return new Promise((resolve) => {
      const client = this.client;
      if (!client?.connected) {
        resolve(null);
        return;
      }
      const timer = this.ctx.clock.setTimeout(() => {
        this.waiters.delete(sequence);
        resolve(null);
      }, this.ctx.ackTimeoutMs);
      this.waiters.set(sequence, (ack) => {
        timer.cancel();
        this.waiters.delete(sequence);
        resolve(ack);
      });
      client.publish(topics.reads(this.ctx.deviceId), Buffer.from(envelope), { qos: 1 }, (err) => {
        if (err) this.ctx.logger.warn({ err: err.message, sequence }, 'publish failed');
      });
    });
  }

  private onAck(topic: string, payload: Buffer): void {
    if (topic !== topics.acks(this.ctx.deviceId)) return;
    let ack: alpr.v1.BatchAck;
    try {
      ack = verifyAck(payload, this.ctx.hub.verifyKey);
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'ignored an ack that does not verify');
      return;
    }
    if (ack.deviceId !== this.ctx.deviceId) return;
    this.waiters.get(Number(ack.sequence))?.(ack);
  }

  private async publishStatus(online = true): Promise<void> {
    const client = this.client;
    if (!client?.connected) return;
    try {
      const buffer = await this.ctx.source.stats().catch(() => null);
      const extra = (await this.statusSource?.().catch(() => undefined)) ?? {};
      const status = alpr.v1.DeviceStatus.encode({
        deviceId: this.ctx.deviceId, online, atMs: this.ctx.clock.now(), unsyncedReads: buffer?.reads ?? 0,
        oldestUnsyncedAgeS: buffer?.oldestReadAgeS ?? 0, lastAckedSequence: this.stats.lastAckedSequence,
        tamperOpen: extra.tamperOpen ?? false, healthJson: extra.health ? JSON.stringify(extra.health) : '', hotlistVersion: extra.hotlistVersion ?? 0,
      }).finish();
      await client.publishAsync(topics.status(this.ctx.deviceId), Buffer.from(status), { qos: 1, retain: true });
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'status publish failed');
    }
  }

  /** A token dated later than any before it, so two reconnects within a millisecond differ. */
  private freshToken(): string {
    this.lastTokenAt = Math.max(this.ctx.clock.now(), this.lastTokenAt + 1);
    return brokerToken(this.ctx.deviceId, this.ctx.deviceKey, this.lastTokenAt);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.ctx.clock.setTimeout(done, ms);
      function done() {
        timer.cancel();
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private jitter(ms: number): number {
    return ms / 2 + Math.random() * (ms / 2);
  }

  private async loadSequence(): Promise<number> {
    try {
      const state = JSON.parse(await readFile(join(this.ctx.stateDir, 'uplink.json'), 'utf8')) as { nextSequence?: number };
      return Number.isInteger(state.nextSequence) && state.nextSequence! > 0 ? state.nextSequence! : 1;
    } catch {
      return 1;
    }
  }

  /** Written (and fsynced) before a sequence number is used, so none is ever reused. */
  private async saveSequence(next: number): Promise<void> {
    const path = join(this.ctx.stateDir, 'uplink.json');
    const tmp = join(dirname(path), `.uplink.${process.pid}.tmp`);
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify({ nextSequence: next }));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  }
}
