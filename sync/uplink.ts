import { open, readFile, rename } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { IClientOptions, MqttClient } from 'mqtt';
import { brokerServers } from './brokerServers.js';
import { END_GRACE_MS, endClient } from './endClient.js';
import { setTimeout as delay } from 'node:timers/promises';
import { AlprError, errorMessage, loggableError, TypedEmitter, type Clock, type Logger } from '../core/index.js';
import { brokerToken } from './brokerToken.js';
import { envelopeDigest, verifyConfigPush } from './configPush.js';
import { sealBatch, verifyAck } from './envelope.js';
import { writeHubIdentity, type HubIdentity } from './hubIdentity.js';
import { HubTime } from './hubTime.js';
import { guardClientPackets, incomingPayloadLimit, MAX_INCOMING_PACKET_BYTES } from './incomingLimits.js';
import { BROKER_MAX_PACKET_BYTES, packetSize } from './packetHeaders.js';
import { DEFAULT_PUBACK_TIMEOUT_MS, PubackDeadline } from './pubackDeadline.js';
import { alpr } from './proto/wire.js';
import { toWireRead } from './readCodec.js';
import type { ReadRecord } from './readRecord.js';
import type { BufferBatch, UplinkSource } from './readSource.js';
import { topics } from './topics.js';

/** Room for the envelope around the reads when a batch is sized to the hub's limit. */
const ENVELOPE_MARGIN_BYTES = 4096;
/** No read is older than the buffer's retention: a wilder clock difference is not an age. */
const MAX_READ_AGE_MS = 30 * 24 * 3600 * 1000;
/** A token dated this far from the hub's time may have been let in only to learn the time: log in again. */
const TOKEN_SKEW_RELOGIN_MS = 60_000;
/**
 * After connecting, how long to wait for the hub's config push (the embedded broker sends one on
 * subscription) before asking for the time with an empty batch. Nothing is published before the
 * time is known: a device admitted on probation (token dated by a wrong clock) that publishes is
 * disconnected.
 */
const PUSH_WAIT_MS = 1000;
/**
 * With the buffer empty the uplink waits for notify() (a read appended); this is only the fallback
 * for reads that come back without one (a released batch, quarantine). Polling every 100 ms cost
 * a LevelDB scan and a retention check ten times a second on every idle appliance.
 */
const IDLE_POLL_MS = 1000;
/** While the link is down, how often the batch loop looks again (a reconnect wakes it at once). */
const LINK_WAIT_MS = 200;

export interface UplinkOptions {
  deviceId: string;
  brokerUrl: string;
  /**
   * Other nodes of a broker cluster: when the connection is lost the uplink tries the next URL in
   * turn (brokerUrl first). Unacked batches are resent there; the hub drops repeats by read id.
   */
  fallbackBrokerUrls?: readonly string[];
  /** Extra MQTT options (TLS certificates for a broker over mqtts://). */
  mqtt?: Partial<IClientOptions>;
  source: UplinkSource;
  deviceKey: KeyObject;
  /** The hub's keys as enrolled (hub.json); `sealKeySinceMs` defaults to 0. */
  hub: Omit<HubIdentity, 'sealKeySinceMs'> & { sealKeySinceMs?: number };
  /** Where a newer hub sealing key from a signed config push is saved (hub.json); unset: kept in memory. */
  hubIdentityFile?: string;
  /** Where the batch sequence number is kept across restarts. */
  stateDir: string;
  maxReads: number;
  maxBytes: number;
  /** A batch smaller than maxReads waits until its oldest read is this old. */
  maxAgeMs: number;
  ackTimeoutMs: number;
  /**
   * A publish the broker has not acknowledged (PUBACK) within this, while no other PUBACK came
   * either, means the node is not answering: stopped, or dropping what it refuses (a topic ACL
   * that does not close the connection). The connection is cut and mqtt.js moves to the next
   * node. MQTT.js's keepalive does not catch a node that answers pings but not publishes. Must
   * exceed the time to upload the largest batch. Default DEFAULT_PUBACK_TIMEOUT_MS.
   */
  pubackTimeoutMs?: number;
  /** The largest batch PUBLISH packet (framing and topic included) the brokers pass on (default BROKER_MAX_PACKET_BYTES). */
  maxPublishBytes?: number;
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
  /** Reads the hub refused (or too large for it alone), set aside in the buffer's quarantine. */
  readsQuarantined: number;
  /** Whole-batch refusals from the hub (each answered by splitting, re-sealing or backing off). */
  batchesRefused: number;
  retries: number;
  lastAckedSequence: number;
  lastError: string | null;
  /** The hub's time minus this appliance's wall clock, once learned (ms). */
  clockSkewMs: number | null;
  hubKeyId: string;
}

