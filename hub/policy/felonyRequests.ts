import { randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import { PurposeGate } from './purposeGate.js';
import type { ReviewFlags } from './reviewFlags.js';

export interface FelonyRequest {
  requestId: string;
  requestedBy: string;
  caseNumber: string;
  description: string;
  status: 'pending' | 'approved' | 'denied';
  createdAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  /** Once approved: who besides the requester may cite it (named by the Chief). */
  investigators: string[];
  /** Once approved: after this, the approval no longer covers a search. */
  expiresAt: number | null;
}

/** V.B approvals are for one investigation at a time: 30 days unless the policy file says otherwise. */
export const DEFAULT_FELONY_APPROVAL_VALID_MS = 30 * 86_400_000;

interface Row {
  request_id: string;
  requested_by: string;
  case_number: string;
  description: string;
  status: FelonyRequest['status'];
  created_at: number | string;
  decided_by: string | null;
  decided_at: number | string | null;
  investigators: string | null;
  expires_at: number | string | null;
}

const SELECT = 'SELECT r.*, a.investigators, a.expires_at FROM felony_requests r LEFT JOIN felony_approvals a ON a.request_id = r.request_id';

const toRequest = (r: Row): FelonyRequest => ({
  requestId: r.request_id, requestedBy: r.requested_by, caseNumber: r.case_number, description: r.description, status: r.status,
  createdAt: Number(r.created_at), decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : Number(r.decided_at),
  investigators: r.investigators ? (JSON.parse(r.investigators) as string[]) : [], expiresAt: r.expires_at === null || r.expires_at === undefined ? null : Number(r.expires_at),
});

/**
 * V.B: "other significant felony offenses with a written request approved by the Chief of
 * Police". The request is written in the hub, the Chief decides in the hub, and a search for
 * other_felony must cite an approved request. An approval is bound: only its requester and the
 * investigators the Chief names may cite it, only under its case number, and only until it expires.
 */
export class FelonyRequests {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock; approvalValidMs: number; gate: PurposeGate; reviews: ReviewFlags }) {}

  /**
   * The written request, screened as a search's description is (a prohibited use is refused,
   * audited and suspends the account for review, VII.H), for a case number in the agency's format.
   */
  async submit(input: { caseNumber: string; description: string }, actor: string): Promise<FelonyRequest> {
    const description = String(input.description ?? '').trim();
    const screened = this.ctx.gate.screen({ purpose: 'other_felony', caseNumber: String(input.caseNumber ?? ''), description });
    if (screened.prohibited.length > 0) {
      const error = new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', PurposeGate.refusalMessage(screened), { details: { prohibited: screened.prohibited } });
      return this.ctx.reviews.refuse(actor, 'felony.request', { caseNumber: String(input.caseNumber ?? '').slice(0, 64), description: description.slice(0, 2000), code: error.code, prohibited: screened.prohibited }, error);
    }
    const caseNumber = this.ctx.gate.checkCaseNumber(input.caseNumber);
    if (description.length < 20 || description.length > 2000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'description: the written request, 20-2000 characters');
    const requestId = randomUUID();
    await this.ctx.sql.tx(async (db) => {
      await db.run("INSERT INTO felony_requests (request_id, requested_by, case_number, description, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
        [requestId, actor, caseNumber, description, this.ctx.clock.now()]);
      await this.ctx.audit.append({ actor, action: 'felony.request', detail: { requestId, caseNumber, description } }, db);
    });
    return (await this.get(requestId))!;
  }

  async decide(requestId: string, approve: boolean, actor: string, note: string, investigators: readonly string[] = []): Promise<FelonyRequest> {
    const request = await this.get(requestId);
    if (!request) throw new AlprError('ALPR_ERR_NOT_FOUND', `no felony request ${requestId}`);
    if (request.status !== 'pending') throw new AlprError('ALPR_ERR_CONFLICT', `request ${requestId} was already ${request.status}`);
    const named = [...new Set(investigators.map(String))].filter((id) => id !== request.requestedBy);
    if (!approve && named.length > 0) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'investigators: only an approval names investigators');
    const now = this.ctx.clock.now();
    const expiresAt = now + this.ctx.approvalValidMs;
    await this.ctx.sql.tx(async (db) => {
      for (const userId of named) {
        if (!(await db.get("SELECT 1 AS x FROM accounts WHERE user_id = ? AND status = 'active'", [userId]))) throw new AlprError('ALPR_ERR_INVALID_INPUT', `investigators: no active account ${userId}`);
      }
      const { changes } = await db.run("UPDATE felony_requests SET status = ?, decided_by = ?, decided_at = ? WHERE request_id = ? AND status = 'pending'",
        [approve ? 'approved' : 'denied', actor, now, requestId]);
      if (changes !== 1) throw new AlprError('ALPR_ERR_CONFLICT', `request ${requestId} was decided meanwhile`);
      if (approve) await db.run('INSERT INTO felony_approvals (request_id, investigators, expires_at) VALUES (?, ?, ?)', [requestId, JSON.stringify(named), expiresAt]);
      await this.ctx.audit.append({ actor, action: approve ? 'felony.approve' : 'felony.deny', detail: {
        requestId, caseNumber: request.caseNumber, note: String(note ?? '').slice(0, 1000), ...(approve ? { requestedBy: request.requestedBy, investigators: named, expiresAt } : {}),
      } }, db);
    });
    return (await this.get(requestId))!;
  }

  async get(requestId: string): Promise<FelonyRequest | null> {
    const row = await this.ctx.sql.get<Row>(`${SELECT} WHERE r.request_id = ?`, [String(requestId)]);
    return row ? toRequest(row) : null;
  }

  async list(status?: FelonyRequest['status']): Promise<FelonyRequest[]> {
    const rows = status
      ? await this.ctx.sql.all<Row>(`${SELECT} WHERE r.status = ? ORDER BY r.created_at`, [status])
      : await this.ctx.sql.all<Row>(`${SELECT} ORDER BY r.created_at`);
    return rows.map(toRequest);
  }

  /**
   * Throws unless `requestId` is approved, `userId` is its requester or a named investigator,
   * `caseNumber` is its case, and it has not expired. (The search service audits the refusal.)
   */
  async requireApproved(requestId: string, caseNumber: string, userId: string): Promise<FelonyRequest> {
    const request = await this.get(requestId);
    if (!request || request.status !== 'approved') throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `felony request ${requestId} is not approved by the Chief`);
    if (request.requestedBy !== userId && !request.investigators.includes(userId)) {
      throw new AlprError('ALPR_ERR_FELONY_APPROVAL_INVALID', `felony request ${requestId} may be cited only by its requester and the investigators the Chief named`);
    }
    if (request.caseNumber !== caseNumber) throw new AlprError('ALPR_ERR_FELONY_APPROVAL_INVALID', `felony request ${requestId} was approved for case ${request.caseNumber}, not ${caseNumber}`);
    if (request.expiresAt === null || this.ctx.clock.now() >= request.expiresAt) {
      throw new AlprError('ALPR_ERR_FELONY_APPROVAL_INVALID', `the approval of felony request ${requestId} expired${request.expiresAt === null ? '' : ` at ${new Date(request.expiresAt).toISOString()}`}; ask the Chief again`);
    }
    return request;
  }
}
