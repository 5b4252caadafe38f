import { AlprError, isVehicleColour, READ_COLOURS, type VehicleColour } from '../../core/index.js';
import type { SqlDb, SqlValue } from '../db/sql.js';
import type { HubStore } from '../store/index.js';
import { canonicalPlate, fuzzyCloseness, normalizePlate, oneEditNeighbours, wildcardPlan } from './plateText.js';

export type MatchMode = 'exact' | 'wildcard' | 'fuzzy';

export interface ReadQuery {
  plate: string;
  mode: MatchMode;
  from: number;
  to: number;
  siteIds?: string[];
  cameraIds?: string[];
  region?: string;
  /** Any of these body colours ('unknown' included only when asked for). */
  colours?: VehicleColour[];
  minConfidence?: number;
  limit: number;
  /**
   * Reads past the retention period are left only because an evidence hold keeps them (VI):
   * they are visible only to a search under the hold's own case number by the member who placed
   * it (`holder`; a case number is a string anyone can type). Null for those who may see every
   * held read (auditors).
   */
  heldOnly: { retainedFrom: number; caseNumber: string | null; holder: string | null } | null;
}

/** One search result: the read's facts, never its images (those are a separate, audited call). */
export interface ReadHit {
  id: string;
  plate: string;
  capturedAt: number;
  siteId: string;
  cameraId: string;
  deviceId: string;
  confidence: number;
  region: string | null;
  regionConfidence: number;
  lowConfidence: boolean;
  vehicleColour: VehicleColour;
  /** 0 for the plate asked for; higher is further (fuzzy ranking). */
  closeness: number;
}

export interface SearchResult {
  hits: ReadHit[];
  /** More reads matched than the per-query cap returned: narrow the search. */
  truncated: boolean;
  /**
   * A wildcard walked MAX_PLATES_EXAMINED plate-index rows and stopped: plates matching it may
   * be missing from the hits. Narrow the pattern.
   */
  incomplete: boolean;
}

/** The most distinct plates one wildcard may expand to before the user is asked to narrow it. */
export const MAX_WILDCARD_PLATES = 2000;
/** The most plate-index rows one wildcard may examine (the ranges' rows, before the exact test). */
export const MAX_PLATES_EXAMINED = 20_000;
const CHUNK = 500;

interface ReadRow {
  id: string;
  plate: string;
  captured_at: number | string;
  site_id: string;
  camera_id: string;
  device_id: string;
  confidence: number;
  region: string | null;
  region_confidence: number;
  low_confidence: number | boolean;
  vehicle_colour: VehicleColour;
}

/**
 * `column IN (...)`: SQLite takes one parameter per value; PostgreSQL gets one array parameter,
 * so that every list length shares one prepared statement and one plan.
 */
function inList(sql: SqlDb, column: string, values: string[]): { clause: string; params: SqlValue[] } {
  return sql.engine === 'pg'
    ? { clause: `${column} = ANY (?::text[])`, params: [values] }
    : { clause: `${column} IN (${values.map(() => '?').join(',')})`, params: values };
}

/** Checks and normalises the plate text for its mode; throws ALPR_ERR_INVALID_INPUT. */
export function normalizeQueryPlate(plate: string, mode: MatchMode): string {
  const raw = String(plate ?? '').toUpperCase().replace(/[\s.-]/g, '');
  if (mode === 'wildcard') {
    if (!/^[A-Z0-9*?]{1,16}$/.test(raw)) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'plate: a wildcard pattern uses letters, digits, * (any run) and ? (one character)');
    if (raw.replace(/[*?]/g, '').length < 3) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'plate: a wildcard pattern needs at least 3 known characters (no mass download)');
    const pattern = raw.replace(/\*+/g, '*');
    if (/[*?]/.test(pattern) && !wildcardPlan(pattern)) {
      throw new AlprError('ALPR_ERR_INVALID_INPUT', 'plate: a wildcard pattern must start or end with 2 known characters (AB*, *12, ?B?12*) or hold 3 in a row (*ABC*); one that does neither would examine every plate held');
    }
    return pattern;
  }
  const text = normalizePlate(raw);
  if (text !== raw || text.length < (mode === 'fuzzy' ? 3 : 1) || text.length > 12) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', `plate: ${mode === 'fuzzy' ? '3' : '1'}-12 letters and digits`);
  }
  return text;
}

