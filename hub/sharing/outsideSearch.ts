import { randomUUID, type KeyObject } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { Account, AccountService } from '../accounts/accountService.js';
import type { AuditLog, AuditRecord } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { evidenceBodySha256, evidenceRead, signEvidence, type EvidenceFile } from '../evidence/evidenceService.js';
import { offenseCategory } from '../policy/offenses.js';
import { requirePermission } from '../policy/permissions.js';
import { PurposeGate, type StatedPurpose } from '../policy/purposeGate.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import { searchReads, type ReadHit } from '../search/readSearch.js';
import type { SearchLimits } from '../search/searchService.js';
import type { HubStore } from '../store/index.js';
import type { Agency, AgencyRegistry, Agreement, Declaration } from './agencyRegistry.js';
import type { AgencyReviews } from './agencyReviews.js';
import { checkFreshness, MAX_REQUEST_SKEW_MS, signatureValid, signPayload, type FederatedAnswer, type FederatedRequest, type ReleasedRead, type Signed } from './signedRequest.js';

/** What an outside agency asks, online (hub to hub) or by file (a written request handled here). */
export interface OutsideRequest {
  officer: { id: string; name: string };
  caseNumber: string;
  offense: string;
  purpose: string;
  description: string;
  query: FederatedRequest['query'];
}

interface Answered {
  record: AuditRecord;
  hits: ReadHit[];
  truncated: boolean;
  referrals: FederatedAnswer['referrals'];
}

interface Channel {
  kind: 'online' | 'file';
  /** Who the ledger names as acting: the partner hub (`agency:ORI`) or the member who handled the file. */
  actor: string;
  nonce?: string;
  /** An online request the route's schema refused, known only once its signature verified (answerSigned): refused for this. */
  schemaProblem?: string;
  handledBy?: string;
  /** A file request: who the released file names (online answers go to the signing partner hub). */
  recipient?: { name: string; agency: string; ori: string };
}

