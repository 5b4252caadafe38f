import { randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';
import type { AgencyRegistry } from './agencyRegistry.js';

export interface AgencyReview {
  reviewId: string;
  agencyId: string;
  at: number;
  reason: string;
  /** The audit record of the refused request. */
  auditSeq: number;
  status: 'open' | 'revoked' | 'reinstated';
  decidedBy: string | null;
  decidedAt: number | null;
  note: string | null;
}

type Row = Record<string, unknown>;
const toReview = (r: Row): AgencyReview => ({
  reviewId: String(r.review_id), agencyId: String(r.agency_id), at: Number(r.at), reason: String(r.reason), auditSeq: Number(r.audit_seq),
  status: r.status as AgencyReview['status'], decidedBy: (r.decided_by as string | null) ?? null, decidedAt: r.decided_at === null ? null : Number(r.decided_at), note: (r.note as string | null) ?? null,
});

/**
 * VII.I: an outside agency's officer asking for a prohibited use (immigration enforcement,
 * reproductive health care, ...) suspends the agency's sharing in the same transaction as the
 * refusal's audit record, until the Chief decides: revoke (final) or reinstate.
 */
export class AgencyReviews {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock; agencies: AgencyRegistry }) {}

  async raise(agencyId: string, reason: string, auditSeq: number, db: SqlDb): Promise<string> {
    const reviewId = randomUUID();
    const now = this.ctx.clock.now();
    await db.run("INSERT INTO sharing_reviews (review_id, agency_id, at, reason, audit_seq, status) VALUES (?, ?, ?, ?, ?, 'open')", [reviewId, agencyId, now, reason, auditSeq]);
    await db.run("UPDATE sharing_agencies SET status = 'suspended', updated_at = ? WHERE agency_id = ? AND status = 'approved'", [now, agencyId]);
    await this.ctx.audit.append({ actor: 'system', action: 'sharing.suspend', detail: { agencyId, reviewId, searchSeq: auditSeq } }, db);
    return reviewId;
  }

  async open(): Promise<AgencyReview[]> {
    return (await this.ctx.sql.all<Row>("SELECT * FROM sharing_reviews WHERE status = 'open' ORDER BY at")).map(toReview);
  }

  async decide(reviewId: string, decision: 'revoke' | 'reinstate', note: string, actor: string): Promise<AgencyReview> {
    if (decision !== 'revoke' && decision !== 'reinstate') throw new AlprError('ALPR_ERR_INVALID_INPUT', 'decision: revoke or reinstate');
    const text = String(note ?? '').trim();
    if (text.length < 5 || text.length > 2000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'note: what the review found, 5-2000 characters');
    await this.ctx.sql.tx(async (db) => {
      const row = await db.get<Row>('SELECT * FROM sharing_reviews WHERE review_id = ?', [String(reviewId)]);
      if (!row) throw new AlprError('ALPR_ERR_NOT_FOUND', `no sharing review ${reviewId}`);
      if (row.status !== 'open') throw new AlprError('ALPR_ERR_CONFLICT', `sharing review ${reviewId} is already ${String(row.status)}`);
      const agencyId = String(row.agency_id);
      const now = this.ctx.clock.now();
      await db.run('UPDATE sharing_reviews SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE review_id = ?', [decision === 'revoke' ? 'revoked' : 'reinstated', actor, now, text, reviewId]);
      if (decision === 'revoke') {
        await this.ctx.agencies.revoke(agencyId, `review ${reviewId}: ${text}`, actor, db);
      } else {
        // Other reviews of the same agency may still be open: it stays suspended until each is decided.
        const others = await db.get("SELECT 1 AS x FROM sharing_reviews WHERE agency_id = ? AND status = 'open'", [agencyId]);
        if (!others) await db.run("UPDATE sharing_agencies SET status = 'approved', updated_at = ? WHERE agency_id = ? AND status = 'suspended'", [now, agencyId]);
        await this.ctx.audit.append({ actor, action: 'sharing.reinstate', detail: { agencyId, reviewId, note: text } }, db);
      }
    });
    return toReview((await this.ctx.sql.get<Row>('SELECT * FROM sharing_reviews WHERE review_id = ?', [String(reviewId)]))!);
  }
}
