import { errorMessage, loggableError, type Clock, type Logger } from '../../core/index.js';
import { alpr, envelopeHeader, openAlert, parseTopic, publicKeyFromRaw, signAlertAck, topics } from '../../sync/index.js';
import type { HubKeys } from '../hubKeys.js';
import { sealKeyFor } from '../keys/sealKeys.js';
import type { HotlistService } from '../hotlists/hotlistService.js';
import type { HubRead, HubStore } from '../store/index.js';
import type { AlertService } from './alertService.js';
import { connectHubClient, type HubBrokerConnection, type HubBrokerLogin } from '../broker/hubBrokerClient.js';
import { replayedFromStore } from '../broker/retainedReplay.js';
import { OversizeLog } from '../broker/incomingLimits.js';
import { readChecker, type ReadLimits } from '../ingest/readCheck.js';

export interface AlertLinkOptions extends HubBrokerLogin, ReadLimits {
  store: HubStore;
  keys: HubKeys;
  hotlists: HotlistService;
  alerts: AlertService;
  clock: Clock;
  logger: Logger;
}

/**
 * Where hits reach the hub. Appliances publish a hit on alpr/v1/<id>/alerts ahead of their read
 * batches; the hub opens and verifies it, stores its read (the batch that carries it later is a
 * duplicate), matches the read against the hub's own current list (the device's copy may be
 * older, so an entry cleared meanwhile raises nothing; a read whose id the hub held already is
 * matched as stored, see onHit), raises the alerts and sends a signed ack.
 * The hit's read takes the same check as a read in a batch (readChecker: its site in service, its
 * camera listed, its date within the skew, ...): a read refused there is not stored, raises no
 * alert and gets no ack (the appliance offers it less and less often until its retention ends),
 * except a read past the retention period, which never will be: its ack says so
 * (ALERT_REFUSAL_EXPIRED), and the appliance deletes the hit.
 * Reads that arrive in ordinary batches are matched too (`matchStored`).
 */
export class AlertLink {
  private broker: HubBrokerConnection | null = null;
  private readonly oversize: OversizeLog;
  /** `oversizedByDevice`: hits discarded unread as larger than a read with two images at the hub's limit can be. */
  readonly stats: { hitsReceived: number; hitsRefused: number; staleHits: number; alertsRaised: number; oversizedByDevice: Record<string, number> };

  constructor(private readonly ctx: AlertLinkOptions) {
    this.oversize = new OversizeLog(ctx.logger);
    this.stats = { hitsReceived: 0, hitsRefused: 0, staleHits: 0, alertsRaised: 0, oversizedByDevice: this.oversize.byDevice };
  }

  async start(): Promise<void> {
    const broker = await connectHubClient(this.ctx, 'persistent', this.ctx);
    const { client } = broker;
    // The broker's PUBACK waits until the hit is stored and raised, as for read batches.
    client.handleMessage = (packet, done) => {
      if (replayedFromStore(packet)) {
        this.ctx.logger.warn({ topic: packet.topic }, 'ignored an alert replayed from the broker\'s retained store');
        return done();
      }
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      this.onHit(packet.topic, payload).then(() => done(), (err: Error) => {
        this.ctx.logger.error({ topic: packet.topic, err: loggableError(err) }, 'alert not handled; the broker will redeliver');
        done(err);
      });
    };
    const subscription = this.ctx.sharedGroup ? `$share/${this.ctx.sharedGroup}/${topics.allAlerts}` : topics.allAlerts;
    client.on('connect', () => client.subscribe(subscription, { qos: 1 }, (err) => {
      if (err) this.ctx.logger.warn({ err: err.message }, 'alert subscription refused');
    }));
    client.on('error', (err) => this.ctx.logger.warn({ err: err.message }, 'alert link broker connection error'));
    this.broker = broker;
  }

  async stop(): Promise<void> {
    const broker = this.broker;
    this.broker = null;
    await broker?.end();
  }

  /** Matches reads ingest stored from a batch (the appliance may hold an older list, or none). */
  async matchStored(reads: HubRead[]): Promise<void> {
    const hitsOfEach = await this.ctx.hotlists.matchEach(reads);
    for (const [i, read] of reads.entries()) {
      const hits = hitsOfEach[i]!;
      if (hits.length > 0) this.stats.alertsRaised += (await this.ctx.alerts.raise(read, hits, 'hub')).length;
    }
  }

