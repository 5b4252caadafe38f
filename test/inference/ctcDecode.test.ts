import t from 'tap';
import { decodePlate } from '../../inference/index.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CLASSES = ALPHABET.length + 1;

/** Logits [classes, steps] where each step strongly prefers one class (0 = blank), optionally a runner-up. */
function logits(path: Array<string | [string, string, number]>): Float32Array {
  const steps = path.length;
  const out = new Float32Array(CLASSES * steps).fill(-10);
  path.forEach((p, t) => {
    const [best, runner, gap] = typeof p === 'string' ? [p, null, 0] : p;
    out[(best === '-' ? 0 : ALPHABET.indexOf(best) + 1) * steps + t] = 10;
    if (runner) out[(runner === '-' ? 0 : ALPHABET.indexOf(runner) + 1) * steps + t] = 10 - gap;
  });
  return out;
}

t.test('greedy CTC collapses repeats and drops blanks; a blank separates a doubled letter', async (tt) => {
  const [best] = decodePlate(logits(['-', 'A', 'A', '-', 'B', 'C', '-', '1', '-', '1', '2', '2', '3', '-']), CLASSES, 14, ALPHABET);
  tt.equal(best!.text, 'ABC1123');
  tt.equal(best!.charConfidences.length, 7);
  tt.ok(best!.confidence > 0.99);
});

t.test('uncertain characters yield alternatives ranked by probability alone, not by a format guess', async (tt) => {
  // The third character is nearly a tie between 8 and B. California's series is DLLLDDD, so a
  // format prior would put 7ABC123 first; the pixels say 8, slightly.
  const tie = (gap: number): Array<string | [string, string, number]> => ['7', '-', 'A', '-', ['8', 'B', gap], '-', 'C', '1', '-', '2', '3'];
  const ranked = decodePlate(logits(tie(0.3)), CLASSES, 11, ALPHABET);
  tt.equal(ranked[0]!.text, '7A8C123', 'the more probable reading first');
  tt.equal(ranked[1]!.text, '7ABC123', 'the look-alike stays the second candidate');
  tt.ok(ranked.length <= 5);
  tt.ok(ranked.every((c, i) => i === 0 || c.confidence <= ranked[i - 1]!.confidence), 'in order of probability');
  tt.equal(decodePlate(logits(tie(0.3)), CLASSES, 11, ALPHABET, { k: 2 }).length, 2, 'k caps the candidates');
});

t.test('the best reading of random logits is the greedy path with each character at its surest step, to the bit', async (tt) => {
  let seed = 3;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const steps = 24;
  for (let plate = 0; plate < 200; plate++) {
    // Blank-heavy logits, as a reader gives: most steps pick the blank, the rest one character.
    const l = Float32Array.from({ length: CLASSES * steps }, (_, i) => (i < steps ? 2 : 0) + (random() - 0.5) * 8);
    // Reference: the softmax of each step on its own, its most likely class, runs collapsed.
    const chars: Array<{ c: number; p: number }> = [];
    let prev = 0;
    for (let s = 0; s < steps; s++) {
      const column = Array.from({ length: CLASSES }, (_, c) => l[c * steps + s]!);
      const max = Math.max(...column);
      const exps = column.map((v) => Math.exp(v - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      const best = exps.reduce((b, v, c) => (v > exps[b]! ? c : b), 0);
      const p = exps[best]! / sum;
      if (best !== 0 && best !== prev) chars.push({ c: best, p });
      else if (best !== 0 && p > chars[chars.length - 1]!.p) chars[chars.length - 1]!.p = p;
      prev = best;
    }
    const text = chars.map((c) => ALPHABET[c.c - 1]).join('');
    const [first] = decodePlate(l, CLASSES, steps, ALPHABET);
    if (text === '') continue;
    const want = { text, confidence: chars.reduce((a, c) => a * c.p, 1), charConfidences: chars.map((c) => Math.round(c.p * 1000) / 1000) };
    // The best candidate is the greedy reading unless a swap beats it; compare with the greedy one wherever it is.
    const greedy = decodePlate(l, CLASSES, steps, ALPHABET, { k: 99 }).find((c) => c.text === text);
    if (!tt.same(greedy, want, `plate ${plate}`)) break;
    tt.ok(first, 'a reading');
  }
});
