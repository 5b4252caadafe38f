import t from 'tap';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { ManualClock, silentLogger } from '../../core/index.js';
import type { CapturedImage } from '../../drivers/index.js';
import { PlateRecognizer, type FramePlate, type PlateRecognizerOptions } from '../../inference/index.js';
import { extendsReading, grownBoxes, oneReadPerPlate } from '../../inference/plateRecognizer.js';
import { iou } from '../../inference/plateDetector.js';
import { SAMPLE_VEHICLES } from '../../demo/sampleScenes.js';
import { tempDir } from '../helpers/index.js';
import { modelCopy } from '../helpers/modelFolder.js';

// The real models on many frames: about a minute with three test files at a time on 2 cores, half
// of tap's default 2-minute file limit. The limit here is for a hang, not a speed target.
t.setTimeout(5 * 60_000);

// The demo's scenes are the project's own drawings: small fixtures any clone has.
const FRAMES = fileURLToPath(new URL('../../demo/frames', import.meta.url));
const options = (over: Partial<PlateRecognizerOptions> = {}): PlateRecognizerOptions => ({
  backend: 'onnx', detectionThreshold: 0.4, detectorTiles: 1, minReadConfidence: 0.05, lowConfidenceBelow: 0.5, regionThreshold: 0.5, dedupeWindowMs: 0, clock: new ManualClock(), logger: silentLogger(), ...over,
});
const frame = async (name: string): Promise<CapturedImage> => {
  const data = await readFile(join(FRAMES, name));
  return { format: 'jpeg', width: 960, height: 540, data, capturedAt: 0, origin: name };
};
const ZOOM = { widths: [3, 4], verifyThreshold: 0.85 };
const burstOf = async (vehicle: number) => Promise.all([1, 2, 3].map((f) => frame(`v0${vehicle}-f${f}.jpg`)));

t.test('bursts of generated street scenes are read, with corners, crop and confidences', async (tt) => {
  const recognizer = await PlateRecognizer.create(options());
  tt.teardown(() => recognizer.close());
  let correct = 0;
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    const plates = await recognizer.recognizeBurst(await burstOf(i + 1));
    tt.ok(plates.length >= 1, `vehicle ${i + 1} gives a read`);
    const p = plates[0]!;
    if (p.text === vehicle.plate) correct++;
    tt.equal(p.corners.length, 4);
    tt.ok(p.corners[2].x > p.corners[0].x && p.corners[2].y > p.corners[0].y, 'corners clockwise from top-left');
    tt.equal(p.charConfidences.length, p.text.length);
    tt.ok(p.confidence >= 0 && p.confidence <= 1);
    tt.equal((await sharp(p.crop).metadata()).format, 'jpeg', 'the plate crop is a JPEG');
  }
  tt.ok(correct >= 4, `${correct} of 6 plates read exactly`);
});

t.test('both backends give the same reads on the same frames', async (tt) => {
  // With the zoomed second look on, as the appliance runs by default.
  const onnx = await PlateRecognizer.create(options({ backend: 'onnx', detectorZoom: ZOOM }));
  const tfjs = await PlateRecognizer.create(options({ backend: 'tfjs', detectorZoom: ZOOM }));
  tt.teardown(async () => {
    await onnx.close();
    await tfjs.close();
  });
  tt.equal(tfjs.backendName, 'tfjs');
  for (const name of (await readdir(FRAMES)).sort().slice(0, 6)) {
    const data = await readFile(join(FRAMES, name));
    const a = await onnx.recognize({ data });
    const b = await tfjs.recognize({ data });
    tt.same(b.map((p) => p.text), a.map((p) => p.text), name);
    tt.same(b.map((p) => p.corners), a.map((p) => p.corners));
    tt.same(b.map((p) => p.region), a.map((p) => p.region), `${name}: the same state`);
    for (const [i, p] of b.entries()) tt.ok(Math.abs(p.regionConfidence - a[i]!.regionConfidence) <= 0.002, `${name}: state confidence ${p.regionConfidence} against ${a[i]!.regionConfidence}`);
  }
});

