import { AlprError, type Clock, type VehicleColour } from '../../core/index.js';
import type { AccountService, Account } from '../accounts/accountService.js';
import type { AuditLog, AuditRecord } from '../audit/auditLog.js';
import { takeTurn } from '../db/sql.js';
import type { FelonyRequests } from '../policy/felonyRequests.js';
import { can, requirePermission } from '../policy/permissions.js';
import { PurposeGate, purposeKind, type StatedPurpose } from '../policy/purposeGate.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import type { HubRead, HubStore } from '../store/index.js';
import type { Site } from '../sites/siteRegistry.js';
import { checkColours, searchReads, type MatchMode, type ReadHit, type ReadQuery } from './readSearch.js';
import { resultSites, type ResultSite } from './resultSites.js';

export interface SearchLimits {
  /** VI: no mass download. The most reads one search returns. */
  maxResultsPerQuery: number;
  /** Searches one account may run per rolling hour. */
  maxQueriesPerHour: number;
  /** How far back reads exist (the retention period); the default time range. */
  retentionMs: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxResultsPerQuery: 100, maxQueriesPerHour: 30, retentionMs: 30 * 86_400_000 };

export interface SearchRequest extends StatedPurpose {
  plate: string;
  mode: MatchMode;
  from?: number;
  to?: number;
  siteIds?: string[];
  cameraIds?: string[];
  region?: string;
  /** Any of these body colours; reads whose colour is unknown match only when 'unknown' is listed. */
  colours?: VehicleColour[];
  minConfidence?: number;
  limit?: number;
}

export interface SearchResponse {
  /** The audit record of this search; image views and exports cite it. */
  searchId: number;
  hits: ReadHit[];
  /** The sites these hits were read at, with their positions, for the results map. */
  sites: ResultSite[];
  truncated: boolean;
  /** A wildcard stopped at its cap of plate-index rows examined: matches may be missing. */
  incomplete: boolean;
}

/** How long a search's results may be opened (images, export) after it ran. */
const SEARCH_VALID_MS = 12 * 3600_000;

/**
 * Purpose-gated search (General Order 4.68 V, VI, VII.H, IX): role, certification, suspension,
 * offense category and purpose, case number or administrative reference, description screening,
 * Chief-approved felony requests, hourly caps; every attempt, allowed or refused, lands in the
 * audit chain with all its parameters, its purpose kind and result count. A search refused as a
 * prohibited use suspends the account's access in the same transaction as its audit record.
 */
export class SearchService {
  constructor(private readonly ctx: {
    store: HubStore; audit: AuditLog; clock: Clock; accounts: AccountService; gate: PurposeGate; felony: FelonyRequests; reviews: ReviewFlags; limits: SearchLimits;
    sites: { get(siteId: string): Promise<Site | null> };
  }) {}

