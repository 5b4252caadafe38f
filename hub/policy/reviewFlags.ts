import { randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { SqlDb } from '../db/sql.js';

export interface ReviewFlag {
  flagId: string;
  userId: string;
  at: number;
  reason: string;
  /** The audit record of the refused search. */
  auditSeq: number;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewNote: string | null;
}

interface Row {
  flag_id: string;
  user_id: string;
  at: number | string;
  reason: string;
  audit_seq: number | string;
  reviewed_by: string | null;
  reviewed_at: number | string | null;
  review_note: string | null;
}

const toFlag = (r: Row): ReviewFlag => ({
  flagId: r.flag_id, userId: r.user_id, at: Number(r.at), reason: r.reason, auditSeq: Number(r.audit_seq), reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at === null ? null : Number(r.reviewed_at), reviewNote: r.review_note,
});

/** Searches the purpose gate refused, waiting for an administrator (VII.H). */
export class ReviewFlags {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock }) {}

  async raise(userId: string, reason: string, auditSeq: number, db: SqlDb = this.ctx.sql): Promise<string> {
    const flagId = randomUUID();
    await db.run('INSERT INTO review_flags (flag_id, user_id, at, reason, audit_seq) VALUES (?, ?, ?, ?, ?)', [flagId, userId, this.ctx.clock.now(), reason, auditSeq]);
    return flagId;
  }

  async open(): Promise<ReviewFlag[]> {
    return (await this.ctx.sql.all<Row>('SELECT * FROM review_flags WHERE reviewed_at IS NULL ORDER BY at')).map(toFlag);
  }

  async resolve(flagId: string, note: string, actor: string): Promise<ReviewFlag> {
    const text = String(note ?? '').trim();
    if (text.length < 5 || text.length > 2000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'note: what the review found, 5-2000 characters');
    await this.ctx.sql.tx(async (db) => {
      const { changes } = await db.run('UPDATE review_flags SET reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE flag_id = ? AND reviewed_at IS NULL', [actor, this.ctx.clock.now(), text, String(flagId)]);
      if (changes === 0) throw new AlprError('ALPR_ERR_NOT_FOUND', `no open review flag ${flagId}`);
      await this.ctx.audit.append({ actor, action: 'review.resolve', detail: { flagId, note: text } }, db);
    });
    return toFlag((await this.ctx.sql.get<Row>('SELECT * FROM review_flags WHERE flag_id = ?', [String(flagId)]))!);
  }
}
