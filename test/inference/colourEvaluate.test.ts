import t from 'tap';
import { main, score, type LabelledSample } from '../../inference/colourEvaluate.js';
import { DEFAULT_COLOUR_RULES, type ColourFeatures } from '../../inference/vehicleColour.js';
import { runCli } from '../helpers/cliRunner.js';

const HELD_OUT = new URL('../../inference/fixtures/vehicle-colours-heldout.csv', import.meta.url).pathname;

t.test('rules are never chosen on the held-out labels: --choose refuses them before measuring anything', async (t) => {
  const run = await runCli(main, ['--dataset', '/nonexistent', '--labels', HELD_OUT, '--choose', '5']);
  t.equal(run.code, 64);
  t.match(run.err, /is a held-out sample: rules are chosen on the development labels only/);
});

t.test('an unknown answer is not right and not named: accuracy, coverage and precision say so', async (t) => {
  const panel = (level: number): ColourFeatures => ({ chromaticShare: 0, hue: 'unknown', hueShare: 0, level25: level, level50: level, white: 1 });
  const samples: LabelledSample[] = [
    { file: 'a', truth: 'black', features: panel(0.1), ms: 1 }, // black: right
    { file: 'b', truth: 'silver', features: panel(0.7), ms: 1 }, // silver: right
    { file: 'c', truth: 'white', features: panel(0.7), ms: 1 }, // silver: wrong
    { file: 'd', truth: 'grey', features: panel(0.4), ms: 1 }, // within the margin: unknown
  ];
  t.match(score(samples, DEFAULT_COLOUR_RULES), { vehicles: 4, right: 2, named: 3, accuracy: 0.5, coverage: 0.75, precision: 0.667, said: { black: { named: 1, right: 1 }, silver: { named: 2, right: 1 } }, mistakes: { 'white->silver': 1, 'grey->unknown': 1 } });
});