const CASE = /^[A-Za-z0-9][A-Za-z0-9 /#.-]{2,39}$/;

/**
 * Answers outside agencies (General Order 4.68 VII.D, VII.I; 625 ILCS 5/2-130): an approved agency
 * with a current declaration and agreement, for a purpose the gate allows, within the agreement's
 * sites, purposes and time window. The answer holds only reads from this department's own
 * devices: anything else the store holds is referred, never passed on. Every request, answered or
 * refused, is one `sharing.search` record in the audit chain (the ledger CPOC is reported from):
 * {agencyName, agencyOri, purpose, offense, caseNumber, outcome, refusalReason?, readsReleased}.
 */
export class OutsideSearch {
  constructor(private readonly ctx: {
    store: HubStore; audit: AuditLog; clock: Clock; accounts: AccountService; agencies: AgencyRegistry; reviews: AgencyReviews; gate: PurposeGate;
    limits: SearchLimits; ownOri: string; signingKey: KeyObject; verifyKey: KeyObject;
    /** VI, no mass download: the most reads (with their images) one written request's file releases. */
    maxReadsPerFile: number;
    /** VII.H: the member who enters a written request must not be suspended after a refused search. */
    suspensions: Pick<ReviewFlags, 'refuseWhileSuspended'>;
  }) {}

  /**
   * A partner hub's signed request: checked against its registered key, then answered or refused.
   * It comes as received, its shape unchecked: the signature is checked first, so that a request
   * the route's schema refuses (`schemaProblem`) is still the partner's, and is refused in the
   * ledger with its nonce spent like any other; before, the schema answered 400 first and such a
   * request was in no ledger and could be sent again without end.
   */
  async answerSigned(received: unknown, schemaProblem?: string): Promise<Signed<FederatedAnswer>> {
    const signed = received as Signed<Partial<Record<keyof FederatedRequest, unknown>>> | null;
    const request = signed?.payload;
    // No payload to verify, so nothing names an agency: refused as an unverifiable request.
    if (typeof request !== 'object' || request === null) throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'the request is not signed: {payload, signature} expected');
    const agency = typeof request.fromOri === 'string' ? await this.ctx.agencies.byOri(request.fromOri) : null;
    // Not attributable to any agency: left to the request audit (counted in bursts, so a stranger
    // cannot grow the chain). One answer for an ORI not registered and a signature that does not
    // verify, so that a stranger learns nothing of which ORIs are partners here.
    if (!agency?.hubPublicKeyPem || !signatureValid(signed!, agency.hubPublicKeyPem)) {
      throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'the request is not signed by a partner hub registered here (ORI and signature checked together)');
    }
    try {
      checkFreshness(request, this.ctx.ownOri, this.ctx.clock.now());
      if (await this.ctx.store.sql.get('SELECT 1 AS x FROM sharing_nonces WHERE agency_id = ? AND nonce = ?', [agency.agencyId, request.nonce])) {
        throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'this request was already received (its nonce is spent): a replay is refused');
      }
    } catch (err) {
      if (err instanceof AlprError) {
        await this.ctx.audit.append({ actor: `agency:${agency.ori}`, action: 'sharing.requestRefused', outcome: 'refused', detail: { agencyName: agency.name, agencyOri: agency.ori, nonce: clipped(request.nonce), sentAt: clipped(request.sentAt), reason: err.message } });
      }
      throw err;
    }
    const answered = await this.run(agency, { ...request } as OutsideRequest, { kind: 'online', actor: `agency:${agency.ori}`, nonce: request.nonce, schemaProblem });
    const hits: ReleasedRead[] = answered.hits.map((h) => ({ id: h.id, plate: h.plate, capturedAt: h.capturedAt, siteId: h.siteId, cameraId: h.cameraId, confidence: h.confidence, region: h.region, vehicleColour: h.vehicleColour }));
    return signPayload<FederatedAnswer>({
      version: 1, fromOri: this.ctx.ownOri, toOri: agency.ori, requestNonce: request.nonce, answeredAt: answered.record.at, ledgerSeq: answered.record.seq,
      hits, truncated: answered.truncated, referrals: answered.referrals,
    }, this.ctx.signingKey);
  }

  /**
   * A written request from an agency without online access, handled by a member here: checked
   * exactly as an online one; the reads go out as a signed evidence file naming the recipient.
   * The file carries the reads' images, so it is held to the department's own export limit (at
   * most `maxReadsPerFile` reads: a wider request is refused, to be narrowed), and the member to
   * the hourly search cap, counted over the requests they handle.
   */
  async answerFile(user: Account, agencyId: string, request: OutsideRequest): Promise<EvidenceFile> {
    requirePermission(user.role, 'sharing.fileRequest');
    this.ctx.accounts.requireCurrent(user);
    await this.ctx.suspensions.refuseWhileSuspended(user.userId, 'release reads to an outside agency');
    const agency = await this.ctx.agencies.require(agencyId);
    const recipient = { name: String(request.officer?.name), agency: agency.name, ori: agency.ori };
    const answered = await this.run(agency, request, { kind: 'file', actor: user.userId, handledBy: user.userId, recipient });
    const reads = [];
    for (const hit of answered.hits) {
      const read = await this.ctx.store.getRead(hit.id);
      if (read) reads.push(evidenceRead(read));
    }
    const body: EvidenceFile['body'] = {
      format: 'alpr-evidence/1', exportId: randomUUID(), caseNumber: String(request.caseNumber), description: String(request.description),
      exportedBy: { userId: user.userId, username: user.username, displayName: user.displayName }, exportedAt: new Date(answered.record.at).toISOString(),
      searchId: answered.record.seq, recipient, reads,
    };
    // The file as released, by its hash: the ledger entry above is written before the file exists
    // (its number and time are in it), and without this record a file re-signed with the hub key
    // after its plates, times or images were changed matched the ledger as well as the original.
    await this.ctx.audit.append({
      actor: user.userId, action: 'sharing.fileRelease',
      detail: { exportId: body.exportId, searchSeq: answered.record.seq, agencyId: agency.agencyId, caseNumber: body.caseNumber, readIds: reads.map((r) => r.id), bodySha256: evidenceBodySha256(body) },
    });
    return signEvidence(body, this.ctx);
  }

  private async run(agency: Agency, req: OutsideRequest, channel: Channel): Promise<Answered> {
    // A request the schema refused is ledgered as the partner signed it, each field cut to what the
    // schema allows at most, so that a malformed request cannot write 64 KiB fields into the chain.
    const field = channel.schemaProblem ? clipped : (value: unknown) => value;
    const detail: Record<string, unknown> = {
      agencyName: agency.name, agencyOri: agency.ori, agencyId: agency.agencyId, purpose: field(req.purpose), offense: field(req.offense), caseNumber: field(req.caseNumber),
      officer: field(req.officer), description: field(req.description), query: field(req.query), channel: channel.kind, nonce: channel.nonce, handledBy: channel.handledBy, recipient: channel.recipient,
    };
    const refusal = (err: AlprError, extra: Record<string, unknown> = {}) => ({
      actor: channel.actor, action: 'sharing.search', outcome: 'refused' as const,
      detail: { ...detail, ...extra, outcome: 'refused', refusalReason: err.message, code: err.code, readsReleased: 0 },
    });
    const refuse = async (err: AlprError): Promise<never> => {
      await this.ctx.store.sql.tx(async (db) => {
        await this.spendNonce(agency, channel, db);
        await this.ctx.audit.append(refusal(err), db);
      });
      throw err;
    };
    // Refused before anything else is looked at, as the schema did before; the ledger keeps the request as the partner signed it.
    if (channel.schemaProblem) return refuse(new AlprError('ALPR_ERR_INVALID_INPUT', channel.schemaProblem));
    let standing: { agreement: Agreement; declaration: Declaration };
    try {
      standing = await this.standing(agency, channel);
    } catch (err) {
      if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return refuse(err);
      throw err;
    }
    Object.assign(detail, { agreementId: standing.agreement.agreementId, declarationId: standing.declaration.declarationId });
    // The same screen every search here passes; a prohibited use suspends the agency for the Chief's review (VII.I).
    const stated = { purpose: req.purpose, offense: req.offense, caseNumber: req.caseNumber, description: req.description } as StatedPurpose;
    const screened = this.ctx.gate.screen(stated);
    if (screened.prohibited.length > 0) {
      const err = new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', `General Order 4.68 and 625 ILCS 5/2-130 prohibit sharing ALPR data for ${[...new Set(screened.prohibited.map((p) => p.category))].join(' or ')}`
        + ` (matched: ${screened.prohibited.map((p) => `"${p.matched}"`).join(', ')}); the request was refused and ${agency.name}'s sharing is suspended until the Chief reviews it`, { details: { prohibited: screened.prohibited } });
      await this.ctx.store.sql.tx(async (db) => {
        await this.spendNonce(agency, channel, db);
        const record = await this.ctx.audit.append(refusal(err, { prohibited: screened.prohibited }), db);
        await this.ctx.reviews.raise(agency.agencyId, err.message, record.seq, db);
      });
      throw err;
    }
    let range: { from: number; to: number; siteIds: string[] };
    try {
      this.checkShape(req, standing.agreement);
      range = this.scope(req.query, standing.agreement);
      await this.requireUnderHourlyCap(agency, channel);
    } catch (err) {
      if (err instanceof AlprError) return refuse(err);
      throw err;
    }
    const now = this.ctx.clock.now();
    let result: Awaited<ReturnType<typeof searchReads>>;
    try {
      result = await searchReads(this.ctx.store, {
        plate: String(req.query.plate), mode: req.query.mode, ...range, limit: this.ctx.limits.maxResultsPerQuery,
        // Held reads past retention belong to this department's own cases: never shared.
        heldOnly: { retainedFrom: now - this.ctx.limits.retentionMs, caseNumber: null, holder: null },
      });
    } catch (err) {
      // A plate or pattern the search refuses is a refused request like any other: in the ledger
      // (VII.F counts them) and with its nonce spent.
      if (err instanceof AlprError && err.code === 'ALPR_ERR_INVALID_INPUT') return refuse(err);
      throw err;
    }
    const { own, referrals } = await this.ownReads(result.hits);
    if (channel.kind === 'file' && (own.length > this.ctx.maxReadsPerFile || result.truncated)) {
      return refuse(new AlprError('ALPR_ERR_RATE_LIMITED', `the request matches ${result.truncated ? 'more than ' : ''}${own.length} reads; a written request releases at most ${this.ctx.maxReadsPerFile} with their images (General Order 4.68 VI: no mass download): narrow the plate, the dates or the sites`));
    }
    const record = await this.ctx.store.sql.tx(async (db) => {
      await this.spendNonce(agency, channel, db);
      // Checked again where the answer is committed: a revocation that landed meanwhile refuses it,
      // and so does the cap, counted under the agency row's lock (PostgreSQL; a SQLite transaction
      // runs alone), else searches sent at once all read the same count and were all answered.
      try {
        if (db.engine === 'pg') await db.get('SELECT agency_id FROM sharing_agencies WHERE agency_id = ? FOR UPDATE', [agency.agencyId]);
        await this.requireUnderHourlyCap(agency, channel, db);
        await this.standing((await this.ctx.agencies.get(agency.agencyId, db))!, channel, db);
      } catch (err) {
        if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return { refused: err, record: await this.ctx.audit.append(refusal(err), db) };
        throw err;
      }
      return {
        refused: null,
        record: await this.ctx.audit.append({
          actor: channel.actor, action: 'sharing.search',
          detail: { ...detail, outcome: 'answered', readsReleased: own.length, readIds: own.map((h) => h.id), truncated: result.truncated, referrals },
        }, db),
      };
    });
    if (record.refused) throw record.refused;
    return { record: record.record, hits: own, truncated: result.truncated, referrals };
  }

  /**
   * VI, no mass download: a partner hub searches at most as often per hour as one account here
   * may (`max_queries_per_hour`), whoever its officers are, so that enumerating plates by
   * wildcard from outside takes as long as it would from inside. Written requests are counted
   * against the member who enters them (the channel's actor), at the same cap: else a member could
   * enumerate through written requests what the cap stops them enumerating by searching.
   */
  private async requireUnderHourlyCap(agency: Agency, channel: Channel, db?: SqlDb): Promise<void> {
    const cap = this.ctx.limits.maxQueriesPerHour;
    const used = await this.ctx.audit.count(channel.actor, 'sharing.search', this.ctx.clock.now() - 3600_000, db);
    if (used < cap) return;
    throw new AlprError('ALPR_ERR_RATE_LIMITED', channel.kind === 'online'
      ? `${agency.name} has run ${used} searches here in the past hour; the limit is ${cap}`
      : `this account has handled ${used} written requests in the past hour; the limit is ${cap}`);
  }

  /** The agency's standing now: approved, an agreement allowing this channel, a current declaration. */
  private async standing(agency: Agency, channel: Channel, db?: SqlDb): Promise<{ agreement: Agreement; declaration: Declaration }> {
    const refused = (message: string): never => {
      throw new AlprError('ALPR_ERR_SHARING_REFUSED', message);
    };
    if (agency.status === 'revoked') refused(`${agency.name}'s sharing access was revoked by the Chief of Police`);
    if (agency.status === 'suspended') refused(`${agency.name}'s sharing access is suspended pending the Chief's review of a refused request`);
    if (agency.status !== 'approved') refused(`${agency.name} has no sharing agreement approved by the Chief of Police`);
    const agreement = await this.ctx.agencies.currentAgreement(agency.agencyId, db);
    if (!agreement) refused(`${agency.name}'s sharing agreement has expired`);
    if (channel.kind === 'online' && agreement!.access !== 'online') refused(`${agency.name} may ask only by written request, not search online`);
    const declaration = await this.ctx.agencies.currentDeclaration(agency.agencyId, db);
    if (!declaration) refused(`${agency.name} has no current signed declaration that it will not use the data for immigration enforcement or to investigate reproductive health care (625 ILCS 5/2-130)`);
    return { agreement: agreement!, declaration: declaration! };
  }

  private checkShape(req: OutsideRequest, agreement: Agreement): void {
    const offense = offenseCategory(String(req.offense ?? ''));
    if (!offense) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'offense: the NIBRS offense code of the case');
    if (!(offense.purposes as readonly string[]).includes(req.purpose)) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `offense ${offense.code} (${offense.name}) may be searched only as ${offense.purposes.join(' or ') || 'nothing'}`);
    }
    if (!agreement.purposes.includes(req.purpose)) throw new AlprError('ALPR_ERR_SHARING_REFUSED', `the agreement does not cover the ${req.purpose} purpose (it covers ${agreement.purposes.join(', ')})`);
    if (typeof req.caseNumber !== 'string' || !CASE.test(req.caseNumber)) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'caseNumber: the requesting agency\'s case or CAD number');
    if (typeof req.description !== 'string' || req.description.trim().length < 10) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'describe why the search is needed (at least 10 characters)');
    if (typeof req.officer?.name !== 'string' || req.officer.name.trim().length < 3 || typeof req.officer.id !== 'string' || req.officer.id.length < 1) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'officer: the searching officer\'s id and name');
    }
    if (!['exact', 'wildcard', 'fuzzy'].includes(req.query?.mode)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'query.mode: exact, wildcard or fuzzy');
  }

  /** The agreement's sites and time window, within retention; asking beyond them is refused, not trimmed. */
  private scope(query: FederatedRequest['query'], agreement: Agreement): { from: number; to: number; siteIds: string[] } {
    const now = this.ctx.clock.now();
    const siteIds = query.siteIds ?? agreement.siteIds;
    const outside = siteIds.filter((s) => !agreement.siteIds.includes(s));
    if (siteIds.length === 0 || outside.length > 0) throw new AlprError('ALPR_ERR_SHARING_REFUSED', `the agreement does not cover site ${outside.join(', ') || '(none named)'}; it covers ${agreement.siteIds.join(', ')}`);
    const from = query.from ?? Math.max(agreement.windowFrom ?? 0, now - this.ctx.limits.retentionMs);
    const to = query.to ?? Math.min(agreement.windowTo ?? now + 60_000, now + 60_000);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from >= to) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'query.from/to: a time range with from before to');
    if ((agreement.windowFrom !== null && from < agreement.windowFrom) || (agreement.windowTo !== null && to > agreement.windowTo)) {
      throw new AlprError('ALPR_ERR_SHARING_REFUSED', `the agreement covers reads captured from ${new Date(agreement.windowFrom ?? 0).toISOString()} to ${agreement.windowTo === null ? 'now' : new Date(agreement.windowTo).toISOString()} only`);
    }
    return { from, to, siteIds };
  }

  /**
   * VII.D: only this department's records are released: reads from a device enrolled here (at a
   * site the Chief approved; a relocated device's older reads stay ours). Anything else the store holds (another agency's camera, records received
   * from elsewhere) is withheld, and the requester is referred to where it came from.
   */
  private async ownReads(hits: ReadHit[]): Promise<{ own: ReadHit[]; referrals: FederatedAnswer['referrals'] }> {
    const own: ReadHit[] = [];
    const withheld = new Map<string, number>();
    for (const hit of hits) {
      const device = await this.ctx.store.getDevice(hit.deviceId);
      if (device) own.push(hit);
      else withheld.set(hit.deviceId, (withheld.get(hit.deviceId) ?? 0) + 1);
    }
    return { own, referrals: [...withheld].map(([origin, count]) => ({ origin, count })) };
  }

  private async spendNonce(agency: Agency, channel: Channel, db: SqlDb): Promise<void> {
    if (!channel.nonce) return;
    const now = this.ctx.clock.now();
    // A nonce older than twice the clock window can no longer be replayed: its request's time is refused first.
    await db.run('DELETE FROM sharing_nonces WHERE at < ?', [now - 2 * MAX_REQUEST_SKEW_MS]);
    const { changes } = await db.run('INSERT INTO sharing_nonces (agency_id, nonce, at) VALUES (?, ?, ?) ON CONFLICT (agency_id, nonce) DO NOTHING', [agency.agencyId, channel.nonce, now]);
    if (changes === 0) throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'this request was already received (its nonce is spent): a replay is refused');
  }
}

/** The longest field a request may carry (its description). */
const LONGEST_FIELD = 500;

/**
 * A value from a request the route's schema did not hold to its limits, as the ledger keeps it:
 * a string or a number as it is, up to LONGEST_FIELD characters; anything else as its JSON, cut
 * the same way.
 */
function clipped(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONGEST_FIELD ? `${text.slice(0, LONGEST_FIELD)}... (${text.length} characters)` : value;
}
