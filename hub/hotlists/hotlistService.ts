import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AlprError, errorMessage, type Clock, type Logger } from '../../core/index.js';
import { HotlistMatcher, type HotlistEntry, type HotlistHit } from '../../sync/index.js';
import type { Account } from '../accounts/accountService.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb, SqlValue } from '../db/sql.js';
import { requirePermission } from '../policy/permissions.js';
import type { FelonyRequests } from '../policy/felonyRequests.js';
import { offenseCategory } from '../policy/offenses.js';
import type { PurposeGate } from '../policy/purposeGate.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import { CATEGORY_DEFAULTS, isHotlistCategory, isProhibitedCategory, namesOffense, type HotlistCategory } from './hotlistCategories.js';
import { entryFingerprint, normalisePlate, PLATE_PATTERN, STATE_PATTERN, type HotlistRecord } from './hotlistEntry.js';
import { parseExtract, type ImportedEntry } from './hotlistImport.js';
import { INTERNAL_SOURCE, NCIC_MAPPING, parseImportMapping, type ImportMapping } from './importMapping.js';

/** A state or national list the hub imports on a schedule. */
export interface HotlistSource {
  mapping: ImportMapping;
  /** A file path (a drop folder's file) or an http(s) URL. */
  location: string;
  everyMinutes: number;
}

export interface HotlistRules {
  /** Internal entries: expiry when none is given, and the longest a detective may set (IX.2). */
  internalDefaultDays: number;
  internalMaxDays: number;
  sources: HotlistSource[];
}

/** A holder of `fromVersion` needs the whole list: it has none, or one from ahead of this hub (a restored hub). */
export function needsSnapshot(fromVersion: number, version: number): boolean {
  return fromVersion <= 0 || fromVersion > version;
}

/** What an internal entry or renewal is refused with. */
type RefusalCode = 'ALPR_ERR_INVALID_INPUT' | 'ALPR_ERR_PURPOSE_PROHIBITED' | 'ALPR_ERR_PURPOSE_REQUIRED' | 'ALPR_ERR_FELONY_APPROVAL_INVALID' | 'ALPR_ERR_FORBIDDEN';

export const DEFAULT_HOTLIST_RULES: HotlistRules = { internalDefaultDays: 30, internalMaxDays: 90, sources: [] };

export interface InternalEntryRequest {
  plate: string;
  state?: string;
  plateType?: string;
  vehicleMake?: string;
  vehicleColour?: string;
  vehicleType?: string;
  category: string;
  caseNumber: string;
  reason: string;
  /** felony_vehicle and wanted_person: the NIBRS offense code of the case (hub/policy/offenses.ts), as a search states it. */
  offense?: string;
  /** An entry naming an offense that is not a violent crime: the Chief-approved written request (V.B). */
  felonyRequestId?: string;
  action?: string;
  priority?: number;
  expiresAt?: number;
}

export interface ImportRun {
  importId: string;
  source: string;
  at: number;
  origin: string;
  sha256: string;
  rowsRead: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  refused: Record<string, number>;
  status: 'applied' | 'held' | 'rejected';
  version: number | null;
  decidedBy: string | null;
  note: string | null;
}

/** A reviewer's decision on a held import. */
export interface ImportDecision {
  apply: boolean;
  note: string;
  /** The held extract, sent again when the hub no longer keeps it (applying only). */
  csv?: string;
}

export interface HotlistChanges {
  version: number;
  snapshot: boolean;
  upserts: HotlistEntry[];
  removedEntryIds: string[];
}

interface EntryRow {
  entry_id: string; source: string; plate: string; state: string; plate_type: string; vehicle_make: string; vehicle_colour: string; vehicle_type: string;
  priority: number | string; action: string; category: string; case_number: string | null; reason: string | null; offense: string | null; felony_request_id: string | null; entered_by: string;
  entered_at: number | string; expires_at: number | string | null; removed: number | string; removed_at: number | string | null; removed_reason: string | null;
  changed_version: number | string;
}

const COLUMNS = 'entry_id, source, plate, state, plate_type, vehicle_make, vehicle_colour, vehicle_type, priority, action, category, case_number, reason, offense, felony_request_id, entered_by, entered_at, expires_at, removed, removed_at, removed_reason, changed_version';

const toRecord = (r: EntryRow): HotlistRecord => ({
  entryId: r.entry_id, source: r.source, plate: r.plate, state: r.state, plateType: r.plate_type, vehicleMake: r.vehicle_make, vehicleColour: r.vehicle_colour,
  vehicleType: r.vehicle_type, priority: Number(r.priority), action: r.action, category: r.category as HotlistCategory, caseNumber: r.case_number, reason: r.reason,
  offense: r.offense, felonyRequestId: r.felony_request_id,
  enteredBy: r.entered_by, enteredAt: Number(r.entered_at), expiresAt: r.expires_at === null ? null : Number(r.expires_at), removed: Number(r.removed) === 1,
  removedAt: r.removed_at === null ? null : Number(r.removed_at), removedReason: r.removed_reason, changedVersion: Number(r.changed_version),
});

