import t from 'tap';
import { chooseThreshold, crossValidateThreshold, foldOf, gateRegion, scoreStates, wilson, type StateSample } from '../../inference/stateThreshold.js';

// Sure readings are right, unsure ones are wrong: the threshold that reaches 85% must drop the unsure.
const samples: StateSample[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ name: `sure${i}.png`, truth: 'CA', region: 'CA', confidence: 0.7 + (i % 10) / 40 })),
  ...Array.from({ length: 40 }, (_, i) => ({ name: `unsure${i}.png`, truth: 'CA', region: 'TX', confidence: 0.2 + (i % 10) / 40 })),
];

t.test('a state below the threshold is unknown, never a guess', async (tt) => {
  tt.equal(gateRegion('CA', 0.49, 0.5), null);
  tt.equal(gateRegion('CA', 0.5, 0.5), 'CA');
  tt.equal(gateRegion(null, 0.9, 0), null, 'no state read stays unknown at any threshold');
});

t.test('scores top-1 where a state is given, and coverage', async (tt) => {
  tt.same(scoreStates(samples, 0), { top1Given: 0.5, coverage: 1, given: 80, right: 40, crops: 80 });
  tt.same(scoreStates(samples, 0.7), { top1Given: 1, coverage: 0.5, given: 40, right: 40, crops: 80 });
  tt.equal(scoreStates(samples, 1).top1Given, null, 'nothing given: no top-1 to report');
});

t.test('the chosen threshold is the lowest that reaches the target; none reaches it: never name a state', async (tt) => {
  const chosen = chooseThreshold(samples, 0.85);
  tt.ok(chosen > 0.4 && chosen <= 0.7, `chosen ${chosen}`);
  tt.ok(scoreStates(samples, chosen).top1Given! >= 0.85);
  tt.equal(chooseThreshold(samples.filter((s) => s.region !== s.truth), 0.85), 1);
});

t.test('cross-validation scores each fold with a threshold chosen without it', async (tt) => {
  const cv = crossValidateThreshold(samples, 0.85, 5);
  tt.equal(cv.folds.length, 5);
  tt.equal(cv.folds.reduce((n, f) => n + f.crops, 0), samples.length, 'every crop is held out exactly once');
  for (const f of cv.folds) tt.equal(f.threshold, chooseThreshold(samples.filter((s) => foldOf(s.name, 5) !== f.fold), 0.85));
  tt.equal(cv.pooled.given, cv.folds.reduce((n, f) => n + f.given, 0), 'pooled over the held-out folds');
  tt.equal(cv.pooled.top1Given, cv.pooled.right / cv.pooled.given);
  tt.ok(cv.pooled.top1GivenCi95![0] < cv.pooled.top1Given! && cv.pooled.top1GivenCi95![1] >= cv.pooled.top1Given!);
  tt.equal(cv.threshold, chooseThreshold(samples, 0.85));
});

t.test('Wilson interval brackets the proportion', async (tt) => {
  const [lo, hi] = wilson(45, 50);
  tt.ok(lo < 0.9 && hi > 0.9 && lo > 0.75 && hi < 0.97, `${lo} ${hi}`);
});