type UplinkEvents = {
  batchAcked: [sequence: number, reads: number];
  batchRejected: [sequence: number, reason: string];
  linkUp: [];
  readsQuarantined: [count: number];
  hubKeyChanged: [keyId: string];
  hubTimeLearned: [skewMs: number];
};

/** What the hub took (and refused), 'withdrawn' when eviction took reads of the batch, null when stopping. */
type Delivery = { setAside: Array<{ readId: string; reason: string }>; accepted: number } | 'withdrawn' | null;

/**
 * The appliance's side of sync: takes batches from the buffer, signs and seals them, publishes
 * with QoS 1, waits for the hub's signed ack, and only then marks them synced. One batch is in
 * flight at a time, so the hub sees each device's reads in order; a batch without an ack is
 * published again (same sequence, same envelope) after an exponential backoff with jitter.
 *
 * A refusal says what helps: too large, the batch is split in halves (a single read too large for
 * the hub is quarantined); sealed to a key the hub no longer takes, or unreadable, it is sealed
 * afresh to the current key; a passing condition, it is resent after a backoff. Reads the hub
 * refuses one by one go into the buffer's quarantine, and the rest of the batch is synced.
 *
 * Time: reads are stamped on the wire with the hub's time (learned from signed acks and config
 * pushes, carried on the monotonic clock) and with the appliance's own capture time. Until the hub
 * has been heard from, an empty batch is sent first to learn it.
 */
export class Uplink extends TypedEmitter<UplinkEvents> {
  private client: MqttClient | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private nextSequence = 1;
  private inFlight: { sequence: number; digest: Buffer; resolve: (ack: alpr.v1.BatchAck) => void; abandon: () => void } | null = null;
  private statusTimer: { cancel(): void } | null = null;
  private wake: (() => void) | null = null;
  /** A read was appended since the loop last looked at the buffer (a notify() that found no pause to cut short). */
  private notified = false;
  private statusSource: UplinkOptions['status'];
  private hub: HubIdentity;
  private readonly hubTime: HubTime;
  private lastTokenAt = 0;
  /** Other hub-to-device topics (hot list, alert acks) and who takes their messages. */
  private readonly handlers = new Map<string, (payload: Buffer) => void>();
  private tokenFromHubTime = false;
  private pushWaitUntil = 0;
  /** The most bytes of reads the hub takes in one batch, from its acks. */
  private hubMaxBytes = Number.POSITIVE_INFINITY;
  private hubLimitKnown = false;
  /** QoS 1 publishes under the PUBACK deadline, one per connection the uplink makes. */
  private deadline: PubackDeadline | null = null;
  readonly stats: UplinkStats;

  constructor(private readonly ctx: UplinkOptions) {
    super();
    this.statusSource = ctx.status;
    this.hub = { sealKeySinceMs: 0, ...ctx.hub };
    this.hubTime = new HubTime(ctx.clock);
    this.stats = {
      connected: false, batchesAcked: 0, readsSynced: 0, readsQuarantined: 0, batchesRefused: 0, retries: 0, lastAckedSequence: 0, lastError: null,
      clockSkewMs: null, hubKeyId: ctx.hub.sealKeyId,
    };
  }

