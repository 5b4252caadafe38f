import { AlprError, TypedEmitter, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import type { Device } from '../store/index.js';

export interface Site {
  siteId: string;
  name: string;
  /** The Chief's written approval (memo or order number). */
  approvalRef: string;
  approvedAt: number;
  approvedBy: string;
  latitude: number;
  longitude: number;
  cameras: string[];
  status: 'approved' | 'retired';
}

interface SiteRow {
  site_id: string;
  name: string;
  approval_ref: string;
  approved_at: number | string;
  approved_by: string;
  latitude: number;
  longitude: number;
  cameras: string;
  status: Site['status'];
}

const toSite = (r: SiteRow): Site => ({
  siteId: r.site_id, name: r.name, approvalRef: r.approval_ref, approvedAt: Number(r.approved_at), approvedBy: r.approved_by,
  latitude: Number(r.latitude), longitude: Number(r.longitude), cameras: JSON.parse(r.cameras) as string[], status: r.status,
});

/** A site as the registry holds it, or null. */
async function findSite(sql: SqlDb, siteId: string): Promise<Site | null> {
  const row = await sql.get<SiteRow>('SELECT * FROM sites WHERE site_id = ?', [siteId]);
  return row ? toSite(row) : null;
}

/**
 * The rule of General Order 4.68 V for everything a device at a site does: the site is approved by
 * the Chief and not retired. A site id the registry does not hold is out of service too (siteInService).
 */
export function isInService(site: Site): boolean {
  return site.status === 'approved';
}

/** What siteInService answers: the site in service, or the refusal that says what it is instead. */
export type SiteInService = { site: Site; refusal: null } | { site: Site | null; refusal: AlprError };

/**
 * Whether `siteId` is approved and in service (isInService), read from the registry now: the one
 * check behind enrolling and relocating devices, ingest taking their reads (hub/ingest/readCheck.ts),
 * the broker letting them log in (hub/broker/siteRefusals.ts), and config and hot-list pushes to
 * them, so that these cannot drift apart. A retirement counts from the next check on.
 */
export async function siteInService(sql: SqlDb, siteId: string): Promise<SiteInService> {
  const site = await findSite(sql, siteId);
  if (site && isInService(site)) return { site, refusal: null };
  return { site, refusal: new AlprError('ALPR_ERR_SITE_NOT_APPROVED', `site ${siteId} is ${site ? site.status : 'not in the site registry'}: not an approved site in service`) };
}

const ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
/** An appliance's `camera_id` as its configuration allows it (firmware/config/schema.ts): a site listing another form would have every read refused. */
const CAMERA = /^[a-z0-9][a-z0-9-]{0,31}$/;

export interface SiteApproval {
  siteId: string;
  name: string;
  approvalRef: string;
  latitude: number;
  longitude: number;
  cameras: string[];
}

function checkLocation(latitude: number, longitude: number): void {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'latitude: must be between -90 and 90');
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'longitude: must be between -180 and 180');
}

function checkCameras(cameras: unknown): string[] {
  if (!Array.isArray(cameras) || cameras.length > 16 || !cameras.every((c) => typeof c === 'string' && CAMERA.test(c))) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', 'cameras: up to 16 camera ids as appliances name them (lower-case letters, digits and -, starting with a letter or digit, as cam0)');
  }
  return [...new Set(cameras as string[])];
}

/**
 * Whether the hub serves a device (config and hot-list pushes, its topics on a broker): an active
 * device whose site is in service (siteInService). Null when it is served; otherwise why not.
 */
export async function deviceServed(sql: SqlDb, device: Device | null): Promise<AlprError | null> {
  if (!device) return new AlprError('ALPR_ERR_SYNC_UNKNOWN_DEVICE', 'unknown device');
  if (device.status !== 'active') return new AlprError('ALPR_ERR_SYNC_UNKNOWN_DEVICE', `device ${device.deviceId} is ${device.status}`);
  return (await siteInService(sql, device.siteId)).refusal;
}

type SiteEvents = {
  /** After the retirement is committed: the embedded broker cuts off the site's connected devices. */
  siteRetired: [site: Site];
};

/**
 * The registry of sites the Chief approved (General Order 4.68 V, last paragraph). Devices bind
 * only to approved sites; moving a site needs a new approval, and every approval reference is
 * kept and used once.
 */