t.test('the zoomed second look keeps every plate, boxes it at least as well, and drops what does not peak close up', async (tt) => {
  const plain = await PlateRecognizer.create(options());
  const zoomed = await PlateRecognizer.create(options({ detectorZoom: ZOOM }));
  const strict = await PlateRecognizer.create(options({ detectorZoom: { widths: [3, 4], verifyThreshold: 1.99 } }));
  tt.teardown(async () => {
    await plain.close();
    await zoomed.close();
    await strict.close();
  });
  let plainIou = 0;
  let zoomedIou = 0;
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    for (const step of [0, 1, 2]) {
      const { data } = await frame(`v0${i + 1}-f${step + 1}.jpg`);
      // Where sceneSvg drew the plate in this frame.
      const drawn = { x: 250 + step * 40 + 165, y: 150 + step * 12 + 215, width: 130, height: 66 };
      const [a] = await plain.recognize({ data });
      const [b] = await zoomed.recognize({ data });
      tt.ok(a && b, `${vehicle.plate} frame ${step + 1} found with and without the zoom`);
      plainIou += iou(a!.box, drawn);
      zoomedIou += iou(b!.box, drawn);
      tt.equal(b!.box.alternates?.length, 2, 'the first-pass box and the other zoom go along to the reader');
      tt.same(await strict.recognize({ data }), [], 'a verify threshold no plate reaches drops every box');
    }
  }
  tt.ok(zoomedIou >= plainIou - 0.05, `mean IoU with the drawn plates: ${(zoomedIou / 18).toFixed(2)} zoomed, ${(plainIou / 18).toFixed(2)} first pass`);
  // A plate 5 px from the right and bottom edges: the zoomed views are clamped inside the frame.
  const { data } = await frame('v01-f1.jpg');
  const edge = await sharp(data).extract({ left: 100, top: 100, width: 450, height: 335 }).jpeg().toBuffer();
  const appliance = await PlateRecognizer.create(options({ detectionThreshold: 0.3, detectorTiles: 2, detectorZoom: ZOOM })); // the config's defaults
  tt.same((await appliance.recognize({ data: edge })).map((p) => p.text), ['7ABC123'], 'a plate at the frame edge is read');
  await appliance.close();
});

t.test('readings shorter or longer than a plate are not reported as plates', async (tt) => {
  const { data } = await frame('v01-f1.jpg'); // 7ABC123
  const readWith = async (plateChars: { min: number; max: number }) => {
    const recognizer = await PlateRecognizer.create(options({ plateChars }));
    const plates = await recognizer.recognize({ data });
    await recognizer.close();
    return plates;
  };
  const [plate] = await readWith({ min: 4, max: 8 });
  tt.ok(plate, 'the plate is read with the 4-8 default');
  const n = plate!.text.length;
  tt.equal((await readWith({ min: n, max: n })).length, 1, `a ${n}-character reading (${plate!.text}) is kept when ${n} characters are allowed`);
  tt.equal((await readWith({ min: n + 1, max: 8 })).length, 0, 'too short: dropped');
  tt.equal((await readWith({ min: 2, max: n - 1 })).length, 0, 'too long: dropped');
});

t.test('raw RGB and IR-like grayscale frames are read like the JPEG', async (tt) => {
  const recognizer = await PlateRecognizer.create(options());
  tt.teardown(() => recognizer.close());
  const jpeg = await readFile(join(FRAMES, 'v02-f1.jpg'));
  const fromJpeg = await recognizer.recognize({ data: jpeg });
  const rgb = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const fromRaw = await recognizer.recognize({ raw: rgb.data, width: rgb.info.width, height: rgb.info.height, channels: 3 });
  tt.same(fromRaw.map((p) => p.text), fromJpeg.map((p) => p.text));
  const ir = await sharp(jpeg).greyscale().linear(1.8, -90).png().toBuffer();
  tt.ok((await recognizer.recognize({ data: ir })).length >= 1, 'a high-contrast grayscale frame still gives a plate');
});