/** Checks a colour filter; throws ALPR_ERR_INVALID_INPUT. */
export function checkColours(colours: unknown): VehicleColour[] | undefined {
  if (colours === undefined) return undefined;
  if (!Array.isArray(colours) || colours.length === 0 || !colours.every(isVehicleColour)) {
    throw new AlprError('ALPR_ERR_INVALID_INPUT', `colours: one or more of ${READ_COLOURS.join(', ')}`);
  }
  return [...new Set(colours)];
}

/**
 * Plate search over the store (both engines, portable SQL). Wildcard and fuzzy first find the
 * matching distinct plates in `plate_index`, a table with one row per plate, then fetch reads by
 * the (plate, captured_at) index; no query scans the reads table.
 */
export async function searchReads(store: Pick<HubStore, 'sql' | 'readWindows'>, q: ReadQuery): Promise<SearchResult> {
  const { sql } = store;
  const plate = normalizeQueryPlate(q.plate, q.mode);
  checkColours(q.colours);
  if (q.mode === 'exact') return readsForPlates(store, [plate], q, () => 0);
  if (q.mode === 'wildcard') {
    if (!/[*?]/.test(plate)) return readsForPlates(store, [plate], q, () => 0);
    const { plates, incomplete } = await wildcardPlates(sql, plate);
    const result = await readsForPlates(store, plates.slice(0, MAX_WILDCARD_PLATES), q, () => 0);
    return { hits: result.hits, truncated: result.truncated || plates.length > MAX_WILDCARD_PLATES, incomplete };
  }
  // Fuzzy: candidates within one edit after folding OCR confusions, ranked by closeness; the
  // closest tier is fetched first so the cap keeps the best matches.
  const candidates = await fuzzyPlates(sql, plate);
  const tiers = new Map<number, string[]>();
  for (const p of candidates) {
    const c = fuzzyCloseness(plate, p);
    tiers.set(c, [...(tiers.get(c) ?? []), p]);
  }
  const hits: ReadHit[] = [];
  let truncated = false;
  for (const closeness of [...tiers.keys()].sort((a, b) => a - b)) {
    const result = await readsForPlates(store, tiers.get(closeness)!, { ...q, limit: q.limit - hits.length }, (p) => fuzzyCloseness(plate, p));
    hits.push(...result.hits);
    if (result.truncated || hits.length >= q.limit) {
      truncated = result.truncated || hits.length >= q.limit && [...tiers.keys()].some((k) => k > closeness);
      break;
    }
  }
  return { hits, truncated, incomplete: false };
}

/**
 * The plates a wildcard matches, walking its ranges until MAX_PLATES_EXAMINED index rows have
 * been looked at (`incomplete` then) or more than MAX_WILDCARD_PLATES plates matched.
 */
async function wildcardPlates(sql: SqlDb, pattern: string): Promise<{ plates: string[]; incomplete: boolean }> {
  const plan = wildcardPlan(pattern)!; // normalizeQueryPlate refused patterns without one
  const out = new Set<string>(); // an unanchored run may find one plate from both ends
  let examined = 0;
  let incomplete = false;
  const keep = (rows: Array<{ plate: string }>) => {
    for (const { plate } of rows) {
      if (examined === MAX_PLATES_EXAMINED) return void (incomplete = true);
      examined++;
      if (plan.regex.test(plate)) out.add(plate);
    }
  };
  const budget = () => MAX_PLATES_EXAMINED - examined + 1; // one row past the cap tells that it was reached
  const done = () => out.size > MAX_WILDCARD_PLATES || incomplete;
  for (const { column, prefixes } of plan.ranges) {
    if (sql.engine === 'sqlite') {
      // A prefix is a range on the B-tree (SQLite compares bytes), a few microseconds each.
      for (let i = 0; i < prefixes.length && !done(); i++) {
        keep(await sql.all<{ plate: string }>(`SELECT plate FROM plate_index WHERE ${column} >= ? AND ${column} < ? LIMIT ?`, [prefixes[i]!, `${prefixes[i]!}~`, budget()]));
      }
    } else {
      // The same ranges in one statement: the columns are COLLATE "C" (byte order), and each
      // prefix joins as an index range scan. ('~' sorts after every letter and digit.)
      for (let i = 0; i < prefixes.length && !done(); i += CHUNK) {
        keep(await sql.all<{ plate: string }>(
          `SELECT p.plate FROM unnest(?::text[]) AS x(lo) JOIN plate_index p ON p.${column} >= (x.lo COLLATE "C") AND p.${column} < ((x.lo || '~') COLLATE "C") LIMIT ?`,
          [prefixes.slice(i, i + CHUNK), budget()]));
      }
    }
  }
  return { plates: [...out], incomplete };
}

