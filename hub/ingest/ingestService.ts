import { AlprError, errorMessage, loggableError, TypedEmitter, type ErrorCode, type Logger } from '../../core/index.js';

/** An envelope sealed to a key this hub does not know makes it re-read its key files, at most this often. */
const KEY_RELOAD_MIN_MS = 5_000;
import { alpr, envelopeDigest, envelopeHeader, openBatch, parseTopic, publicKeyFromRaw, signAck, topics } from '../../sync/index.js';
import { reloadSealKeys, type HubKeys } from '../hubKeys.js';
import { sealKeyFor } from '../keys/sealKeys.js';
import type { HubRead, HubStore } from '../store/index.js';
import { MAX_STATUS_BYTES, parseDeviceStatus, type DeviceStatusReport } from './deviceStatus.js';
import { readChecker } from './readCheck.js';
import { AmqpIngestTransport, type AmqpIngestOptions } from './amqpIngestTransport.js';
import type { IngestTransport } from './ingestTransport.js';
import { MqttIngestTransport } from './mqttIngestTransport.js';
import type { HubBrokerLogin } from '../broker/hubBrokerClient.js';
import { HUB_MAX_PACKET_BYTES, OversizeLog } from '../broker/incomingLimits.js';

export type { DeviceStatusReport } from './deviceStatus.js';

export { DEFAULT_MAX_FUTURE_SKEW_MS } from './readCheck.js';

export interface IngestOptions extends HubBrokerLogin {
  /**
   * Take batches from a RabbitMQ cluster's quorum queue over AMQP instead of subscribing over MQTT
   * (several hub processes compete for them; the MQTT login is then unused but for the
   * credentials, which are the hub's internal RabbitMQ user).
   */
  amqp?: Omit<AmqpIngestOptions, 'username' | 'password' | 'confirmTimeoutMs' | 'logger'> | null;
  store: HubStore;
  keys: HubKeys;
  maxBatchBytes: number;
  maxImageBytes: number;
  /** See ReadLimits (readCheck.ts): the alert link's reads take the same check. */
  maxFutureSkewMs?: number;
  /** See ReadLimits (readCheck.ts). */
  retentionMs?: number;
  /**
   * Stores a device's status (DeviceRegistry.recordStatus). The broker's acknowledgement of the
   * status waits for it, and a failure hands the status back to the broker, as for batches;
   * 'deviceStatus' is emitted once it is recorded.
   */
  recordStatus?: (report: DeviceStatusReport) => Promise<void>;
  now: () => number;
  logger: Logger;
}

export interface IngestStats {
  batches: number;
  readsStored: number;
  duplicates: number;
  refused: number;
  gaps: number;
  /** Reads refused (and named in the ack) for a capture time too far ahead of the hub's clock. */
  futureReads: number;
  /** Reads refused as captured before the retention period (a batch sent again after the purge). */
  expiredReads: number;
  /**
   * Reads refused (and named in the ack) as taken at a site that is not approved and in service
   * (retired), or by a camera the site does not list (General Order 4.68 V).
   */
  siteReads: number;
  /** Status messages refused as oversized or malformed. */
  statusRefused: number;
  /**
   * Messages discarded unread as larger than any legitimate one on their topic or queue, by the
   * device whose topic they came on (ALPR_ERR_HUB_INCOMING_TOO_LARGE).
   */
  oversizedByDevice: Record<string, number>;
}

type IngestEvents = {
  deviceStatus: [report: DeviceStatusReport];
  batchStored: [deviceId: string, sequence: number, inserted: number, duplicates: number];
  /** The reads a batch added (not its duplicates), after commit: hot-list matching takes them. */
  readsStored: [reads: HubRead[]];
  batchRefused: [deviceId: string | null, reason: string];
  /** A known device sealed a batch to a key this hub no longer takes: it missed a config push. */
  staleHubKey: [deviceId: string];
  statusRefused: [deviceId: string, reason: string];
  sequenceGap: [deviceId: string, from: number, to: number];
};

