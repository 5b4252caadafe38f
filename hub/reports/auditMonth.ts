import type { AuditLog, AuditRecord } from '../audit/auditLog.js';
import type { ChainPoint } from '../audit/auditWitness.js';
import type { ReportMonth } from './month.js';

const PAGE = 5000;

/**
 * The audit records of one month up to the chain head a report is computed from, in pages (the
 * month's records are never all in memory): later appends, the report's own included, are not
 * part of what it reports.
 */
export async function forEachAuditRecord(audit: AuditLog, month: ReportMonth, head: ChainPoint | null, visit: (r: AuditRecord) => void): Promise<void> {
  if (!head) return;
  let afterSeq = 0;
  for (;;) {
    const page = await audit.query({ from: month.from, to: month.to, afterSeq, limit: PAGE });
    for (const record of page) {
      if (record.seq > head.seq) return;
      visit(record);
    }
    if (page.length < PAGE) return;
    afterSeq = page.at(-1)!.seq;
  }
}

/** A string field of a record's detail, or null. */
export function text(record: AuditRecord, key: string): string | null {
  const value = record.detail[key];
  return typeof value === 'string' ? value : null;
}

/** Counts by key, for tables sorted by count. */
export class Tally {
  readonly counts = new Map<string, number>();

  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Keys by descending count, then name. */
  sorted(): Array<[string, number]> {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }
}
