import { loggableError, type Clock, type Logger, type TimerHandle } from '../../core/index.js';
import { alpr, encodeHotlistEntries, HOTLIST_MESSAGE_MAX_BYTES, parseTopic, publicKeyFromRaw, sealHotlistUpdate, topics } from '../../sync/index.js';
import { parseDeviceStatus, type DeviceStatusReport } from '../ingest/deviceStatus.js';
import type { HubKeys } from '../hubKeys.js';
import type { HubStore } from '../store/index.js';
import { deltaFits, snapshotParts } from './hotlistParts.js';
import { needsSnapshot, type HotlistService } from './hotlistService.js';
import { connectHubClient, type HubBrokerConnection, type HubBrokerLogin } from '../broker/hubBrokerClient.js';
import { deviceServed } from '../sites/siteRegistry.js';

/** What HotlistPush needs of a status report. */
type StatusOfHotlist = Pick<DeviceStatusReport, 'deviceId' | 'online' | 'hotlistVersion'>;

/** Ingest, as a source of device statuses. */
export interface StatusFeed {
  on(event: 'deviceStatus', listener: (report: StatusOfHotlist) => void): unknown;
  off(event: 'deviceStatus', listener: (report: StatusOfHotlist) => void): unknown;
}

export interface HotlistPushOptions extends HubBrokerLogin {
  /**
   * Where device statuses come from, so that one process of the fleet answers each. A feed: ingest
   * over AMQP, whose status queue has a single active consumer (RabbitMQ 3.10's MQTT plugin has no
   * shared subscriptions: over MQTT every hub process would take every status, and each would
   * push). Null: a subscription of its own, through the shared group `<sharedGroup>-hotlist`.
   */
  statuses: StatusFeed | null;
  store: HubStore;
  keys: HubKeys;
  hotlists: HotlistService;
  /** Entries per snapshot part (one MQTT message each). */
  partEntries: number;
  /**
   * The most bytes in one hot-list message, sealed; default HOTLIST_MESSAGE_MAX_BYTES, which the
   * appliances refuse to exceed. Snapshot parts are cut to it, and a larger delta goes as a snapshot.
   */
  maxMessageBytes?: number;
  /** How long a list stays good on a device without hearing from the hub (then it stops matching). */
  listTtlMs: number;
  /** How often the list version is checked for changes made by any hub process. */
  pollMs: number;
  /**
   * A new version goes only to devices whose status reached this process within this (a few of
   * the devices' status intervals). After a failover another process takes a device's statuses;
   * this one, cut off from the feed but still connected to the broker, must not push too.
   */
  statusPeriodMs: number;
  clock: Clock;
  logger: Logger;
}

/** How long after a push a device's status may still report the version it held before. */
const IN_FLIGHT_MS = 60_000;

interface DeviceView {
  /** The version the device last reported holding. */
  reported: number;
  /** The version last sent and when, so that a periodic status does not trigger a resend at once. */
  sent: number;
  sentAt: number;
  /** When its status last reached this process. */
  heardAt: number;
}

/**
 * Keeps every appliance's copy of the hot list current: each device reports the version it holds
 * in its status; the hub answers with what it lacks (a delta, or a snapshot in parts), signed and
 * sealed to that device, and pushes each new version to the devices it has heard from.
 */
export class HotlistPush {
  private broker: HubBrokerConnection | null = null;
  private poll: TimerHandle | null = null;
  private readonly devices = new Map<string, DeviceView>();
  private readonly onReport = (report: StatusOfHotlist) => this.statusReported(report);
  private lastVersion = -1;
  private busy: Promise<void> = Promise.resolve();
  readonly stats = { updatesSent: 0, snapshotsSent: 0, entriesSent: 0 };

  constructor(private readonly ctx: HotlistPushOptions) {}

  async start(): Promise<void> {
    const broker = await connectHubClient(this.ctx, 'clean', this.ctx);
    const { client } = broker;
    if (this.ctx.statuses) {
      this.ctx.statuses.on('deviceStatus', this.onReport);
    } else {
      const subscription = this.ctx.sharedGroup ? `$share/${this.ctx.sharedGroup}-hotlist/${topics.allStatus}` : topics.allStatus;
      client.on('connect', () => client.subscribe(subscription, { qos: 1 }, (err) => {
        if (err) this.ctx.logger.warn({ err: err.message }, 'hot-list status subscription refused');
      }));
      client.on('message', (topic, payload) => this.onStatus(topic, payload));
    }
    client.on('error', (err) => this.ctx.logger.warn({ err: err.message }, 'hot-list push broker connection error'));
    this.broker = broker;
    this.lastVersion = await this.ctx.hotlists.version();
    this.poll = this.ctx.clock.setInterval(() => this.serialise(() => this.checkVersion()), this.ctx.pollMs);
  }

  async stop(): Promise<void> {
    this.ctx.statuses?.off('deviceStatus', this.onReport);
    this.poll?.cancel();
    await this.busy;
    const broker = this.broker;
    this.broker = null;
    await broker?.end();
  }

