/**
 * US passenger-plate formats as data: for each state, the character patterns its current
 * standard series use (L letter, D digit). Used only to settle 0 against O once the state is
 * known (fitStateSeries), never to reject a plate: vanity, specialty and older series break these
 * patterns and are still read.
 * Sources: state DMV series descriptions; kept short on purpose (the common series only).
 */
export const US_PLATE_FORMATS: Readonly<Record<string, readonly string[]>> = {
  AL: ['DDLDDDD', 'DDDLLLL', 'DLLLDDD'], AK: ['LLLDDD'], AZ: ['LLLDDDD', 'DDDLLL'], AR: ['DDDLLL', 'LLLDDDD'],
  CA: ['DLLLDDD', 'DLLLDDDD'], CO: ['LLLDDDD', 'DDDLLL', 'LLLLDDD'], CT: ['LLDDDDD', 'DLLDDDD', 'LLLDDDD'], DE: ['DDDDDD', 'DDDDDDD'],
  DC: ['LLDDDD'], FL: ['LLLLDD', 'DDDLLL', 'LLLDDL', 'LDDLLL'], GA: ['LLLDDDD', 'DDDDLLL'], HI: ['LLLDDD'],
  ID: ['DLDDDDD', 'DLLDDDD'], IL: ['LLDDDDD', 'LLLDDDD', 'DDDDDDD'], IN: ['DDDLLL', 'DDDLLLL'], IA: ['LLLDDD', 'DDDLLL'],
  KS: ['DDDLLL', 'LLLDDD'], KY: ['DDDLLL', 'LLLDDD'], LA: ['LLLDDD', 'DDDLLL'], ME: ['DDDDLL', 'DDDDDD'],
  MD: ['DLLDDDD', 'LLLDDDD'], MA: ['DLLLDD', 'DLLDDD', 'DDDLLD'], MI: ['LLLDDDD', 'DLLLDD', 'LLLDDD'], MN: ['DDDLLL', 'LLLDDD'],
  MS: ['LLLDDD', 'LLLDDDD'], MO: ['LLDLDLL', 'LLDDLD'], MT: ['DLLDDDD', 'DDLDDDDL'], NE: ['LLLDDD', 'DLLDDD'],
  NV: ['DDLDDDD', 'DLLDDD'], NH: ['DDDDDDD', 'DDDDDD'], NJ: ['LDDLLL', 'LLLDDL'], NM: ['LLLDDD', 'DDDLLLL'],
  NY: ['LLLDDDD', 'LLLDDD'], NC: ['LLLDDDD'], ND: ['DDDLLL', 'LLLDDD'], OH: ['LLLDDDD', 'LLDDDDD'],
  OK: ['LLLDDD', 'DDDLLL'], OR: ['DDDLLL', 'LLLDDD'], PA: ['LLLDDDD'], RI: ['DDDDDD', 'LLDDD'],
  SC: ['LLLDDD', 'DDDLLL'], SD: ['DLLDDD', 'DDLDDD'], TN: ['DDDLLLL', 'LDDDDL', 'LLLDDD'], TX: ['LLLDDDD', 'LLDLDDD', 'DDDLLL'],
  UT: ['LDDDLL', 'DDDLLL'], VT: ['LLLDDD', 'DDDLDDD'], VA: ['LLLDDDD', 'LLLDDD'], WA: ['LLLDDDD', 'DDDLLLL'],
  WV: ['DLDDDD', 'LLLDDD'], WI: ['LLLDDDD', 'DDDLLL'], WY: ['DDDDDD', 'DDLLLL'],
};

export function patternOf(text: string): string {
  return [...text].map((c) => (c >= '0' && c <= '9' ? 'D' : 'L')).join('');
}

/**
 * Whether a read applies the format rule, the 0/O step after the vote (fitStateSeries): on in the
 * product; evaluation can turn it off (`npm run eval -- --no-state-series`) to measure what it changes.
 */
export interface FormatRules {
  stateSeries: boolean;
}

export const ALL_FORMAT_RULES: Readonly<FormatRules> = { stateSeries: true };

const ZERO_OR_O: Readonly<Record<string, string>> = { '0': 'O', O: '0' };

/**
 * States whose plates print the letter O and the digit 0 as one glyph, so that no reader can tell
 * them apart from the pixels and only the series can. Declared from the plates themselves (the
 * development crops of Arkansas's and Iowa's current designs: 355 OCT against 087 LAN, 444 NOQ
 * against J0518), not guessed for states not seen; elsewhere the series needs the readers' word.
 */
export const ONE_GLYPH_FOR_O_AND_0: ReadonlySet<string> = new Set(['AR', 'IA']);

