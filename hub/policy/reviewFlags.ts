import { randomUUID } from 'node:crypto';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import { takeTurn, type SqlDb } from '../db/sql.js';

/** Where a refused search leaves its account: suspended until reviewed, then lifted or upheld. */
export type SuspensionStatus = 'suspended' | 'lifted' | 'upheld';
export type ReviewDecision = 'lift' | 'uphold';

export interface ReviewFlag {
  flagId: string;
  userId: string;
  at: number;
  reason: string;
  /** The audit record of the refused search. */
  auditSeq: number;
  /** The account's search access because of this flag (VII.H). */
  suspension: SuspensionStatus;
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
  status: SuspensionStatus;
  decided_by: string | null;
  decided_at: number | string | null;
  decision_reason: string | null;
}

const toFlag = (r: Row): ReviewFlag => ({
  flagId: r.flag_id, userId: r.user_id, at: Number(r.at), reason: r.reason, auditSeq: Number(r.audit_seq), suspension: r.status, reviewedBy: r.decided_by,
  reviewedAt: r.decided_at === null ? null : Number(r.decided_at), reviewNote: r.decision_reason,
});

const SELECT = `SELECT f.flag_id, f.user_id, f.at, f.reason, f.audit_seq, s.status, s.decided_by, s.decided_at, s.decision_reason
  FROM review_flags f JOIN search_suspensions s ON s.flag_id = f.flag_id`;

/**
 * Searches the purpose gate refused, and the suspension each one puts on its account (VII.H: "will
 * immediately have their access suspended"). The flag and the suspension are written in the same
 * transaction as the refusal's audit record; the account cannot search again until a supervisor
 * lifts it, and an upheld suspension stays until one lifts it later. Both decisions are audited.
 */
export class ReviewFlags {
  constructor(private readonly ctx: { sql: SqlDb; audit: AuditLog; clock: Clock }) {}

  /**
   * Refuses a prohibited use (VII.H): the refusal's audit record (`action`, outcome refused,
   * `detail`), its flag and the account's suspension are written in one transaction, none without
   * the others; then `error` is thrown.
   */
  async refuse(userId: string, action: string, detail: Record<string, unknown>, error: AlprError): Promise<never> {
    await this.ctx.sql.tx(async (db) => {
      // In the account's turn (takeTurn): a search of the same account already in its transaction
      // ends first; one after it sees the suspension.
      await takeTurn(db, userId);
      const record = await this.ctx.audit.append({ actor: userId, action, outcome: 'refused', detail }, db);
      await this.raise(userId, error.message, record.seq, db);
    });
    throw error;
  }

  async raise(userId: string, reason: string, auditSeq: number, db: SqlDb = this.ctx.sql): Promise<string> {
    const flagId = randomUUID();
    const at = this.ctx.clock.now();
    await db.run('INSERT INTO review_flags (flag_id, user_id, at, reason, audit_seq) VALUES (?, ?, ?, ?, ?)', [flagId, userId, at, reason, auditSeq]);
    await db.run("INSERT INTO search_suspensions (flag_id, user_id, status, suspended_at) VALUES (?, ?, 'suspended', ?)", [flagId, userId, at]);
    await this.ctx.audit.append({ actor: 'system', action: 'search.suspend', detail: { userId, flagId, searchSeq: auditSeq } }, db);
    return flagId;
  }

  /**
   * Flags whose account is still suspended: waiting for a supervisor (`suspended`, the default),
   * or reviewed and upheld, which may be lifted later (`upheld`).
   */
  async open(status: Exclude<SuspensionStatus, 'lifted'> = 'suspended'): Promise<ReviewFlag[]> {
    return (await this.ctx.sql.all<Row>(`${SELECT} WHERE s.status = ? ORDER BY f.at`, [status])).map(toFlag);
  }

  /** Whether the account's search access is suspended (a flag not yet lifted). */
  async isSuspended(userId: string, db: SqlDb = this.ctx.sql): Promise<boolean> {
    return (await db.get("SELECT flag_id FROM search_suspensions WHERE user_id = ? AND status <> 'lifted' LIMIT 1", [userId])) !== null;
  }

  /**
   * VII.H, the check every use of ALPR data (and every change that could undo a suspension) makes:
   * throws ALPR_ERR_SEARCH_SUSPENDED while the account is suspended, naming what it `cannot` do
   * ("search reads"). Records nothing itself: a caller that audits its refusals audits this one.
   * Pass the transaction's `db` where the check must see what that transaction sees.
   */
  async refuseWhileSuspended(userId: string, cannot: string, db: SqlDb = this.ctx.sql): Promise<void> {
    if (await this.isSuspended(userId, db)) {
      throw new AlprError('ALPR_ERR_SEARCH_SUSPENDED', `this account's access to ALPR data is suspended after a refused search (General Order 4.68 VII.H) until a supervisor reviews it: it cannot ${cannot}`);
    }
  }

  /**
   * A supervisor's review: `lift` restores search access (this flag's part of it), `uphold` keeps
   * it suspended. An upheld flag can be lifted later; a lifted one is closed. Nobody reviews their
   * own flag.
   */
  async decide(flagId: string, decision: ReviewDecision, reason: string, actor: string): Promise<ReviewFlag> {
    const text = String(reason ?? '').trim();
    if (decision !== 'lift' && decision !== 'uphold') throw new AlprError('ALPR_ERR_INVALID_INPUT', 'decision: lift or uphold');
    if (text.length < 5 || text.length > 2000) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'reason: what the review found, 5-2000 characters');
    await this.ctx.sql.tx(async (db) => {
      const row = await db.get<Row>(`${SELECT} WHERE f.flag_id = ?`, [String(flagId)]);
      if (!row) throw new AlprError('ALPR_ERR_NOT_FOUND', `no review flag ${flagId}`);
      if (row.user_id === actor) throw new AlprError('ALPR_ERR_FORBIDDEN', 'a suspension is reviewed by another supervisor, never by the suspended account');
      // Nor by one suspended on another flag: two suspended administrators would lift each other's.
      await this.refuseWhileSuspended(actor, 'review another account\'s suspension', db);
      // Nor by an account made after the suspension: the suspended account may have made it for that.
      const reviewer = await db.get<{ created_at: number | string }>('SELECT created_at FROM accounts WHERE user_id = ?', [actor]);
      if (reviewer && Number(reviewer.created_at) > Number(row.at)) throw new AlprError('ALPR_ERR_FORBIDDEN', 'an account created after a suspension was raised does not review it');
      if (row.status === 'lifted' || (row.status === 'upheld' && decision === 'uphold')) {
        throw new AlprError('ALPR_ERR_CONFLICT', `review flag ${flagId} is already ${row.status}`);
      }
      const status: SuspensionStatus = decision === 'lift' ? 'lifted' : 'upheld';
      const now = this.ctx.clock.now();
      await db.run('UPDATE search_suspensions SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE flag_id = ?', [status, actor, now, text, row.flag_id]);
      await db.run('UPDATE review_flags SET reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE flag_id = ?', [actor, now, text, row.flag_id]);
      await this.ctx.audit.append({ actor, action: decision === 'lift' ? 'search.suspensionLifted' : 'search.suspensionUpheld', detail: { flagId: row.flag_id, userId: row.user_id, reason: text } }, db);
    });
    return toFlag((await this.ctx.sql.get<Row>(`${SELECT} WHERE f.flag_id = ?`, [String(flagId)]))!);
  }
}
