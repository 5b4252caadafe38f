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