export class SiteRegistry extends TypedEmitter<SiteEvents> {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock }) {
    super();
  }

  async approve(input: SiteApproval, actor: string): Promise<Site> {
    if (!ID.test(String(input.siteId))) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'siteId: 2-40 lower-case letters, digits or dashes');
    const name = String(input.name ?? '').trim();
    if (name.length < 1 || name.length > 200) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'name: 1-200 characters');
    const approvalRef = String(input.approvalRef ?? '').trim();
    if (approvalRef.length < 3 || approvalRef.length > 100) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'approvalRef: the Chief\'s approval reference, 3-100 characters');
    checkLocation(input.latitude, input.longitude);
    const cameras = checkCameras(input.cameras);
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      if (await db.get('SELECT 1 AS x FROM sites WHERE site_id = ?', [input.siteId])) throw new AlprError('ALPR_ERR_CONFLICT', `site ${input.siteId} exists; relocating it needs a relocation approval`);
      await this.recordApproval(db, approvalRef, input.siteId, input.latitude, input.longitude, actor, now);
      await db.run(`INSERT INTO sites (site_id, name, approval_ref, approved_at, approved_by, latitude, longitude, cameras, status, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?)`, [input.siteId, name, approvalRef, now, actor, input.latitude, input.longitude, JSON.stringify(cameras), now]);
      await this.ctx.audit.append({ actor, action: 'site.approve', detail: { siteId: input.siteId, approvalRef, latitude: input.latitude, longitude: input.longitude, cameras } }, db);
    });
    return (await this.get(input.siteId))!;
  }

  /** V: "Existing ALPR installations may only be relocated after receiving approval by the Chief." */
  async relocate(siteId: string, input: { approvalRef: string; latitude: number; longitude: number }, actor: string): Promise<Site> {
    const approvalRef = String(input.approvalRef ?? '').trim();
    if (approvalRef.length < 3 || approvalRef.length > 100) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'approvalRef: a new approval reference from the Chief');
    checkLocation(input.latitude, input.longitude);
    const site = await this.requireApproved(siteId);
    const now = this.ctx.clock.now();
    await this.ctx.sql.tx(async (db) => {
      await this.holdInService(db, siteId);
      await this.recordApproval(db, approvalRef, siteId, input.latitude, input.longitude, actor, now);
      await db.run('UPDATE sites SET approval_ref = ?, approved_at = ?, approved_by = ?, latitude = ?, longitude = ?, updated_at = ? WHERE site_id = ?',
        [approvalRef, now, actor, input.latitude, input.longitude, now, siteId]);
      await this.ctx.audit.append({ actor, action: 'site.relocate', detail: { siteId, approvalRef, from: { latitude: site.latitude, longitude: site.longitude }, to: { latitude: input.latitude, longitude: input.longitude } } }, db);
    });
    return (await this.get(siteId))!;
  }

  /** Admins keep names and camera lists current; the location stays as the Chief approved it. */
  async update(siteId: string, input: { name?: string; cameras?: string[] }, actor: string): Promise<Site> {
    await this.requireApproved(siteId);
    const cameras = input.cameras === undefined ? undefined : checkCameras(input.cameras);
    const name = input.name === undefined ? undefined : String(input.name).trim();
    if (name !== undefined && (name.length < 1 || name.length > 200)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'name: 1-200 characters');
    await this.ctx.sql.tx(async (db) => {
      await this.holdInService(db, siteId);
      if (name !== undefined) await db.run('UPDATE sites SET name = ?, updated_at = ? WHERE site_id = ?', [name, this.ctx.clock.now(), siteId]);
      if (cameras !== undefined) await db.run('UPDATE sites SET cameras = ?, updated_at = ? WHERE site_id = ?', [JSON.stringify(cameras), this.ctx.clock.now(), siteId]);
      await this.ctx.audit.append({ actor, action: 'site.update', detail: { siteId, name, cameras } }, db);
    });
    return (await this.get(siteId))!;
  }

  /**
   * Takes the site out of service. Its devices stay enrolled (revoking them is DeviceRegistry's,
   * with its own audit record), but from now on ingest refuses every read naming it, in a batch or
   * with a hot-list hit (hub/ingest/readCheck.ts), so nothing they capture is stored or alerted on;
   * the broker refuses their logins and the hub pushes them neither config nor hot list
   * (siteInService). There is no way back: a site is approved anew under another id.
   */
  async retire(siteId: string, actor: string, reason: string): Promise<Site> {
    await this.requireApproved(siteId);
    await this.ctx.sql.tx(async (db) => {
      await this.holdInService(db, siteId);
      await db.run("UPDATE sites SET status = 'retired', updated_at = ? WHERE site_id = ?", [this.ctx.clock.now(), siteId]);
      await this.ctx.audit.append({ actor, action: 'site.retire', detail: { siteId, reason: String(reason ?? '').slice(0, 500) } }, db);
    });
    const site = (await this.get(siteId))!;
    this.emit('siteRetired', site);
    return site;
  }

  async get(siteId: string): Promise<Site | null> {
    return findSite(this.ctx.sql, siteId);
  }

  async list(): Promise<Site[]> {
    return (await this.ctx.sql.all<SiteRow>('SELECT * FROM sites ORDER BY site_id')).map(toSite);
  }

  /** What provisioning calls before binding a device: throws unless the site is approved and in service. */
  async requireApproved(siteId: string): Promise<Site> {
    const { site, refusal } = await siteInService(this.ctx.sql, siteId);
    if (refusal) throw refusal;
    return site;
  }

  /**
   * Inside a change's transaction: the site is still approved and in service, and stays so until
   * the transaction ends. The check before the transaction (requireApproved) gives the caller its
   * answer; this one, an UPDATE that takes the site's row, is what two changes at once (two
   * retirements, a relocation meeting a retirement) cannot both pass: the second finds it retired.
   */
  private async holdInService(db: SqlDb, siteId: string): Promise<void> {
    const { changes } = await db.run("UPDATE sites SET updated_at = updated_at WHERE site_id = ? AND status = 'approved'", [siteId]);
    if (changes === 0) throw (await siteInService(db, siteId)).refusal ?? new AlprError('ALPR_ERR_SITE_NOT_APPROVED', `site ${siteId} is not an approved site in service`);
  }

  private async recordApproval(db: SqlDb, approvalRef: string, siteId: string, latitude: number, longitude: number, actor: string, now: number): Promise<void> {
    if (await db.get('SELECT 1 AS x FROM site_approvals WHERE approval_ref = ?', [approvalRef])) throw new AlprError('ALPR_ERR_CONFLICT', `approval ${approvalRef} was already used`);
    await db.run('INSERT INTO site_approvals (approval_ref, site_id, latitude, longitude, approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?)', [approvalRef, siteId, latitude, longitude, now, actor]);
  }
}