t.test('bad frames are typed errors and the recognizer keeps working', async (tt) => {
  const recognizer = await PlateRecognizer.create(options());
  tt.teardown(() => recognizer.close());
  const jpeg = await readFile(join(FRAMES, 'v02-f1.jpg'));
  await tt.rejects(recognizer.recognize({ data: jpeg.subarray(0, jpeg.length / 2) }), { code: 'ALPR_ERR_IMAGE_CORRUPT' });
  await tt.rejects(recognizer.recognize({ data: Buffer.from('definitely not an image') }), { code: 'ALPR_ERR_IMAGE_CORRUPT' });
  await tt.rejects(recognizer.recognize({ data: Buffer.alloc(0) }), { code: 'ALPR_ERR_IMAGE_SIZE' });
  await tt.rejects(recognizer.recognize({ raw: Buffer.alloc(0), width: 0, height: 0, channels: 1 }), { code: 'ALPR_ERR_IMAGE_SIZE' });
  await tt.rejects(recognizer.recognize({ raw: Buffer.alloc(10), width: 100000, height: 100000, channels: 1 }), { code: 'ALPR_ERR_IMAGE_SIZE' });
  await tt.rejects(recognizer.recognize({ raw: Buffer.alloc(10), width: 4, height: 4, channels: 3 }), { code: 'ALPR_ERR_IMAGE_SIZE' });
  // A burst with one corrupt frame is still read from the others, and the failure is counted.
  const burst = await burstOf(2);
  burst[1] = { ...burst[1]!, data: burst[1]!.data.subarray(0, 500) };
  const plates = await recognizer.recognizeBurst(burst);
  tt.ok(plates.length >= 1);
  tt.equal(recognizer.failedFrames, 1);
  await tt.rejects(recognizer.recognizeBurst([{ ...burst[1]! }]), { code: 'ALPR_ERR_IMAGE_CORRUPT' }, 'a burst with no good frame fails typed');
});

t.test('a frame that decodes but cannot be recognized leaves the other frames of the burst in step', async (tt) => {
  const recognizer = await PlateRecognizer.create(options());
  tt.teardown(() => recognizer.close());
  const burst = await burstOf(2);
  const expected = await recognizer.recognizeBurst(burst.slice(1));
  // The first frame's recognition fails after its decode (a model error, say): the seam is the
  // recognizer's own per-frame step, so only that frame is lost.
  const inner = recognizer as unknown as { recognizeGray: (gray: unknown) => Promise<unknown> };
  const real = inner.recognizeGray.bind(recognizer);
  let calls = 0;
  inner.recognizeGray = async (gray) => {
    if (calls++ === 0) throw new Error('model failed on this frame');
    return real(gray);
  };
  const plates = await recognizer.recognizeBurst(burst);
  tt.equal(recognizer.failedFrames, 1, 'the failed frame is counted');
  tt.same(plates.map((p) => p.text), expected.map((p) => p.text), 'the other frames give the same reads');
  tt.same(plates.map((p) => p.frameIndex), expected.map((p) => p.frameIndex + 1), 'each read names the frame it came from');
  tt.same(plates.map((p) => p.crop), expected.map((p) => p.crop), 'and its crop is cut from that frame');
});

t.test('reads below the confidence threshold are kept and flagged, never dropped', async (tt) => {
  const recognizer = await PlateRecognizer.create(options({ lowConfidenceBelow: 1.01 }));
  tt.teardown(() => recognizer.close());
  const plates = await recognizer.recognizeBurst(await burstOf(4));
  tt.ok(plates.length >= 1);
  tt.ok(plates.every((p) => p.lowConfidence));
});

t.test('the dedupe window suppresses the same plate re-read by the next trigger', async (tt) => {
  const clock = new ManualClock();
  const recognizer = await PlateRecognizer.create(options({ dedupeWindowMs: 10_000, clock }));
  tt.teardown(() => recognizer.close());
  const burst = await burstOf(2);
  tt.ok((await recognizer.recognizeBurst(burst)).length >= 1);
  clock.advance(4000);
  tt.same(await recognizer.recognizeBurst(burst), [], 'the car waiting at the light is not read twice');
  clock.advance(11_000);
  tt.ok((await recognizer.recognizeBurst(burst)).length >= 1, 'after the window it is a new pass');
});