type WireRow = Pick<EntryRow, 'entry_id' | 'plate' | 'state' | 'plate_type' | 'vehicle_make' | 'vehicle_colour' | 'vehicle_type' | 'priority' | 'action' | 'source' | 'category' | 'expires_at' | 'removed'>;

const WIRE_COLUMNS = 'entry_id, plate, state, plate_type, vehicle_make, vehicle_colour, vehicle_type, priority, action, source, category, expires_at, removed';

/** The wire form the matcher and the appliances use. */
const wireEntryOf = (r: WireRow): HotlistEntry => ({
  entryId: r.entry_id, plate: r.plate, state: r.state, plateType: r.plate_type, vehicleMake: r.vehicle_make, vehicleColour: r.vehicle_colour,
  vehicleType: r.vehicle_type, priority: Number(r.priority), action: r.action, source: r.source, category: r.category, expiresAtMs: r.expires_at === null ? 0 : Number(r.expires_at),
});

/** The origin of an import an administrator sent over the API (held for a second administrator). */
const API_ORIGIN = 'api';

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

/**
 * Hot lists at the hub (General Order 4.68 IX.2, V.B-F): imported state and national lists,
 * internal entries by detectives and analysts, one version number over all of them, and the
 * matcher every ingested read is checked against. Every change is audited.
 */
export class HotlistService {
  private readonly matcher = new HotlistMatcher();
  private matcherVersion = 0;
  private refreshing: Promise<void> | null = null;

  /** spoolDir keeps the extract of an import held for review until a reviewer decides (null: not kept, it must be sent again). */
  constructor(private readonly ctx: {
    sql: SqlDb; audit: AuditLog; clock: Clock; gate: PurposeGate; rules: HotlistRules; spoolDir: string | null; logger: Logger;
    /** V.A, VIII: an account whose training, sign-off or LEADS certification lapsed has no access. */
    accounts: { requireCurrent(user: Account): void };
    /** VII.H: nor has one suspended after a refused search (a hot-list entry makes every camera watch for a plate). */
    suspensions: Pick<ReviewFlags, 'refuseWhileSuspended'>;
    /** V.B: an entry for a felony that is not violent cites the Chief's approval, as a search does. */
    felony: Pick<FelonyRequests, 'requireApproved'>;
  }) {}

  /** What every member's call on the internal lists checks first: current, and not suspended. */
  private async requireAccess(user: Account): Promise<void> {
    this.ctx.accounts.requireCurrent(user);
    await this.ctx.suspensions.refuseWhileSuspended(user.userId, 'look up or change hot-list entries or imports');
  }

  async version(): Promise<number> {
    const row = await this.ctx.sql.get<{ v: number | string }>("SELECT v FROM hotlist_meta WHERE k = 'version'");
    return Number(row?.v ?? 0);
  }

  /** Entries the read hits, on this hub's current list (refreshed from the store when it moved). */
  async match(plate: string, state: string | null): Promise<HotlistHit[]> {
    await this.refresh();
    return this.matcher.match(plate, state, this.ctx.clock.now());
  }

  /**
   * The entries each read hits, in order: one refresh from the store for all of them, so a
   * stored batch costs one version query rather than one per read.
   */
  async matchEach(reads: ReadonlyArray<{ plate: string; region: string | null }>): Promise<HotlistHit[][]> {
    await this.refresh();
    const now = this.ctx.clock.now();
    return reads.map((read) => this.matcher.match(read.plate, read.region, now));
  }

