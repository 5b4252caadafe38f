import { createHash } from 'node:crypto';
import type { PurgeReport } from './types.js';

/** Builds the proof of deletion from the ids and capture times a purge removed. */
export function purgeReport(cutoff: number, deleted: Array<{ id: string; capturedAt: number }>, keptOnHold: number): PurgeReport {
  const byDay: Record<string, number> = {};
  for (const r of deleted) {
    const day = new Date(r.capturedAt).toISOString().slice(0, 10);
    byDay[day] = (byDay[day] ?? 0) + 1;
  }
  const ids = deleted.map((r) => r.id).sort();
  return { cutoff, deleted: ids.length, byDay, idsSha256: createHash('sha256').update(ids.join('\n')).digest('hex'), keptOnHold };
}
