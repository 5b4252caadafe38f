
export interface Candidate {
  text: string;
  /** Product of the chosen characters' probabilities. */
  confidence: number;
  charConfidences: number[];
}

interface Step {
  /** Index of the best class, then the probabilities of best and second best. */
  best: number;
  bestP: number;
  second: number;
  secondP: number;
}

/**
 * Greedy CTC decoding of one plate ([classes, steps] logits, class 0 = blank), plus alternative
 * readings made by swapping the least certain characters for their runner-up, ranked by
 * probability alone: a look-alike is read from the pixels, not from a format guess (a US-series
 * prior was measured and dropped: on the development photographs it turned a right read wrong and
 * no wrong read right; model card). Returns the top `k`, best first.
 */
export function decodePlate(
  logits: Float32Array, classes: number, steps: number, alphabet: string,
  { k = 5 }: { k?: number } = {},
): Candidate[] {
  const cols: Step[] = [];
  // One row of probabilities for all steps: each step overwrites every class before reading any.
  const probs = new Float64Array(classes);
  for (let t = 0; t < steps; t++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logits[c * steps + t]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += probs[c] = Math.exp(logits[c * steps + t]! - max);
    let best = 0;
    let second = 0;
    for (let c = 1; c < classes; c++) {
      if (probs[c]! > probs[best]!) {
        second = best;
        best = c;
      } else if (c !== best && probs[c]! > probs[second]!) second = c;
    }
    if (best === 0 && second === 0) second = 1;
    cols.push({ best, bestP: probs[best]! / sum, second, secondP: probs[second]! / sum });
  }
  // Collapse the greedy path into characters, keeping each character's best step.
  const chars: Array<{ index: number; p: number; alt: number; altP: number }> = [];
  let prev = 0;
  for (const col of cols) {
    if (col.best !== 0 && col.best !== prev) chars.push({ index: col.best, p: col.bestP, alt: col.second, altP: col.secondP });
    else if (col.best !== 0 && col.best === prev) {
      const last = chars[chars.length - 1]!;
      if (col.bestP > last.p) Object.assign(last, { p: col.bestP, alt: col.second, altP: col.secondP });
    }
    prev = col.best;
  }
  const base = chars.map((c) => ({ ch: alphabet[c.index - 1] ?? '', p: c.p }));
  const candidates: Candidate[] = [make(base)];
  // Alternatives: the three least certain characters, each swapped for its runner-up (a blank
  // runner-up means the character may not be there at all), alone and in pairs.
  const uncertain = chars.map((c, i) => ({ i, c })).sort((a, b) => a.c.p - b.c.p).slice(0, 3);
  const swaps = uncertain.map(({ i, c }) => ({ i, ch: c.alt === 0 ? '' : (alphabet[c.alt - 1] ?? ''), p: c.altP }));
  const subsets = [...swaps.map((s) => [s]), ...swaps.flatMap((a, x) => swaps.slice(x + 1).map((b) => [a, b]))];
  for (const subset of subsets) {
    const alt = base.map((b) => ({ ...b }));
    for (const s of subset) alt[s.i] = { ch: s.ch, p: s.p };
    candidates.push(make(alt));
  }
  const seen = new Set<string>();
  return candidates
    .filter((c) => c.text.length > 0 && !seen.has(c.text) && seen.add(c.text))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, k);
}

function make(chars: Array<{ ch: string; p: number }>): Candidate {
  const kept = chars.filter((c) => c.ch !== '');
  return { text: kept.map((c) => c.ch).join(''), confidence: chars.reduce((acc, c) => acc * c.p, 1), charConfidences: kept.map((c) => Math.round(c.p * 1000) / 1000) };
}
