import type { Candidate } from './ctcDecode.js';
import { fitRegionFormat, fitStateSeries } from './plateFormats.js';

/** One plate seen in one frame of a burst. */
export interface FrameReading {
  frameIndex: number;
  candidates: Candidate[];
  region: string | null;
  /** 0: this reading has no say on the state (its reader does not name states). */
  regionConfidence: number;
  /** Detector score: how sure we are it is a plate at all. */
  detection: number;
}

export interface VotedReading {
  text: string;
  confidence: number;
  charConfidences: number[];
  candidates: string[];
  region: string | null;
  regionConfidence: number;
  /** The frame whose reading agreed best with the vote (its crop and context are kept). */
  frameIndex: number;
  members: FrameReading[];
}

/** Levenshtein distance, small strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * Merges the readings of one vehicle's burst. Readings whose best texts are within two edits are
 * the same plate. Within a group, readings of the most common length (one vote per frame) vote
 * position by position, each character weighted by its confidence. A position's confidence is
 * the share of the weight behind the winner times the winners' mean confidence; the plate's is
 * its weakest position's. The region is the confidence-weighted majority of the readings that
 * have a say on it, its confidence the winner's weight per such reading; where it is a known
 * state, its series settle a 0 read for O or the reverse where a voting reading saw the other glyph
 * (fitStateSeries); where the installer declared a country with a national series (`formats`),
 * a look-alike its formats forbid is read as the other kind (fitRegionFormat). The text as voted
 * stays among the candidates (`stateSeries: false`, no formats: the text as voted stands).
 */
export function voteBurst(readings: FrameReading[], { stateSeries = true, formats = NO_FORMATS }: { stateSeries?: boolean; formats?: ReadonlySet<string> } = {}): VotedReading[] {
  const groups: FrameReading[][] = [];
  for (const r of [...readings].sort((a, b) => (b.candidates[0]?.confidence ?? 0) - (a.candidates[0]?.confidence ?? 0))) {
    const text = r.candidates[0]?.text ?? '';
    const group = groups.find((g) => editDistance(g[0]!.candidates[0]?.text ?? '', text) <= 2);
    if (group) group.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => vote(g, stateSeries, formats));
}

const NO_FORMATS: ReadonlySet<string> = new Set();

function vote(group: FrameReading[], stateSeries: boolean, formats: ReadonlySet<string>): VotedReading {
  const lengths = new Map<number, number>();
  for (const r of group) {
    const best = r.candidates[0]!;
    // One vote per frame; confidence only breaks ties, so one sure frame that dropped a
    // character does not outvote the others.
    lengths.set(best.text.length, (lengths.get(best.text.length) ?? 0) + 1 + best.confidence * 0.1);
  }
  const length = [...lengths.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const voters = group.filter((r) => r.candidates[0]!.text.length === length);
  const chars: string[] = [];
  const confs: number[] = [];
  for (let i = 0; i < length; i++) {
    const weights = new Map<string, number>();
    let total = 0;
    for (const r of voters) {
      const c = r.candidates[0]!;
      const w = c.charConfidences[i] ?? 0;
      weights.set(c.text[i]!, (weights.get(c.text[i]!) ?? 0) + w);
      total += w;
    }
    const [ch, w] = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]!;
    chars.push(ch);
    // Agreement (share of the weight behind the winner) times the winners' mean confidence.
    const agreeing = voters.filter((r) => r.candidates[0]!.text[i] === ch).length;
    confs.push(total > 0 ? (w / total) * (w / agreeing) : 0);
  }
  const voted = chars.join('');
  // A plate is as sure as its least sure character.
  const confidence = confs.length ? Math.min(...confs) : 0;
  const regions = new Map<string | null, number>();
  for (const r of group) regions.set(r.region, (regions.get(r.region) ?? 0) + r.regionConfidence);
  const [region, regionWeight] = [...regions.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const totalRegion = [...regions.values()].reduce((a, b) => a + b, 0);
  const regionVoters = group.filter((r) => r.regionConfidence > 0).length;
  // The swapped character keeps its confidence: the readers were sure of the glyph, and the
  // state's series, not the readers, chose between 0 and O.
  const inSeries = stateSeries ? fitStateSeries(voted, region, voters.map((r) => r.candidates[0]!.text)) : voted;
  const text = fitRegionFormat(inSeries, formats, group.flatMap((r) => r.candidates));
  const representative = [...voters].sort((a, b) => editDistance(a.candidates[0]!.text, voted) - editDistance(b.candidates[0]!.text, voted) || b.detection - a.detection)[0]!;
  const candidates = [text, voted, ...group.flatMap((r) => r.candidates.map((c) => c.text))].filter((t, i, all) => all.indexOf(t) === i).slice(0, 5);
  return {
    text, confidence, charConfidences: confs.map((c) => Math.round(c * 1000) / 1000), candidates, region,
    regionConfidence: totalRegion > 0 ? Math.round((regionWeight / regionVoters) * 1000) / 1000 : 0,
    frameIndex: representative.frameIndex, members: group,
  };
}
