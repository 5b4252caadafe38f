import { createHash, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { AlprError, type Clock, type VehicleColour } from '../../core/index.js';
import type { Account } from '../accounts/accountService.js';
import { takeTurn, type SqlDb } from '../db/sql.js';
import { canonicalJson, type AuditLog, type AuditRecord } from '../audit/auditLog.js';
import { requirePermission } from '../policy/permissions.js';
import type { PurposeGate, StatedPurpose } from '../policy/purposeGate.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import type { SearchService } from '../search/searchService.js';
import type { HubRead, HubStore } from '../store/index.js';

export interface Hold {
  holdId: string;
  readId: string;
  caseNumber: string;
  placedBy: string;
  placedAt: number;
  releasedBy: string | null;
  releasedAt: number | null;
}

export interface EvidenceRead {
  id: string;
  plate: string;
  capturedAt: string;
  siteId: string;
  cameraId: string;
  deviceId: string;
  confidence: number;
  region: string | null;
  /** The body colour the appliance judged from the context image ('unknown' when it was not sure). */
  vehicleColour: VehicleColour;
  cropJpegBase64: string;
  contextJpegBase64: string;
}

/** Who the reads in a file go to: the exporting officer (this department's evidence), or an outside agency's officer. */
export interface EvidenceRecipient {
  name: string;
  /** null: this department. */
  agency: string | null;
  ori: string | null;
}

/** The file an officer books into evidence: the body and the hub's Ed25519 signature over it. */
export interface EvidenceFile {
  body: {
    format: 'alpr-evidence/1';
    exportId: string;
    caseNumber: string;
    description: string;
    exportedBy: { userId: string; username: string; displayName: string };
    exportedAt: string;
    /** The search (or, for an outside agency's request, the `sharing.search` ledger record) the reads came from. */
    searchId: number;
    recipient: EvidenceRecipient;
    reads: EvidenceRead[];
  };
  /** base64 Ed25519 signature over canonicalJson(body). */
  signature: string;
  /** The hub's signing public key (SPKI PEM), to check the signature anywhere. */
  publicKey: string;
}

interface HoldRow {
  hold_id: string;
  read_id: string;
  case_number: string;
  placed_by: string;
  placed_at: number | string;
  released_by: string | null;
  released_at: number | string | null;
}

const toHold = (r: HoldRow): Hold => ({
  holdId: r.hold_id, readId: r.read_id, caseNumber: r.case_number, placedBy: r.placed_by, placedAt: Number(r.placed_at),
  releasedBy: r.released_by, releasedAt: r.released_at === null ? null : Number(r.released_at),
});

export function verifyEvidenceFile(file: EvidenceFile, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(file.body)), publicKey, Buffer.from(file.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The SHA-256 of an evidence body, recorded in its export's audit record so that a re-signed copy is found. */
export const evidenceBodySha256 = (body: EvidenceFile['body']) => createHash('sha256').update(canonicalJson(body)).digest('hex');

export function evidenceRead(r: HubRead): EvidenceRead {
  return {
    id: r.id, plate: r.plate, capturedAt: new Date(r.capturedAt).toISOString(), siteId: r.siteId, cameraId: r.cameraId, deviceId: r.deviceId,
    confidence: r.confidence, region: r.region, vehicleColour: r.vehicleColour, cropJpegBase64: r.crop.toString('base64'), contextJpegBase64: r.context.toString('base64'),
  };
}

/** Signs an evidence body with the hub's key, with the public half beside it so anyone can check it. */
export function signEvidence(body: EvidenceFile['body'], keys: { signingKey: KeyObject; verifyKey: KeyObject }): EvidenceFile {
  return {
    body,
    signature: sign(null, Buffer.from(canonicalJson(body)), keys.signingKey).toString('base64'),
    publicKey: keys.verifyKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Section VI: reads of evidential value are downloaded, one or a few at a time, and booked into
 * evidence. Exporting places a hold on each read so the 30-day purge keeps it until an
 * administrator releases the hold; holds and exports are audited.
 */
export class EvidenceService {
  constructor(private readonly ctx: {
    store: HubStore; audit: AuditLog; clock: Clock; search: SearchService; signingKey: KeyObject; verifyKey: KeyObject;
    /** Reads one search may give to evidence, over all the exports that cite it. */
    maxReadsPerExport: number;
    /** Reads one account may export in an hour, over all its searches. */
    maxExportedReadsPerHour: number;
    /** The screen every search passes: an export says where the reads go, so its description is read too. */
    gate: Pick<PurposeGate, 'screen'>;
    /** VII.H: a prohibited export suspends the account as a prohibited search does. */
    reviews: Pick<ReviewFlags, 'refuse'>;
  }) {}

  /**
   * V.E-F: the search was screened, but the export is where reads leave the hub. A description
   * naming a prohibited use ("for ICE", "to the parking office") is refused, and in the same
   * transaction audited with a review flag that suspends the account, as a search would be.
   */
  private async screenDescription(user: Account, description: string, caseNumber: string, searchId: number, readIds: string[]): Promise<void> {
    const screened = this.ctx.gate.screen({ purpose: 'other_felony', caseNumber, description } as StatedPurpose);
    if (screened.prohibited.length === 0) return;
    const categories = [...new Set(screened.prohibited.map((p) => p.category))].join(' or ');
    const error = new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', `General Order 4.68 prohibits using ALPR data for ${categories} (matched: ${screened.prohibited.map((p) => `"${p.matched}"`).join(', ')}). `
      + 'The export was refused and recorded in the audit log; this account\'s search access is suspended until a supervisor reviews it.', { details: { prohibited: screened.prohibited } });
    await this.ctx.reviews.refuse(user.userId, 'evidence.export', { caseNumber, description, searchId, readIds, code: error.code, prohibited: screened.prohibited }, error);
  }

  async export(user: Account, input: { readIds: string[]; searchId: number; description: string }): Promise<EvidenceFile> {
    requirePermission(user.role, 'evidence.export');
    const readIds = [...new Set(Array.isArray(input.readIds) ? input.readIds.map(String) : [])];
    if (readIds.length === 0) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'readIds: at least one read');
    if (readIds.length > this.ctx.maxReadsPerExport) {
      throw new AlprError('ALPR_ERR_RATE_LIMITED', `an evidence export holds at most ${this.ctx.maxReadsPerExport} reads; mass downloading is prohibited (General Order 4.68 VI)`);
    }
    const description = String(input.description ?? '').trim();
    if (description.length < 10 || description.length > 1000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'description: why these reads are evidence, 10-1000 characters');
    const searches: AuditRecord[] = [];
    for (const id of readIds) searches.push(await this.ctx.search.citedSearch(user, input.searchId, id));
    const caseNumber = String(searches.at(-1)?.detail.caseNumber ?? '');
    if (!caseNumber) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'evidence is exported for a case: cite an investigative search with a case number');
    await this.screenDescription(user, description, caseNumber, input.searchId, readIds);
    const reads: HubRead[] = [];
    for (const [i, id] of readIds.entries()) {
      const read = await this.ctx.store.getRead(id);
      if (!read) throw new AlprError('ALPR_ERR_NOT_FOUND', `read ${id} is no longer held`);
      await this.ctx.search.requireVisible(user, read, searches[i]!);
      reads.push(read);
    }
    const exportId = randomUUID();
    const now = this.ctx.clock.now();
    const recipient: EvidenceRecipient = { name: user.displayName, agency: null, ori: null };
    const body: EvidenceFile['body'] = {
      format: 'alpr-evidence/1', exportId, caseNumber, description,
      exportedBy: { userId: user.userId, username: user.username, displayName: user.displayName }, exportedAt: new Date(now).toISOString(), searchId: input.searchId,
      recipient, reads: reads.map(evidenceRead),
    };
    await this.ctx.store.sql.tx(async (db) => {
      await takeTurn(db, user.userId);
      await this.refuseOverLimits(db, user, input.searchId, searches[0]!.at, readIds, now);
      for (const read of reads) {
        // The member's own hold for this case already keeps the read: a second would only have to be released twice.
        if (await db.get('SELECT 1 AS x FROM holds WHERE read_id = ? AND case_number = ? AND placed_by = ? AND released_at IS NULL', [read.id, caseNumber, user.userId])) continue;
        const holdId = randomUUID();
        await db.run('INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)', [holdId, read.id, caseNumber, user.userId, now]);
        await this.ctx.audit.append({ actor: user.userId, action: 'hold.place', detail: { holdId, readId: read.id, caseNumber, exportId } }, db);
      }
      await this.ctx.audit.append({ actor: user.userId, action: 'evidence.export', detail: { exportId, caseNumber, description, searchId: input.searchId, readIds, recipient, bodySha256: evidenceBodySha256(body) } }, db);
    });
    return signEvidence(body, this.ctx);
  }

  /**
   * VI: reads go to evidence "one or a few at a time", and mass downloading is prohibited. A cap
   * on one export alone was met by exporting one search's results ten at a time, each export
   * holding its reads past the 30 days: so one search gives at most maxReadsPerExport distinct
   * reads over all the exports that cite it, and an account exports at most
   * maxExportedReadsPerHour distinct reads an hour. Counted from the account's earlier exports in
   * its turn (takeTurn), so two exports sent at once cannot both pass.
   */
  private async refuseOverLimits(db: SqlDb, user: Account, searchId: number, searchedAt: number, readIds: string[], now: number): Promise<void> {
    const hourAgo = now - 3600_000;
    const fromSearch = new Set(readIds);
    const inHour = new Set(readIds);
    // Exports citing this search come after it; those of the past hour may cite any search.
    const since = Math.min(searchedAt, hourAgo);
    for await (const r of this.ctx.audit.records({ actor: user.userId, action: 'evidence.export', from: since }, db)) {
      if (r.outcome !== 'ok' || !Array.isArray(r.detail.readIds)) continue;
      const ids = (r.detail.readIds as unknown[]).map(String);
      if (r.detail.searchId === searchId) for (const id of ids) fromSearch.add(id);
      if (r.at > hourAgo) for (const id of ids) inHour.add(id);
    }
    if (fromSearch.size > this.ctx.maxReadsPerExport) {
      throw new AlprError('ALPR_ERR_RATE_LIMITED', `search ${searchId} has given ${fromSearch.size - readIds.length} reads to evidence already; one search gives at most ${this.ctx.maxReadsPerExport} over all its exports: mass downloading is prohibited (General Order 4.68 VI)`);
    }
    if (inHour.size > this.ctx.maxExportedReadsPerHour) {
      throw new AlprError('ALPR_ERR_RATE_LIMITED', `this account would export ${inHour.size} reads in the past hour; the limit is ${this.ctx.maxExportedReadsPerHour}: mass downloading is prohibited (General Order 4.68 VI)`);
    }
  }

  async releaseHold(holdId: string, actor: string, reason: string): Promise<Hold> {
    const text = String(reason ?? '').trim();
    if (text.length < 5) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'reason: why the hold ends (case closed, evidence booked), at least 5 characters');
    await this.ctx.store.sql.tx(async (db) => {
      const { changes } = await db.run('UPDATE holds SET released_by = ?, released_at = ? WHERE hold_id = ? AND released_at IS NULL', [actor, this.ctx.clock.now(), String(holdId)]);
      if (changes === 0) throw new AlprError('ALPR_ERR_NOT_FOUND', `no active hold ${holdId}`);
      await this.ctx.audit.append({ actor, action: 'hold.release', detail: { holdId, reason: text } }, db);
    });
    return toHold((await this.ctx.store.sql.get<HoldRow>('SELECT * FROM holds WHERE hold_id = ?', [String(holdId)]))!);
  }

  /**
   * A hold keeps its read past the 30 days, so one written into the database without the export
   * that places it (and records `hold.place`) would keep a read indefinitely while every purge
   * counted it as kept for evidence. The purge first releases such holds, audited, and its read
   * then goes. Returns the hold ids released.
   */
  async releaseUnaudited(): Promise<string[]> {
    const active = await this.activeHolds();
    if (active.length === 0) return [];
    const placed = new Map<string, unknown>();
    for await (const r of this.ctx.audit.records({ action: 'hold.place' })) if (r.outcome === 'ok') placed.set(String(r.detail.holdId), r.detail.readId);
    const forged = active.filter((h) => placed.get(h.holdId) !== h.readId);
    for (const hold of forged) {
      await this.ctx.store.sql.tx(async (db) => {
        await db.run('UPDATE holds SET released_by = ?, released_at = ? WHERE hold_id = ? AND released_at IS NULL', ['system', this.ctx.clock.now(), hold.holdId]);
        await this.ctx.audit.append({ actor: 'system', action: 'hold.release', detail: {
          holdId: hold.holdId, readId: hold.readId, caseNumber: hold.caseNumber, reason: 'no audit record places this hold on this read: it was written outside the hub',
        } }, db);
      });
    }
    return forged.map((h) => h.holdId);
  }

  async activeHolds(): Promise<Hold[]> {
    return (await this.ctx.store.sql.all<HoldRow>('SELECT * FROM holds WHERE released_at IS NULL ORDER BY placed_at')).map(toHold);
  }
}