/**
 * The hub's ingest: for every envelope on alpr/v1/+/reads, check the device against the registry,
 * open and verify the batch, store its reads idempotently, commit, and only then send the signed
 * ack. The broker's acknowledgement (MQTT PUBACK, AMQP ack) is held until the batch is committed,
 * so a batch a hub dies with goes to it again or to another hub process. Anything malformed is
 * refused with a logged reason (and a negative ack when the device is known); nothing unverified
 * is ever stored.
 */
export class IngestService extends TypedEmitter<IngestEvents> {
  private transport: IngestTransport | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  private lastKeyReload = Number.NEGATIVE_INFINITY;
  /** Set by stop(): batches that arrive now are left unacknowledged for the broker to redeliver. */
  private stopping = false;
  private readonly oversize: OversizeLog;
  readonly stats: IngestStats;

  constructor(private readonly ctx: IngestOptions) {
    super();
    this.oversize = new OversizeLog(ctx.logger);
    this.stats = { batches: 0, readsStored: 0, duplicates: 0, refused: 0, gaps: 0, futureReads: 0, expiredReads: 0, siteReads: 0, statusRefused: 0, oversizedByDevice: this.oversize.byDevice };
  }

  async start(): Promise<void> {
    // A stopped ingest can be started again (the broker or the hub process came back).
    this.stopping = false;
    const { ctx } = this;
    const transport: IngestTransport = ctx.amqp
      ? new AmqpIngestTransport({ ...ctx.amqp, username: ctx.username, password: ctx.password, confirmTimeoutMs: ctx.pubackTimeoutMs, logger: ctx.logger })
      : new MqttIngestTransport(ctx);
    // Set before it starts: a batch delivered at once (a persistent session, a queue with a
    // backlog) is acked through it.
    this.transport = transport;
    try {
      await transport.start((topic, payload) => this.take(topic, payload));
    } catch (err) {
      this.transport = null;
      throw err;
    }
  }

  /** One message from the broker; the promise settles when the broker may let it go (or must keep it). */
  private take(topic: string, payload: Buffer): Promise<void> {
    // Draining: take no new work; unacknowledged, the broker hands the batch out again.
    if (this.stopping) return Promise.reject(new Error('hub is draining'));
    const route = parseTopic(topic);
    const device = route?.deviceId ?? '?';
    // Over MQTT the client's packet guard keeps out anything larger; an AMQP delivery is checked
    // here, before anything parses it, and acknowledged so the queue lets it go. A batch between
    // maxBatchBytes and this limit still gets its negative ack (handle) that makes the appliance
    // split it.
    if (!this.oversize.within(topic, payload.length, HUB_MAX_PACKET_BYTES)) return Promise.resolve();
    // A device's statuses are recorded in the order sent, apart from its batches.
    const [chain, work] = route?.kind === 'status'
      ? [`status:${device}`, () => this.status(device, payload)]
      : [device, () => this.handle(topic, payload)];
    const previous = this.chains.get(chain) ?? Promise.resolve();
    const next = previous.then(work).catch((err: unknown) => {
      this.ctx.logger.error({ topic, err: loggableError(err) }, 'ingest failed; the broker will redeliver');
      throw err;
    });
    this.chains.set(chain, next.catch(() => undefined));
    return next;
  }

  /** Whether the broker connection is up (readiness). */
  get connected(): boolean {
    return this.transport?.connected ?? false;
  }

