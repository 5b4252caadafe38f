import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, isVehicleColour } from '../core/index.js';
import { DEFAULT_COLOUR_RULES, judgeFeatures, panelFeatures, type ColourFeatures, type ColourRules, type VehicleColour } from './vehicleColour.js';

/**
 * `node bin/tool.js inference/colourEvaluate.ts --dataset DIR/endtoend/us [--labels FILE] [--choose K [--grid fine|coarse|gates]] [--rules JSON]`
 * Scores the vehicle-colour classifier on a hand-labelled sample at the truth plate box: accuracy
 * (an unknown counts as not right), coverage (how often it names a colour), precision (right among
 * those it names), each with a Wilson 95% interval, the confusion (truth -> said: count) and the
 * milliseconds per vehicle. With --choose K it picks the rules by K-fold cross-validation on that
 * sample instead (the development labels: never the held-out ones) and prints each fold's score
 * on the part it did not choose on, and the rules chosen on the whole sample.
 */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dataset: { type: 'string' }, labels: { type: 'string' }, choose: { type: 'string' }, grid: { type: 'string' }, rules: { type: 'string' } } }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n`);
    return 64;
  }
  const folds = values.choose === undefined ? 0 : Number(values.choose);
  if (!values.dataset || !(folds === 0 || (Number.isInteger(folds) && folds >= 2))) {
    process.stderr.write('usage: colourEvaluate --dataset DIR/endtoend/us [--labels FILE] [--choose K [--grid fine|coarse|gates]] [--rules JSON]\n');
    return 64;
  }
  const labelsFile = values.labels ?? new URL('./fixtures/vehicle-colours.csv', import.meta.url).pathname;
  // A held-out sample scores the rules chosen; choosing on it would make its score meaningless.
  if (folds && /^#.*held-out/m.test(await readFile(labelsFile, 'utf8'))) {
    process.stderr.write(`${labelsFile} is a held-out sample: rules are chosen on the development labels only\n`);
    return 64;
  }
  const samples = await measure(values.dataset, labelsFile);
  if (folds) {
    const kind = values.grid ?? 'fine';
    if (kind !== 'fine' && kind !== 'coarse' && kind !== 'gates') throw new Error('--grid: fine, coarse or gates');
    process.stdout.write(`${JSON.stringify({ grid: kind, ...crossValidate(samples, folds, kind) })}\n`);
    return 0;
  }
  const rules: ColourRules = { ...DEFAULT_COLOUR_RULES, ...(values.rules ? JSON.parse(values.rules) as Partial<ColourRules> : {}) };
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ labels: labelsFile.split('/').pop(), ...score(samples, rules), ms_median: round(ms[Math.floor(ms.length / 2)]!), rules })}\n`);
  return 0;
}

export interface LabelledSample {
  file: string;
  truth: VehicleColour;
  features: ColourFeatures | null;
  /** Time to decode the frame's panel and measure it. */
  ms: number;
}