t.test('a missing or altered model file is refused with a typed error', async (tt) => {
  const dir = await tempDir(tt);
  const copy = async (name: string) => {
    await mkdir(join(dir, name));
    return modelCopy(join(dir, name));
  };
  await tt.rejects(PlateRecognizer.create(options({ modelDir: join(dir, 'nowhere') })), { code: 'ALPR_ERR_MODEL_MISSING' });
  // The files ONNX Runtime runs: the int8 readers where the manifest names them (test/inference/backends/onnxBackend.test.ts covers the float fallback).
  const altered = await copy('altered');
  const bytes = await readFile(join(altered, 'reader.int8.onnx'));
  bytes[bytes.length - 100]! ^= 0xff;
  await writeFile(join(altered, 'reader.int8.onnx'), bytes);
  await tt.rejects(PlateRecognizer.create(options({ modelDir: altered })), { code: 'ALPR_ERR_MODEL_CHECKSUM' });
  await tt.rejects(PlateRecognizer.create(options({ modelDir: altered, backend: 'auto' })), { code: 'ALPR_ERR_MODEL_CHECKSUM' }, 'auto does not fall back around a bad file');
  const gone = await copy('gone');
  await writeFile(join(gone, 'detector.weights.bin'), '');
  await tt.rejects(PlateRecognizer.create(options({ modelDir: gone, backend: 'tfjs' })), { code: 'ALPR_ERR_MODEL_CHECKSUM' });
  for (const file of ['second_reader.int8.onnx', 'second_reader.weights.bin']) {
    const second = await copy(`second-${file}`);
    await writeFile(join(second, file), 'not a model');
    await tt.rejects(PlateRecognizer.create(options({ modelDir: second, backend: file.endsWith('.onnx') ? 'onnx' : 'tfjs' })), { code: 'ALPR_ERR_MODEL_CHECKSUM' }, `the second reader's ${file} is checked too`);
  }
  for (const input of [[1, 48], [3, 48, 96], [1, 0, 96], [1, 48, 1e6], 'wide']) {
    const bad = await copy(`input-${JSON.stringify(input).replace(/\W/g, '')}`);
    const manifest = JSON.parse(await readFile(join(bad, 'manifest.json'), 'utf8'));
    manifest.second_reader.input = input;
    await writeFile(join(bad, 'manifest.json'), JSON.stringify(manifest));
    await tt.rejects(PlateRecognizer.create(options({ modelDir: bad })), { code: 'ALPR_ERR_MODEL_CHECKSUM', message: /second_reader input/ }, `a reader input of ${JSON.stringify(input)} is refused`);
  }
  for (const file of ['state_classifier.onnx', 'state_classifier.weights.bin']) {
    const altered = await withFixture(await copy(`state-${file}`));
    await writeFile(join(altered, file), 'not a model');
    await tt.rejects(PlateRecognizer.create(options({ modelDir: altered, backend: file.endsWith('.onnx') ? 'onnx' : 'tfjs' })), { code: 'ALPR_ERR_MODEL_CHECKSUM' }, `the state classifier's ${file} is checked too`);
  }
  const badState = await withFixture(await copy('state-input'), (m) => { m.state_classifier!.input = [1, 64]; });
  await tt.rejects(PlateRecognizer.create(options({ modelDir: badState })), { code: 'ALPR_ERR_MODEL_CHECKSUM', message: /state_classifier input/ }, 'a state classifier input that is not [1, height, width] is refused');
  for (const namesStates of ['no', 0, null]) {
    const bad = await copy(`names-states-${String(namesStates)}`);
    const manifest = JSON.parse(await readFile(join(bad, 'manifest.json'), 'utf8'));
    manifest.reader.names_states = namesStates;
    await writeFile(join(bad, 'manifest.json'), JSON.stringify(manifest));
    await tt.rejects(PlateRecognizer.create(options({ modelDir: bad })), { code: 'ALPR_ERR_MODEL_CHECKSUM', message: /reader names_states/ }, `names_states ${JSON.stringify(namesStates)} is refused`);
  }
});

// A state classifier of the shipped graph that names IL at 0.89 on any crop (inference/training/export.py
// --state-classifier-fixture IL): the classifier's plumbing is tested whether or not a trained one is shipped.
const FIXTURE = fileURLToPath(new URL('../fixtures/state-classifier', import.meta.url));
const FIXTURE_CONFIDENCE = 0.89;

/** The shipped readers and detector with the fixture classifier instead of any shipped one. */
async function withFixture(dir: string, edit: (manifest: Record<string, Record<string, unknown>>) => void = () => {}): Promise<string> {
  const entry = JSON.parse(await readFile(join(FIXTURE, 'state_classifier.json'), 'utf8'));
  await modelCopy(dir, 'state_classifier', (m) => {
    m.state_classifier = entry;
    edit(m);
  });
  for (const f of await readdir(FIXTURE)) if (f !== 'state_classifier.json') await copyFile(join(FIXTURE, f), join(dir, f));
  return dir;
}