  private async onHit(topic: string, payload: Buffer): Promise<void> {
    const route = parseTopic(topic);
    if (route?.kind !== 'alerts') return;
    this.stats.hitsReceived++;
    const refuse = (why: string) => {
      this.stats.hitsRefused++;
      this.ctx.logger.warn({ deviceId: route.deviceId, why }, 'alert refused');
    };
    // One read with both images at the hub's limit, and room for its fields and the envelope.
    if (!this.oversize.within(topic, payload.length, 2 * this.ctx.maxImageBytes + 64 * 1024)) {
      this.stats.hitsRefused++;
      return;
    }
    const device = await this.ctx.store.getDevice(route.deviceId);
    if (!device || device.status !== 'active') return refuse('unknown or revoked device');
    let hit: alpr.v1.AlertHit;
    try {
      const header = envelopeHeader(payload);
      if (header.deviceId !== route.deviceId) return refuse('envelope names another device');
      // The same keys as read batches: the current one, or one retired by a rotation and still in its grace period.
      const found = sealKeyFor(this.ctx.keys.sealKeys, header.hubKeyId, this.ctx.clock.now());
      if (!('key' in found)) return refuse(found.refused);
      hit = openAlert(header, found.key, publicKeyFromRaw(device.publicKey, 'ed25519'));
    } catch (err) {
      return refuse(errorMessage(err));
    }
    const check = await readChecker(this.ctx.store.sql, device, this.ctx, this.ctx.clock.now());
    const verdict = check(hit.read as alpr.v1.Read);
    if ('refused' in verdict) {
      refuse(verdict.refused.reason);
      // Past the retention period is for good (every other refusal may pass later: a site put back
      // in service, a clock corrected): said in a signed ack, so the appliance deletes the hit
      // rather than offering it until its own retention ends.
      if (verdict.refused.kind === 'expired') {
        this.sendAck(device.deviceId, { deviceId: device.deviceId, readId: verdict.refused.readId, entryId: hit.entryId, ackedAtMs: this.ctx.clock.now(), refusal: alpr.v1.AlertRefusal.ALERT_REFUSAL_EXPIRED, reason: verdict.refused.reason });
      }
      return;
    }
    const outcome = await this.ctx.store.ingestBatch(device.deviceId, 0, [verdict.read]);
    // An alert must describe the read whose images it shows. A read id the hub already holds is
    // a duplicate and the stored read stands, so the match is on the stored read, never on the
    // hit's own plate: a hit reusing a stored id with a listed plate would otherwise raise an
    // alert for that plate over another vehicle's images. Raising nothing for a duplicate would
    // be wrong too: a hub that stored the hit's read and died before raising its alert gets the
    // hit again from the broker, and only the stored read can raise that alert then (a hit or a
    // batch already raised is not raised twice: an alert is unique per read and entry).
    const read = outcome.inserted.length === 1 ? verdict.read : await this.ctx.store.getRead(verdict.read.id);
    if (read && read !== verdict.read && (read.plate !== verdict.read.plate || read.region !== verdict.read.region || read.deviceId !== device.deviceId)) {
      this.ctx.logger.warn({ deviceId: device.deviceId, readId: read.id, storedDeviceId: read.deviceId }, 'hit names a read id the hub holds for another read; matched the stored read');
    }
    // None: the purge took the stored read between the two calls; nothing is left to show.
    const hits = read ? await this.ctx.hotlists.match(read.plate, read.region) : [];
    if (!read || hits.length === 0) {
      this.stats.staleHits++;
      this.ctx.logger.info({ deviceId: device.deviceId, entryId: hit.entryId, hotlistVersion: Number(hit.hotlistVersion) }, 'appliance hit an entry the hub no longer lists; no alert');
    } else {
      this.stats.alertsRaised += (await this.ctx.alerts.raise(read, hits, 'appliance')).length;
    }
    this.sendAck(device.deviceId, { deviceId: device.deviceId, readId: verdict.read.id, entryId: hit.entryId, ackedAtMs: this.ctx.clock.now() });
  }

  /** A signed alert ack (or refusal) to the device; not awaited: the appliance sends its hit again until one arrives. */
  private sendAck(deviceId: string, ack: alpr.v1.IAlertAck): void {
    this.broker?.publish(topics.alertAcks(deviceId), Buffer.from(signAlertAck(ack, this.ctx.keys.sign.privateKey))).catch((err: unknown) => {
      this.ctx.logger.warn({ deviceId, err: loggableError(err) }, 'alert ack not sent');
    });
  }
}