async function fuzzyPlates(sql: SqlDb, plate: string): Promise<string[]> {
  const canons = oneEditNeighbours(canonicalPlate(plate));
  const out: string[] = [];
  for (let i = 0; i < canons.length; i += CHUNK) {
    const chunk = canons.slice(i, i + CHUNK);
    const { clause, params } = inList(sql, 'canon', chunk);
    const rows = await sql.all<{ plate: string }>(`SELECT plate FROM plate_index WHERE ${clause}`, params);
    out.push(...rows.map((r) => r.plate));
  }
  return out;
}

/** Up to this many plates, one statement over the whole range beats a query per day. */
const FEW_PLATES = 8;

async function readsForPlates(store: Pick<HubStore, 'sql' | 'readWindows'>, plates: string[], q: ReadQuery, closeness: (plate: string) => number): Promise<SearchResult> {
  if (plates.length === 0 || q.limit <= 0) return { hits: [], truncated: false, incomplete: false };
  const { sql } = store;
  const filters: string[] = [];
  const params: SqlValue[] = [];
  for (const [column, values] of [['site_id', q.siteIds], ['camera_id', q.cameraIds], ['vehicle_colour', q.colours]] as const) {
    if (!values?.length) continue;
    const list = inList(sql, column, [...values]);
    filters.push(list.clause);
    params.push(...list.params);
  }
  if (q.region !== undefined) (filters.push('region = ?'), params.push(q.region));
  if (q.minConfidence !== undefined) (filters.push('confidence >= ?'), params.push(q.minConfidence));
  if (q.heldOnly) {
    // Past retention means before the cutoff by capture or by arrival, as the purge counts it.
    const inRetention = 'captured_at >= ? AND received_at >= ?';
    params.push(q.heldOnly.retainedFrom, q.heldOnly.retainedFrom);
    if (q.heldOnly.caseNumber === null) filters.push(`(${inRetention})`);
    else {
      filters.push(`(${inRetention} OR id IN (SELECT read_id FROM holds WHERE released_at IS NULL AND case_number = ? AND placed_by = ?))`);
      params.push(q.heldOnly.caseNumber, q.heldOnly.holder);
    }
  }
  // Many plates (a wildcard, a fuzzy tier): visit the days newest first and stop once the cap is
  // passed, instead of probing every plate in every day.
  const windows = plates.length <= FEW_PLATES ? [{ table: 'reads', from: q.from, to: q.to }] : store.readWindows(q.from, q.to);
  const rows: ReadRow[] = [];
  for (const window of windows) {
    // Every chunk of a window: the newest rows of the window may be in any of them.
    for (let i = 0; i < plates.length; i += CHUNK) {
      const list = inList(sql, 'plate', plates.slice(i, i + CHUNK));
      const found = await sql.all<ReadRow>(
        `SELECT id, plate, captured_at, site_id, camera_id, device_id, confidence, region, region_confidence, low_confidence, vehicle_colour FROM ${window.table}
         WHERE ${list.clause} AND captured_at >= ? AND captured_at < ?${filters.map((f) => ` AND ${f}`).join('')} ORDER BY captured_at DESC LIMIT ?`,
        [...list.params, window.from, window.to, ...params, q.limit + 1]);
      for (const r of found) rows.push(r);
    }
    if (rows.length > q.limit) break;
  }
  rows.sort((a, b) => Number(b.captured_at) - Number(a.captured_at) || (a.id < b.id ? -1 : 1));
  const hits = rows.slice(0, q.limit).map((r): ReadHit => ({
    id: r.id, plate: r.plate, capturedAt: Number(r.captured_at), siteId: r.site_id, cameraId: r.camera_id, deviceId: r.device_id,
    confidence: Number(r.confidence), region: r.region, regionConfidence: Number(r.region_confidence), lowConfidence: r.low_confidence === true || Number(r.low_confidence) === 1,
    vehicleColour: r.vehicle_colour, closeness: closeness(r.plate),
  }));
  return { hits, truncated: rows.length > q.limit, incomplete: false };
}