t.test('without a state classifier, only readers whose state head names states have a say on the state', async (tt) => {
  const heads = await PlateRecognizer.create(options({ modelDir: await modelCopy(await tempDir(tt), 'state_classifier'), detectorZoom: ZOOM }));
  const mute = await PlateRecognizer.create(options({
    modelDir: await modelCopy(await tempDir(tt), 'state_classifier', (m) => {
      tt.equal(m.second_reader!.names_states, false, "the shipped second reader's state head was never trained");
      m.reader!.names_states = false;
    }),
    detectorZoom: ZOOM,
  }));
  tt.teardown(async () => {
    await mute.close();
    await heads.close();
  });
  for (const [i, vehicle] of SAMPLE_VEHICLES.slice(0, 3).entries()) {
    const [unnamed] = await mute.recognizeBurst(await burstOf(i + 1));
    const [named] = await heads.recognizeBurst(await burstOf(i + 1));
    tt.ok(unnamed && named, `vehicle ${i + 1} is read either way`);
    tt.equal(unnamed!.text, named!.text, 'the same text: the state has no say on it here');
    tt.same([unnamed!.region, unnamed!.regionConfidence], [null, 0], 'no reader names states: the state is unknown, with no confidence');
    tt.ok(named!.regionConfidence > 0 && named!.regionConfidence <= 1, `the reader's head reports a state confidence (${vehicle.plate}: ${named!.region} ${named!.regionConfidence})`);
  }
});

t.test("with a state classifier, the state is the classifier's, gated; the readers' state heads have no say", async (tt) => {
  // The shipped first reader's head names states: had it a say, the state or its confidence would move off the fixture's.
  const classifier = await withFixture(await tempDir(tt));
  const onnx = await PlateRecognizer.create(options({ modelDir: classifier, detectorZoom: ZOOM }));
  const tfjs = await PlateRecognizer.create(options({ modelDir: classifier, detectorZoom: ZOOM, backend: 'tfjs' }));
  const strict = await PlateRecognizer.create(options({ modelDir: classifier, detectorZoom: ZOOM, stateThreshold: FIXTURE_CONFIDENCE + 0.005 }));
  const unsure = await PlateRecognizer.create(options({ modelDir: classifier, detectorZoom: ZOOM, regionThreshold: FIXTURE_CONFIDENCE + 0.005 }));
  // A site in Brazil: the classifier knows US states only, so it has nothing to name there.
  const abroad = await PlateRecognizer.create(options({ modelDir: classifier, detectorZoom: ZOOM, plateRegion: 'br' }));
  tt.teardown(async () => {
    for (const r of [onnx, tfjs, strict, unsure, abroad]) await r.close();
  });
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    const burst = await burstOf(i + 1);
    const [a] = await onnx.recognizeBurst(burst);
    const [b] = await tfjs.recognizeBurst(burst);
    const [c] = await strict.recognizeBurst(burst);
    const [d] = await unsure.recognizeBurst(burst);
    const [e] = await abroad.recognizeBurst(burst);
    tt.ok(a && b && c && d && e, `vehicle ${i + 1} is read`);
    tt.equal(e!.region, null, 'outside the US no US state is named');
    tt.same([a!.region, a!.regionConfidence], ['IL', FIXTURE_CONFIDENCE], `${vehicle.plate}: the classifier's state and confidence, not a mix with the reader's head`);
    tt.same([b!.region, b!.regionConfidence], [a!.region, a!.regionConfidence], 'TensorFlow.js runs the classifier as ONNX Runtime does');
    tt.same([c!.region, c!.regionConfidence], [null, FIXTURE_CONFIDENCE], 'below state_threshold: unknown, the confidence still reported');
    tt.same([d!.region, d!.regionConfidence], [null, FIXTURE_CONFIDENCE], 'below region_threshold: each reading is unknown');
    tt.equal(c!.text, a!.text, 'the gate never changes the text');
  }
});

