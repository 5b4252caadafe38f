/**
 * Plate text as search sees it: upper case A-Z and 0-9 only (spaces, dashes and dots dropped,
 * as plates are written both ways), and a canonical form in which the characters OCR confuses
 * share one symbol, so that fuzzy search can match "8O1Z" against "B012".
 */

/** Each group collapses to its first character. The groups come from issue #5 (OCR confusions). */
export const CONFUSION_GROUPS: readonly string[] = ['0ODQ', '1ILT', '2Z', '5S', '8B', '6G'];

const CANON = new Map<string, string>();
for (const group of CONFUSION_GROUPS) for (const ch of group) CANON.set(ch, group[0]!);

/** Plate characters, upper case, without separators. */
export function normalizePlate(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function canonicalPlate(plate: string): string {
  let out = '';
  for (const ch of plate) out += CANON.get(ch) ?? ch;
  return out;
}

/** The alphabet after canonicalisation: what a one-character substitution or insertion may use. */
export const CANONICAL_ALPHABET: readonly string[] = [...new Set([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].map((c) => CANON.get(c) ?? c))];

/**
 * Every canonical string within one edit (substitution, insertion, deletion) of `canon`, itself
 * included. For a 7-character plate that is about 400 strings: an index probe each, which is far
 * cheaper than scanning every plate the hub holds.
 */
export function oneEditNeighbours(canon: string): string[] {
  const out = new Set<string>([canon]);
  for (let i = 0; i <= canon.length; i++) {
    const head = canon.slice(0, i);
    for (const ch of CANONICAL_ALPHABET) {
      out.add(head + ch + canon.slice(i)); // insertion
      if (i < canon.length) out.add(head + ch + canon.slice(i + 1)); // substitution
    }
    if (i < canon.length) out.add(head + canon.slice(i + 1)); // deletion
  }
  out.delete('');
  return [...out];
}

/** Levenshtein distance (small strings; used to rank fuzzy matches). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * How close a stored plate is to what was asked: 0 for the same text, then one step for each
 * confusable character that differs, plus four for a true edit. Lower ranks first.
 */
export function fuzzyCloseness(query: string, plate: string): number {
  const edits = editDistance(canonicalPlate(query), canonicalPlate(plate));
  const confusions = query.length === plate.length ? [...query].filter((ch, i) => ch !== plate[i]).length : editDistance(query, plate);
  return edits * 4 + Math.max(0, confusions - edits);
}

export function reversePlate(plate: string): string {
  return [...plate].reverse().join('');
}

/** Literal characters a plate may hold: what a leading `?` expands to. */
const PLATE_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

/**
 * How to find the plates a wildcard pattern (`*` any run, `?` one character) matches using the
 * plate index's two B-trees, one on the plate and one on the plate reversed:
 * - a pattern that starts with 2+ known characters is a range on `plate` (ABC*, AB?1*);
 * - one that ends with 2+ known characters is a range on `rev` (*1234);
 * - otherwise its first two positions (or last two) are expanded over the alphabet, so ?B?12*
 *   becomes 36 short ranges (AB, BB, ... 9B) instead of a scan of every plate;
 * - a pattern with neither end usable but a run of 3+ known characters (*ABC*) looks for the run
 *   starting 0, 1 or 2 characters from the front and ending 0, 1 or 2 from the back (ABC*, ?ABC*,
 *   ??ABC*, and the same on `rev`): every place in a plate of up to the run's length + 5
 *   characters (8 for a run of 3), a few thousand narrow ranges;
 * - anything else (*1*2*3*, *AB?C*) has no plan: it would walk the whole index, and search
 *   refuses it.
 * `regex` is the exact test every candidate passes afterwards.
 */
export interface WildcardPlan {
  regex: RegExp;
  /** Ranges to walk: prefixes on the plate B-tree or the reversed-plate B-tree. */
  ranges: Array<{ column: 'plate' | 'rev'; prefixes: string[] }>;
}

/** The most ranges one pattern expands to (two unknown characters: 36 x 36). */
const MAX_PREFIXES = 1296;

/**
 * Literal prefixes for the start of `part`: known characters are kept, each `?` is expanded over
 * the alphabet while that stays within MAX_PREFIXES, and the walk stops at `*`. Longer prefixes
 * mean narrower ranges: ?B?12* becomes 1296 five-character prefixes (each a handful of plates)
 * rather than 36 two-character ones (each thousands).
 */
function expandPrefixes(part: string): { prefixes: string[]; known: number } {
  let prefixes = [''];
  let known = 0;
  for (const ch of part) {
    if (ch === '*') break;
    if (ch !== '?') {
      prefixes = prefixes.map((p) => p + ch);
      known++;
      continue;
    }
    if (prefixes.length * PLATE_ALPHABET.length > MAX_PREFIXES) break;
    prefixes = prefixes.flatMap((p) => PLATE_ALPHABET.map((c) => p + c));
  }
  return { prefixes, known };
}

export function wildcardPlan(pattern: string): WildcardPlan | null {
  const regex = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  // Each end of the pattern, as ranges on the plate or on the reversed plate; an end with fewer
  // than two known characters would cover too much of the index to be worth it.
  const sides = [
    { column: 'plate' as const, ...expandPrefixes(pattern) },
    { column: 'rev' as const, ...expandPrefixes(reversePlate(pattern)) },
  ].filter((side) => side.known >= 2);
  // The fraction of all plates the ranges cover, if characters were uniform: fewer is better.
  const share = (side: { prefixes: string[] }) => side.prefixes.length / PLATE_ALPHABET.length ** side.prefixes[0]!.length;
  const best = sides.sort((a, b) => share(a) - share(b))[0];
  if (best) return { regex, ranges: [{ column: best.column, prefixes: best.prefixes }] };
  const run = (pattern.match(/[A-Z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (run.length < 3) return null;
  const ranges: WildcardPlan['ranges'] = [];
  for (let offset = 0; offset <= 2; offset++) {
    ranges.push({ column: 'plate', prefixes: expandPrefixes(`${'?'.repeat(offset)}${run}*`).prefixes });
    ranges.push({ column: 'rev', prefixes: expandPrefixes(`${'?'.repeat(offset)}${reversePlate(run)}*`).prefixes });
  }
  return { regex, ranges };
}
