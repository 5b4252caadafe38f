import { createHash, randomBytes } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import { publicKeyFromRaw, verifyDeviceRequest, type DeviceRequest } from '../../sync/index.js';
import type { AuditEntry, AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { siteInService, type SiteRegistry, type Site } from '../sites/siteRegistry.js';
import { MAX_HEALTH_JSON_BYTES, type DeviceStatusReport } from '../ingest/deviceStatus.js';
import type { Device, HubStore } from '../store/index.js';

const DEVICE_ID = /^[a-z0-9][a-z0-9-]{2,62}$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** How far a signed device request's time may be from the hub's. */
const REQUEST_WINDOW_MS = 5 * 60_000;
/** Connectivity changes (offline, online) audited one by one per device and hour: a sound device makes a few a day. */
const MAX_STATUS_CHANGES_PER_HOUR = 12;
const STATUS_CHANGE_ACTIONS = ['device.online', 'device.offline'] as const;

export interface DeviceOverview {
  deviceId: string;
  siteId: string;
  status: string;
  enrolledAt: number;
  online: boolean | null;
  statusReportedAt: number | null;
  unsyncedReads: number | null;
  oldestUnsyncedAgeS: number | null;
  tamperOpen: boolean | null;
  health: Record<string, unknown> | null;
  /** Why a stored status could not be shown in full; null when it could. */
  statusProblem: string | null;
}

/** The stored health JSON, if it is an object within the size limit. */
function storedHealth(text: unknown): { value: Record<string, unknown> | null; problem: string | null } {
  if (typeof text !== 'string' || Buffer.byteLength(text) > MAX_HEALTH_JSON_BYTES) return { value: null, problem: `the stored health is not text of at most ${MAX_HEALTH_JSON_BYTES} bytes` };
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null) return { value: null, problem: null };
    if (typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown>, problem: null };
  } catch {
    // reported below
  }
  return { value: null, problem: 'the stored health is not a JSON object' };
}

function checkEnrollment(input: { deviceId: string; publicKey: Buffer }): void {
  if (!DEVICE_ID.test(String(input.deviceId))) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'deviceId: 3-63 lower-case letters, digits or dashes');
  if (!Buffer.isBuffer(input.publicKey) || input.publicKey.length !== 32) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'publicKey: a raw 32-byte Ed25519 public key');
}

export interface EnrollmentToken {
  token: string;
  siteId: string;
  expiresAt: number;
}

/** A device's clock may run this far ahead of the hub's before its stored status stops counting as "newer". */
const STATUS_CLOCK_SLACK_MS = 5 * 60_000;

/**
 * A status dated before the one stored is stale (a status handed back to the queue after a store
 * failure, or redelivered after a node died, arrives after a newer one) and is not recorded over it.
 * Unless the stored one is dated ahead of the hub's clock: the device's clock was wrong and has been
 * corrected since, and its statuses must not be ignored until that wrong date has passed.
 */
function isStale(at: number, storedAt: number, now: number): boolean {
  return at < storedAt && storedAt <= now + STATUS_CLOCK_SLACK_MS;
}

/**
 * Binds appliances to approved sites (ARCHITECTURE: device identity). Enrollment uses a one-time
 * token an admin issues for one site; afterwards the appliance changes its own registration
 * (key rotation, relocation, decommissioning) only with requests signed by its device key.
 * Ingest refuses batches from devices that are unknown, revoked or whose reads name another site.
 */
export class DeviceRegistry {
  constructor(private readonly ctx: { store: HubStore; sites: SiteRegistry; audit: AuditLog; clock: Clock }) {}

  /** Admin-side enrollment (and what an enrollment token resolves to). */
  async enroll(input: { deviceId: string; publicKey: Buffer; siteId: string }, actor: string): Promise<Device> {
    checkEnrollment(input);
    await this.ctx.sites.requireApproved(input.siteId);
    return this.ctx.store.sql.tx((db) => this.enrollIn(db, input, actor));
  }