t.test('a model folder without the state classifier works: the first reader\'s head names the state', async (tt) => {
  const heads = await PlateRecognizer.create(options({ modelDir: await modelCopy(await tempDir(tt), 'state_classifier'), detectorZoom: ZOOM, backend: 'tfjs' }));
  tt.teardown(() => heads.close());
  let right = 0;
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    const [p] = await heads.recognizeBurst(await burstOf(i + 1));
    tt.ok(p, `vehicle ${i + 1} is read`);
    if (p!.text === vehicle.plate) right++;
    tt.ok(p!.regionConfidence > 0, `the state comes from the reader's head (${p!.region} ${p!.regionConfidence})`);
  }
  tt.ok(right >= 4, `${right} of 6 plates read exactly`);
});

t.test('a state the recognizer is not sure of (the classifier\'s, voted) is reported as unknown, not guessed', async (tt) => {
  const open = await PlateRecognizer.create(options({ detectorZoom: ZOOM, regionThreshold: 0, stateThreshold: 0 }));
  const strict = await PlateRecognizer.create(options({ detectorZoom: ZOOM, regionThreshold: 0, stateThreshold: 0.999 }));
  tt.teardown(async () => {
    await open.close();
    await strict.close();
  });
  const [named] = await open.recognizeBurst(await burstOf(1));
  const [unsure] = await strict.recognizeBurst(await burstOf(1));
  tt.ok(named?.region && named.regionConfidence < 0.999, `ungated, the state is named (${named?.region} at ${named?.regionConfidence})`);
  tt.equal(unsure!.text, named!.text, 'the gate never changes the text');
  tt.same([unsure!.region, unsure!.regionConfidence], [null, named!.regionConfidence], 'below the state threshold: unknown, with the confidence still reported');
});

t.test('a model folder with one reader works; with two, the second reads the plates the first is not unanimous on, and both vote', async (tt) => {
  const dir = await modelCopy(await tempDir(tt), 'second_reader');
  const single = await PlateRecognizer.create(options({ modelDir: dir, detectorZoom: ZOOM }));
  const pair = await PlateRecognizer.create(options({ detectorZoom: ZOOM }));
  tt.teardown(async () => {
    await single.close();
    await pair.close();
  });
  let sameText = 0;
  let pairRight = 0;
  for (const [i, vehicle] of SAMPLE_VEHICLES.entries()) {
    const [one] = await single.recognizeBurst(await burstOf(i + 1));
    const [two] = await pair.recognizeBurst(await burstOf(i + 1));
    tt.ok(one && two, `vehicle ${i + 1} is read with one reader and with two`);
    tt.same(two!.corners, one!.corners, 'the readers do not move the box');
    if (one!.text === two!.text) sameText++;
    if (two!.text === vehicle.plate) pairRight++;
  }
  tt.ok(sameText >= 3, `${sameText} of 6 texts agree between one reader and two`);
  tt.ok(pairRight >= 4, `${pairRight} of 6 plates read exactly by the pair`);
});

t.test('two boxes of one plate in a frame give one read: the longer, then the surer', async (tt) => {
  const plate = (text: string, confidence: number, x: number, width = 60): FramePlate => {
    const box = { x, y: 100, width, height: 30, score: 0.6 };
    return { corners: [{ x, y: 100 }, { x: x + width, y: 100 }, { x: x + width, y: 130 }, { x, y: 130 }], box, text, confidence, charConfidences: [...text].map(() => confidence), candidates: [{ text, confidence, charConfidences: [] }], region: null, regionConfidence: 0 };
  };
  const whole = plate('RK857AI', 0.8, 100);
  const part = plate('RK85', 0.99, 80);
  const other = plate('ABC1234', 0.9, 400);
  tt.same(oneReadPerPlate([part, other, whole]).map((p) => p.text), ['ABC1234', 'RK857AI'], 'the part is dropped, the frame order kept');
  tt.same(oneReadPerPlate([plate('TNP222', 0.7, 100), plate('TNP223', 0.9, 105)]).map((p) => p.text), ['TNP223'], 'same length: the surer stands');
  tt.same(oneReadPerPlate([plate('ABC123', 0.7, 100), plate('XYZ789', 0.9, 150)]).map((p) => p.text), ['ABC123', 'XYZ789'], 'boxes overlapping under 0.3 are two plates');
});

/**
 * An old grey Brazilian plate (400 x 130 mm: three times as wide as tall, a city line above three
 * letters and four digits), drawn on the demo's street scene: the detector, which learnt plates of
 * US and EU shapes, often boxes only the left part of it, and the reading lost the last character
 * or two (GWT2180 read GWT218, GWT21: the failure issue 22 saw on the real unseen format).
 */