async function measure(dataset: string, labelsFile: string): Promise<LabelledSample[]> {
  const rows = (await readFile(labelsFile, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(','));
  const samples: LabelledSample[] = [];
  for (const [file, truth] of rows) {
    if (!file || !isVehicleColour(truth)) throw new Error(`${labelsFile}: ${file}: ${truth} is not a colour name`);
    const line = (await readFile(join(dataset, file.replace(/\.\w+$/, '.txt')), 'utf8')).trim().split('\n')[0]!.split('\t');
    const image = await readFile(join(dataset, file));
    const started = performance.now();
    const features = await panelFeatures(image, { x: Number(line[1]), y: Number(line[2]), width: Number(line[3]), height: Number(line[4]) });
    samples.push({ file, truth, features, ms: performance.now() - started });
  }
  return samples;
}

/** Accuracy, coverage and precision of `rules` on `samples`, with Wilson 95% intervals and the confusion. */
export function score(samples: LabelledSample[], rules: ColourRules) {
  let right = 0, named = 0;
  const confusion = new Map<string, number>();
  const bySaid: Record<string, { named: number; right: number }> = {};
  for (const s of samples) {
    const said = judgeFeatures(s.features, rules).colour;
    if (said !== 'unknown') {
      named++;
      bySaid[said] ??= { named: 0, right: 0 };
      bySaid[said].named++;
      if (said === s.truth) bySaid[said].right++;
    }
    if (said === s.truth) right++;
    else confusion.set(`${s.truth}->${said}`, (confusion.get(`${s.truth}->${said}`) ?? 0) + 1);
  }
  const labelled: Record<string, number> = {};
  for (const s of samples) labelled[s.truth] = (labelled[s.truth] ?? 0) + 1;
  return {
    vehicles: samples.length, right, named, accuracy: round(right / samples.length), accuracy_ci95: wilson(right, samples.length),
    coverage: round(named / samples.length), precision: named ? round(right / named) : null, precision_ci95: wilson(right, named),
    labelled, said: bySaid, mistakes: Object.fromEntries([...confusion.entries()].sort((a, b) => b[1] - a[1])),
  };
}

/**
 * The objective, declared before any choice was made: right answers minus wrong ones. An unknown
 * costs nothing and a wrong colour as much as a right one gains, so a rule says unknown wherever
 * it is right less than half the time. Ties: the rule that names more vehicles, then the first.
 */
function merit(samples: LabelledSample[], rules: ColourRules): [number, number] {
  let gain = 0, named = 0;
  for (const s of samples) {
    const said = judgeFeatures(s.features, rules).colour;
    if (said === 'unknown') continue;
    named++;
    gain += said === s.truth ? 1 : -1;
  }
  return [gain, named];
}

/**
 * The rule sets tried. `fine`: the brightness boundaries in steps of 0.05, the chromatic share, both
 * gates, and how brightness is read (230,272 sets); `coarse`: the boundaries in steps of 0.1;
 * `gates`: the shipped boundaries, only the gates and how brightness is read. Fewer sets overfit
 * a small sample less.
 */
export function ruleGrid(kind: 'fine' | 'coarse' | 'gates' = 'fine'): ColourRules[] {
  const steps = (from: number, to: number, by: number) => Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => round(from + i * by));
  const d = DEFAULT_COLOUR_RULES;
  const [whites, silvers, greys] = kind === 'fine' ? [steps(0.75, 1.1, 0.05), steps(0.45, 0.85, 0.05), steps(0.2, 0.6, 0.05)]
    : kind === 'coarse' ? [steps(0.7, 1.1, 0.1), steps(0.4, 0.8, 0.1), steps(0.2, 0.6, 0.1)] : [[d.whiteAt], [d.silverAt], [d.greyAt]];
  const grid: ColourRules[] = [];
  for (const whiteAt of whites) for (const silverAt of silvers) for (const greyAt of greys) {
    if (!(greyAt < silverAt && silverAt < whiteAt)) continue;
    for (const chromaticShare of [0.2, 0.3, 0.35, 0.45]) for (const minHueShare of [0.5, 0.6, 0.7, 0.8]) for (const minMargin of [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15]) {
      for (const levelQuantile of [0.25, 0.5] as const) for (const relativeToPlate of [true, false]) {
        grid.push({ whiteAt, silverAt, greyAt, chromaticShare, minHueShare, minMargin, levelQuantile, relativeToPlate });
      }
    }
  }
  return grid;
}

function choose(samples: LabelledSample[], grid: ColourRules[]): ColourRules {
  let best = grid[0]!, bestMerit: [number, number] = [-Infinity, -Infinity];
  for (const rules of grid) {
    const m = merit(samples, rules);
    if (m[0] > bestMerit[0] || (m[0] === bestMerit[0] && m[1] > bestMerit[1])) [best, bestMerit] = [rules, m];
  }
  return best;
}

/** K folds by a hash of the file name; each fold is scored with the rules chosen on the others. */
export function crossValidate(samples: LabelledSample[], k: number, kind: 'fine' | 'coarse' | 'gates' = 'fine') {
  const grid = ruleGrid(kind);
  const foldOf = (file: string) => createHash('sha256').update(`colour:${file}`).digest().readUInt32BE(0) % k;
  const perFold = [];
  let right = 0, named = 0;
  for (let f = 0; f < k; f++) {
    const rules = choose(samples.filter((s) => foldOf(s.file) !== f), grid);
    const held = samples.filter((s) => foldOf(s.file) === f);
    const result = score(held, rules);
    right += result.right;
    named += result.named;
    perFold.push({ fold: f, vehicles: held.length, accuracy: result.accuracy, coverage: result.coverage, precision: result.precision, rules });
  }
  const chosen = choose(samples, grid);
  return {
    rules_tried: grid.length, folds: k, cv_accuracy: round(right / samples.length), cv_coverage: round(named / samples.length), cv_precision: named ? round(right / named) : null,
    cv_precision_ci95: wilson(right, named), per_fold: perFold, chosen_on_all: chosen, chosen_on_all_score: score(samples, chosen),
  };
}

function wilson(k: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d, half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [round(centre - half), round(centre + half)];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