  /**
   * The device row and its `device.enroll` record, in the caller's transaction: a device is never
   * enrolled without its record. One conditional statement, so two enrollments of one id at once
   * (two hub processes) cannot both win and the second overwrite the first's key.
   */
  private async enrollIn(db: SqlDb, input: { deviceId: string; publicKey: Buffer; siteId: string }, actor: string): Promise<Device> {
    const device: Device = { deviceId: input.deviceId, publicKey: input.publicKey, siteId: input.siteId, status: 'active', enrolledAt: this.ctx.clock.now() };
    const { changes } = await db.run(`INSERT INTO devices (device_id, public_key, site_id, status, enrolled_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, site_id = excluded.site_id, status = excluded.status WHERE devices.status <> 'active'`,
    [device.deviceId, device.publicKey, device.siteId, device.status, device.enrolledAt]);
    if (changes !== 1) throw new AlprError('ALPR_ERR_CONFLICT', `device ${input.deviceId} is already enrolled; decommission it first`);
    await this.ctx.audit.append({ actor, action: 'device.enroll', detail: { deviceId: device.deviceId, siteId: device.siteId, publicKey: input.publicKey.toString('base64') } }, db);
    return device;
  }

  async issueEnrollmentToken(siteId: string, ttlMs: number, actor: string): Promise<EnrollmentToken> {
    await this.ctx.sites.requireApproved(siteId);
    if (!Number.isFinite(ttlMs) || ttlMs < 60_000 || ttlMs > 7 * 86_400_000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'ttl: between 1 minute and 7 days');
    const token = `enr_${randomBytes(24).toString('base64url')}`;
    const now = this.ctx.clock.now();
    await this.ctx.store.sql.tx(async (db) => {
      await db.run('INSERT INTO enrollment_tokens (token_hash, site_id, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)', [sha256(token), siteId, actor, now, now + ttlMs]);
      await this.ctx.audit.append({ actor, action: 'device.enrollmentToken', detail: { siteId, expiresAt: now + ttlMs } }, db);
    });
    return { token, siteId, expiresAt: now + ttlMs };
  }

  /** The site an unused, unexpired token is for (installers list sites with it too). */
  async checkEnrollmentToken(token: string): Promise<{ siteId: string; issuedBy: string }> {
    const row = await this.ctx.store.sql.get<{ site_id: string; issued_by: string; expires_at: number | string; used_at: number | string | null }>(
      'SELECT site_id, issued_by, expires_at, used_at FROM enrollment_tokens WHERE token_hash = ?', [sha256(String(token))]);
    if (!row) throw new AlprError('ALPR_ERR_ENROLLMENT_TOKEN', 'the enrollment token is unknown');
    if (row.used_at !== null) throw new AlprError('ALPR_ERR_ENROLLMENT_TOKEN', 'the enrollment token was already used; ask an admin for a new one');
    if (Number(row.expires_at) < this.ctx.clock.now()) throw new AlprError('ALPR_ERR_ENROLLMENT_TOKEN', 'the enrollment token has expired; ask an admin for a new one');
    return { siteId: row.site_id, issuedBy: row.issued_by };
  }

  /** The appliance's side of enrollment: its freshly made public key, against a one-time token. */
  async enrollWithToken(input: { token: string; deviceId: string; publicKey: Buffer }): Promise<{ device: Device; site: Site }> {
    const { siteId, issuedBy } = await this.checkEnrollmentToken(input.token);
    const site = await this.ctx.sites.requireApproved(siteId);
    checkEnrollment(input);
    // The token is spent in the transaction that enrolls the device and records it: a second
    // enrollment racing this one finds it spent, and an enrollment that fails leaves it unspent.
    const device = await this.ctx.store.sql.tx(async (db) => {
      const { changes } = await db.run('UPDATE enrollment_tokens SET used_at = ?, device_id = ? WHERE token_hash = ? AND used_at IS NULL',
        [this.ctx.clock.now(), String(input.deviceId), sha256(input.token)]);
      if (changes === 0) throw new AlprError('ALPR_ERR_ENROLLMENT_TOKEN', 'the enrollment token was already used; ask an admin for a new one');
      return this.enrollIn(db, { deviceId: input.deviceId, publicKey: input.publicKey, siteId }, `token-of:${issuedBy}`);
    });
    return { device, site };
  }