  /** Brings the in-memory matcher up to the stored version (other hub processes change it too). */
  async refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const changes = await this.changesSince(this.matcherVersion);
        if (changes.snapshot) this.matcher.clear();
        this.matcher.apply(changes.upserts, changes.removedEntryIds);
        this.matcherVersion = changes.version;
      })().finally(() => {
        this.refreshing = null;
      });
    }
    await this.refreshing;
  }

  /**
   * The whole list as the matcher holds it, entries encoded: what a device without a list is sent.
   * Taken from memory rather than the store, since every hub process keeps the matcher current.
   */
  async snapshot(): Promise<{ version: number; upserts: Uint8Array[] }> {
    await this.refresh();
    return { version: this.matcherVersion, upserts: this.matcher.encodedEntries() };
  }

  /**
   * What a holder of `fromVersion` lacks: the rows changed since, as upserts and removals; from 0
   * (or a version ahead of the hub's, which a restored hub may see) a full snapshot.
   */
  async changesSince(fromVersion: number): Promise<HotlistChanges> {
    const version = await this.version();
    const snapshot = needsSnapshot(fromVersion, version);
    if (!snapshot && fromVersion === version) return { version, snapshot: false, upserts: [], removedEntryIds: [] };
    // Only the columns the wire carries: a snapshot reads every live row (a million at a hub start).
    const rows = snapshot
      ? await this.ctx.sql.all<WireRow>(`SELECT ${WIRE_COLUMNS} FROM hotlist_entries WHERE removed = 0 AND changed_version <= ?`, [version])
      : await this.ctx.sql.all<WireRow>(`SELECT ${WIRE_COLUMNS} FROM hotlist_entries WHERE changed_version > ? AND changed_version <= ?`, [fromVersion, version]);
    const upserts: HotlistEntry[] = [];
    const removedEntryIds: string[] = [];
    for (const row of rows) {
      if (Number(row.removed) === 1) removedEntryIds.push(row.entry_id);
      else upserts.push(wireEntryOf(row));
    }
    return { version, snapshot, upserts, removedEntryIds };
  }

  async get(entryId: string): Promise<HotlistRecord | null> {
    const row = await this.ctx.sql.get<EntryRow>(`SELECT ${COLUMNS} FROM hotlist_entries WHERE entry_id = ?`, [entryId]);
    return row ? toRecord(row) : null;
  }

  /** Live entries for a plate (detectives checking before they enter one); audited. */
  async find(user: Account, plate: string): Promise<HotlistRecord[]> {
    await this.requireAccess(user);
    const p = normalisePlate(plate);
    const rows = await this.ctx.sql.all<EntryRow>(`SELECT ${COLUMNS} FROM hotlist_entries WHERE plate = ? AND removed = 0`, [p]);
    await this.ctx.audit.append({ actor: user.userId, action: 'hotlist.find', detail: { plate: p, returned: rows.length } });
    return rows.map(toRecord);
  }

  /** Counts for the console and the reports. */
  async summary(): Promise<{ version: number; live: Array<{ source: string; category: string; entries: number }>; refusedEntries: number }> {
    const live = await this.ctx.sql.all<{ source: string; category: string; n: number | string }>(
      'SELECT source, category, COUNT(*) AS n FROM hotlist_entries WHERE removed = 0 GROUP BY source, category ORDER BY source, category');
    const refused = await this.ctx.sql.get<{ v: number | string }>("SELECT v FROM hotlist_meta WHERE k = 'refused_entries'");
    return { version: await this.version(), live: live.map((r) => ({ source: r.source, category: r.category, entries: Number(r.n) })), refusedEntries: Number(refused?.v ?? 0) };
  }

  // --- internal lists (IX.2) -------------------------------------------------------------------

  async addInternal(user: Account, req: InternalEntryRequest): Promise<HotlistRecord> {
    await this.requireAccess(user);
    const now = this.ctx.clock.now();
    const plate = normalisePlate(req.plate);
    const state = (req.state ?? '').toUpperCase();
    const refuse = (code: RefusalCode, message: string, detail: Record<string, unknown> = {}): Promise<never> =>
      this.refused(user, 'hotlist.entry.add', code, message, { plate, caseNumber: req.caseNumber, category: req.category, code, ...detail });
    if (isProhibitedCategory(req.category)) {
      return refuse('ALPR_ERR_PURPOSE_PROHIBITED', `General Order 4.68 forbids a hot list to carry ${req.category.replace('_', ' ')} entries (V.C-F); the attempt is recorded`);
    }
    if (!isHotlistCategory(req.category)) return refuse('ALPR_ERR_INVALID_INPUT', `category must be one of ${Object.keys(CATEGORY_DEFAULTS).join(', ')}`);
    if (!PLATE_PATTERN.test(plate)) return refuse('ALPR_ERR_INVALID_INPUT', 'plate must be 2-10 letters and digits');
    if (state !== '' && !STATE_PATTERN.test(state)) return refuse('ALPR_ERR_INVALID_INPUT', 'state must be a two-letter code, or empty when unknown');
    // The case number as a search must cite it: the agency's format, not junk, an open case (IX.2, V.B).
    let caseNumber: string;
    try {
      caseNumber = this.ctx.gate.checkCaseNumber(req.caseNumber);
    } catch (err) {
      return refuse('ALPR_ERR_PURPOSE_REQUIRED', `an internal hot-list entry needs the case number it belongs to: ${errorMessage(err)}`);
    }
    if (typeof req.reason !== 'string' || req.reason.trim().length < 10) return refuse('ALPR_ERR_PURPOSE_REQUIRED', 'say why the plate is listed (at least 10 characters)');
    // felony_vehicle covers every felony and a warrant any offense, so the entry says which (see
    // namesOffense): a violent crime is listed on the
    // detective's word, any other felony only under a written request the Chief approved (V.B),
    // exactly as a search for it would be. A hot list watches every camera for the plate, for weeks.
    const offenseNamed = namesOffense(req.category);
    const offense = offenseNamed ? offenseCategory(String(req.offense ?? '')) ?? null : null;
    if (offenseNamed && !offense) return refuse('ALPR_ERR_PURPOSE_REQUIRED', `a ${req.category} entry names the offense of its case: its NIBRS code (GET /api/v1/offenses)`);
    const decision = this.ctx.gate.screen({ purpose: 'other_felony', caseNumber, ...(offense ? { offense: offense.code } : {}), description: `${req.reason} ${req.action ?? ''}` });
    if (decision.prohibited.length > 0) {
      return refuse('ALPR_ERR_PURPOSE_PROHIBITED', `${prohibitedUseMessage(decision.prohibited)} The entry was refused and the attempt recorded.`, { prohibited: decision.prohibited });
    }
    const needsApproval = offense !== null && offense.purposes.every((p) => p === 'other_felony');
    let approvedUntil = Infinity;
    if (needsApproval) {
      const approval = await this.approval(String(req.felonyRequestId ?? ''), caseNumber, user.userId);
      if ('refusal' in approval) {
        return refuse(approval.refusal, `offense ${offense.code} (${offense.name}) is not a violent crime: listing a vehicle for it needs a written request the Chief approved (V.B): ${approval.why}`, { offense: offense.code, felonyRequestId: req.felonyRequestId ?? null });
      }
      approvedUntil = approval.until;
    }
    const asked = this.expiry(req.expiresAt, now);
    if (asked === null) return refuse('ALPR_ERR_INVALID_INPUT', `expiry must be in the future and at most ${this.ctx.rules.internalMaxDays} days ahead`);
    // An entry under an approval ends with it.
    const expiresAt = Math.min(asked, approvedUntil);
    const defaults = CATEGORY_DEFAULTS[req.category];
    const record: HotlistRecord = {
      entryId: `${INTERNAL_SOURCE}:${randomUUID()}`, source: INTERNAL_SOURCE, plate, state, plateType: (req.plateType ?? '').toUpperCase().slice(0, 2),
      vehicleMake: (req.vehicleMake ?? '').toUpperCase().slice(0, 24), vehicleColour: (req.vehicleColour ?? '').toUpperCase().slice(0, 24),
      vehicleType: (req.vehicleType ?? '').toUpperCase().slice(0, 24), priority: req.priority ?? defaults.priority, action: (req.action ?? defaults.action).slice(0, 240),
      category: req.category, caseNumber, reason: req.reason.trim(), offense: offense?.code ?? null, felonyRequestId: needsApproval ? String(req.felonyRequestId) : null,
      enteredBy: user.userId, enteredAt: now, expiresAt,
      removed: false, removedAt: null, removedReason: null, changedVersion: 0,
    };
    // The entry and its audit record commit together (VII: no change without its record).
    const version = await this.ctx.sql.tx(async (db) => {
      const v = await this.bump(db);
      await this.upsert(db, [{ ...record, changedVersion: v }]);
      await this.ctx.audit.append({ actor: user.userId, action: 'hotlist.entry.add', detail: { entryId: record.entryId, plate, state, category: record.category, caseNumber: record.caseNumber, reason: record.reason, offense: record.offense, felonyRequestId: record.felonyRequestId, expiresAt, version: v } }, db);
      return v;
    });
    return { ...record, changedVersion: version };
  }

  /**
   * Renewal moves the expiry (never past the maximum from now); audited with a reason. Only the
   * member who listed the plate renews it (or, for an entry under the Chief's approval, whom the
   * approval names): a renewal keeps every camera watching under that member's case and word, so
   * another member lists the plate under their own name instead. Removal stays open to every
   * member with the permission: it stops the watching (a stolen car recovered at night).
   */
  async renewInternal(user: Account, entryId: string, expiresAt: number | undefined, reason: string): Promise<HotlistRecord> {
    await this.requireAccess(user);
    const listed = await this.internalEntry(entryId, this.ctx.sql);
    if (listed.felonyRequestId === null && listed.enteredBy !== user.userId) {
      const code = 'ALPR_ERR_FORBIDDEN';
      return this.refused(user, 'hotlist.entry.renew', code, `entry ${entryId} was listed by another member, who alone renews it; list the plate under your own case and name instead`, { entryId, reason, code, enteredBy: listed.enteredBy });
    }
    const now = this.ctx.clock.now();
    const asked = this.expiry(expiresAt, now);
    if (asked === null) throw new AlprError('ALPR_ERR_INVALID_INPUT', `expiry must be in the future and at most ${this.ctx.rules.internalMaxDays} days ahead`);
    if (typeof reason !== 'string' || reason.trim().length < 5) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'a renewal carries a reason');
    // Renewing keeps the plate watched: its reason is screened as the entry's own was.
    const decision = this.ctx.gate.screen({ purpose: 'other_felony', description: reason });
    if (decision.prohibited.length > 0) {
      const code = 'ALPR_ERR_PURPOSE_PROHIBITED';
      return this.refused(user, 'hotlist.entry.renew', code, `${prohibitedUseMessage(decision.prohibited)} The renewal was refused and the attempt recorded.`, { entryId, reason, code, prohibited: decision.prohibited });
    }
    // An entry listed under the Chief's approval is renewed only while it holds, by whom it names, and not past its end.
    let until = asked;
    if (listed.felonyRequestId !== null) {
      const approval = await this.approval(listed.felonyRequestId, String(listed.caseNumber), user.userId);
      if ('refusal' in approval) {
        const code = approval.refusal;
        return this.refused(user, 'hotlist.entry.renew', code, `the entry was listed under felony request ${listed.felonyRequestId} (V.B): ${approval.why}`, { entryId, reason, code });
      }
      until = Math.min(asked, approval.until);
    }
    return this.ctx.sql.tx(async (db) => {
      // Under the list's lock, so the previous expiry recorded is the one replaced and a removal meanwhile is seen.
      const v = await this.bump(db);
      const entry = await this.internalEntry(entryId, db);
      await db.run('UPDATE hotlist_entries SET expires_at = ?, changed_version = ? WHERE entry_id = ?', [until, v, entryId]);
      await this.ctx.audit.append({ actor: user.userId, action: 'hotlist.entry.renew', detail: { entryId, previousExpiry: entry.expiresAt, expiresAt: until, reason, version: v } }, db);
      return { ...entry, expiresAt: until, changedVersion: v };
    });
  }

  async removeInternal(user: Account, entryId: string, reason: string): Promise<HotlistRecord> {
    await this.requireAccess(user);
    await this.internalEntry(entryId, this.ctx.sql);
    if (typeof reason !== 'string' || reason.trim().length < 5) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'a removal carries a reason');
    const now = this.ctx.clock.now();
    return this.ctx.sql.tx(async (db) => {
      // Under the list's lock: an entry removed or expired meanwhile is not removed (and recorded) twice.
      const v = await this.bump(db);
      const entry = await this.internalEntry(entryId, db);
      await db.run('UPDATE hotlist_entries SET removed = 1, removed_at = ?, removed_reason = ?, changed_version = ? WHERE entry_id = ?', [now, reason, v, entryId]);
      await this.ctx.audit.append({ actor: user.userId, action: 'hotlist.entry.remove', detail: { entryId, reason, version: v } }, db);
      return { ...entry, removed: true, removedAt: now, removedReason: reason, changedVersion: v };
    });
  }

  /** Marks entries past their expiry removed, so devices drop them too (the retention schedule calls it). */
  async expire(): Promise<number> {
    const now = this.ctx.clock.now();
    return this.ctx.sql.tx(async (db) => {
      await lockList(db);
      const due = await db.all<{ entry_id: string }>('SELECT entry_id FROM hotlist_entries WHERE removed = 0 AND expires_at IS NOT NULL AND expires_at <= ?', [now]);
      if (due.length === 0) return 0;
      const v = await this.bump(db);
      const { changes } = await db.run("UPDATE hotlist_entries SET removed = 1, removed_at = ?, removed_reason = 'expired', changed_version = ? WHERE removed = 0 AND expires_at IS NOT NULL AND expires_at <= ?", [now, v, now]);
      await this.ctx.audit.append({ actor: 'system', action: 'hotlist.expire', detail: { entries: changes, version: v } }, db);
      return changes;
    });
  }

  // --- imports ---------------------------------------------------------------------------------

  /**
   * An administrator's import over the API. Imported lists come from the state and national
   * systems, under the NCIC mapping or a source the hub's policy file configures (`hotlists.sources`),
   * mapped as configured there: a mapping written into the request would let whoever holds
   * `hotlists.import` put any plate on every camera under any category (a "wanted person" with no
   * offense, case or expiry), past the gate every internal entry goes through (IX.2, V.B-F). The
   * file itself is the uploader's word, so it is held until another administrator applies it
   * (decideImport): one person alone cannot put a plate on every camera by writing it into an
   * extract. The member is held to what every hot-list change requires: current, and not suspended
   * (VII.H).
   */
  async importAsMember(user: Account, text: string, requested: unknown): Promise<ImportRun> {
    requirePermission(user.role, 'hotlists.import');
    await this.requireAccess(user);
    return this.importExtract(text, requested === undefined ? NCIC_MAPPING : this.configuredMapping(parseImportMapping(requested)), user.userId, API_ORIGIN, { hold: true });
  }

  /** The configured mapping a request names, refused when the policy file has no such source or maps it otherwise. */
  private configuredMapping(requested: ImportMapping): ImportMapping {
    const configured = [NCIC_MAPPING, ...this.ctx.rules.sources.map((s) => s.mapping)].find((m) => m.source === requested.source);
    if (!configured) {
      throw new AlprError('ALPR_ERR_FORBIDDEN', `hot-list source '${requested.source}' is not configured in the hub's policy file (hotlists.sources): a list is imported only from a source the hub host names`);
    }
    if (!isDeepStrictEqual(configured, requested)) {
      throw new AlprError('ALPR_ERR_INVALID_INPUT', `the mapping sent for '${requested.source}' is not the one the hub's policy file configures for it; send the extract with that mapping, or none for NCIC`);
    }
    return configured;
  }

  /**
   * One import of a source's extract: parse, diff against the source's live entries, then apply in
   * one transaction, or hold it for review when it would drop more than the mapping allows. The
   * schedule and the host call it directly; members go through importAsMember.
   */
  async importExtract(text: string, mapping: ImportMapping, actor: string, origin: string, options: { hold?: boolean } = {}): Promise<ImportRun> {
    const now = this.ctx.clock.now();
    const parsed = parseExtract(text, mapping, now);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const importId = randomUUID();
    const spooled = this.ctx.spoolDir ? join(this.ctx.spoolDir, `${importId}.csv`) : null;
    let outcome: { run: ImportRun; live: number };
    try {
      outcome = await this.ctx.sql.tx(async (db) => {
        // The diff is taken under the list's lock, so no other change lands between reading the
        // live entries and applying the difference; the import row, the refusal count and the
        // audit record commit with it or not at all.
        await lockList(db);
        const live = await db.all<EntryRow>(`SELECT ${COLUMNS} FROM hotlist_entries WHERE source = ? AND removed = 0`, [mapping.source]);
        const diff = diffAgainst(live.map(toRecord), parsed.entries);
        const dropShare = live.length === 0 ? 0 : diff.removed.length / live.length;
        const tooMuch = (share: number) => share > mapping.maxDropShare;
        const run: ImportRun = {
          importId, source: mapping.source, at: now, origin, sha256, rowsRead: parsed.rowsRead, added: diff.added.length, updated: diff.updated.length,
          removed: diff.removed.length, unchanged: diff.unchanged, refused: parsed.refused, status: options.hold || tooMuch(dropShare) ? 'held' : 'applied', version: null,
          decidedBy: null, note: null,
        };
        const prohibited = Object.entries(parsed.refused).filter(([why]) => isProhibitedCategory(why)).reduce((n, [, k]) => n + k, 0);
        if (prohibited > 0) await this.countRefusal(db, prohibited);
        if (run.status === 'held' && spooled) {
          // A file cannot roll back with the transaction: it is removed below if the import is not stored.
          await mkdir(this.ctx.spoolDir!, { recursive: true, mode: 0o700 });
          await writeFile(spooled, text, { mode: 0o600 });
        }
        const changes = diff.added.length + diff.updated.length + diff.removed.length;
        // An extract that changes nothing leaves the version alone (devices have nothing to fetch).
        if (run.status === 'applied') run.version = changes > 0 ? await this.applyDiff(db, diff, now) : Number((await db.get<{ v: number }>("SELECT v FROM hotlist_meta WHERE k = 'version'"))!.v);
        await db.run(`INSERT INTO hotlist_imports (import_id, source, at, origin, sha256, rows_read, added, updated, removed, unchanged, refused, status, version, mapping)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [run.importId, run.source, now, origin, sha256, run.rowsRead, run.added, run.updated, run.removed, run.unchanged,
          JSON.stringify(run.refused), run.status, run.version, JSON.stringify(mapping)]);
        await this.ctx.audit.append({
          // Held as too large a drop, it is refused until reviewed; held for a second administrator, it is sent, awaiting them.
          actor, action: 'hotlist.import', outcome: tooMuch(dropShare) ? 'refused' : 'ok',
          detail: { importId: run.importId, source: run.source, origin, sha256, rowsRead: run.rowsRead, added: run.added, updated: run.updated, removed: run.removed, refused: run.refused, status: run.status, version: run.version, dropShare: Math.round(dropShare * 1000) / 1000 },
        }, db);
        return { run, live: live.length };
      });
    } catch (err) {
      if (spooled) await rm(spooled, { force: true });
      throw err;
    }
    const { run, live } = outcome;
    if (run.status === 'held') {
      this.ctx.logger.warn({ importId: run.importId, source: run.source, removed: run.removed, live }, options.hold ? 'hot-list import held for another administrator to apply' : 'hot-list import held for review: it would drop too much of the list');
    }
    return run;
  }

  /**
   * A reviewer applies or rejects a held import. Applying takes the extract that was held (kept in
   * the spool folder, or sent again: its SHA-256 must match) and diffs it against the list as it
   * is now. Several hub processes share one store, so two reviewers may decide at once: the
   * decision claims the import with a compare-and-set on `status = 'held'` inside the transaction
   * that applies it and writes its audit record, so exactly one decision wins (the other gets
   * ALPR_ERR_CONFLICT) and a decision is never stored without its record, nor the reverse.
   */
  async decideImport(reviewer: Account, importId: string, decision: ImportDecision): Promise<ImportRun> {
    // Here and not only in the route: a command or a job calling the service is held to it too.
    requirePermission(reviewer.role, 'hotlists.import');
    // As every other hot-list change: an applied import changes what every camera watches for.
    await this.requireAccess(reviewer);
    const held = await this.heldImport(importId);
    if (decision.apply && held.origin === API_ORIGIN && (await this.uploaderOf(importId)) === reviewer.userId) {
      throw new AlprError('ALPR_ERR_SEPARATION_OF_DUTIES', 'an extract uploaded over the API is applied by another administrator, never by the one who sent it');
    }
    const now = this.ctx.clock.now();
    const spooled = this.ctx.spoolDir ? join(this.ctx.spoolDir, `${importId}.csv`) : null;
    let entries: ImportedEntry[] | null = null;
    if (decision.apply) {
      const text = decision.csv ?? (spooled ? await readFile(spooled, 'utf8').catch(() => null) : null);
      if (text === null) {
        // A decision that won meanwhile removes the spooled extract: say that rather than "send it again".
        await this.heldImport(importId);
        throw new AlprError('ALPR_ERR_CONFLICT', 'the held extract is no longer kept on the hub; send it again');
      }
      if (createHash('sha256').update(text).digest('hex') !== held.sha256) throw new AlprError('ALPR_ERR_CONFLICT', 'the extract to apply is not the one that was held (its SHA-256 differs)');
      const mapping = parseImportMapping(JSON.parse((await this.ctx.sql.get<{ mapping: string }>('SELECT mapping FROM hotlist_imports WHERE import_id = ?', [importId]))!.mapping));
      entries = parseExtract(text, mapping, now).entries;
    }
    const status = decision.apply ? 'applied' : 'rejected';
    const version = await this.ctx.sql.tx(async (db) => {
      // The claim comes first: on PostgreSQL a concurrent decision waits on this row and then finds it no longer held.
      const claimed = await db.run("UPDATE hotlist_imports SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE import_id = ? AND status = 'held'",
        [status, reviewer.userId, now, decision.note, importId]);
      if (claimed.changes !== 1) throw notHeld(importId, await this.importRun(importId, db));
      let v: number | null = null;
      if (entries) {
        await lockList(db);
        const live = await db.all<EntryRow>(`SELECT ${COLUMNS} FROM hotlist_entries WHERE source = ? AND removed = 0`, [held.source]);
        v = await this.applyDiff(db, diffAgainst(live.map(toRecord), entries), now);
        await db.run('UPDATE hotlist_imports SET version = ? WHERE import_id = ?', [v, importId]);
      }
      await this.ctx.audit.append({ actor: reviewer.userId, action: 'hotlist.import.decide', detail: { importId, source: held.source, status, note: decision.note, version: v } }, db);
      return v;
    });
    if (spooled) await rm(spooled, { force: true });
    return { ...held, status, version, decidedBy: reviewer.userId, note: decision.note };
  }

  /** Who sent an import: the actor of its `hotlist.import` record. */
  private async uploaderOf(importId: string): Promise<string | null> {
    return (await this.ctx.audit.findFirst('hotlist.import', (r) => r.detail.importId === importId))?.actor ?? null;
  }

  /** The import, still held (ALPR_ERR_NOT_FOUND or ALPR_ERR_CONFLICT otherwise). */
  private async heldImport(importId: string): Promise<ImportRun> {
    const run = await this.importRun(importId);
    if (!run) throw new AlprError('ALPR_ERR_NOT_FOUND', `no hot-list import ${importId}`);
    if (run.status !== 'held') throw notHeld(importId, run);
    return run;
  }

  async importRun(importId: string, db: SqlDb = this.ctx.sql): Promise<ImportRun | null> {
    const runs = await this.imports(importId, db);
    return runs[0] ?? null;
  }

  async imports(importId?: string, db: SqlDb = this.ctx.sql): Promise<ImportRun[]> {
    const rows = await db.all<Record<string, unknown>>(
      `SELECT import_id, source, at, origin, sha256, rows_read, added, updated, removed, unchanged, refused, status, version, decided_by, note FROM hotlist_imports ${importId ? 'WHERE import_id = ?' : ''} ORDER BY at DESC LIMIT 100`, importId ? [importId] : []);
    return rows.map((r) => ({
      importId: String(r.import_id), source: String(r.source), at: Number(r.at), origin: String(r.origin), sha256: String(r.sha256), rowsRead: Number(r.rows_read),
      added: Number(r.added), updated: Number(r.updated), removed: Number(r.removed), unchanged: Number(r.unchanged), refused: JSON.parse(String(r.refused)) as Record<string, number>,
      status: r.status as ImportRun['status'], version: r.version === null ? null : Number(r.version), decidedBy: (r.decided_by as string | null) ?? null, note: (r.note as string | null) ?? null,
    }));
  }

  // --- internals ---------------------------------------------------------------------------------

  private async applyDiff(db: SqlDb, diff: ExtractDiff, now: number): Promise<number> {
    const v = await this.bump(db);
    const changed = [...diff.added, ...diff.updated].map((e): HotlistRecord => ({ ...e, enteredAt: now, removed: false, removedAt: null, removedReason: null, changedVersion: v }));
    await this.upsert(db, changed);
    for (let i = 0; i < diff.removed.length; i += INSERT_CHUNK) {
      const ids = diff.removed.slice(i, i + INSERT_CHUNK);
      await db.run(`UPDATE hotlist_entries SET removed = 1, removed_at = ?, removed_reason = 'cleared at source', changed_version = ? WHERE entry_id IN (${ids.map(() => '?').join(', ')})`, [now, v, ...ids]);
    }
    return v;
  }

  private async upsert(db: SqlDb, records: HotlistRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += INSERT_CHUNK) {
      const chunk = records.slice(i, i + INSERT_CHUNK);
      const params: SqlValue[] = [];
      for (const r of chunk) {
        params.push(r.entryId, r.source, r.plate, r.state, r.plateType, r.vehicleMake, r.vehicleColour, r.vehicleType, r.priority, r.action, r.category, r.caseNumber, r.reason,
          r.offense, r.felonyRequestId, r.enteredBy, r.enteredAt, r.expiresAt, r.removed ? 1 : 0, r.removedAt, r.removedReason, r.changedVersion);
      }
      await db.run(`INSERT INTO hotlist_entries (${COLUMNS}) VALUES ${chunk.map(() => `(${Array(22).fill('?').join(', ')})`).join(', ')}
        ON CONFLICT (entry_id) DO UPDATE SET plate = excluded.plate, state = excluded.state, plate_type = excluded.plate_type, vehicle_make = excluded.vehicle_make,
        vehicle_colour = excluded.vehicle_colour, vehicle_type = excluded.vehicle_type, priority = excluded.priority, action = excluded.action, category = excluded.category,
        expires_at = excluded.expires_at, removed = 0, removed_at = NULL, removed_reason = NULL, changed_version = excluded.changed_version`, params);
    }
  }

  /** The next list version; callers run it inside the transaction that makes the change. */
  private async bump(db: SqlDb): Promise<number> {
    await db.run("UPDATE hotlist_meta SET v = v + 1 WHERE k = 'version'");
    const row = await db.get<{ v: number | string }>("SELECT v FROM hotlist_meta WHERE k = 'version'");
    return Number(row!.v);
  }

  /** A refused entry or renewal: audited (a prohibited one also counted), then thrown as `code`. */
  private async refused(user: Account, action: string, code: RefusalCode, message: string, detail: Record<string, unknown>): Promise<never> {
    await this.ctx.sql.tx(async (db) => {
      if (code === 'ALPR_ERR_PURPOSE_PROHIBITED') await this.countRefusal(db);
      await this.ctx.audit.append({ actor: user.userId, action, outcome: 'refused', detail }, db);
    });
    throw new AlprError(code, message);
  }

  /**
   * V.B: until when the Chief's approval `requestId` lets this user list a plate for this case;
   * else the refusal's code and why (not approved, another case, not named, expired). Other
   * failures (the store) are thrown.
   */
  private async approval(requestId: string, caseNumber: string, userId: string): Promise<{ until: number } | { refusal: RefusalCode; why: string }> {
    try {
      return { until: (await this.ctx.felony.requireApproved(requestId, caseNumber, userId)).expiresAt ?? this.ctx.clock.now() };
    } catch (err) {
      if (!(err instanceof AlprError) || (err.code !== 'ALPR_ERR_FELONY_APPROVAL_INVALID' && err.code !== 'ALPR_ERR_PURPOSE_REQUIRED')) throw err;
      return { refusal: err.code, why: err.message };
    }
  }

  private async countRefusal(db: SqlDb, n = 1): Promise<void> {
    await db.run("INSERT INTO hotlist_meta (k, v) VALUES ('refused_entries', ?) ON CONFLICT (k) DO UPDATE SET v = hotlist_meta.v + excluded.v", [n]);
  }

  private async internalEntry(entryId: string, db: SqlDb): Promise<HotlistRecord> {
    const row = await db.get<EntryRow>(`SELECT ${COLUMNS} FROM hotlist_entries WHERE entry_id = ?`, [entryId]);
    const entry = row ? toRecord(row) : null;
    if (!entry || entry.source !== INTERNAL_SOURCE || entry.removed) throw new AlprError('ALPR_ERR_NOT_FOUND', `no live internal hot-list entry ${entryId}`);
    return entry;
  }

  private expiry(requested: number | undefined, now: number): number | null {
    const max = now + this.ctx.rules.internalMaxDays * 86_400_000;
    const at = requested ?? now + this.ctx.rules.internalDefaultDays * 86_400_000;
    return Number.isFinite(at) && at > now && at <= max ? at : null;
  }
}

/**
 * Takes the list's lock without changing it (the version row; SQLite's BEGIN IMMEDIATE already
 * holds the write lock), so what a change reads before deciding cannot move under it.
 */
async function lockList(db: SqlDb): Promise<void> {
  await db.run("UPDATE hotlist_meta SET v = v WHERE k = 'version'");
}

interface ExtractDiff {
  added: ImportedEntry[];
  updated: ImportedEntry[];
  removed: string[];
  unchanged: number;
}

function diffAgainst(live: HotlistRecord[], incoming: ImportedEntry[]): ExtractDiff {
  const byId = new Map(live.map((r) => [r.entryId, entryFingerprint(r)]));
  const diff: ExtractDiff = { added: [], updated: [], removed: [], unchanged: 0 };
  for (const e of incoming) {
    const before = byId.get(e.entryId);
    if (before === undefined) diff.added.push(e);
    else if (before !== entryFingerprint(e)) diff.updated.push(e);
    else diff.unchanged++;
    byId.delete(e.entryId);
  }
  diff.removed = [...byId.keys()];
  return diff;
}

/** The conflict a decision on an import that is no longer held gets (another reviewer decided it first). */
function notHeld(importId: string, run: ImportRun | null): AlprError {
  const by = run?.decidedBy ? ` by ${run.decidedBy}` : '';
  return new AlprError('ALPR_ERR_CONFLICT', `import ${importId} is ${run?.status ?? 'gone'}${by}, not held: it was decided already`);
}

function prohibitedUseMessage(prohibited: Array<{ category: string }>): string {
  const categories = [...new Set(prohibited.map((p) => p.category))];
  return `General Order 4.68 forbids using ALPR for ${categories.join(' or ')}.`;
}
