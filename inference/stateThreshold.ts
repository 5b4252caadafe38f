import { createHash } from 'node:crypto';

/**
 * The issuing state is reported only when the reader is sure of it; otherwise "unknown" (null),
 * never a guess (issue 22, General Order section V.H: the officer verifies the state). The gate is
 * on the plate's voted state confidence, the last step before a read leaves the recognizer, so one
 * evaluation pass at gate 0 scores every threshold.
 */
export function gateRegion(region: string | null, confidence: number, threshold: number): string | null {
  return region !== null && confidence >= threshold ? region : null;
}

/** One development crop's state reading with no gate, and its truth. */
export interface StateSample {
  name: string;
  truth: string;
  region: string | null;
  confidence: number;
}

export interface StateScore {
  /** Of the crops where a state is given, the share where it is right (null when none is given). */
  top1Given: number | null;
  /** Share of crops where a state is given at all. */
  coverage: number;
  given: number;
  right: number;
  crops: number;
}

export function scoreStates(samples: readonly StateSample[], threshold: number): StateScore {
  let given = 0, right = 0;
  for (const s of samples) {
    const region = gateRegion(s.region, s.confidence, threshold);
    if (region === null) continue;
    given++;
    if (region === s.truth) right++;
  }
  return { top1Given: given ? right / given : null, coverage: samples.length ? given / samples.length : 0, given, right, crops: samples.length };
}

const GRID = Array.from({ length: 100 }, (_, i) => i / 100);

/** The lowest threshold (most coverage) whose given-state top-1 reaches `target`; 1 when none does (never name a state). */
export function chooseThreshold(samples: readonly StateSample[], target: number): number {
  return GRID.find((t) => (scoreStates(samples, t).top1Given ?? 0) >= target) ?? 1;
}

/** Deterministic fold of a file name, so folds never depend on file order. */
export function foldOf(name: string, folds: number): number {
  return Number.parseInt(createHash('sha256').update(`fold:${name}`).digest('hex').slice(0, 8), 16) % folds;
}

export interface CrossValidation {
  target: number;
  folds: Array<{ fold: number; threshold: number } & StateScore>;
  /** Held-out folds pooled: each crop scored once, by a threshold chosen without it. */
  pooled: StateScore & { top1GivenCi95: [number, number] | null; coverageCi95: [number, number] };
  /** Chosen on all the samples: the value to ship. */
  threshold: number;
}

/** Wilson score interval for k successes of n at 95%. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** k-fold cross-validation of the threshold choice: each fold is scored by a threshold chosen on the others. */
export function crossValidateThreshold(samples: readonly StateSample[], target: number, k = 5): CrossValidation {
  const folds: CrossValidation['folds'] = [];
  let given = 0, right = 0;
  for (let fold = 0; fold < k; fold++) {
    const held = samples.filter((s) => foldOf(s.name, k) === fold);
    const threshold = chooseThreshold(samples.filter((s) => foldOf(s.name, k) !== fold), target);
    const score = scoreStates(held, threshold);
    folds.push({ fold, threshold, ...score });
    given += score.given;
    right += score.right;
  }
  const n = samples.length;
  return {
    target, folds, threshold: chooseThreshold(samples, target),
    pooled: { top1Given: given ? right / given : null, coverage: n ? given / n : 0, given, right, crops: n, top1GivenCi95: given ? wilson(right, given) : null, coverageCi95: wilson(given, n) },
  };
}