/**
 * The one look-alike the state's series settles: the letter O and the digit 0, which the readers,
 * seeing far more 0s than Os, read as 0 when unsure. When the plate's state is known and the text
 * fits none of that state's series, but reading exactly one 0 as O (or O as 0) makes it fit, that
 * is the reading returned, provided the pixels leave room for it: either the state prints both as
 * one glyph (ONE_GLYPH_FOR_O_AND_0), or one of `readings` (the texts the burst's frames and
 * framings read) has the other character at that position. Elsewhere, where every reading agrees
 * on a distinct glyph, a gap in the catalog (a state's older or rarer series, Massachusetts's
 * 20F Y20) cannot overrule them. Nothing else is changed: other look-alikes (1/I, 8/B, 5/S) are
 * distinct glyphs the readers tell apart, and a text that fits no series is still a plate
 * (vanity, specialty, older series).
 */
export function fitStateSeries(text: string, region: string | null, readings: readonly string[]): string {
  const series = region ? US_PLATE_FORMATS[region] : undefined;
  if (!series || series.includes(patternOf(text))) return text;
  const oneGlyph = ONE_GLYPH_FOR_O_AND_0.has(region!);
  const fitting = [...text]
    .flatMap((ch, i) => {
      const other = ZERO_OR_O[ch];
      const seen = oneGlyph || readings.some((r) => r.length === text.length && r[i] === other);
      return other && seen ? [text.slice(0, i) + other + text.slice(i + 1)] : [];
    })
    .filter((t) => series.includes(patternOf(t)));
  // Two different swaps that both fit: the series cannot say which, so the readers' text stands.
  return fitting.length === 1 ? fitting[0]! : text;
}

/**
 * The plate formats of the region an appliance is installed in (recognizer.plate_region), as the
 * installer declares it: a real ALPR product is configured for its country (OpenALPR's `-c br`
 * and its per-country patterns), and where a country issues one national series, a letter read
 * where its plates always carry a digit (or the reverse) is a look-alike misread, not a plate.
 * `patterns`: L letter, D digit, `{n}` or `{m,n}` repeats the token before it; `usStates`: the
 * state classifier and the state series (fitStateSeries) apply, the classifier knowing US states
 * only. `us` (the default) and `eu` declare no national series: the US has one per state (above)
 * and "eu" stands for a mix of countries' formats, too many to constrain a reading.
 * Sources: the national registration authorities' descriptions of current and still-valid series;
 * special plates (diplomatic, military, personalised where issued) fit none and are read as read.
 */
export const PLATE_REGIONS = {
  us: { name: 'United States', usStates: true, patterns: [] },
  eu: { name: 'Europe, several countries', usStates: false, patterns: [] },
  br: { name: 'Brazil (grey series and Mercosur)', usStates: false, patterns: ['LLLDDDD', 'LLLDLDD'] },
  ar: { name: 'Argentina (1995 series and Mercosur)', usStates: false, patterns: ['LLLDDD', 'LLDDDLL'] },
  gb: { name: 'United Kingdom (current, prefix and suffix series)', usStates: false, patterns: ['LLDDLLL', 'LD{1,3}LLL', 'LLLD{1,3}L'] },
  fr: { name: 'France (SIV and FNI series)', usStates: false, patterns: ['LLDDDLL', 'D{1,4}L{1,3}DD'] },
  it: { name: 'Italy', usStates: false, patterns: ['LLDDDLL'] },
  es: { name: 'Spain (national and provincial series)', usStates: false, patterns: ['DDDDLLL', 'L{1,2}DDDDL{1,2}'] },
  de: { name: 'Germany (district, letters, number; at most eight)', usStates: false, patterns: ['L{2,5}D{1,4}'], maxChars: 8 },
  ch: { name: 'Switzerland (canton and number)', usStates: false, patterns: ['LLD{1,6}'] },
  ru: { name: 'Russia (series, with or without the region code)', usStates: false, patterns: ['LDDDLL', 'LDDDLLD{2,3}'] },
  in: { name: 'India (state, district, series, number)', usStates: false, patterns: ['LLDDL{1,2}DDDD', 'LLDL{1,3}DDDD'] },
} as const satisfies Record<string, { name: string; usStates: boolean; patterns: readonly string[]; maxChars?: number }>;

export type PlateRegionCode = keyof typeof PLATE_REGIONS;

export const PLATE_REGION_CODES = Object.keys(PLATE_REGIONS) as PlateRegionCode[];

