import { randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';

export interface FelonyRequest {
  requestId: string;
  requestedBy: string;
  caseNumber: string;
  description: string;
  status: 'pending' | 'approved' | 'denied';
  createdAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
}

interface Row {
  request_id: string;
  requested_by: string;
  case_number: string;
  description: string;
  status: FelonyRequest['status'];
  created_at: number | string;
  decided_by: string | null;
  decided_at: number | string | null;
}

const toRequest = (r: Row): FelonyRequest => ({
  requestId: r.request_id, requestedBy: r.requested_by, caseNumber: r.case_number, description: r.description, status: r.status,
  createdAt: Number(r.created_at), decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : Number(r.decided_at),
});

/**
 * V.B: "other significant felony offenses with a written request approved by the Chief of
 * Police". The request is written in the hub, the Chief decides in the hub, and a search for
 * other_felony must cite an approved request for the same case.
 */
export class FelonyRequests {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock }) {}

  async submit(input: { caseNumber: string; description: string }, actor: string): Promise<FelonyRequest> {
    const caseNumber = String(input.caseNumber ?? '').trim();
    const description = String(input.description ?? '').trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/.test(caseNumber)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'caseNumber: a case or CAD number, 4-32 letters, digits or dashes');
    if (description.length < 20 || description.length > 2000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'description: the written request, 20-2000 characters');
    const requestId = randomUUID();
    await this.ctx.sql.tx(async (db) => {
      await db.run("INSERT INTO felony_requests (request_id, requested_by, case_number, description, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
        [requestId, actor, caseNumber, description, this.ctx.clock.now()]);
      await this.ctx.audit.append({ actor, action: 'felony.request', detail: { requestId, caseNumber, description } }, db);
    });
    return (await this.get(requestId))!;
  }

  async decide(requestId: string, approve: boolean, actor: string, note: string): Promise<FelonyRequest> {
    const request = await this.get(requestId);
    if (!request) throw new AlprError('ALPR_ERR_NOT_FOUND', `no felony request ${requestId}`);
    if (request.status !== 'pending') throw new AlprError('ALPR_ERR_CONFLICT', `request ${requestId} was already ${request.status}`);
    await this.ctx.sql.tx(async (db) => {
      await db.run('UPDATE felony_requests SET status = ?, decided_by = ?, decided_at = ? WHERE request_id = ?', [approve ? 'approved' : 'denied', actor, this.ctx.clock.now(), requestId]);
      await this.ctx.audit.append({ actor, action: approve ? 'felony.approve' : 'felony.deny', detail: { requestId, caseNumber: request.caseNumber, note: String(note ?? '').slice(0, 1000) } }, db);
    });
    return (await this.get(requestId))!;
  }

  async get(requestId: string): Promise<FelonyRequest | null> {
    const row = await this.ctx.sql.get<Row>('SELECT * FROM felony_requests WHERE request_id = ?', [String(requestId)]);
    return row ? toRequest(row) : null;
  }

  async list(status?: FelonyRequest['status']): Promise<FelonyRequest[]> {
    const rows = status
      ? await this.ctx.sql.all<Row>('SELECT * FROM felony_requests WHERE status = ? ORDER BY created_at', [status])
      : await this.ctx.sql.all<Row>('SELECT * FROM felony_requests ORDER BY created_at');
    return rows.map(toRequest);
  }

  /** Throws unless `requestId` is approved and for `caseNumber`. */
  async requireApproved(requestId: string, caseNumber: string): Promise<FelonyRequest> {
    const request = await this.get(requestId);
    if (!request || request.status !== 'approved') throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `felony request ${requestId} is not approved by the Chief`);
    if (request.caseNumber !== caseNumber) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `felony request ${requestId} was approved for case ${request.caseNumber}, not ${caseNumber}`);
    return request;
  }
}