  /**
   * An appliance's retained status. The enclosure opening or closing and the appliance going
   * offline or online are audited: a tampered or silent camera is a fact the department must see.
   * `cameOnline` is true for exactly one of the hub processes that record the same status, when
   * an active device's first status or a change from offline to online is stored: that process
   * sends the device a fresh config push (ConfigPusher.sendFresh). A status dated before the stored
   * one is not recorded (isStale).
   */
  async recordStatus(report: DeviceStatusReport): Promise<{ cameOnline: boolean }> {
    const device = await this.ctx.store.getDevice(report.deviceId);
    if (!device) return { cameOnline: false };
    const values = [report.online ? 1 : 0, report.at, this.ctx.clock.now(), report.unsyncedReads, report.oldestUnsyncedAgeS, report.tamperOpen ? 1 : 0, JSON.stringify(report.health ?? null), report.deviceId];
    // Every hub process receives every retained status (the topic is not a shared subscription):
    // the first status is inserted once (the others find the row), and the state before a change
    // is read under the row's lock, so racing processes take turns and audit a change only once.
    return this.ctx.store.sql.tx(async (db) => {
      const { changes: inserted } = await db.run(`INSERT INTO device_status (online, reported_at, received_at, unsynced_reads, oldest_unsynced_age_s, tamper_open, health, device_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO NOTHING`, values);
      let before: { online: number; tamper_open: number; reported_at: number } | null = null;
      if (inserted === 0) {
        await db.run('UPDATE device_status SET device_id = device_id WHERE device_id = ?', [report.deviceId]);
        before = await db.get<{ online: number; tamper_open: number; reported_at: number }>('SELECT online, tamper_open, reported_at FROM device_status WHERE device_id = ?', [report.deviceId]);
        if (before && isStale(report.at, Number(before.reported_at), this.ctx.clock.now())) return { cameOnline: false };
        await db.run(`UPDATE device_status SET online = ?, reported_at = ?, received_at = ?, unsynced_reads = ?, oldest_unsynced_age_s = ?, tamper_open = ?, health = ?
          WHERE device_id = ?`, values);
      }
      const actor = `device:${report.deviceId}`;
      // The enclosure opening or closing is always audited: capping it too would let anyone at the
      // pole hide an opening behind a few pulled network cables (each an offline and an online).
      if (Boolean(before?.tamper_open) !== report.tamperOpen && (before || report.tamperOpen)) {
        await this.ctx.audit.append({ actor, action: report.tamperOpen ? 'device.tamperOpened' : 'device.tamperClosed', detail: { deviceId: report.deviceId, siteId: device.siteId } }, db);
      }
      if (before && Boolean(before.online) !== report.online) {
        await this.auditConnectivity({ actor, action: report.online ? 'device.online' : 'device.offline', detail: { deviceId: report.deviceId, unsyncedReads: report.unsyncedReads } }, device, db);
      }
      return { cameOnline: report.online && device.status === 'active' && (!before || !before.online) };
    });
  }