  /** Takes no new batch, finishes those in hand (stored and acked), then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    const transport = this.transport;
    this.transport = null;
    await Promise.all(this.chains.values());
    await transport?.stop();
  }

  private async handle(topic: string, payload: Buffer): Promise<void> {
    const route = parseTopic(topic);
    if (!route || route.kind !== 'reads') return this.refuse(null, `message on unexpected topic ${topic}`);
    // Names the envelope in a refusal: the hub cannot read the sequence of a batch it does not open.
    const digest = envelopeDigest(payload);
    const refused = (reason: string, refusal: alpr.v1.Refusal, code: ErrorCode = 'ALPR_ERR_SYNC_MALFORMED') => this.refuse(route.deviceId, reason, { refusal, digest }, code);
    const { Refusal } = alpr.v1;
    if (payload.length > this.ctx.maxBatchBytes) {
      return refused(`batch of ${payload.length} bytes is over the ${this.ctx.maxBatchBytes}-byte limit`, Refusal.REFUSAL_TOO_LARGE, 'ALPR_ERR_SYNC_TOO_LARGE');
    }
    let header: alpr.v1.SealedEnvelope;
    try {
      header = envelopeHeader(payload);
    } catch (err) {
      return refused(errorMessage(err), Refusal.REFUSAL_UNREADABLE);
    }
    if (header.deviceId !== route.deviceId) return refused(`envelope names device ${header.deviceId} on another device's topic`, Refusal.REFUSAL_UNREADABLE);
    const device = await this.ctx.store.getDevice(route.deviceId);
    if (!device) return this.refuse(null, `unknown device ${route.deviceId}`, undefined, 'ALPR_ERR_SYNC_UNKNOWN_DEVICE');
    if (device.status !== 'active') return refused(`device ${route.deviceId} is ${device.status}`, Refusal.REFUSAL_RETRY, 'ALPR_ERR_SYNC_UNKNOWN_DEVICE');
    const sealKey = await this.sealKeyFor(header.hubKeyId);
    if ('refused' in sealKey) return refused(sealKey.refused, Refusal.REFUSAL_HUB_KEY, 'ALPR_ERR_SYNC_HUB_KEY');
    let batch: alpr.v1.ReadBatch;
    try {
      batch = openBatch(header, sealKey.key.privateKey, sealKey.key.publicKey, publicKeyFromRaw(device.publicKey, 'ed25519'));
    } catch (err) {
      return refused(errorMessage(err), Refusal.REFUSAL_UNREADABLE, err instanceof AlprError ? err.code : 'ALPR_ERR_SYNC_MALFORMED');
    }
    const sequence = Number(batch.sequence);
    const accepted: HubRead[] = [];
    const rejected: alpr.v1.IRejection[] = [];
    // Each read is judged alone: one refused is named in the ack (the appliance quarantines it)
    // and the rest of the batch is stored and acked, so a batch is never sent again for its reads.
    const check = await readChecker(this.ctx.store.sql, device, this.ctx, this.ctx.now());
    let future = 0;
    let expired = 0;
    let site = 0;
    for (const r of batch.reads as alpr.v1.Read[]) {
      const verdict = check(r);
      if ('read' in verdict) {
        accepted.push(verdict.read);
        continue;
      }
      const { readId, reason, kind } = verdict.refused;
      rejected.push({ readId, reason });
      if (kind === 'future') future++;
      else if (kind === 'expired') expired++;
      else if (kind === 'site') site++;
    }
    const outcome = await this.ctx.store.ingestBatch(device.deviceId, sequence, accepted);
    this.stats.batches++;
    this.stats.readsStored += outcome.inserted.length;
    this.stats.duplicates += outcome.duplicates.length;
    this.stats.futureReads += future;
    this.stats.expiredReads += expired;
    this.stats.siteReads += site;
    if (future) this.ctx.logger.warn({ deviceId: device.deviceId, sequence, future }, 'reads dated in the future refused: check the appliance clock');
    if (expired) this.ctx.logger.warn({ deviceId: device.deviceId, sequence, expired }, 'reads captured before the retention period refused (a batch sent again after the purge?)');
    if (site) this.ctx.logger.warn({ deviceId: device.deviceId, siteId: device.siteId, sequence, refused: site }, 'reads refused from a site not in service or a camera it does not list');
    if (outcome.gap) {
      this.stats.gaps++;
      this.ctx.logger.warn({ deviceId: device.deviceId, from: outcome.gap.from, to: outcome.gap.to }, 'batch sequence gap');
      this.emit('sequenceGap', device.deviceId, outcome.gap.from, outcome.gap.to);
    }
    if (rejected.length) this.ctx.logger.warn({ deviceId: device.deviceId, sequence, rejected: rejected.length }, 'reads rejected');
    await this.sendAck({
      deviceId: device.deviceId, sequence, acceptedReadIds: [...outcome.inserted, ...outcome.duplicates], rejected, ackedAtMs: this.ctx.now(),
      maxBatchBytes: this.ctx.maxBatchBytes, envelopeSha256: digest,
    });
    this.emit('batchStored', device.deviceId, sequence, outcome.inserted.length, outcome.duplicates.length);
    if (outcome.inserted.length > 0) {
      const fresh = new Set(outcome.inserted);
      this.emit('readsStored', accepted.filter((r) => fresh.has(r.id)));
    }
  }

  /** Records a status, and only then lets the broker acknowledge it; a malformed one is refused for good. */
  private async status(deviceId: string, payload: Buffer): Promise<void> {
    if (!this.oversize.within(topics.status(deviceId), payload.length, MAX_STATUS_BYTES)) {
      this.stats.statusRefused++;
      this.emit('statusRefused', deviceId, `${payload.length} bytes, over the ${MAX_STATUS_BYTES}-byte limit`);
      return;
    }
    let report: DeviceStatusReport;
    try {
      report = parseDeviceStatus(deviceId, payload);
    } catch (err) {
      this.stats.statusRefused++;
      this.ctx.logger.warn({ deviceId, err: errorMessage(err) }, 'device status refused');
      this.emit('statusRefused', deviceId, errorMessage(err));
      return;
    }
    await this.ctx.recordStatus?.(report);
    this.emit('deviceStatus', report);
  }