  /** Sends one device what it lacks from `fromVersion` now. */
  private async pushTo(deviceId: string, fromVersion: number): Promise<{ version: number; entries: number; messages: number }> {
    const device = await this.ctx.store.getDevice(deviceId);
    const broker = this.broker;
    // A revoked device, or one at a site no longer approved (retired), watches for no one: ingest
    // refuses its reads and hits, and the list it would hold names wanted and missing people.
    if (!device || !broker || (await deviceServed(this.ctx.store.sql, device))) return { version: fromVersion, entries: 0, messages: 0 };
    const changes = await this.encodedChangesSince(fromVersion);
    const now = this.ctx.clock.now();
    const listExpiresAtMs = now + this.ctx.listTtlMs;
    const devicePublicKey = publicKeyFromRaw(device.publicKey, 'ed25519');
    const updates: alpr.v1.IHotlistUpdateFrame[] = [];
    if (changes.snapshot) {
      const parts = snapshotParts(changes.upserts, this.ctx.partEntries, this.maxMessageBytes);
      parts.forEach((upserts, part) => updates.push({ deviceId, version: changes.version, baseVersion: 0, snapshot: true, part, parts: parts.length, upserts, issuedAtMs: now, listExpiresAtMs }));
      this.stats.snapshotsSent++;
    } else {
      // A delta, or (same version) a refresh that only moves the list's expiry on.
      updates.push({ deviceId, version: changes.version, baseVersion: fromVersion, snapshot: false, part: 0, parts: 1, upserts: changes.upserts, removedEntryIds: changes.removedEntryIds, issuedAtMs: now, listExpiresAtMs });
    }
    for (const update of updates) {
      const sealed = sealHotlistUpdate(update, this.ctx.keys.sign.privateKey, devicePublicKey);
      // A silent broker fails it after the PUBACK deadline: the device's next status brings a retry.
      await broker.publish(topics.hotlist(deviceId), Buffer.from(sealed));
      this.stats.updatesSent++;
    }
    const entries = changes.upserts.length + changes.removedEntryIds.length;
    this.stats.entriesSent += entries;
    const view = this.devices.get(deviceId) ?? { reported: fromVersion, sent: 0, sentAt: 0, heardAt: 0 };
    view.sent = changes.version;
    // When the last part left: a large snapshot takes a while to send, and the device needs time
    // to apply it before its status can report it.
    view.sentAt = this.ctx.clock.now();
    this.devices.set(deviceId, view);
    this.ctx.logger.info({ deviceId, from: fromVersion, version: changes.version, snapshot: changes.snapshot, entries, messages: updates.length }, 'hot list pushed');
    return { version: changes.version, entries, messages: updates.length };
  }

  private async encodedChangesSince(fromVersion: number): Promise<{ version: number; snapshot: boolean; upserts: Uint8Array[]; removedEntryIds: string[] }> {
    const snapshot = async () => ({ ...(await this.ctx.hotlists.snapshot()), snapshot: true, removedEntryIds: [] });
    if (needsSnapshot(fromVersion, await this.ctx.hotlists.version())) return snapshot();
    const changes = await this.ctx.hotlists.changesSince(fromVersion);
    const upserts = encodeHotlistEntries(changes.upserts);
    if (!changes.snapshot && !deltaFits(upserts, changes.removedEntryIds, this.maxMessageBytes)) return snapshot();
    return { version: changes.version, snapshot: changes.snapshot, upserts, removedEntryIds: changes.removedEntryIds };
  }

  private onStatus(topic: string, payload: Buffer): void {
    const route = parseTopic(topic);
    if (route?.kind !== 'status') return;
    try {
      this.statusReported(parseDeviceStatus(route.deviceId, payload));
    } catch {
      // ingest logs and counts malformed status
    }
  }

  /** A device's status: an online one names the version it holds, and gets what it lacks. */
  private statusReported(report: StatusOfHotlist): void {
    if (!report.online) return;
    const view = this.devices.get(report.deviceId) ?? { reported: report.hotlistVersion, sent: -1, sentAt: 0, heardAt: 0 };
    view.reported = report.hotlistVersion;
    view.heardAt = this.ctx.clock.now();
    this.devices.set(report.deviceId, view);
    this.serialise(() => this.reconcile(report.deviceId));
  }

  /**
   * Sends a device what it lacks. A status can predate what was just sent (statuses queued while a
   * snapshot was on its way still report the old version), so for a while after a push the device
   * is taken to hold what it was sent and only the changes since go out, in order over QoS 1;
   * after that its own report is believed (an update it refused is then sent again).
   */
  private async reconcile(deviceId: string): Promise<void> {
    const view = this.devices.get(deviceId);
    if (!view) return;
    const version = await this.ctx.hotlists.version();
    const now = this.ctx.clock.now();
    const recentlySent = view.sent > 0 && now - view.sentAt < IN_FLIGHT_MS;
    const holds = recentlySent ? view.sent : view.reported;
    const stale = now - view.sentAt > this.ctx.listTtlMs / 2;
    if (holds !== version || stale) await this.pushTo(deviceId, holds);
  }

  private async checkVersion(): Promise<void> {
    const version = await this.ctx.hotlists.version();
    if (version === this.lastVersion) return;
    this.lastVersion = version;
    const now = this.ctx.clock.now();
    for (const [deviceId, view] of this.devices) {
      const silentFor = now - view.heardAt;
      // Its statuses go elsewhere, or it is offline: its next status here brings what it lacks.
      if (silentFor > this.ctx.statusPeriodMs) {
        // By then a returning device is due a refresh anyway: what was sent it tells nothing more.
        if (silentFor > this.ctx.listTtlMs / 2) this.devices.delete(deviceId);
        continue;
      }
      // Deltas go from what was last sent: the device applies them in order over QoS 1.
      await this.pushTo(deviceId, view.sent > 0 ? view.sent : view.reported);
    }
  }

  private get maxMessageBytes(): number {
    return this.ctx.maxMessageBytes ?? HOTLIST_MESSAGE_MAX_BYTES;
  }

  private serialise(task: () => Promise<void>): void {
    this.busy = this.busy.then(task).catch((err: unknown) => this.ctx.logger.warn({ err: loggableError(err) }, 'hot-list push failed'));
  }
}