  /**
   * A device going offline or online, audited up to MAX_STATUS_CHANGES_PER_HOUR an hour: a device
   * (or whoever holds its key, or pulls its cable) flipping back and forth would otherwise grow the
   * chain, kept for years, without limit. Past the limit one `device.statusFlapping` record says so
   * for the hour, and the status is still stored (the device list shows it as it is).
   */
  private async auditConnectivity(entry: AuditEntry, device: Device, db: SqlDb): Promise<void> {
    const actor = `device:${device.deviceId}`;
    const hourAgo = this.ctx.clock.now() - 3600_000;
    let recorded = 0;
    for (const action of STATUS_CHANGE_ACTIONS) recorded += await this.ctx.audit.count(actor, action, hourAgo, db);
    if (recorded < MAX_STATUS_CHANGES_PER_HOUR) {
      await this.ctx.audit.append(entry, db);
      return;
    }
    if (await this.ctx.audit.count(actor, 'device.statusFlapping', hourAgo, db) > 0) return;
    await this.ctx.audit.append({ actor, action: 'device.statusFlapping', detail: { deviceId: device.deviceId, siteId: device.siteId, changesThisHour: recorded, limit: MAX_STATUS_CHANGES_PER_HOUR, note: 'further offline/online changes this hour are stored but not audited one by one; tamper changes always are' } }, db);
  }

  /**
   * Every device with its latest status. Whatever a row holds (a status stored before ingest
   * bounded it, a hand edit), one device's bad row shows as `health: null` with the reason in
   * `statusProblem`; it never fails the listing for everyone.
   */
  async overview(): Promise<DeviceOverview[]> {
    const rows = await this.ctx.store.sql.all<Record<string, unknown>>('SELECT * FROM device_status');
    const byId = new Map(rows.map((r) => [String(r.device_id), r]));
    const devices = await this.ctx.store.listDevices();
    return devices.map((d) => {
      const s = byId.get(d.deviceId);
      const base = { deviceId: d.deviceId, siteId: d.siteId, status: d.status, enrolledAt: d.enrolledAt };
      const blank = { online: null, statusReportedAt: null, unsyncedReads: null, oldestUnsyncedAgeS: null, tamperOpen: null, health: null };
      if (!s) return { ...base, ...blank, statusProblem: null };
      const numbers = { statusReportedAt: Number(s.reported_at), unsyncedReads: Number(s.unsynced_reads), oldestUnsyncedAgeS: Number(s.oldest_unsynced_age_s) };
      if (!Object.values(numbers).every(Number.isSafeInteger)) return { ...base, ...blank, statusProblem: 'the stored status is unreadable' };
      const health = storedHealth(s.health);
      return {
        ...base, ...numbers, online: Number(s.online) === 1, tamperOpen: Number(s.tamper_open) === 1,
        health: health.value, statusProblem: health.problem,
      };
    });
  }

  async revoke(deviceId: string, actor: string, reason: string): Promise<void> {
    await this.ctx.store.sql.tx(async (db) => {
      const { changes } = await db.run("UPDATE devices SET status = 'revoked' WHERE device_id = ?", [String(deviceId)]);
      if (changes === 0) throw new AlprError('ALPR_ERR_NOT_FOUND', `no device ${deviceId}`);
      await this.ctx.audit.append({ actor, action: 'device.revoke', detail: { deviceId, reason: String(reason ?? '').slice(0, 500) } }, db);
    });
  }

  /**
   * An appliance's own change to its registration, with its audit record, in one transaction. The
   * row changes only while it is as `checkSigned` read it (active, same key and site): a revocation
   * or another change landing in between is not overwritten.
   */
  private async changeRegistration(device: Device, change: { publicKey?: Buffer; siteId?: string; status?: 'revoked' }, action: string, detail: Record<string, unknown>): Promise<void> {
    await this.ctx.store.sql.tx(async (db) => {
      const { changes } = await db.run(`UPDATE devices SET public_key = ?, site_id = ?, status = ?
        WHERE device_id = ? AND status = 'active' AND public_key = ? AND site_id = ?`,
      [change.publicKey ?? device.publicKey, change.siteId ?? device.siteId, change.status ?? device.status, device.deviceId, device.publicKey, device.siteId]);
      if (changes !== 1) throw new AlprError('ALPR_ERR_CONFLICT', `the registration of device ${device.deviceId} changed meanwhile; read it again`);
      await this.ctx.audit.append({ actor: `device:${device.deviceId}`, action, detail }, db);
    });
  }