  /**
   * The key that opens an envelope sealed to `id`. An id this hub does not know may be a rotation
   * made since the keys were loaded (`alpr-hub keys rotate-seal` runs as another process), so the
   * key files are read again, at most every few seconds.
   */
  private async sealKeyFor(id: string): Promise<ReturnType<typeof sealKeyFor>> {
    const found = sealKeyFor(this.ctx.keys.sealKeys, id, this.ctx.now());
    if ('key' in found || performance.now() - this.lastKeyReload < KEY_RELOAD_MIN_MS) return found;
    this.lastKeyReload = performance.now();
    await reloadSealKeys(this.ctx.keys).catch((err: unknown) => this.ctx.logger.error({ err: errorMessage(err) }, 'hub sealing keys could not be reloaded'));
    return sealKeyFor(this.ctx.keys.sealKeys, id, this.ctx.now());
  }

  /**
   * Logs a refusal; a known device gets a negative ack that says what would help (`refusal`) and
   * names the envelope by its digest, so the appliance can act on it and never resends a batch
   * that cannot succeed.
   */
  private async refuse(deviceId: string | null, reason: string, nack?: { refusal: alpr.v1.Refusal; digest: Buffer }, code: ErrorCode = 'ALPR_ERR_SYNC_MALFORMED'): Promise<void> {
    this.stats.refused++;
    this.ctx.logger.warn({ deviceId, code, reason }, 'batch refused');
    this.emit('batchRefused', deviceId, reason);
    if (deviceId && nack) {
      const device = await this.ctx.store.getDevice(deviceId).catch(() => null);
      if (device) {
        if (nack.refusal === alpr.v1.Refusal.REFUSAL_HUB_KEY) this.emit('staleHubKey', deviceId);
        await this.sendAck({
          deviceId, sequence: 0, batchError: reason, refusal: nack.refusal, envelopeSha256: nack.digest, maxBatchBytes: this.ctx.maxBatchBytes, ackedAtMs: this.ctx.now(),
        });
      }
    }
  }

  /** Publishes a hub-signed config push (QoS 1) on a device's config topic; retained after a key rotation. */
  publishConfig(deviceId: string, signedPush: Uint8Array, retain: boolean): void {
    this.transport?.publish(topics.config(deviceId), Buffer.from(signedPush), { retain });
  }

  /** Queues the signed ack; not awaited (see IngestTransport.publish). */
  private async sendAck(ack: alpr.v1.IBatchAck): Promise<void> {
    this.transport?.publish(topics.acks(ack.deviceId!), Buffer.from(signAck(ack, this.ctx.keys.sign.privateKey)), { retain: false });
  }
}