function greyPlateScene(printed: string, plateWidth: number, step: number): { svg: string; box: { x: number; y: number; width: number; height: number } } {
  const x = 250 + step * 40;
  const y = 150 + step * 12;
  const [pw, ph] = [plateWidth, Math.round(plateWidth / 3.05)];
  const [px, py] = [x + 230 - pw / 2, y + 215];
  const body = ['#8a1c1c', '#1f3b73', '#d0d0d0'][step]!;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540">
  <rect width="100%" height="100%" fill="#5b5f63"/>
  <rect y="450" width="100%" height="90" fill="#3d4043"/>
  <rect x="${x}" y="${y}" width="460" height="300" rx="40" fill="${body}"/>
  <rect x="${x + 40}" y="${y + 25}" width="380" height="110" rx="18" fill="#9fb4c2"/>
  <circle cx="${x + 60}" cy="${y + 175}" r="24" fill="#f4f1d0"/>
  <circle cx="${x + 400}" cy="${y + 175}" r="24" fill="#f4f1d0"/>
  <rect x="${px}" y="${py}" width="${pw}" height="${ph}" rx="4" fill="#bfc1bf" stroke="#202020" stroke-width="2"/>
  <text x="${px + pw / 2}" y="${py + ph * 0.24}" font-family="DejaVu Sans" font-size="${ph * 0.16}" text-anchor="middle" fill="#111">SAO PAULO - SP</text>
  <text x="${px + pw / 2}" y="${py + ph * 0.86}" font-family="DejaVu Sans Mono" font-weight="bold" font-size="${ph * 0.66}" text-anchor="middle" fill="#111">${printed}</text>
</svg>`,
    box: { x: px, y: py, width: pw, height: ph },
  };
}

t.test('a plate three times as wide as tall, boxed in part by the detector, is read whole: the box is widened along its peaks', async (tt) => {
  // As the appliance runs: the zoomed second look on (the wider estimate comes from its peaks).
  const recognizer = await PlateRecognizer.create(options({ detectorZoom: ZOOM }));
  tt.teardown(() => recognizer.close());
  let exact = 0;
  let scenes = 0;
  const misses: string[] = [];
  for (const printed of ['ABC-1234', 'GWT-2180', 'KRV-1248', 'NPX-9857']) {
    for (const width of [180, 240, 300]) {
      for (const step of [0, 1, 2]) {
        const scene = greyPlateScene(printed, width, step);
        const plates = await recognizer.recognize({ data: await sharp(Buffer.from(scene.svg)).jpeg({ quality: 85 }).toBuffer() });
        const truth = printed.replace('-', '');
        const read = plates.find((p) => p.text === truth);
        scenes++;
        if (read) {
          exact++;
          tt.ok(iou(read.box, scene.box) > 0.5, `${truth}, ${width} px: the box reported is the plate's (IoU ${iou(read.box, scene.box).toFixed(2)})`);
        } else misses.push(`${truth} ${width} px step ${step}: ${plates.map((p) => p.text).join(', ') || 'nothing'}`);
      }
    }
  }
  // Measured: 32 of 36 with the widening; 11 of 36 without it (21 read without their last
  // character or two, 4 not at all).
  tt.ok(exact >= 30, `${exact} of ${scenes} grey Brazilian plates read exactly (misses: ${misses.join('; ')})`);
});

t.test("in a country with a national series the look-alikes its format forbids are read as the other kind, and no US state is named", async (tt) => {
  // Grey Brazilian plates (LLLDDDD) whose letters are look-alikes of digits, in a face whose 0 is
  // a dotted oval: the readers, trained on far more 0s than Os, read the O as 0.
  const brazil = await PlateRecognizer.create(options({ detectorZoom: ZOOM, plateRegion: 'br' }));
  tt.teardown(() => brazil.close());
  let exact = 0;
  let scenes = 0;
  const misses: string[] = [];
  for (const printed of ['OBI-1080', 'GOS-5102', 'DIZ-0865', 'QOB-8125', 'SIO-2016', 'BGO-6018']) {
    for (const width of [180, 240, 300]) {
      for (const step of [0, 1, 2]) {
        const plates = await brazil.recognize({ data: await sharp(Buffer.from(greyPlateScene(printed, width, step).svg)).jpeg({ quality: 85 }).toBuffer() });
        const truth = printed.replace('-', '');
        scenes++;
        tt.ok(plates.every((p) => p.region === null), 'no US state is named on a Brazilian plate');
        if (plates.some((p) => p.text === truth)) exact++;
        else misses.push(`${truth} ${width} px step ${step}: ${plates.map((p) => p.text).join(', ') || 'nothing'}`);
      }
    }
  }
  // Measured (float readers): 43 of 54 with plate_region br; 8 of 54 as a US site reads them
  // (BG06018, 0BI1080), and 8 with the format step removed.
  tt.ok(exact >= 36, `${exact} of ${scenes} read exactly (misses: ${misses.join('; ')})`);
});