  /**
   * A request the appliance signed with its device key. Throws ALPR_ERR_DEVICE_REQUEST unless the
   * device is active, the signature verifies, the time is within 5 minutes and it is not a replay.
   */
  async checkSigned(request: DeviceRequest, signature: string): Promise<Device> {
    const device = await this.ctx.store.getDevice(request.deviceId);
    const refuse = (why: string): never => {
      throw new AlprError('ALPR_ERR_DEVICE_REQUEST', `${request.action} for ${request.deviceId} refused: ${why}`);
    };
    // One answer for an unknown, a revoked and a wrongly signed device: two told anyone which device ids are in service.
    const unsigned = 'it is not signed by the key of an enrolled device in service';
    if (!device || device.status !== 'active') return refuse(unsigned);
    if (!verifyDeviceRequest(request, String(signature), publicKeyFromRaw(device.publicKey, 'ed25519'))) return refuse(unsigned);
    if (!Number.isSafeInteger(request.at) || Math.abs(request.at - this.ctx.clock.now()) > REQUEST_WINDOW_MS) return refuse('its time is more than 5 minutes from the hub\'s clock');
    // One statement, so copies sent at once cannot both find it unused: the second used to fail
    // the primary key as a retryable store error (503) instead of being refused as a replay.
    const { changes } = await this.ctx.store.sql.run('INSERT INTO device_requests (device_id, action, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [request.deviceId, request.action, request.at]);
    if (changes === 0) return refuse('it was already used (replay)');
    return device;
  }

  /** rotate-keys: the old key signs the new one in; `proof` is the new key's signature over the same request. */
  async rotateKey(request: DeviceRequest, signature: string, proof: string): Promise<Device> {
    const raw = Buffer.from(String(request.fields.newPublicKey ?? ''), 'base64');
    if (raw.length !== 32) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'newPublicKey: a raw 32-byte Ed25519 public key, base64');
    if (!verifyDeviceRequest(request, String(proof), publicKeyFromRaw(raw, 'ed25519'))) {
      throw new AlprError('ALPR_ERR_DEVICE_REQUEST', 'the new key did not sign the rotation: the appliance must hold it');
    }
    const device = await this.checkSigned({ ...request, action: 'rotate-key' }, signature);
    await this.changeRegistration(device, { publicKey: raw }, 'device.rotateKey', { deviceId: device.deviceId, from: device.publicKey.toString('base64'), to: raw.toString('base64') });
    return { ...device, publicKey: raw };
  }

  async relocate(request: DeviceRequest, signature: string): Promise<Device> {
    const siteId = String(request.fields.siteId ?? '');
    // The signature first: checked the other way round, an unsigned request learnt which site ids are approved.
    const device = await this.checkSigned({ ...request, action: 'relocate' }, signature);
    // From an approved site only: a device left enrolled at a retired site would otherwise move
    // itself, with its own key alone, to any site in service and send reads from there again.
    const { refusal } = await siteInService(this.ctx.store.sql, device.siteId);
    if (refusal) {
      throw new AlprError('ALPR_ERR_SITE_NOT_APPROVED', `device ${device.deviceId} is enrolled at a site out of service (${refusal.message}): a device from a site out of service is enrolled again with an enrollment token, not relocated`);
    }
    await this.ctx.sites.requireApproved(siteId);
    if (device.siteId === siteId) throw new AlprError('ALPR_ERR_CONFLICT', `device ${device.deviceId} is already at ${siteId}`);
    await this.changeRegistration(device, { siteId }, 'device.relocate', { deviceId: device.deviceId, from: device.siteId, to: siteId });
    return { ...device, siteId };
  }

  async decommission(request: DeviceRequest, signature: string): Promise<void> {
    const device = await this.checkSigned({ ...request, action: 'decommission' }, signature);
    await this.changeRegistration(device, { status: 'revoked' }, 'device.decommission', { deviceId: device.deviceId, siteId: device.siteId, pendingDiscarded: request.fields.pendingDiscarded ?? '0' });
  }
}
