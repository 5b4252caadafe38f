import t from 'tap';
import { plateRegion, voteBurst, type FrameReading } from '../../inference/index.js';

const reading = (frameIndex: number, text: string, confs: number[], region: string | null = 'IL', detection = 0.9): FrameReading => ({
  frameIndex, region, regionConfidence: 0.8, detection,
  candidates: [{ text, confidence: confs.reduce((a, b) => a * b, 1), charConfidences: confs }],
});

t.test('three frames of one car vote per character by confidence', async (tt) => {
  const votes = voteBurst([
    reading(0, 'ABC1234', [0.9, 0.9, 0.9, 0.4, 0.9, 0.9, 0.9]),
    reading(1, 'ABC7234', [0.9, 0.9, 0.9, 0.3, 0.9, 0.9, 0.9]),
    reading(2, 'A8C1234', [0.9, 0.2, 0.9, 0.9, 0.9, 0.9, 0.9]),
  ]);
  tt.equal(votes.length, 1, 'one vehicle');
  tt.equal(votes[0]!.text, 'ABC1234');
  tt.equal(votes[0]!.region, 'IL');
  tt.ok(votes[0]!.candidates.includes('ABC7234'));
  tt.ok(votes[0]!.confidence > 0 && votes[0]!.confidence <= 1);
});

t.test('two different plates in one burst stay two reads', async (tt) => {
  const votes = voteBurst([reading(0, 'ABC1234', [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]), reading(0, 'XYZ9876', [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8])]);
  tt.same(votes.map((v) => v.text).sort(), ['ABC1234', 'XYZ9876']);
});

t.test('a frame that dropped a character does not outvote the full readings', async (tt) => {
  const votes = voteBurst([
    reading(0, 'ABC1234', [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]),
    reading(1, 'ABC124', [0.99, 0.99, 0.99, 0.99, 0.99, 0.99]),
    reading(2, 'ABC1234', [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]),
  ]);
  tt.equal(votes[0]!.text, 'ABC1234');
  tt.not(votes[0]!.frameIndex, 1, 'the kept frame is one that agreed with the vote');
});

t.test("where one reading saw an O, the voted state's series settle the 0 as O; the text as voted stays a candidate", async (tt) => {
  const votes = voteBurst([
    reading(0, '3550CT', [0.99, 0.99, 0.99, 0.9, 0.99, 0.99], 'OK'),
    reading(1, '3550CT', [0.99, 0.99, 0.99, 0.95, 0.99, 0.99], 'OK'),
    reading(2, '355OCT', [0.99, 0.99, 0.99, 0.6, 0.99, 0.99], 'OK'),
  ]);
  tt.equal(votes[0]!.text, '355OCT');
  tt.equal(votes[0]!.candidates[1], '3550CT');
  tt.equal(votes[0]!.charConfidences.length, 6, 'the swapped character keeps its confidence');
  const unknown = voteBurst([reading(0, '3550CT', [0.99, 0.99, 0.99, 0.9, 0.99, 0.99], null), reading(1, '355OCT', [0.99, 0.99, 0.99, 0.6, 0.99, 0.99], null)]);
  tt.equal(unknown[0]!.text, '3550CT', 'no state, no swap');
  const off = voteBurst([reading(0, '3550CT', [0.99, 0.99, 0.99, 0.9, 0.99, 0.99], 'OK'), reading(1, '355OCT', [0.99, 0.99, 0.99, 0.6, 0.99, 0.99], 'OK')], { stateSeries: false });
  tt.equal(off[0]!.text, '3550CT', 'with the series step off (evaluation only), the text as voted stands');
});

t.test('where every reading saw a 0, no series turns it into an O', async (tt) => {
  // Massachusetts 20FY20 (a series the catalog lacks): every framing read the 0 surely; the
  // catalog's MA series would fit 2OFY20, which no reading offered.
  const votes = voteBurst([
    reading(0, '20FY20', [0.99, 0.97, 0.99, 0.99, 0.99, 0.99], 'MA'),
    reading(1, '20FY20', [0.99, 0.95, 0.99, 0.99, 0.99, 0.99], 'MA'),
  ]);
  tt.equal(votes[0]!.text, '20FY20');
});

t.test('readings with no say on the state (confidence 0) do not dilute its confidence', async (tt) => {
  const named = (i: number) => ({ ...reading(i, 'ABC1234', [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], 'IL'), regionConfidence: 0.6 });
  const mute = (i: number) => ({ ...reading(i, 'ABC1234', [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], null), regionConfidence: 0 });
  const [vote] = voteBurst([named(0), named(1), mute(2), mute(3)]);
  tt.equal(vote!.region, 'IL');
  tt.equal(vote!.regionConfidence, 0.6, 'the mean over the two readings that named it, not over all four');
});

t.test("a declared country's formats settle the voted look-alikes, keep their confidence, and keep the text as voted a candidate", async (tt) => {
  const burst = [
    reading(0, 'T0E6742', [0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9], null),
    reading(1, 'T0E6742', [0.9, 0.7, 0.9, 0.9, 0.9, 0.9, 0.9], null),
  ];
  const [plain] = voteBurst(burst);
  tt.equal(plain!.text, 'T0E6742', 'no formats: as voted');
  const [voted] = voteBurst(burst, { formats: plateRegion('br').formats });
  tt.equal(voted!.text, 'TOE6742');
  tt.same(voted!.charConfidences, plain!.charConfidences, 'the readers were sure of the glyph; the format chose the letter');
  tt.equal(voted!.candidates[1], 'T0E6742');
});