  async search(user: Account, req: SearchRequest): Promise<SearchResponse> {
    const stated: StatedPurpose = {
      purpose: req.purpose, offense: req.offense, caseNumber: req.caseNumber, reference: req.reference, description: req.description, felonyRequestId: req.felonyRequestId,
    };
    const now = this.ctx.clock.now();
    const query = {
      plate: req.plate, mode: req.mode, from: req.from ?? now - this.ctx.limits.retentionMs, to: req.to ?? now + 60_000,
      siteIds: req.siteIds, cameraIds: req.cameraIds, region: req.region, colours: req.colours, minConfidence: req.minConfidence,
      limit: Math.min(req.limit ?? this.ctx.limits.maxResultsPerQuery, this.ctx.limits.maxResultsPerQuery),
    };
    // The purpose kind goes into every record, so reports list administrative and audit queries as such.
    const detail = { ...stated, purposeKind: purposeKind(stated.purpose), query };
    const refuse = async (err: AlprError): Promise<never> => {
      await this.ctx.audit.append({ actor: user.userId, action: 'reads.search', outcome: 'refused', detail: { ...detail, code: err.code, reason: err.message } });
      throw err;
    };
    try {
      if (!can(user.role, 'reads.search') && !can(user.role, 'reads.searchAdministrative')) requirePermission(user.role, 'reads.search');
      this.ctx.accounts.requireCurrent(user);
      await this.ctx.reviews.refuseWhileSuspended(user.userId, 'search reads');
    } catch (err) {
      if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return refuse(err);
      throw err;
    }
    // A prohibited use is refused before anything else is checked: a malformed case number does
    // not spare the account its suspension (VII.H).
    const screened = this.ctx.gate.screen(stated);
    if (screened.prohibited.length > 0) {
      const error = new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', PurposeGate.refusalMessage(screened), { details: { prohibited: screened.prohibited } });
      return this.ctx.reviews.refuse(user.userId, 'reads.search', { ...detail, code: error.code, prohibited: screened.prohibited }, error);
    }
    try {
      const checked = this.ctx.gate.checkShape(user.role, stated);
      Object.assign(detail, checked);
      if (purposeKind(stated.purpose) === 'investigative' && !can(user.role, 'reads.search')) requirePermission(user.role, 'reads.search');
      if (!['exact', 'wildcard', 'fuzzy'].includes(query.mode)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'mode: exact, wildcard or fuzzy');
      if (!Number.isFinite(query.from) || !Number.isFinite(query.to) || query.from >= query.to) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'from/to: a time range with from before to');
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'limit: a positive whole number');
      checkColours(query.colours);
    } catch (err) {
      if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return refuse(err);
      throw err;
    }
    try {
      if (stated.purpose === 'other_felony') await this.ctx.felony.requireApproved(String(stated.felonyRequestId), String(detail.caseNumber), user.userId);
      const { result, record } = await this.ctx.store.sql.tx(async (db) => {
        await takeTurn(db, user.userId);
        // Again in its turn: a refused search sent beside this one may have suspended the account since the check above.
        await this.ctx.reviews.refuseWhileSuspended(user.userId, 'search reads', db);
        const used = await this.ctx.audit.count(user.userId, 'reads.search', now - 3600_000, db);
        if (used >= this.ctx.limits.maxQueriesPerHour) throw new AlprError('ALPR_ERR_RATE_LIMITED', `this account has run ${used} searches in the past hour; the limit is ${this.ctx.limits.maxQueriesPerHour}`);
        const found = await searchReads({ sql: db, readWindows: (from, to) => this.ctx.store.readWindows(from, to) }, { ...query, heldOnly: this.heldOnly(user, stated.caseNumber, now) });
        return { result: found, record: await this.ctx.audit.append({
          actor: user.userId, action: 'reads.search',
          detail: { ...detail, resultCount: found.hits.length, truncated: found.truncated, incomplete: found.incomplete, readIds: found.hits.map((h) => h.id) },
        }, db) };
      });
      const sites = await resultSites(result.hits, (id) => this.ctx.sites.get(id));
      return { searchId: record.seq, hits: result.hits, sites, truncated: result.truncated, incomplete: result.incomplete };
    } catch (err) {
      if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return refuse(err);
      throw err;
    }
  }

  /**
   * The search `searchId` as run by `user`, which must have returned `readId`: images and
   * exports are reachable only through a purpose-gated search, and inherit its case number.
   */
  async citedSearch(user: Account, searchId: number, readId: string): Promise<AuditRecord> {
    // A certification that lapsed (or was cleared) since the search ends what it may still open.
    this.ctx.accounts.requireCurrent(user);
    // VII.H: an account with a refused search under review has no access to ALPR data, its earlier results included.
    await this.ctx.reviews.refuseWhileSuspended(user.userId, 'open images or export reads from its earlier searches');
    const record = Number.isSafeInteger(searchId) ? await this.ctx.audit.get(searchId) : null;
    const readIds = (record?.detail.readIds ?? []) as string[];
    if (!record || record.action !== 'reads.search' || record.outcome !== 'ok' || record.actor !== user.userId || !readIds.includes(readId)) {
      throw new AlprError('ALPR_ERR_NOT_FOUND', `read ${readId} was not among the results of your search ${searchId}`);
    }
    if (this.ctx.clock.now() - record.at > SEARCH_VALID_MS) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `search ${searchId} is more than 12 hours old; search again under a current purpose`);
    return record;
  }

  /**
   * Images and exports cite a search that may have run while the read was still within
   * retention: by now it may be held for another case only.
   */
  async requireVisible(user: Account, read: HubRead, search: AuditRecord): Promise<void> {
    const rule = this.heldOnly(user, search.detail.caseNumber as string | undefined, this.ctx.clock.now());
    if (!rule || Math.min(read.capturedAt, read.receivedAt) >= rule.retainedFrom) return;
    const held = rule.caseNumber !== null && (await this.ctx.store.sql.get('SELECT 1 AS x FROM holds WHERE read_id = ? AND case_number = ? AND placed_by = ? AND released_at IS NULL', [read.id, rule.caseNumber, rule.holder])) !== null;
    if (!held) throw new AlprError('ALPR_ERR_NOT_FOUND', `read ${read.id} is past retention and held for another case`);
  }

  /**
   * VI: past the retention period a read is left only because a hold keeps it, and only the
   * member who placed the hold, searching under its case (and auditors), may see it; null when
   * this account sees every held read.
   */
  private heldOnly(user: Account, caseNumber: string | undefined, now: number): ReadQuery['heldOnly'] {
    return can(user.role, 'reads.viewAllHeld') ? null : { retainedFrom: now - this.ctx.limits.retentionMs, caseNumber: caseNumber ?? null, holder: user.userId };
  }

  /** V.H: the officer verifies a hit against its image; each view is its own audit record. */
  async viewImages(user: Account, readId: string, searchId: number): Promise<HubRead> {
    requirePermission(user.role, 'reads.viewImage');
    this.ctx.accounts.requireCurrent(user);
    const search = await this.citedSearch(user, searchId, readId);
    if (search.detail.purposeKind !== 'investigative') {
      throw new AlprError('ALPR_ERR_FORBIDDEN', `search ${searchId} was an administrative or audit query: it lists reads, never their images; an image needs an investigative search under a case number`);
    }
    const read = await this.ctx.store.getRead(readId);
    if (!read) throw new AlprError('ALPR_ERR_NOT_FOUND', `read ${readId} is no longer held (purged after 30 days)`);
    await this.requireVisible(user, read, search);
    await this.ctx.audit.append({ actor: user.userId, action: 'reads.viewImage', detail: { readId, searchId, caseNumber: search.detail.caseNumber ?? null, purpose: search.detail.purpose, offense: search.detail.offense ?? null } });
    return read;
  }
}
