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
  const [best] = decodePlate(logits(['-', 'A', 'A', '-', 'B', 'C', '-', '1', '-', '1', '2', '2', '3', '-']), CLASSES, 14, ALPHABET, null);
  tt.equal(best!.text, 'ABC1123');
  tt.equal(best!.charConfidences.length, 7);
  tt.ok(best!.confidence > 0.99);
});

t.test('uncertain characters yield ranked alternatives, and the state format breaks near-ties', async (tt) => {
  // The third character is nearly a tie between 8 and B; California's series is DLLLDDD.
  const tie = (gap: number): Array<string | [string, string, number]> => ['7', '-', 'A', '-', ['8', 'B', gap], '-', 'C', '1', '-', '2', '3'];
  const ranked = decodePlate(logits(tie(0.3)), CLASSES, 11, ALPHABET, 'CA');
  tt.equal(ranked[0]!.text, '7ABC123', 'the CA format ranks the letter first');
  tt.ok(ranked.some((c) => c.text === '7A8C123'), 'the other reading stays a candidate');
  tt.ok(ranked.length <= 5);
  const sure = decodePlate(logits(tie(4)), CLASSES, 11, ALPHABET, 'CA');
  tt.equal(sure[0]!.text, '7A8C123', 'a confident reading that breaks the format still wins (vanity plates exist)');
  const unranked = decodePlate(logits(tie(0.3)), CLASSES, 11, ALPHABET, 'CA', { formatPrior: false });
  tt.equal(unranked[0]!.text, '7A8C123', 'with the prior off (evaluation only), probability alone ranks');
  tt.equal(decodePlate(logits(tie(0.3)), CLASSES, 11, ALPHABET, 'CA', { k: 2 }).length, 2, 'k caps the candidates');
});
