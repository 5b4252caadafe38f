import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import type { SqlDb } from '../db/sql.js';
import type { AuditKey } from './auditKey.js';
import { findWitnessAnchor, readWitness, readWitnessTail, type AuditWitness, type ChainPoint, type WitnessContents } from './auditWitness.js';
import { WitnessCheck } from './witnessCheck.js';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export interface AuditRecord {
  seq: number;
  at: number;
  /** A user id, `system`, or `cli:<os user>` for commands run on the hub machine. */
  actor: string;
  action: string;
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditEntry {
  actor: string;
  action: string;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
}

export interface AuditProblem {
  seq: number;
  problem: 'changed' | 'inserted-or-deleted' | 'out-of-order' | 'witness' | 'checkpoint';
  message: string;
}

export interface VerifyResult {
  records: number;
  head: ChainPoint | null;
  problems: AuditProblem[];
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
  afterSeq?: number;
  limit: number;
}

const GENESIS = '0'.repeat(64);

/**
 * What keeps the chain honest against someone who can write the database and the data folder:
 * the witness every append is written to, and the key that signs checkpoints into it.
 */
export interface AuditTrail {
  witness: AuditWitness;
  key: AuditKey;
}

/** What `verify()` checks the chain against, besides its own hashes. */
export interface VerifyAgainst {
  /**
   * A head recorded earlier outside the hub (an auditor's note of `audit verify`'s head, a
   * published report's audit head): the chain must still hold it, so a chain cut, or rewritten and
   * re-witnessed from scratch, is found too.
   */
  head?: ChainPoint;
  /** The witness, read back (with the audit key's public half): the chain must match it exactly. */
  witness?: WitnessContents;
}

/** PostgreSQL: hub processes serialise on one advisory lock so the chain (and its witness) never forks. SQLite: the transaction already holds the write lock. */
async function lockChain(tx: SqlDb): Promise<void> {
  if (tx.engine === 'pg') await tx.get('SELECT pg_advisory_xact_lock(468)');
}

/** JSON with keys sorted at every level, so that the hash does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function recordHash(r: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, outcome: r.outcome, detail: r.detail, prevHash: r.prevHash }))
    .digest('hex');
}

interface AuditRow {
  seq: number | string;
  at: number | string;
  actor: string;
  action: string;
  outcome: AuditOutcome;
  detail: string;
  prev_hash: string;
  hash: string;
}

function fromRow(row: AuditRow): AuditRecord {
  return { seq: Number(row.seq), at: Number(row.at), actor: row.actor, action: row.action, outcome: row.outcome, detail: JSON.parse(row.detail) as Record<string, unknown>, prevHash: row.prev_hash, hash: row.hash };
}

/**
 * The append-only audit chain (General Order 4.68 sections VII and IX). Every record carries the
 * SHA-256 of its predecessor, so `verify()` finds any record changed, inserted or deleted. The
 * hub never deletes audit records: they outlive the 30-day reads by design.
 */
export class AuditLog {
  /**
   * Counts the records appended while serving one HTTP request, so the request audit hook
   * (requestAudit.ts) records what no service did, and nothing twice.
   */
  readonly requestScope = new AsyncLocalStorage<{ appended: number }>();

  /** The `verifyShared()` walk in progress, if any. */
  private sharedVerify: Promise<VerifyResult> | null = null;

  constructor(private readonly ctx: { sql: SqlDb; clock: Clock; trail?: AuditTrail }) {}

  get clock(): Clock {
    return this.ctx.clock;
  }

  /**
   * Called once at start with a trail: a new witness first records the head it starts from
   * (earlier records are covered by their hashes), and that start is itself an audit record.
   */
  async openTrail(): Promise<void> {
    const trail = this.ctx.trail;
    if (!trail) return;
    const started = await this.ctx.sql.tx(async (tx) => {
      await lockChain(tx);
      if (!(await trail.witness.isEmpty())) return null;
      const head = (await this.headIn(tx)) ?? { seq: 0, hash: GENESIS };
      await trail.witness.write({ kind: 'start', seq: head.seq, hash: head.hash, at: this.ctx.clock.now() });
      return head;
    });
    if (started) await this.append({ actor: 'system', action: 'audit.witnessStarted', detail: { witness: trail.witness.path, fromSeq: started.seq } });
  }

  /** Signs the current head with the audit key and writes it into the witness (every minute and at stop). */
  async checkpoint(): Promise<ChainPoint | null> {
    const trail = this.ctx.trail;
    if (!trail) return null;
    return this.ctx.sql.tx(async (tx) => {
      await lockChain(tx);
      const head = await this.headIn(tx);
      if (head) await trail.witness.write({ kind: 'checkpoint', seq: head.seq, hash: head.hash, at: this.ctx.clock.now() });
      return head;
    });
  }

  /** Appends one record. Inside `db` (a transaction handle) it commits or rolls back with the caller's change. */
  async append(entry: AuditEntry, db: SqlDb = this.ctx.sql): Promise<AuditRecord> {
    const record = await this.appendIn(entry, db);
    const scope = this.requestScope.getStore();
    if (scope) scope.appended++;
    return record;
  }

  private async appendIn(entry: AuditEntry, db: SqlDb): Promise<AuditRecord> {
    return db.tx(async (tx) => {
      await lockChain(tx);
      const head = await this.headIn(tx);
      const base = {
        seq: head ? head.seq + 1 : 1,
        at: this.ctx.clock.now(),
        actor: entry.actor,
        action: entry.action,
        outcome: entry.outcome ?? 'ok',
        // Round-tripped so the stored JSON and the hashed value are the same thing.
        detail: JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>,
        prevHash: head?.hash ?? GENESIS,
      };
      const record: AuditRecord = { ...base, hash: recordHash(base) };
      await tx.run('INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        record.seq, record.at, record.actor, record.action, record.outcome, JSON.stringify(record.detail), record.prevHash, record.hash,
      ]);
      const witness = this.ctx.trail?.witness;
      if (witness) {
        // Witnessed under the lock and before the commit, so the witness is never behind the
        // chain; confirmed once the caller's transaction commits (see WitnessCheck for why).
        await witness.write({ kind: 'record', seq: record.seq, hash: record.hash });
        tx.afterCommit(() => witness.write({ kind: 'commit', seq: record.seq, hash: record.hash }, false));
      }
      return record;
    });
  }

  async query(q: AuditQuery, db: SqlDb = this.ctx.sql): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (q.actor !== undefined) (where.push('actor = ?'), params.push(q.actor));
    if (q.action !== undefined) (where.push('action = ?'), params.push(q.action));
    if (q.from !== undefined) (where.push('at >= ?'), params.push(q.from));
    if (q.to !== undefined) (where.push('at < ?'), params.push(q.to));
    if (q.afterSeq !== undefined) (where.push('seq > ?'), params.push(q.afterSeq));
    const rows = await db.all<AuditRow>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`, [...params, q.limit]);
    return rows.map(fromRow);
  }

  async get(seq: number): Promise<AuditRecord | null> {
    const row = await this.ctx.sql.get<AuditRow>('SELECT * FROM audit_log WHERE seq = ?', [seq]);
    return row ? fromRow(row) : null;
  }

  /** Every record the query matches, in chain order, a page of 1,000 at a time (the query's own limit and afterSeq are the paging's). */
  async *records(q: Omit<AuditQuery, 'limit' | 'afterSeq'>, db: SqlDb = this.ctx.sql): AsyncGenerator<AuditRecord> {
    const page = 1000;
    for (let afterSeq = 0; ;) {
      const records = await this.query({ ...q, afterSeq, limit: page }, db);
      yield* records;
      if (records.length < page) return;
      afterSeq = records.at(-1)!.seq;
    }
  }

  /** The first record of `action` that `match` accepts, paging through the chain from its start; null when none does. */
  async findFirst(action: string, match: (record: AuditRecord) => boolean): Promise<AuditRecord | null> {
    for await (const record of this.records({ action })) if (match(record)) return record;
    return null;
  }

  /** How many records with outcome ok match, for rate caps (uses the actor/action/time index). */
  async count(actor: string, action: string, since: number, db: SqlDb = this.ctx.sql): Promise<number> {
    const row = await db.get<{ n: number | string }>("SELECT count(*) AS n FROM audit_log WHERE actor = ? AND action = ? AND at > ? AND outcome = 'ok'", [actor, action, since]);
    return Number(row?.n ?? 0);
  }

  async head(): Promise<ChainPoint | null> {
    return this.headIn(this.ctx.sql);
  }

  private async headIn(db: SqlDb): Promise<ChainPoint | null> {
    const row = await db.get<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  /**
   * Walks the whole chain (see `walk`). Hashes alone cannot catch a chain cut, or rewritten with
   * every later hash recomputed: the witness (this hub's own, unless another is given) and its
   * signed checkpoints do.
   */
  async verify(against: VerifyAgainst = {}): Promise<VerifyResult> {
    const trail = this.ctx.trail;
    const witness = against.witness ?? (trail ? await readWitness(trail.witness.path, trail.key.publicKey) : undefined);
    const check = witness ? new WitnessCheck(witness) : null;
    const expectedHead = against.head;
    const problems: AuditProblem[] = [];
    const walked = await this.walk(this.ctx.sql, { seq: 0, hash: GENESIS }, problems, (r) => {
      if (expectedHead?.seq === r.seq && expectedHead.hash !== r.hash) {
        problems.push({ seq: r.seq, problem: 'checkpoint', message: `record ${r.seq} differs from the head recorded outside the hub (recorded ${expectedHead.hash.slice(0, 12)}, database ${r.hash.slice(0, 12)}): the chain was rewritten` });
      }
      check?.visit({ seq: r.seq, hash: r.hash });
      if (r.action === 'audit.witnessStarted') check?.started({ seq: r.seq, fromSeq: r.detail.fromSeq });
    });
    if (expectedHead && walked.last.seq < expectedHead.seq) {
      problems.push({ seq: expectedHead.seq, problem: 'inserted-or-deleted', message: `the chain ends at record ${walked.last.seq} but record ${expectedHead.seq} was written: records were cut from the end` });
    }
    if (check) problems.push(...check.finish());
    return { records: walked.records, head: walked.records > 0 ? walked.last : null, problems };
  }

  /**
   * `verify()` against this hub's own witness, one walk at a time (GET /api/v1/audit/verify): a
   * call made while a walk runs waits for it and gets its result, rather than starting another
   * walk of the whole chain beside it; a call made after it ends starts a new one.
   */
  verifyShared(): Promise<VerifyResult> {
    this.sharedVerify ??= this.verify().finally(() => {
      this.sharedVerify = null;
    });
    return this.sharedVerify;
  }

  /**
   * The check a hub process runs at start, cheaper than `verify()` on a long chain: every
   * record's hash and link, as `verify()` checks them, but the witness only from its last signed
   * checkpoint on (checking the whole witness costs one signature per line, about 30 s per 100,000
   * records against 1 s for the hashes: docs/benchmarks.md). That misses nothing of the chain: a
   * record before the checkpoint changed with every later hash recomputed changes the checkpointed
   * record's hash, and one changed without recomputing fails its own hash or the next link. Only
   * lines of the witness before the checkpoint are left to `audit verify`.
   *
   * The tail is compared under the chain's lock, so appends by other hub processes (PostgreSQL)
   * can neither be half-seen nor taken for records cut from the end; the long walk is not.
   */
  async verifyAtStart(): Promise<{ records: number; head: ChainPoint | null; problems: AuditProblem[]; witnessFrom: number | null }> {
    const problems: AuditProblem[] = [];
    // Every record starting a witness, wherever it is: a second one means the witness was emptied or replaced.
    const witnessStarts: Array<{ seq: number; fromSeq: unknown }> = [];
    const walked = await this.walk(this.ctx.sql, { seq: 0, hash: GENESIS }, problems, (r) => {
      if (r.action === 'audit.witnessStarted') witnessStarts.push({ seq: r.seq, fromSeq: r.detail.fromSeq });
    });
    const trail = this.ctx.trail;
    if (!trail) return { records: walked.records, head: walked.records > 0 ? walked.last : null, problems, witnessFrom: null };
    const anchor = await findWitnessAnchor(trail.witness.path, trail.key.publicKey);
    return this.ctx.sql.tx(async (tx) => {
      await lockChain(tx);
      const check = new WitnessCheck(await readWitnessTail(trail.witness.path, trail.key.publicKey, anchor));
      const from = Math.min(anchor?.point.seq ?? 0, walked.last.seq);
      // Records from the anchor on are compared with the witness; those appended since the walk are also hashed and linked here.
      let last = walked.last;
      let records = walked.records;
      const rows = await tx.all<AuditRow>('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq', [Math.max(from, 1)]);
      for (const row of rows) {
        const r = fromRow(row);
        if (r.seq > last.seq) {
          records++;
          this.checkRecord(r, last, problems);
          last = { seq: r.seq, hash: r.hash };
        }
        check.visit({ seq: r.seq, hash: r.hash });
        if (r.action === 'audit.witnessStarted' && r.seq > walked.last.seq) witnessStarts.push({ seq: r.seq, fromSeq: r.detail.fromSeq });
      }
      for (const started of witnessStarts) check.started(started);
      problems.push(...check.finish());
      return { records, head: records > 0 ? last : null, problems, witnessFrom: anchor?.point.seq ?? null };
    });
  }

  /**
   * Walks the chain after `from` in pages. A changed record fails its own hash; an inserted or
   * deleted one breaks the sequence or the next record's link.
   */
  private async walk(db: SqlDb, from: ChainPoint, problems: AuditProblem[], each?: (r: AuditRecord) => void): Promise<{ records: number; last: ChainPoint }> {
    let prev = from;
    let records = 0;
    const page = 5000;
    for (;;) {
      const rows = await db.all<AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [prev.seq, page]);
      for (const row of rows) {
        const r = fromRow(row);
        records++;
        this.checkRecord(r, prev, problems);
        each?.(r);
        prev = { seq: r.seq, hash: r.hash };
      }
      if (rows.length < page) break;
    }
    return { records, last: prev };
  }

  private checkRecord(r: AuditRecord, prev: ChainPoint, problems: AuditProblem[]): void {
    if (recordHash(r) !== r.hash) problems.push({ seq: r.seq, problem: 'changed', message: `record ${r.seq} does not match its hash: it was changed after it was written` });
    if (r.seq !== prev.seq + 1 || r.prevHash !== prev.hash) {
      problems.push({ seq: r.seq, problem: 'inserted-or-deleted', message: `record ${r.seq} does not follow record ${prev.seq}: records were inserted, deleted or reordered` });
    }
  }
}