/** A declared region as the reader uses it: its formats as plain L/D strings, one per length and order. */
export interface PlateRegion {
  code: PlateRegionCode;
  usStates: boolean;
  /** Every format the region's patterns allow (empty: no national series). */
  formats: ReadonlySet<string>;
  /** The longest format (0: none): a region whose plates are longer raises max_plate_chars to it. */
  longest: number;
}

export function plateRegion(code: PlateRegionCode): PlateRegion {
  const spec: { usStates: boolean; patterns: readonly string[]; maxChars?: number } = PLATE_REGIONS[code];
  const formats = new Set(spec.patterns.flatMap(expandPattern).filter((f) => f.length <= (spec.maxChars ?? Infinity)));
  return { code, usStates: spec.usStates, formats, longest: Math.max(0, ...[...formats].map((f) => f.length)) };
}

/** 'LLD{1,3}' -> LLD, LLDD, LLDDD. */
export function expandPattern(pattern: string): string[] {
  const tokens = [...pattern.matchAll(/([LD])(?:\{(\d+)(?:,(\d+))?\})?/g)];
  if (tokens.map((t) => t[0]).join('') !== pattern) throw new Error(`plate pattern ${pattern}: only L, D and {m,n} repeats`);
  return tokens.reduce<string[]>((acc, [, cls, min, max]) => {
    const lo = min === undefined ? 1 : Number(min);
    const hi = max === undefined ? lo : Number(max);
    return acc.flatMap((prefix) => Array.from({ length: hi - lo + 1 }, (_, k) => prefix + cls!.repeat(lo + k)));
  }, ['']);
}

/**
 * Glyphs that plate faces draw alike, across the letter-digit line, the commoner confusion first.
 * A declared format may read one as its look-alike at a position where the format allows only the
 * other kind (fitRegionFormat); nothing else.
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '0': 'ODQ', O: '0', D: '0', Q: '0', '1': 'I', I: '1', '2': 'Z', Z: '2', '4': 'A', A: '4',
  '5': 'S', S: '5', '6': 'G', G: '6', '7': 'T', T: '7', '8': 'B', B: '8',
};

/**
 * The voted text of a plate in a country with a national series (PLATE_REGIONS), with each
 * character its format forbids read as its look-alike of the other kind: the format of the text's
 * length that needs the fewest such reads (at most MOST_LOOK_ALIKES), none where two formats tie.
 * The length and every other character stay as voted, so a reading that lost a character is not
 * made to fit a shorter format. Which look-alike (0 as O, D or Q) is the readers' word where they gave one: the
 * candidates of the plate's readings that have one at that position, weighted by their confidence;
 * else the commoner (LOOK_ALIKES order). A text that fits, or that look-alikes cannot make fit, is
 * left as voted (special plates, another country's car).
 */
export function fitRegionFormat(text: string, formats: ReadonlySet<string>, readings: ReadonlyArray<{ text: string; confidence: number }>): string {
  if (formats.size === 0 || formats.has(patternOf(text))) return text;
  const fits: Array<{ text: string; swaps: number }> = [];
  for (const format of formats) {
    if (format.length !== text.length) continue;
    const chars = [...text].map((ch, i) => (patternOf(ch) === format[i] ? ch : lookAlikeOf(ch, i, text.length, format[i]!, readings)));
    if (chars.every((c) => c !== null)) fits.push({ text: chars.join(''), swaps: chars.filter((c, i) => c !== text[i]).length });
  }
  fits.sort((a, b) => a.swaps - b.swaps);
  const [best, next] = fits;
  return best && best.swaps <= MOST_LOOK_ALIKES && (!next || next.swaps > best.swaps) ? best.text : text;
}

/** True where no formats are declared, or the text fits one as read or with look-alikes read (fitRegionFormat). */
export function fitsRegionFormat(text: string, formats: ReadonlySet<string>): boolean {
  return formats.size === 0 || formats.has(patternOf(fitRegionFormat(text, formats, [])));
}

/**
 * A misread look-alike is one or two characters of a plate; a reading that needs more to fit is a
 * part of a plate, another country's plate or not a plate (on the pasted sets a partial French
 * reading A678DD became 467B00 through four), and is left as read.
 */
export const MOST_LOOK_ALIKES = 2;

function lookAlikeOf(ch: string, at: number, length: number, kind: string, readings: ReadonlyArray<{ text: string; confidence: number }>): string | null {
  const options = [...(LOOK_ALIKES[ch] ?? '')].filter((o) => patternOf(o) === kind);
  if (options.length === 0) return null;
  const weight = (o: string) => readings.reduce((sum, r) => sum + (r.text.length === length && r.text[at] === o ? r.confidence : 0), 0);
  return options.reduce((best, o) => (weight(o) > weight(best) ? o : best));
}
