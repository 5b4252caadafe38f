import type { AuditProblem } from './auditLog.js';
import type { ChainPoint, WitnessContents } from './auditWitness.js';

/** Problems of one kind listed one by one before the rest are summed up in a single line. */
const LISTED = 10;

const short = (hash: string) => hash.slice(0, 12);

/**
 * Compares the chain, record by record as `audit verify` walks it, with the witness kept outside
 * the database: the chain must hold exactly the witnessed records after the witness's start, no
 * fewer (cut, deleted), no more (forged appends) and none different (rewritten, renumbered), and
 * every signed checkpoint must name a record the chain still holds with the same hash.
 *
 * A record is witnessed before its transaction commits and confirmed after, so a witnessed record
 * the database lacks is missing only if its commit was confirmed; one never confirmed was rolled
 * back, is still being appended, or died with the hub between the two lines, and its number is
 * taken by the next append. A record the database holds must match one witnessed for its number,
 * and the confirmed one where there is one.
 */
export class WitnessCheck {
  private readonly problems: AuditProblem[] = [];
  private readonly unwitnessed: number[] = [];
  private readonly differing: AuditProblem[] = [];
  private readonly seen = new Set<number>();
  private readonly checkpointsAt = new Map<number, string[]>();
  private lastSeq = 0;

  constructor(private readonly witness: WitnessContents) {
    for (const line of witness.rejected) this.problems.push({ seq: 0, problem: 'witness', message: `the witness has a line the hub did not write (${line})` });
    for (const { seq, hash } of witness.checkpoints) this.checkpointsAt.set(seq, [...(this.checkpointsAt.get(seq) ?? []), hash]);
  }

  visit(record: ChainPoint): void {
    this.lastSeq = record.seq;
    const start = this.witness.start;
    // (A start check's tail begins at a signed checkpoint: the checkpoint's own message says it.)
    if (start && record.seq === start.seq && record.hash !== start.hash && !this.checkpointsAt.has(record.seq)) {
      this.differing.push({ seq: record.seq, problem: 'witness', message: `record ${record.seq} differs from where the witness started (witnessed ${short(start.hash)}, database ${short(record.hash)}): the chain was rewritten` });
    }
    for (const hash of this.checkpointsAt.get(record.seq) ?? []) {
      if (hash !== record.hash) this.differing.push({ seq: record.seq, problem: 'checkpoint', message: `record ${record.seq} differs from the signed checkpoint (signed ${short(hash)}, database ${short(record.hash)}): the chain was rewritten` });
    }
    if (record.seq <= (start?.seq ?? 0)) return;
    this.seen.add(record.seq);
    const witnessed = this.witness.records.get(record.seq);
    const committed = this.witness.committed.get(record.seq);
    if (!witnessed) {
      this.unwitnessed.push(record.seq);
    } else if (committed && committed.size > 1) {
      this.differing.push({ seq: record.seq, problem: 'witness', message: `the witness confirms ${committed.size} different records numbered ${record.seq}` });
    } else if (!(committed ?? witnessed).has(record.hash)) {
      const expected = [...(committed ?? witnessed)][0]!;
      this.differing.push({ seq: record.seq, problem: 'witness', message: `record ${record.seq} differs from the witness (witnessed ${short(expected)}, database ${short(record.hash)}): it was rewritten or renumbered` });
    }
  }

  /**
   * A record of the hub starting a witness. Only the start of this witness belongs in the chain:
   * another means the witness was emptied or replaced and the hub began a new one over a chain that
   * already had one, which is how a rewritten chain would be re-anchored.
   */
  started(record: { seq: number; fromSeq: unknown }): void {
    const start = this.witness.began ?? this.witness.start;
    if (!start || record.fromSeq === start.seq) return;
    this.problems.push({ seq: record.seq, problem: 'witness', message: `record ${record.seq} says a witness was started at record ${String(record.fromSeq)}, but this witness starts at record ${start.seq}: the witness was emptied or replaced, and records ${String(record.fromSeq)}-${start.seq} are not witnessed` });
  }

  finish(): AuditProblem[] {
    const problems = [...this.problems, ...limit(this.differing, 'more records differ from the witness')];
    const start = this.witness.start;
    if (start && start.seq > 0 && this.lastSeq < start.seq) {
      problems.push({ seq: start.seq, problem: 'witness', message: `the chain ends at record ${this.lastSeq} but the witness started at record ${start.seq}: records were cut from the end` });
    }
    // A checkpoint names a committed head, so it still proves a cut whose commit lines were lost
    // (they are not fsynced) or taken out of the witness.
    const signedTo = Math.max(0, ...this.witness.checkpoints.map((c) => c.seq));
    if (signedTo > this.lastSeq) {
      problems.push({ seq: signedTo, problem: 'checkpoint', message: `the chain ends at record ${this.lastSeq} but the witness has a signed checkpoint of record ${signedTo}: records were cut from the end` });
    }
    const missing = [...this.witness.committed.keys()].filter((seq) => !this.seen.has(seq)).sort((a, b) => a - b);
    const confirmedTo = missing.at(-1) ?? 0;
    const cutFromEnd = missing.filter((seq) => seq > this.lastSeq);
    const deleted = missing.filter((seq) => seq <= this.lastSeq);
    if (cutFromEnd.length > 0) {
      problems.push({ seq: cutFromEnd[0]!, problem: 'witness', message: `the chain ends at record ${this.lastSeq} but the witness confirms records up to ${confirmedTo}: ${cutFromEnd.length} committed record(s) were cut from the end` });
    }
    problems.push(...limit(deleted.map((seq) => ({ seq, problem: 'witness' as const, message: `record ${seq} is confirmed in the witness but not in the database: it was deleted` })), 'more witnessed records are missing'));
    const appended = this.unwitnessed.filter((seq) => seq > this.witness.lastSeq);
    const slipped = this.unwitnessed.filter((seq) => seq <= this.witness.lastSeq);
    if (appended.length > 0) {
      problems.push({ seq: appended[0]!, problem: 'witness', message: `the chain runs ${appended.length} record(s) past the witness, which ends at record ${this.witness.lastSeq}: records ${appended[0]}-${appended.at(-1)} were appended outside the hub` });
    }
    problems.push(...limit(slipped.map((seq) => ({ seq, problem: 'witness' as const, message: `record ${seq} is not in the witness: it was inserted outside the hub` })), 'more records are not in the witness'));
    return problems;
  }
}

function limit(problems: AuditProblem[], more: string): AuditProblem[] {
  if (problems.length <= LISTED) return problems;
  const rest = problems.length - LISTED;
  return [...problems.slice(0, LISTED), { seq: problems[LISTED]!.seq, problem: problems[LISTED]!.problem, message: `${rest} ${more}` }];
}
