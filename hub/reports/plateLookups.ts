import type { AuditRecord } from '../audit/auditLog.js';
import { text } from './auditMonth.js';

/** The path a member looked plates up by. */
export type LookupPath = 'search here' | 'partner hubs' | 'written request' | 'hot list';

/** One plate lookup a member made, by whichever path, as the monthly user audit counts it. */
export interface PlateLookup {
  /** The member who made it (a user id). */
  user: string;
  via: LookupPath;
  purpose: string | null;
  outcome: AuditRecord['outcome'];
  /** A refusal's code, where the record keeps one. */
  code: string | null;
  /** The plate or pattern looked up. */
  plate: string;
  /** exact, wildcard or fuzzy; null for a path that looks up exact plates only. */
  mode: string | null;
  /** The hub cut the lookup short (more matches than it returns); false where the record cannot say. */
  cutShort: boolean;
  at: number;
}

/** A lookup whose record keeps the query as asked (`query: {plate, mode}`) and its purpose. */
function queried(r: AuditRecord, user: string, via: LookupPath, cutShort: boolean): PlateLookup {
  const query = (r.detail.query ?? {}) as { plate?: unknown; mode?: unknown };
  return {
    user, via, purpose: text(r, 'purpose'), outcome: r.outcome, code: text(r, 'code'),
    plate: typeof query.plate === 'string' ? query.plate : '', mode: typeof query.mode === 'string' ? query.mode : null, cutShort, at: r.at,
  };
}

/**
 * The plate lookup an audit record is, or null: a search here (`reads.search`), a search of
 * partner agencies' hubs (`sharing.outboundSearch`), a written request handled for an outside
 * agency (`sharing.search` on the file channel) and a hot-list check (`hotlist.find`). Without the
 * last three, a member could look plates up in bulk by them and the monthly audit showed nothing.
 */
export function plateLookup(r: AuditRecord): PlateLookup | null {
  switch (r.action) {
    case 'reads.search':
      return queried(r, r.actor, 'search here', r.detail.truncated === true || r.detail.incomplete === true);
    case 'sharing.outboundSearch':
      // The record keeps how many reads the partner sent, not whether it cut its answer short:
      // only the known-character test of a sweeping wildcard applies.
      return queried(r, r.actor, 'partner hubs', false);
    case 'sharing.search': {
      // Online requests are the partner agency's own (actor `agency:ORI`), reported to CPOC, not a member's.
      const handledBy = text(r, 'handledBy');
      if (text(r, 'channel') !== 'file' || handledBy === null) return null;
      // The record keeps `truncated` (on an answer; a file cut short is refused) but not `incomplete`.
      return queried(r, handledBy, 'written request', r.detail.truncated === true);
    }
    case 'hotlist.find':
      // An exact plate, normalised, with no purpose asked and no mode: no sweeping-wildcard test applies.
      return { user: r.actor, via: 'hot list', purpose: null, outcome: r.outcome, code: null, plate: text(r, 'plate') ?? '', mode: null, cutShort: false, at: r.at };
    // `sharing.fileRelease` is not a lookup of its own: it records the file released from the
    // written request's answered `sharing.search` entry (its `searchSeq`), counted above; counting
    // both would count each written request twice.
    default:
      return null;
  }
}