t.test('a wider reading replaces the box\'s own only where it adds characters at an end', async (tt) => {
  tt.ok(extendsReading('GWT21', 'GWT2180'), 'characters added at the end');
  tt.ok(extendsReading('PH2113', 'SPH2113'), 'at the start');
  tt.ok(extendsReading('WK42', 'KDWK4294'), 'at both');
  tt.notOk(extendsReading('GWT2180', 'GWT2180'), 'the same text');
  tt.notOk(extendsReading('DG2Z6U', 'DG276U'), 'another text of the same length');
  tt.notOk(extendsReading('CCV020', 'CV020'), 'a shorter one');
  tt.notOk(extendsReading('ABC123', 'ABX1234'), 'a longer one that differs inside');
});

t.test('a box whose reading is shorter than the country\'s formats is grown to the next one, each way, within the frame', async (tt) => {
  const box = { x: 100, y: 50, width: 50, height: 20, score: 0.9 };
  const br = new Set(['LLLDDDD', 'LLLDLDD']);
  const grown = grownBoxes(box, 'GWT21', br, 1000);
  tt.same(grown.map((b) => [Math.round(b.x), Math.round(b.width)]), [[100, 70], [90, 70], [80, 70]], 'seven characters where five were read: 1.4 times, right, both ways, left');
  tt.ok(grown.every((b) => b.y === box.y && b.height === box.height), 'the height stays');
  tt.same(grownBoxes(box, 'AB', br, 1000).map((b) => b.width), [80, 80, 80], 'at most 1.6 times');
  tt.same(grownBoxes(box, 'GWT2180', br, 1000), [], 'a reading as long as the formats: nothing to grow');
  tt.same(grownBoxes(box, 'GWT21', new Set(), 1000), [], 'no declared formats: nothing');
  tt.same(grownBoxes({ ...box, x: 10 }, 'GWT21', br, 65).map((b) => [Math.round(b.x), Math.round(b.width)]), [[10, 55], [0, 65], [0, 60]], 'clipped to the frame');
});

t.test("in a country with a national series, a read that fits none of its formats is kept and flagged for the officer", async (tt) => {
  const us = await PlateRecognizer.create(options({ detectorZoom: ZOOM }));
  const brazil = await PlateRecognizer.create(options({ detectorZoom: ZOOM, plateRegion: 'br' }));
  tt.teardown(async () => {
    await us.close();
    await brazil.close();
  });
  const burst = async (printed: string) => [{ format: 'jpeg' as const, width: 960, height: 540, data: await sharp(Buffer.from(greyPlateScene(printed, 240, 0).svg)).jpeg({ quality: 85 }).toBuffer(), capturedAt: 0, origin: printed }];
  // Six characters: no Brazilian series (LLLDDDD, LLLDLDD) has six.
  const [foreign] = await brazil.recognizeBurst(await burst('KRV-124'));
  const [atHome] = await us.recognizeBurst(await burst('KRV-124'));
  tt.equal(foreign?.text, 'KRV124', 'read as it is');
  tt.equal(atHome?.text, 'KRV124');
  tt.equal(atHome!.lowConfidence, false, `a US site: a sure read (${atHome!.confidence}) is not flagged`);
  tt.equal(foreign!.lowConfidence, true, 'a Brazilian site: flagged, not dropped');
  const [fits] = await brazil.recognizeBurst(await burst('KRV-1248'));
  tt.equal(fits?.text, 'KRV1248');
  tt.equal(fits!.lowConfidence, fits!.confidence < 0.5, 'a read that fits is flagged only for its confidence');
});