  async start(): Promise<void> {
    this.nextSequence = await this.loadSequence();
    const mqtt = await import('mqtt');
    const { deviceId } = this.ctx;
    const offline = alpr.v1.DeviceStatus.encode({ deviceId, online: false, atMs: this.ctx.clock.now() }).finish();
    const client = mqtt.connect(this.ctx.brokerUrl, {
      clientId: deviceId, username: deviceId, password: this.freshToken(),
      protocolVersion: 4, clean: true, reconnectPeriod: 1000, connectTimeout: 10_000,
      // Sent in CONNECT under MQTT 5 (sync.mqtt_version 5, in ctx.mqtt: Mosquitto, EMQX, RabbitMQ
      // 3.13+): the broker then drops an oversized message for this client instead of sending it.
      // MQTT 3.1.1 (the embedded broker) has no such property; the guard below holds under both.
      properties: { maximumPacketSize: MAX_INCOMING_PACKET_BYTES },
      // MQTT.js gives up for good after a refused CONNACK; a pole must not (the hub behind a
      // cluster node's auth backend may be down for a moment, the device enrolled a minute later).
      reconnectOnConnackError: true,
      will: { topic: topics.status(deviceId), payload: Buffer.from(offline), qos: 1, retain: true },
      ...brokerServers(this.ctx.brokerUrl, this.ctx.fallbackBrokerUrls ?? []),
      ...this.ctx.mqtt,
    });
    // The embedded broker takes each token for one login only: every reconnect (mqtt.js reuses
    // client.options) gets a fresh one, unless the broker was given a fixed password (an external
    // broker with its own password file).
    const fixedPassword = this.ctx.mqtt?.password !== undefined;
    client.on('close', () => {
      this.stats.connected = false;
      // Its ack would come over this connection (a clean session: the acks subscription goes
      // with it), so the batch is sent again once connected rather than after the ack timeout.
      this.inFlight?.abandon();
      if (!fixedPassword) client.options.password = this.freshToken();
    });
    // Its wait starts over on each connection (registered first, ahead of the status sent there).
    this.deadline = new PubackDeadline({
      client, timeoutMs: this.ctx.pubackTimeoutMs ?? DEFAULT_PUBACK_TIMEOUT_MS, onCut: 'resend', clock: this.ctx.clock, logger: this.ctx.logger,
      cut: (error) => {
        this.stats.lastError = error.message;
      },
    });
    this.deadline.start();
    client.on('connect', () => {
      this.stats.connected = true;
      this.pushWaitUntil = this.ctx.clock.monotonic() + PUSH_WAIT_MS;
      client.subscribe([topics.config(deviceId), topics.acks(deviceId), ...this.handlers.keys()], { qos: 1 }, (err) => {
        if (err) this.ctx.logger.warn({ err: errorMessage(err) }, 'subscription failed');
      });
      void this.publishStatus();
      this.wake?.();
      this.emit('linkUp');
    });
    client.on('error', (err) => {
      this.stats.lastError = err.message;
      this.ctx.logger.warn({ err: err.message }, 'broker connection error');
    });
    // Every connection MQTT.js makes is guarded from before its first byte.
    guardClientPackets(client, MAX_INCOMING_PACKET_BYTES, (why) => {
      const err = new AlprError('ALPR_ERR_SYNC_INCOMING_TOO_LARGE', `${why}: connection cut before its body was read`);
      this.stats.lastError = err.message;
      this.ctx.logger.error({ err: err.toJSON(), code: err.code }, 'oversized packet from the broker refused; reconnecting');
    });
    client.on('message', (topic, payload, packet) => {
      // Checked before anything is opened or kept: the buffer, hot list and hub keys stay as they are.
      const limit = incomingPayloadLimit(topic);
      if (payload.length > limit) {
        const err = new AlprError('ALPR_ERR_SYNC_INCOMING_TOO_LARGE', `a ${payload.length}-byte message on ${topic} (limit ${limit})`);
        this.ctx.logger.error({ err: err.toJSON(), code: err.code, topic }, 'oversized message from the broker ignored');
        return;
      }
      if (topic === topics.acks(deviceId)) this.onAck(payload);
      else if (topic === topics.config(deviceId)) void this.onConfigPush(payload, packet.retain);
      else this.handlers.get(topic)?.(payload);
    });
    this.client = client;
    this.running = true;
    this.statusTimer = this.ctx.clock.setInterval(() => void this.publishStatus(), this.ctx.statusEveryMs);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.statusTimer?.cancel();
    this.deadline?.stop();
    this.wake?.();
    await this.loop;
    const client = this.client;
    if (client) {
      // The last status is worth a moment, not a hang on a connection the broker dropped unseen.
      // It goes out before the client is let go (publishStatus sends on this.client): a clean
      // disconnect fires no will, so without it the hub would show the appliance online, and
      // would not see it come online again (which sends it a fresh config push).
      if (client.connected) {
        const grace = new AbortController();
        await Promise.race([this.publishStatus(false).catch(() => undefined), delay(END_GRACE_MS, undefined, { signal: grace.signal }).catch(() => undefined)]);
        grace.abort();
      }
      this.client = null;
      await endClient(client);
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

  /** The hub key pending data is sealed to now (it follows a hub key rotation). */
  get hubSealKey(): { publicKey: KeyObject; keyId: string } {
    return { publicKey: this.hub.sealPublicKey, keyId: this.hub.sealKeyId };
  }

  /** Publishes at once, outside the batch loop (hits go ahead of batches); fails when the link is down. */
  async publishNow(topic: string, payload: Uint8Array): Promise<void> {
    const client = this.client;
    if (!client?.connected) throw new AlprError('ALPR_ERR_SYNC_BROKER', 'the broker is not connected');
    await this.deadline!.publish(topic, Buffer.from(payload));
  }

  /** Called when a read was appended, so a waiting uplink looks at the buffer now. */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** The hub's time now as this appliance knows it, or null before the hub has been heard from. */
  hubNow(): number | null {
    return this.hubTime.now();
  }

  /**
   * The capture time a read goes to the hub with, by one rule for batches and hot-list hits: the
   * hub's time stamped at capture when the hub was known then, else the capture corrected by the
   * hub's time as known now, else (the hub not heard from since boot) the device's own reading.
   */
  wireCaptureTime(read: ReadRecord): number {
    return read.hubCapturedAt ?? this.hubTime.correct(read.capturedAt, MAX_READ_AGE_MS) ?? read.capturedAt;
  }

  /**
   * A token for one login, dated by the hub's time once known (else by this appliance's clock),
   * later than the one before it, so two reconnects within a millisecond differ. A date more than
   * a second behind the last (the switch from a wrong clock to the hub's) is taken as it is.
   */
  private freshToken(): string {
    const hubNow = this.hubTime.now();
    this.tokenFromHubTime = hubNow !== null;
    const at = hubNow ?? this.ctx.clock.now();
    this.lastTokenAt = at <= this.lastTokenAt && this.lastTokenAt - at < 1000 ? this.lastTokenAt + 1 : at;
    return brokerToken(this.ctx.deviceId, this.ctx.deviceKey, this.lastTokenAt);
  }

  private async run(): Promise<void> {
    let backoff = this.ctx.backoff.initialMs;
    while (this.running) {
      if (!this.client?.connected) {
        await this.pause(LINK_WAIT_MS);
        continue;
      }
      if (!this.hubTime.known || !this.hubLimitKnown) {
        const wait = this.pushWaitUntil - this.ctx.clock.monotonic();
        if (!this.hubTime.known && wait > 0) await this.pause(wait);
        // First an empty batch: its ack carries the hub's time (an external broker sends no push)
        // and batch limit, so no read goes out stamped with a wrong time or in a batch too large.
        else if (!(await this.send([]))) await this.pause(backoff);
        continue;
      }
      let batch: BufferBatch | null;
      this.notified = false;
      try {
        batch = await this.ctx.source.nextBatch(this.ctx.maxReads, Math.max(1, Math.min(this.ctx.maxBytes, this.hubMaxBytes - ENVELOPE_MARGIN_BYTES)));
      } catch (err) {
        this.ctx.logger.error({ err: loggableError(err) }, 'buffer could not give a batch');
        await this.pause(backoff);
        continue;
      }
      if (!batch) {
        // A read appended while the buffer was being read may not be in what it gave: look again at once.
        if (!this.notified) await this.pause(IDLE_POLL_MS);
        continue;
      }
      const oldest = Math.min(...batch.reads.map((r) => r.capturedAt));
      const age = this.ctx.clock.now() - oldest;
      if (batch.reads.length < this.ctx.maxReads && age >= 0 && age < this.ctx.maxAgeMs) {
        // Let a few more reads join, unless the oldest has waited long enough (a new read wakes
        // the loop early, to see whether the batch is full).
        this.ctx.source.releaseBatch(batch.batchId);
        if (!this.notified) await this.pause(this.ctx.maxAgeMs - age);
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

  /** Sends one buffered batch until the hub has all of it (true) or the uplink is stopping (false). */
  private async deliver(batch: BufferBatch): Promise<boolean> {
    const outcome = await this.send(batch.reads, undefined, batch.batchId);
    if (!outcome) return false;
    if (outcome === 'withdrawn') return true;
    await this.ctx.source.markSynced(batch.batchId, outcome.setAside);
    for (const r of outcome.setAside) this.ctx.logger.error({ readId: r.readId, reason: r.reason, code: 'ALPR_ERR_SYNC_READ_REFUSED' }, 'hub refused a read; it is held in quarantine');
    if (outcome.setAside.length > 0) this.emit('readsQuarantined', outcome.setAside.length);
    this.stats.readsSynced += outcome.accepted;
    this.stats.readsQuarantined += outcome.setAside.length;
    return true;
  }

  /**
   * Sends `reads` as one batch (numbered `sequence`, else the next number) until the hub has taken
   * them; returns the reads it refused, or null when the uplink is stopping. Refused as too large,
   * the batch is sent as two halves, the first under the same number (the hub never opened it).
   */
  private async send(reads: ReadRecord[], sequence?: number, batchId?: string): Promise<Delivery> {
    const seq = sequence ?? (await this.takeSequence());
    let envelope = this.seal(reads, seq);
    let backoff = this.ctx.backoff.initialMs;
    while (this.running) {
      if (batchId) {
        const held = await this.ctx.source.renewLease(batchId).catch((err: unknown) => {
          this.ctx.logger.error({ err: loggableError(err) }, 'buffer could not confirm the batch');
          return null;
        });
        if (held === null) return null;
        // Reads in it passed the retention limit or were pushed out by the byte budget during an
        // outage: they are not sent, and what is left goes in a new batch (the hub sees a gap).
        if (!held) {
          this.ctx.logger.warn({ sequence: seq }, 'batch withdrawn: eviction took some of its reads; not sent again');
          return 'withdrawn';
        }
      }
      // A newer hub key arrived (signed config push) while this batch waited: seal it to that one.
      if (envelope.keyId !== this.hub.sealKeyId) envelope = this.seal(reads, seq);
      // Larger than any broker passes on: the node would cut the connection (or drop it unacked)
      // and the batch would be sent again on every reconnect, holding back every read behind it.
      // The hub never hears of it, so this side splits it, or sets a single read aside.
      // Brokers count the PUBLISH packet, not the envelope alone: its topic, packet id and framing
      // (and one byte for MQTT 5's empty properties) go on top, so it is the packet that is compared.
      const maxPublish = this.ctx.maxPublishBytes ?? BROKER_MAX_PACKET_BYTES;
      const packetBytes = packetSize(2 + Buffer.byteLength(topics.reads(this.ctx.deviceId)) + 2 + 1 + envelope.bytes.length);
      if (packetBytes > maxPublish) {
        if (reads.length === 1) return { setAside: [{ readId: reads[0]!.id, reason: `alone larger than the brokers pass on (a ${packetBytes}-byte packet; ${maxPublish} at most)` }], accepted: 0 };
        return this.sendHalves(reads, seq, batchId);
      }
      // The link is down (or went down with the batch in flight): the batch goes again as soon
      // as it is back ('connect' cuts the pause short). An outage is not the hub failing to
      // answer, so it does not grow the backoff: doubled on every try while a dead node's devices
      // waited to log in elsewhere, it reached backoff_max, and a resend after the reconnect that
      // went unanswered then waited that long (30-60 s in the fleet runs).
      if (!this.client?.connected) {
        await this.pause(LINK_WAIT_MS);
        continue;
      }
      const ack = await this.publishAndWait(seq, envelope.bytes);
      if (!ack) {
        this.stats.retries++;
        if (!this.client?.connected) continue;
        this.ctx.logger.warn({ sequence: seq, retryInMs: backoff }, 'no ack from the hub; will resend');
        await this.pause(this.jitter(backoff));
        backoff = Math.min(this.ctx.backoff.maxMs, backoff * 2);
        continue;
      }
      if (Number(ack.maxBatchBytes) > 0) {
        this.hubMaxBytes = Number(ack.maxBatchBytes);
        this.hubLimitKnown = true;
      }
      if (!ack.batchError) {
        this.stats.batchesAcked++;
        this.stats.lastAckedSequence = seq;
        this.emit('batchAcked', seq, ack.acceptedReadIds.length);
        return { setAside: ack.rejected.map((r) => ({ readId: r.readId ?? '', reason: r.reason ?? '' })), accepted: ack.acceptedReadIds.length };
      }
      this.stats.batchesRefused++;
      this.stats.lastError = ack.batchError;
      this.ctx.logger.error({ sequence: seq, reason: ack.batchError, refusal: alpr.v1.Refusal[ack.refusal] }, 'hub refused the batch');
      this.emit('batchRejected', seq, ack.batchError);
      if (ack.refusal === alpr.v1.Refusal.REFUSAL_TOO_LARGE) {
        if (reads.length === 1) {
          return { setAside: [{ readId: reads[0]!.id, reason: `alone larger than the hub takes (${envelope.bytes.length} bytes; ${ack.maxBatchBytes} at most)` }], accepted: 0 };
        }
        return this.sendHalves(reads, seq, batchId);
      }
      await this.pause(this.jitter(backoff));
      backoff = Math.min(this.ctx.backoff.maxMs, backoff * 2);
      // Sealed to a key the hub dropped, or unreadable as sent: seal afresh (to the key held now).
      if (ack.refusal === alpr.v1.Refusal.REFUSAL_HUB_KEY || ack.refusal === alpr.v1.Refusal.REFUSAL_UNREADABLE) envelope = this.seal(reads, seq);
    }
    return null;
  }

  /** Sends `reads` as two batches, the first under `seq` (the hub never opened it under that number). */
  private async sendHalves(reads: ReadRecord[], seq: number, batchId?: string): Promise<Delivery> {
    const half = Math.ceil(reads.length / 2);
    const first = await this.send(reads.slice(0, half), seq, batchId);
    const second = first && first !== 'withdrawn' && (await this.send(reads.slice(half), undefined, batchId));
    if (first === 'withdrawn' || second === 'withdrawn') return 'withdrawn';
    return first && second ? { setAside: [...first.setAside, ...second.setAside], accepted: first.accepted + second.accepted } : null;
  }

  private seal(reads: ReadRecord[], sequence: number): { bytes: Uint8Array; keyId: string } {
    const hub = this.hub;
    const wire = reads.map((r) => toWireRead(r, this.wireCaptureTime(r)));
    const bytes = sealBatch({ deviceId: this.ctx.deviceId, sequence, sentAtMs: this.hubTime.now() ?? this.ctx.clock.now(), reads: wire }, this.ctx.deviceKey, { publicKey: hub.sealPublicKey, keyId: hub.sealKeyId });
    return { bytes, keyId: hub.sealKeyId };
  }

  private async takeSequence(): Promise<number> {
    const sequence = this.nextSequence++;
    await this.saveSequence(this.nextSequence);
    return sequence;
  }

  private publishAndWait(sequence: number, envelope: Uint8Array): Promise<alpr.v1.BatchAck | null> {
    return new Promise((resolve) => {
      const client = this.client;
      if (!client?.connected) {
        resolve(null);
        return;
      }
      const timer = this.ctx.clock.setTimeout(() => {
        this.inFlight = null;
        resolve(null);
      }, this.ctx.ackTimeoutMs);
      const settle = (ack: alpr.v1.BatchAck | null) => {
        timer.cancel();
        this.inFlight = null;
        resolve(ack);
      };
      this.inFlight = { sequence, digest: envelopeDigest(envelope), resolve: settle, abandon: () => settle(null) };
      this.deadline!.publish(topics.reads(this.ctx.deviceId), Buffer.from(envelope)).catch((err: Error) => {
        this.ctx.logger.warn({ err: err.message, sequence }, 'publish failed');
      });
    });
  }

  private onAck(payload: Buffer): void {
    let ack: alpr.v1.BatchAck;
    try {
      ack = verifyAck(payload, this.hub.verifyKey);
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'ignored an ack that does not verify');
      return;
    }
    const waiting = this.inFlight;
    if (ack.deviceId !== this.ctx.deviceId || !waiting) return;
    // A batch the hub opened is named by its sequence and its digest; one it could not open, by
    // its digest alone. The sequence alone is not enough: after the state folder is lost, or a
    // replaced box is enrolled under the same id, numbering starts at 1 again, and an ack to an
    // earlier batch under the same number, replayed, would delete reads the hub never had.
    const digest = Buffer.from(ack.envelopeSha256);
    if (!digest.equals(waiting.digest)) {
      if (!ack.batchError && Number(ack.sequence) === waiting.sequence) {
        const err = new AlprError('ALPR_ERR_SYNC_REPLAYED', `an ack to batch ${waiting.sequence} names another envelope than the one sent`);
        this.ctx.logger.warn({ err: err.toJSON(), code: err.code, sequence: waiting.sequence }, 'ignored an ack for another envelope under the sequence number in flight');
      }
      return;
    }
    if (!ack.batchError && Number(ack.sequence) !== waiting.sequence) return;
    // Only an ack to the envelope in flight sets the time: an old one replayed cannot turn it back.
    this.learnHubTime(Number(ack.ackedAtMs));
    waiting.resolve(ack);
  }

  private async onConfigPush(payload: Buffer, retained: boolean): Promise<void> {
    let push;
    try {
      push = verifyConfigPush(payload, this.hub.verifyKey);
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'ignored a config push that does not verify');
      return;
    }
    if (push.deviceId !== this.ctx.deviceId) {
      this.ctx.logger.warn({ err: new AlprError('ALPR_ERR_SYNC_SIGNATURE', `a config push signed for device ${push.deviceId}`).toJSON() }, 'ignored a config push addressed to another device');
      return;
    }
    // A retained push is as old as the rotation that left it: its key counts, its time does not.
    if (!retained) this.learnPushTime(push.hubTimeMs);
    // Never back to a key that became current before the one held: the hub's own push of a key
    // since retired, replayed, would have batches sealed to it (retired, perhaps because it leaked).
    if (push.sealKeySinceMs <= this.hub.sealKeySinceMs) return;
    const next: HubIdentity = { ...this.hub, sealPublicKey: push.sealPublicKey, sealKeyId: push.sealKeyId, sealKeySinceMs: push.sealKeySinceMs };
    const rotated = push.sealKeyId !== this.hub.sealKeyId;
    try {
      if (this.ctx.hubIdentityFile) await writeHubIdentity(this.ctx.hubIdentityFile, next);
    } catch (err) {
      this.ctx.logger.error({ err: errorMessage(err) }, 'the new hub key could not be saved; using it until restart');
    }
    this.hub = next;
    // The same key: only when it became current was learned (enrollment records the key without
    // it), which is what refuses a replayed push of an older one.
    if (!rotated) return;
    this.stats.hubKeyId = next.sealKeyId;
    this.ctx.logger.info({ sealKeyId: next.sealKeyId }, 'hub sealing key rotated; pending batches are sealed to the new key');
    this.emit('hubKeyChanged', next.sealKeyId);
  }

  /**
   * A push's time only moves the hub time forward (HubTime.learn). One stamped well before the
   * time held was recorded and replayed: taken, it would date reads weeks back and sign the next
   * broker tokens with that date, which the broker refuses, leaving the appliance offline.
   */
  private learnPushTime(hubMs: number): void {
    const held = this.hubTime.now();
    if (held !== null && hubMs < held - TOKEN_SKEW_RELOGIN_MS) {
      const err = new AlprError('ALPR_ERR_SYNC_REPLAYED', `a config push signed at ${new Date(hubMs).toISOString()} is ${Math.round((held - hubMs) / 1000)} s older than the hub time held`);
      this.ctx.logger.warn({ err: err.toJSON(), code: err.code }, 'ignored a config push that would turn the hub time back');
      return;
    }
    this.learnHubTime(hubMs, false);
  }

  private learnHubTime(hubMs: number, fresh = true): void {
    const first = !this.hubTime.known;
    this.hubTime.learn(hubMs, fresh);
    const hubNow = this.hubTime.now();
    if (hubNow === null) return;
    const skew = hubNow - this.ctx.clock.now();
    this.stats.clockSkewMs = skew;
    if (first) {
      if (Math.abs(skew) > TOKEN_SKEW_RELOGIN_MS) this.ctx.logger.warn({ skewMs: skew }, 'this appliance\'s clock is off; reads are stamped with the hub\'s time');
      this.emit('hubTimeLearned', skew);
      this.wake?.();
      void this.publishStatus();
    }
    // Logged in with a token dated by a clock that is off: the broker let us in only to learn the
    // time (probation). Log in again with a token dated by the hub's time.
    if (!this.tokenFromHubTime && Math.abs(skew) > TOKEN_SKEW_RELOGIN_MS && this.ctx.mqtt?.password === undefined) {
      this.client?.stream?.destroy();
    }
  }

  private async publishStatus(online = true): Promise<void> {
    const client = this.client;
    if (!client?.connected || !this.hubTime.known) return;
    try {
      const buffer = await this.ctx.source.stats().catch(() => null);
      const extra = (await this.statusSource?.().catch(() => undefined)) ?? {};
      const quarantined = buffer?.quarantinedReads ?? 0;
      const status = alpr.v1.DeviceStatus.encode({
        deviceId: this.ctx.deviceId, online, atMs: this.hubTime.now() ?? this.ctx.clock.now(), unsyncedReads: (buffer?.reads ?? 0) - quarantined,
        oldestUnsyncedAgeS: buffer?.oldestReadAgeS ?? 0, lastAckedSequence: this.stats.lastAckedSequence,
        tamperOpen: extra.tamperOpen ?? false, healthJson: extra.health ? JSON.stringify(extra.health) : '', hotlistVersion: extra.hotlistVersion ?? 0,
        quarantinedReads: quarantined,
      }).finish();
      await this.deadline!.publish(topics.status(this.ctx.deviceId), Buffer.from(status), { retain: true });
    } catch (err) {
      this.ctx.logger.warn({ err: errorMessage(err) }, 'status publish failed');
    }
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
