import { randomUUID } from 'node:crypto';
import { AlprError, TypedEmitter, type Clock, type VehicleColour } from '../../core/index.js';
import type { HotlistHit } from '../../sync/index.js';
import type { Account, AccountService } from '../accounts/accountService.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import type { HubRead, HubStore } from '../store/index.js';

/** What the officer found when checking the hit (V.H: plate image, issuing state, make). */
export const DISPOSITIONS = ['confirmed', 'misread', 'wrong_state', 'vehicle_mismatch', 'entry_invalid'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
/** After a confirmed hit, what came of it (VII.F reports the stops). */
export const ACTIONS = ['stop_made', 'no_stop', 'unable_to_locate'] as const;
export type AlertAction = (typeof ACTIONS)[number];

export interface AlertEntrySnapshot {
  plate: string;
  state: string;
  plateType: string;
  vehicleMake: string;
  vehicleColour: string;
  vehicleType: string;
  category: string;
  priority: number;
  action: string;
  source: string;
}

export interface Alert {
  alertId: string;
  readId: string;
  entryId: string;
  deviceId: string;
  siteId: string;
  cameraId: string;
  plate: string;
  readState: string | null;
  readConfidence: number;
  /** The body colour the appliance judged in the read's context image: checked against entry.vehicleColour. */
  readColour: VehicleColour;
  nearMatch: boolean;
  entry: AlertEntrySnapshot;
  matchedBy: 'appliance' | 'hub';
  capturedAt: number;
  raisedAt: number;
  status: 'open' | 'closed';
  imagesOpenedBy: string | null;
  imagesOpenedAt: number | null;
  disposition: Disposition | null;
  actionTaken: AlertAction | null;
  cadNumber: string | null;
  note: string | null;
  disposedBy: string | null;
  disposedAt: number | null;
}

export interface DispositionRequest {
  disposition: Disposition;
  action?: AlertAction;
  cadNumber?: string;
  note?: string;
}

type AlertEvents = { alertRaised: [alert: Alert]; alertClosed: [alert: Alert] };

/**
 * How many live alert streams may be open at once in one hub process. Each open stream checks its
 * account and suspension every 20 s and before every alert, and each opening is an audit record,
 * so without a cap one account could load the database and grow the chain without bound.
 */
export interface StreamLimits {
  /** Streams one account may hold open (default 3: a console tab or two and a car terminal). */
  perAccount: number;
  /** Streams all accounts together may hold open (default 200). */
  total: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perAccount: 3, total: 200 };

interface AlertRow {
  alert_id: string; read_id: string; entry_id: string; device_id: string; site_id: string; camera_id: string; plate: string; read_state: string | null;
  read_confidence: number | string; read_colour: string; near_match: number | string; entry: string; source: string; matched_by: string; captured_at: number | string;
  raised_at: number | string; status: string; images_opened_by: string | null; images_opened_at: number | string | null; disposition: string | null;
  action_taken: string | null; cad_number: string | null; note: string | null; disposed_by: string | null; disposed_at: number | string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const toAlert = (r: AlertRow): Alert => ({
  alertId: r.alert_id, readId: r.read_id, entryId: r.entry_id, deviceId: r.device_id, siteId: r.site_id, cameraId: r.camera_id, plate: r.plate, readState: r.read_state,
  readConfidence: Number(r.read_confidence), readColour: r.read_colour as VehicleColour, nearMatch: Number(r.near_match) === 1, entry: JSON.parse(r.entry) as AlertEntrySnapshot, matchedBy: r.matched_by as Alert['matchedBy'],
  capturedAt: Number(r.captured_at), raisedAt: Number(r.raised_at), status: r.status as Alert['status'], imagesOpenedBy: r.images_opened_by, imagesOpenedAt: num(r.images_opened_at),
  disposition: r.disposition as Disposition | null, actionTaken: r.action_taken as AlertAction | null, cadNumber: r.cad_number, note: r.note, disposedBy: r.disposed_by,
  disposedAt: num(r.disposed_at),
});

const CAD_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/;

/**
 * Alerts and their verification (General Order 4.68 V.G-H): raised once per read and entry,
 * streamed to officers live, closed only by a recorded disposition; a hit can be confirmed only by
 * an officer who opened its images. Every step is in the audit chain.
 */
export class AlertService extends TypedEmitter<AlertEvents> {
  constructor(private readonly ctx: {
    sql: SqlDb; store: HubStore; audit: AuditLog; clock: Clock; accounts: AccountService;
    /** VII.H: an account suspended after a refused search has no access to ALPR data, alerts included. */
    reviews: Pick<ReviewFlags, 'refuseWhileSuspended'>;
    /** VI: how long reads are kept; an alert names a read (plate, place, time) and is served no longer. */
    retentionMs: number;
    /** Caps on open alert streams; what is left out keeps DEFAULT_STREAM_LIMITS. */
    streams?: Partial<StreamLimits>;
  }) {
    super();
  }

  /** Open alert streams by account id (this process only). */
  private readonly streams = new Map<string, number>();
  private streamTotal = 0;

  /**
   * Takes one of the open-stream slots for `user`, or refuses with ALPR_ERR_RATE_LIMITED (429) when
   * the account, or the hub, already holds as many as the caps allow. Returns the release, which
   * frees the slot once however often it is called. The caps are per hub process: each process
   * re-checks only the streams it serves.
   */
  openStream(user: Account): () => void {
    const limits = { ...DEFAULT_STREAM_LIMITS, ...this.ctx.streams };
    const mine = this.streams.get(user.userId) ?? 0;
    if (mine >= limits.perAccount) {
      throw new AlprError('ALPR_ERR_RATE_LIMITED', `this account already has ${mine} alert streams open; the limit is ${limits.perAccount}: close one (another tab or device) first`);
    }
    if (this.streamTotal >= limits.total) {
      throw new AlprError('ALPR_ERR_RATE_LIMITED', `the hub already serves ${this.streamTotal} alert streams, its limit; try again shortly`);
    }
    this.streams.set(user.userId, mine + 1);
    this.streamTotal++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.streamTotal--;
      const left = (this.streams.get(user.userId) ?? 1) - 1;
      if (left > 0) this.streams.set(user.userId, left);
      else this.streams.delete(user.userId);
    };
  }

  /** How many alert streams are open in this process: for one account, or in all. */
  openStreams(userId?: string): number {
    return userId === undefined ? this.streamTotal : this.streams.get(userId) ?? 0;
  }

  /**
   * What every officer-facing call checks: a current account, not suspended (VII.H). The stream
   * re-checks it on each heartbeat.
   */
  async requireAccess(user: Account): Promise<void> {
    this.ctx.accounts.requireCurrent(user);
    await this.ctx.reviews.refuseWhileSuspended(user.userId, 'see or work alerts');
  }

  /** Alerts whose read was captured or arrived before this are past retention (VI): kept for the monthly figures only. */
  private retainedFrom(): number {
    return this.ctx.clock.now() - this.ctx.retentionMs;
  }

  /** An alert an officer may still open: one within retention. */
  private async live(alertId: string): Promise<Alert> {
    const alert = await this.get(alertId);
    if (!alert) throw new AlprError('ALPR_ERR_NOT_FOUND', `no alert ${alertId}`);
    if (Math.min(alert.capturedAt, alert.raisedAt) < this.retainedFrom()) throw new AlprError('ALPR_ERR_NOT_FOUND', `alert ${alertId} is past the 30-day retention of its read`);
    return alert;
  }

  /** Records the hits of one read; a hit already raised (by the appliance or another process) is not raised twice. */
  async raise(read: HubRead, hits: HotlistHit[], matchedBy: Alert['matchedBy']): Promise<Alert[]> {
    const raised: Alert[] = [];
    // A read past retention raises nothing: it could not be shown, and the purge has taken the
    // read and entry ids from the alerts it raised before (forgetBefore), so a replayed hit
    // would not be known as raised.
    if (read.capturedAt < this.retainedFrom()) return raised;
    const now = this.ctx.clock.now();
    for (const { entry, nearMatch } of hits) {
      const snapshot: AlertEntrySnapshot = {
        plate: entry.plate, state: entry.state, plateType: entry.plateType, vehicleMake: entry.vehicleMake, vehicleColour: entry.vehicleColour, vehicleType: entry.vehicleType,
        category: entry.category, priority: entry.priority, action: entry.action, source: entry.source,
      };
      const alertId = randomUUID();
      // The alert and its `alert.raised` record commit together: an alert stored without it
      // would never be recorded, since the hit raises nothing when it is found again.
      const stored = await this.ctx.sql.tx(async (db) => {
        const { changes } = await db.run(`INSERT INTO alerts (alert_id, read_id, entry_id, device_id, site_id, camera_id, plate, read_state, read_confidence, read_colour, near_match, entry, source,
          matched_by, captured_at, raised_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') ON CONFLICT (read_id, entry_id) DO NOTHING`,
      [alertId, read.id, entry.entryId, read.deviceId, read.siteId, read.cameraId, read.plate, read.region, read.confidence, read.vehicleColour, nearMatch ? 1 : 0, JSON.stringify(snapshot), entry.source,
        matchedBy, read.capturedAt, now]);
        if (changes === 0) return false;
        await this.ctx.audit.append({
          actor: 'system', action: 'alert.raised',
          // No read or entry id: joined with the search and hot-list records that carry plates,
          // they would keep every sighting of a listed plate in the chain past retention (VI).
          detail: { alertId, siteId: read.siteId, cameraId: read.cameraId, source: entry.source, category: entry.category, nearMatch, readColour: read.vehicleColour, matchedBy, capturedAt: read.capturedAt, latencyMs: now - read.capturedAt },
        }, db);
        return true;
      });
      if (!stored) continue;
      const alert = (await this.get(alertId))!;
      raised.push(alert);
      this.emit('alertRaised', alert);
    }
    return raised;
  }

  /**
   * VI: what an alert copied from its read and the hot-list record (the plate, its state, the
   * vehicle, the entry's plate and action text, the officer's note) is ALPR data and goes when
   * the read's 30 days are up, held or not; site, camera, times, source, category and disposition
   * stay for the monthly figures (stats). Run by the retention purge; returns how many were blanked.
   */
  async forgetBefore(cutoff: number): Promise<number> {
    const rows = await this.ctx.sql.all<{ alert_id: string; entry: string }>(
      "SELECT alert_id, entry FROM alerts WHERE (captured_at < ? OR raised_at < ?) AND plate <> ''", [cutoff, cutoff]);
    await this.ctx.sql.tx(async (db) => {
      for (const row of rows) {
        const { category, priority, source } = JSON.parse(row.entry) as AlertEntrySnapshot;
        const entry: AlertEntrySnapshot = { plate: '', state: '', plateType: '', vehicleMake: '', vehicleColour: '', vehicleType: '', category, priority, action: '', source };
        // The read and entry ids go too: either leads back to the plate (a search record's readIds, the entry's row).
        await db.run(`UPDATE alerts SET plate = '', read_state = NULL, read_colour = 'unknown', entry = ?, note = NULL, read_id = 'forgotten:' || alert_id, entry_id = ''
          WHERE alert_id = ?`, [JSON.stringify(entry), row.alert_id]);
      }
    });
    return rows.length;
  }

  async get(alertId: string): Promise<Alert | null> {
    const row = await this.ctx.sql.get<AlertRow>('SELECT * FROM alerts WHERE alert_id = ?', [alertId]);
    return row ? toAlert(row) : null;
  }

  /** Open alerts first, newest first; optionally only some sites. Audited like every read of ALPR data. */
  async list(user: Account, filter: { status?: 'open' | 'closed'; siteIds?: string[]; limit?: number }): Promise<Alert[]> {
    await this.requireAccess(user);
    const cutoff = this.retainedFrom();
    const where: string[] = ['captured_at >= ?', 'raised_at >= ?'];
    const params: Array<string | number> = [cutoff, cutoff];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.siteIds?.length) {
      where.push(`site_id IN (${filter.siteIds.map(() => '?').join(', ')})`);
      params.push(...filter.siteIds);
    }
    const rows = await this.ctx.sql.all<AlertRow>(`SELECT * FROM alerts WHERE ${where.join(' AND ')} ORDER BY raised_at DESC LIMIT ?`, [...params, Math.min(filter.limit ?? 50, 200)]);
    await this.ctx.audit.append({ actor: user.userId, action: 'alert.list', detail: { status: filter.status ?? null, siteIds: filter.siteIds ?? null, returned: rows.length } });
    return rows.map(toAlert);
  }

  /** The plate crop and context image of an alert's read: what V.H asks the officer to look at. */
  async viewImages(user: Account, alertId: string): Promise<{ alert: Alert; read: HubRead }> {
    await this.requireAccess(user);
    const alert = await this.live(alertId);
    const read = await this.ctx.store.getRead(alert.readId);
    if (!read) throw new AlprError('ALPR_ERR_NOT_FOUND', `the read of alert ${alertId} is no longer held`);
    const now = this.ctx.clock.now();
    // The view (which lets this officer confirm the alert) and its audit record commit together.
    await this.ctx.sql.tx(async (db) => {
      await db.run('UPDATE alerts SET images_opened_by = COALESCE(images_opened_by, ?), images_opened_at = COALESCE(images_opened_at, ?) WHERE alert_id = ?', [user.userId, now, alertId]);
      await db.run('INSERT INTO alert_image_views (alert_id, user_id, at) VALUES (?, ?, ?) ON CONFLICT (alert_id, user_id) DO NOTHING', [alertId, user.userId, now]);
      // The alert alone, as alert.raised: with the read id, the alert's site and time reach the plate.
      await this.ctx.audit.append({ actor: user.userId, action: 'alert.viewImages', detail: { alertId } }, db);
    });
    return { alert: (await this.get(alertId))!, read };
  }

  /**
   * Closes an alert with what the officer found. Confirmed needs the images opened first (by
   * this officer: the audit shows who looked) and what came of it; a stop needs its CAD number.
   */
  async dispose(user: Account, alertId: string, req: DispositionRequest): Promise<Alert> {
    await this.requireAccess(user);
    // The officer's note stays out of the chain: it often names the plate ("driver ABC1234
    // detained"), and the purge blanks it from the alert at 30 days; the chain keeps its length.
    const { note, ...recorded } = req;
    const noteChars = note?.length ?? 0;
    const refuse = async (code: 'ALPR_ERR_INVALID_INPUT' | 'ALPR_ERR_CONFLICT', message: string): Promise<never> => {
      await this.ctx.audit.append({ actor: user.userId, action: 'alert.disposition', outcome: 'refused', detail: { alertId, ...recorded, noteChars, reason: message } });
      throw new AlprError(code, message);
    };
    const alert = await this.live(alertId);
    if (alert.status === 'closed') return refuse('ALPR_ERR_CONFLICT', `alert ${alertId} was already closed as ${alert.disposition}`);
    if (!(DISPOSITIONS as readonly string[]).includes(req.disposition)) return refuse('ALPR_ERR_INVALID_INPUT', `disposition must be one of ${DISPOSITIONS.join(', ')}`);
    if (req.disposition === 'confirmed') {
      const opened = await this.ctx.sql.get('SELECT 1 AS y FROM alert_image_views WHERE alert_id = ? AND user_id = ?', [alertId, user.userId]);
      if (!opened) return refuse('ALPR_ERR_CONFLICT', 'open the alert\'s plate and context images before confirming it (General Order 4.68 V.H)');
      if (!req.action || !(ACTIONS as readonly string[]).includes(req.action)) return refuse('ALPR_ERR_INVALID_INPUT', `a confirmed alert records what came of it: ${ACTIONS.join(', ')}`);
      if (req.action === 'stop_made' && !CAD_NUMBER.test(req.cadNumber ?? '')) return refuse('ALPR_ERR_INVALID_INPUT', 'a stop made on an alert records its CAD run number');
    } else if (req.action !== undefined || req.cadNumber !== undefined) {
      return refuse('ALPR_ERR_INVALID_INPUT', 'only a confirmed alert records an action or a CAD number');
    }
    const now = this.ctx.clock.now();
    // The disposition and its audit record commit together or not at all.
    const closedNow = await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run(`UPDATE alerts SET status = 'closed', disposition = ?, action_taken = ?, cad_number = ?, note = ?, disposed_by = ?, disposed_at = ?
        WHERE alert_id = ? AND status = 'open'`, [req.disposition, req.action ?? null, req.cadNumber ?? null, req.note ?? null, user.userId, now, alertId]);
      if (changes === 0) return false;
      await this.ctx.audit.append({
        actor: user.userId, action: 'alert.disposition',
        detail: { alertId, siteId: alert.siteId, cameraId: alert.cameraId, source: alert.entry.source, disposition: req.disposition, action: req.action ?? null, cadNumber: req.cadNumber ?? null, noteChars, secondsToDisposition: Math.round((now - alert.raisedAt) / 1000) },
      }, db);
      return true;
    });
    if (!closedNow) return refuse('ALPR_ERR_CONFLICT', `alert ${alertId} was closed by someone else meanwhile`);
    const closed = (await this.get(alertId))!;
    this.emit('alertClosed', closed);
    return closed;
  }

  /**
   * The month's alert figures the CPOC report needs (VII.F-G): stops from ALPR, false hits per
   * camera and per list source, and the time from alert to disposition.
   */
  async stats(from: number, to: number): Promise<AlertStats> {
    const rows = (await this.ctx.sql.all<AlertRow>('SELECT * FROM alerts WHERE raised_at >= ? AND raised_at < ?', [from, to])).map(toAlert);
    const closed = rows.filter((a) => a.status === 'closed');
    const falseHit = (a: Alert) => a.disposition !== null && a.disposition !== 'confirmed' && a.disposition !== 'entry_invalid';
    const rate = (group: (a: Alert) => string) => {
      const by = new Map<string, { alerts: number; disposed: number; falseHits: number }>();
      for (const a of rows) {
        const g = by.get(group(a)) ?? { alerts: 0, disposed: 0, falseHits: 0 };
        g.alerts++;
        if (a.status === 'closed') g.disposed++;
        if (falseHit(a)) g.falseHits++;
        by.set(group(a), g);
      }
      return [...by.entries()].map(([key, g]) => ({ key, ...g, falseHitRate: g.disposed ? g.falseHits / g.disposed : null }));
    };
    const seconds = closed.map((a) => (a.disposedAt! - a.raisedAt) / 1000).sort((a, b) => a - b);
    return {
      alerts: rows.length, open: rows.length - closed.length, confirmed: closed.filter((a) => a.disposition === 'confirmed').length,
      stops: closed.filter((a) => a.actionTaken === 'stop_made').length,
      byCamera: rate((a) => `${a.siteId}/${a.cameraId}`), bySource: rate((a) => a.entry.source),
      medianSecondsToDisposition: seconds.length ? seconds[Math.floor(seconds.length / 2)]! : null,
    };
  }
}

export interface AlertStats {
  alerts: number;
  open: number;
  confirmed: number;
  stops: number;
  byCamera: Array<{ key: string; alerts: number; disposed: number; falseHits: number; falseHitRate: number | null }>;
  bySource: Array<{ key: string; alerts: number; disposed: number; falseHits: number; falseHitRate: number | null }>;
  medianSecondsToDisposition: number | null;
}
