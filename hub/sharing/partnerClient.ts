import { randomUUID, type KeyObject } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AlprError, type Clock } from '../../core/index.js';
import type { Account, AccountService } from '../accounts/accountService.js';
import type { AuditLog } from '../audit/auditLog.js';
import { takeTurn, type SqlDb } from '../db/sql.js';
import { requirePermission } from '../policy/permissions.js';
import { PurposeGate, type StatedPurpose } from '../policy/purposeGate.js';
import type { SearchLimits } from '../search/searchService.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import type { AgencyRegistry } from './agencyRegistry.js';
import { checkPartnerLiteral, guardedLookup, systemResolver, type PartnerResolver } from './partnerAddress.js';
import { signatureValid, signPayload, type FederatedAnswer, type FederatedRequest, type Signed } from './signedRequest.js';

export interface PartnerSearch {
  caseNumber: string;
  offense: string;
  purpose: string;
  description: string;
  query: FederatedRequest['query'];
}

const TIMEOUT_MS = 15_000;
function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

/** A signed answer holds at most max_results_per_query reads' facts (no images): tens of kilobytes. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The answer's text, or null once it runs past `max` bytes (read no further: a partner cannot fill this hub's memory). */
async function readCapped(response: IncomingMessage, max: number): Promise<string | null> {
  if (Number(response.headers['content-length'] ?? 0) > max) {
    response.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      response.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** POSTs `body` to `url` and resolves with the response head; the body is left for the caller to read. */
function post(url: URL, body: string, lookup: LookupFunction): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      // The connection goes to the address this lookup checked (the request's host stays the name,
      // so TLS still verifies the certificate against it). An IP literal skips the lookup: it is
      // checked in send() before this is called.
      lookup,
      // A connection of its own per search (no pooled keep-alive socket): each send resolves and checks again.
      agent: false,
    }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Section IX.1: officers here search the hubs of agencies that agreed to share, hub to hub. The
 * officer's purpose passes this hub's own gate first (a prohibited use is refused and suspends the
 * account, as a local search would); the request is signed with this hub's key, and the answer is
 * accepted only with the partner's signature over it. Results go to the officer, are never
 * stored here, and so can never be passed on. Each search is a `sharing.outboundSearch` record.
 */
export class PartnerClient {
  constructor(private readonly ctx: {
    audit: AuditLog; clock: Clock; accounts: AccountService; agencies: AgencyRegistry; gate: PurposeGate; reviews: ReviewFlags; sql: SqlDb;
    ownOri: string; signingKey: KeyObject;
    /** VI: an officer searches partner hubs at most as often per hour as here (`max_queries_per_hour`). */
    limits: Pick<SearchLimits, 'maxQueriesPerHour'>;
    /** Resolves partner hubs' names (the system resolver unless a test injects one). */
    resolve?: PartnerResolver;
  }) {}

  /**
   * VI: a partner caps this whole department at its hourly limit, so each officer sends at most
   * `max_queries_per_hour` searches to partner hubs an hour: without a cap here, one officer could
   * spend the partner's for everyone. Counting the sends and recording this one (`sharing.outboundSend`)
   * are one transaction, the account's row locked on PostgreSQL (a SQLite transaction runs alone),
   * so searches sent at once take turns and each counts the others; counted as answered, after the
   * partner's round trip, they all read the same count and all went out.
   */
  private async reserveSend(userId: string, agencyId: string): Promise<void> {
    const cap = this.ctx.limits.maxQueriesPerHour;
    await this.ctx.sql.tx(async (db) => {
      await takeTurn(db, userId);
      const sent = await this.ctx.audit.count(userId, 'sharing.outboundSend', this.ctx.clock.now() - 3600_000, db);
      if (sent >= cap) throw new AlprError('ALPR_ERR_RATE_LIMITED', `this account has searched partner hubs ${sent} times in the past hour; the limit is ${cap}`);
      await this.ctx.audit.append({ actor: userId, action: 'sharing.outboundSend', detail: { agencyId } }, db);
    });
  }

  async search(user: Account, agencyId: string, input: PartnerSearch): Promise<FederatedAnswer> {
    const agency = await this.ctx.agencies.require(agencyId);
    const stated = { purpose: input.purpose, offense: input.offense, caseNumber: input.caseNumber, description: input.description } as StatedPurpose;
    const detail: Record<string, unknown> = { agencyName: agency.name, agencyOri: agency.ori, agencyId, purpose: input.purpose, offense: input.offense, caseNumber: input.caseNumber, description: input.description, query: input.query };
    const refuse = async (err: AlprError): Promise<never> => {
      await this.ctx.audit.append({ actor: user.userId, action: 'sharing.outboundSearch', outcome: 'refused', detail: { ...detail, outcome: 'refused', refusalReason: err.message, code: err.code, readsReceived: 0 } });
      throw err;
    };
    try {
      requirePermission(user.role, 'sharing.searchPartners');
      this.ctx.accounts.requireCurrent(user);
      await this.ctx.reviews.refuseWhileSuspended(user.userId, 'search partner agencies\' hubs');
    } catch (err) {
      if (err instanceof AlprError) return refuse(err);
      throw err;
    }
    const screened = this.ctx.gate.screen(stated);
    if (screened.prohibited.length > 0) {
      const err = new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', PurposeGate.refusalMessage(screened), { details: { prohibited: screened.prohibited } });
      return this.ctx.reviews.refuse(user.userId, 'sharing.outboundSearch', { ...detail, outcome: 'refused', refusalReason: err.message, code: err.code, prohibited: screened.prohibited, readsReceived: 0 }, err);
    }
    try {
      Object.assign(detail, this.ctx.gate.checkShape(user.role, stated));
      if (agency.status !== 'approved' || !agency.hubUrl || !agency.hubPublicKeyPem) throw new AlprError('ALPR_ERR_SHARING_REFUSED', `${agency.name} is not an approved partner with a hub to search`);
    } catch (err) {
      if (err instanceof AlprError) return refuse(err);
      throw err;
    }
    try {
      await this.reserveSend(user.userId, agencyId);
    } catch (err) {
      if (err instanceof AlprError && err.code !== 'ALPR_ERR_STORE') return refuse(err);
      throw err;
    }
    const request = signPayload<FederatedRequest>({
      version: 1, fromOri: this.ctx.ownOri, toOri: agency.ori, nonce: randomUUID(), sentAt: this.ctx.clock.now(),
      officer: { id: user.userId, name: user.displayName }, caseNumber: input.caseNumber, offense: input.offense, purpose: input.purpose, description: input.description, query: input.query,
    }, this.ctx.signingKey);
    Object.assign(detail, { nonce: request.payload.nonce });
    let answer: Signed<FederatedAnswer>;
    try {
      answer = await this.send(agency.hubUrl!, request);
      if (!signatureValid(answer, agency.hubPublicKeyPem!) || answer.payload.requestNonce !== request.payload.nonce || answer.payload.fromOri !== agency.ori) {
        throw new AlprError('ALPR_ERR_PARTNER_HUB', `${agency.name}'s answer is not signed by its registered hub key or does not answer this request`);
      }
    } catch (err) {
      if (err instanceof AlprError) return refuse(err);
      throw err;
    }
    await this.ctx.audit.append({
      actor: user.userId, action: 'sharing.outboundSearch',
      detail: { ...detail, outcome: 'answered', readsReceived: answer.payload.hits.length, readIds: answer.payload.hits.map((h) => h.id), partnerLedgerSeq: answer.payload.ledgerSeq, referrals: answer.payload.referrals },
    });
    return answer.payload;
  }

  /**
   * POSTs the signed request; a refusal by the partner keeps its code and message. Only the
   * address the admin registered and the Chief approved is called: a redirect is not followed
   * (it would let a partner, or whoever answers at its address, send this hub's request anywhere,
   * addresses inside this network included), and a name resolving to an address no partner has
   * (the cloud's metadata service) is refused before anything is sent.
   */
  private async send(hubUrl: string, request: Signed<FederatedRequest>): Promise<Signed<FederatedAnswer>> {
    const url = new URL('/api/v1/federation/search', hubUrl);
    let response: IncomingMessage;
    try {
      // A literal registered before literals were checked as they are now is refused here too.
      checkPartnerLiteral(url.hostname);
      response = await post(url, JSON.stringify(request), guardedLookup(this.ctx.resolve ?? systemResolver));
    } catch (cause) {
      if (cause instanceof AlprError) throw cause;
      throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub at ${hubUrl} cannot be reached`, { cause });
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      response.destroy();
      throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub at ${hubUrl} answered with a redirect (HTTP ${status}), which is not followed: only its registered address is searched`);
    }
    const text = await readCapped(response, MAX_ANSWER_BYTES).catch(() => '');
    if (text === null) throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; it was not read`);
    const body = parseJson(text);
    if (status < 200 || status >= 300) {
      const message = typeof body?.message === 'string' ? body.message : `HTTP ${status}`;
      throw new AlprError('ALPR_ERR_PARTNER_HUB', `the partner hub refused the search: ${String(body?.code ?? status)}: ${message}`, { details: { partnerCode: body?.code ?? null } });
    }
    if (!body || typeof body.signature !== 'string' || typeof body.payload !== 'object') throw new AlprError('ALPR_ERR_PARTNER_HUB', 'the partner hub\'s answer is not a signed answer');
    return body as unknown as Signed<FederatedAnswer>;
  }
}
