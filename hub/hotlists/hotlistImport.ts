import { AlprError } from '../../core/index.js';
import { parseCsv } from './csv.js';
import { CATEGORY_DEFAULTS, isHotlistCategory, isProhibitedCategory } from './hotlistCategories.js';
import { normalisePlate, PLATE_PATTERN, STATE_PATTERN, type HotlistRecord } from './hotlistEntry.js';
import type { ImportMapping } from './importMapping.js';

export type ImportedEntry = Omit<HotlistRecord, 'removed' | 'removedAt' | 'removedReason' | 'changedVersion' | 'enteredAt'>;

export interface ParsedExtract {
  entries: ImportedEntry[];
  rowsRead: number;
  /** Rows not taken, by reason: a prohibited category (immigration, ...), `not_allowed`, `invalid`, `expired`, `duplicate`. */
  refused: Record<string, number>;
}

/**
 * Reads one extract with its column mapping. Nothing here touches the store: the caller diffs the
 * result against the live list, so a bad file never half-applies.
 */
export function parseExtract(text: string, mapping: ImportMapping, nowMs: number): ParsedExtract {
  const rows = parseCsv(text);
  const header = rows.next();
  if (header.done) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'the hot-list extract is empty (no header row)');
  const names = header.value.map((h) => h.trim().toUpperCase());
  const column = (name: string | undefined, required: boolean): number => {
    if (name === undefined) return -1;
    const index = names.indexOf(name.toUpperCase());
    if (index < 0 && required) throw new AlprError('ALPR_ERR_INVALID_INPUT', `the hot-list extract has no ${name} column (header: ${shortHeader(names)})`);
    return index;
  };
  const c = mapping.columns;
  const at = {
    recordId: column(c.recordId, true), file: column(c.file, true), plate: column(c.plate, true), state: column(c.state, true),
    plateType: column(c.plateType, false), make: column(c.make, false), colour: column(c.colour, false), vehicleType: column(c.vehicleType, false),
    expires: column(c.expires, false), action: column(c.action, false),
  };
  const refused: Record<string, number> = {};
  const refuse = (why: string) => {
    refused[why] = (refused[why] ?? 0) + 1;
  };
  const seen = new Set<string>();
  const entries: ImportedEntry[] = [];
  let rowsRead = 0;
  for (const row of rows) {
    rowsRead++;
    const get = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const fileCode = get(at.file).toUpperCase();
    const category = mapping.categories[fileCode] ?? mapping.categories[get(at.file)];
    if (category === undefined || (!isHotlistCategory(category) && !isProhibitedCategory(category))) {
      refuse('not_allowed');
      continue;
    }
    if (isProhibitedCategory(category)) {
      refuse(category);
      continue;
    }
    const recordId = get(at.recordId);
    const plate = normalisePlate(get(at.plate));
    const rawState = get(at.state).toUpperCase();
    const state = rawState === 'UN' || rawState === 'XX' ? '' : rawState;
    const expiresAt = parseDate(get(at.expires));
    if (!recordId || !PLATE_PATTERN.test(plate) || (state !== '' && !STATE_PATTERN.test(state)) || expiresAt === undefined) {
      refuse('invalid');
      continue;
    }
    if (expiresAt !== null && expiresAt <= nowMs) {
      refuse('expired');
      continue;
    }
    const entryId = `${mapping.source}:${recordId}`;
    if (seen.has(entryId)) {
      refuse('duplicate');
      continue;
    }
    seen.add(entryId);
    const defaults = CATEGORY_DEFAULTS[category];
    entries.push({
      entryId, source: mapping.source, plate, state, plateType: get(at.plateType).toUpperCase().slice(0, 2), vehicleMake: get(at.make).toUpperCase().slice(0, 24),
      vehicleColour: get(at.colour).toUpperCase().slice(0, 24), vehicleType: get(at.vehicleType).toUpperCase().slice(0, 24), priority: defaults.priority,
      action: (get(at.action) || defaults.action).slice(0, 240), category, caseNumber: null, reason: null, offense: null, felonyRequestId: null, enteredBy: `import:${mapping.source}`, expiresAt,
    });
  }
  return { entries, rowsRead, refused };
}

/** The header as an error message shows it: enough to see the columns, never the whole line (one of 8 MiB was echoed whole). */
function shortHeader(names: string[]): string {
  const text = names.join(',');
  return text.length > 200 ? `${text.slice(0, 200)}... (${names.length} columns)` : text;
}

/**
 * YYYYMMDD or ISO 8601 (end of that day, UTC, for a bare date); '' is no expiry; undefined when
 * unreadable. Only a four-digit year and a day the calendar has: Date.parse also takes "+275760-09-13"
 * and rolls 2026-02-31 into March, and either would keep a plate watched for a date nobody wrote.
 */
function parseDate(text: string): number | null | undefined {
  if (text === '') return null;
  const date = /^(\d{4})-?(\d{2})-?(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.exec(text);
  if (!date) return undefined;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const endOfDay = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const calendar = new Date(endOfDay);
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  if (!date[4]) return endOfDay;
  const parsed = Date.parse(`${date[1]}-${date[2]}-${date[3]}${date[4]}`);
  return Number.isNaN(parsed) ? undefined : parsed;
}
