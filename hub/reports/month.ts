import { AlprError } from '../../core/index.js';

/** A calendar month in UTC: what every report covers, as `[from, to)` in epoch milliseconds. */
export interface ReportMonth {
  month: string;
  from: number;
  to: number;
}

/** `YYYY-MM` (2000-01 to 2099-12) as a report month; anything else is refused. */
export function parseMonth(text: unknown): ReportMonth {
  const match = typeof text === 'string' ? /^(20\d{2})-(0[1-9]|1[0-2])$/.exec(text) : null;
  if (!match) throw new AlprError('ALPR_ERR_INVALID_INPUT', `month: a calendar month as YYYY-MM (2000-01 to 2099-12), not ${JSON.stringify(text)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return { month: text as string, from: Date.UTC(year, month - 1, 1), to: Date.UTC(year, month, 1) };
}

/** The last whole month before `now`: what the schedule reports on the first of each month. */
export function previousMonth(now: number): ReportMonth {
  const d = new Date(now);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  return parseMonth(new Date(first).toISOString().slice(0, 7));
}

/**
 * The part of a month up to and including `now` ([from, now + 1ms)): what a "so far" report
 * covers while the month runs, so what happened in the very millisecond it is written counts. A
 * month that has ended is returned whole.
 */
export function monthThrough(month: ReportMonth, now: number): ReportMonth {
  return now + 1 < month.to ? { ...month, to: Math.max(month.from, now + 1) } : month;
}
