import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock, systemClock, type Clock } from '../../../core/index.js';
import { DayNight, Illuminator, ReplayCamera, SimulatedGpioChip, SimulatedLightSensor, type CapturedImage } from '../../../drivers/index.js';
import { CapturePipeline, type PlateRead, type ReadRecord, type Recognizer } from '../../../firmware/index.js';
import { captureLogger, eventually, solidJpeg, tempDir } from '../../helpers/index.js';

/** Reads one plate per burst whose text names the burst's first frame (so tests can follow it). */
class FileNameRecognizer implements Recognizer {
  bursts: number[] = [];
  constructor(private readonly behaviour: { delayMs?: number; failOn?: number; hang?: boolean } = {}) {}
  async recognizeBurst(frames: readonly CapturedImage[]): Promise<PlateRead[]> {
    this.bursts.push(frames.length);
    if (this.behaviour.hang) return new Promise(() => undefined);
    if (this.behaviour.delayMs) await new Promise((r) => setTimeout(r, this.behaviour.delayMs));
    if (this.bursts.length === this.behaviour.failOn) throw new Error('model crashed');
    const name = frames[0]!.origin.split('/').pop()!.replace(/\..*/, '').toUpperCase();
    const p = { x: 0, y: 0 };
    return [{ text: name, candidates: [name], confidence: 0.9, charConfidences: [], region: null, regionConfidence: 0, corners: [p, p, p, p], frameIndex: 0, crop: Buffer.from('crop'), lowConfidence: false, vehicleColour: 'red' }];
  }
}

async function setup(tt: { teardown(fn: () => unknown): void }, options: { files?: number; recognizer?: Recognizer; clock?: Clock; night?: boolean; recognizeQueue?: number; stageStuckMs?: number; corrupt?: number; hubNow?: () => number | null; frameFormat?: 'raw' | 'jpeg' } = {}) {
  const dir = await tempDir(tt);
  const jpeg = await solidJpeg();
  for (let i = 0; i < (options.files ?? 6); i++) {
    await writeFile(join(dir, `f${String(i).padStart(2, '0')}.jpg`), i === options.corrupt ? Buffer.from('garbage') : jpeg);
  }
  const clock = options.clock ?? systemClock;
  const logger = captureLogger().logger;
  const chip = new SimulatedGpioChip();
  const illuminator = new Illuminator({ pin: await chip.openOutput(18), activeLow: false, level: 1, maxDutyCycle: 0.5, dutyWindowMs: 60_000, strobeLeadMs: 0, strobeTrailMs: 0, clock, logger });
  const dayNight = new DayNight({ source: { kind: 'sensor', sensor: new SimulatedLightSensor(options.night ? 0 : 1000), nightBelowLux: 10, dayAboveLux: 50 }, pollMs: 60_000, holdMs: 0, clock, logger });
  await dayNight.start();
  tt.teardown(() => dayNight.stop());
  const stored: ReadRecord[] = [];
  const camera = new ReplayCamera({ cameraId: 'cam0', folder: dir, loop: false, framesPerSecond: 0, clock, frameFormat: options.frameFormat ?? 'jpeg' });
  const exposures: number[] = [];
  const captureBurst = camera.captureBurst.bind(camera);
  camera.captureBurst = async (req) => {
    exposures.push(req.exposure.shutterUs);
    return captureBurst(req);
  };
  const litDuringCapture: number[] = [];
  const pipeline = new CapturePipeline({
    deviceId: 'dev-1', siteId: 'site-1', camera, illuminator, dayNight,
    exposure: { day: { shutterUs: 500, gain: 1 }, night: { shutterUs: 2000, gain: 8 } },
    burst: { frames: 2, intervalMs: 0 },
    recognizer: options.recognizer ?? new FileNameRecognizer(),
    store: { append: async (read) => void stored.push(read) },
    captureQueue: 4, recognizeQueue: options.recognizeQueue ?? 8, framePoolBytes: 10_000_000, stageStuckMs: options.stageStuckMs ?? 30_000, clock, logger,
    ...(options.hubNow ? { hubNow: options.hubNow } : {}),
  });
  pipeline.on('frameCaptured', () => litDuringCapture.push(chip.levelOf(18)));
  await pipeline.start();
  tt.teardown(() => pipeline.stop());
  const trigger = (count: number) => pipeline.vehicleDetected({ at: clock.now(), source: 'loop', count });
  return { pipeline, stored, trigger, exposures, chip, litDuringCapture };
}

t.test('each trigger becomes a burst, the burst is recognized, and the read is stored', async (tt) => {
  const { pipeline, stored, trigger } = await setup(tt);
  const reads: ReadRecord[] = [];
  pipeline.on('plateRead', (r) => reads.push(r));
  trigger(1);
  await eventually(() => pipeline.idle && stored.length === 1);
  trigger(2);
  await eventually(() => pipeline.idle && stored.length === 2);
  tt.same(stored.map((r) => r.plate), ['F00', 'F02']);
  tt.equal(stored[0]!.deviceId, 'dev-1');
  tt.equal(stored[0]!.siteId, 'site-1');
  tt.ok(stored[0]!.context.length > 100, 'the context image is the frame');
  tt.equal(stored[0]!.vehicleColour, 'red', 'the colour the recognizer judged is kept with the read');
  tt.equal(reads.length, 2);
  tt.equal(pipeline.counters.frames, 4);
  tt.equal(pipeline.framePool.frames, 0, 'every frame released');
});

t.test('raw frames pass through the pool as I420 and a read carries its frame as a colour JPEG, made for the read', async (tt) => {
  const { pipeline, stored, trigger } = await setup(tt, { frameFormat: 'raw' });
  const formats: string[] = [];
  pipeline.on('frameCaptured', (f) => formats.push(f.format));
  trigger(1);
  await eventually(() => pipeline.idle && stored.length === 1);
  tt.same(formats, ['yuv420', 'yuv420'], 'the pool held raw frames');
  const context = stored[0]!.context;
  tt.same([...context.subarray(0, 2)], [0xff, 0xd8], 'the context image is a JPEG');
  tt.match(await (await import('sharp')).default(context).metadata(), { format: 'jpeg', width: 64, height: 48, channels: 3 });
  tt.equal(pipeline.framePool.frames, 0, 'every frame released');
});

t.test('at night the illuminator strobes each burst and the night exposure is used; a read made under it has no colour to judge', async (tt) => {
  const { pipeline, trigger, exposures, chip, litDuringCapture, stored } = await setup(tt, { night: true });
  trigger(1);
  await eventually(() => pipeline.idle && pipeline.counters.bursts === 1 && stored.length === 1);
  tt.equal(stored[0]!.vehicleColour, 'unknown', 'infrared light shows no paint colour, whatever the recognizer said');
  tt.same(exposures, [2000]);
  tt.equal(chip.levelOf(18), 0, 'dark again after the burst');
  tt.ok(litDuringCapture.length > 0);
});

t.test('a slow recognizer makes the queue drop bursts, counted, without losing order', async (tt) => {
  const recognizer = new FileNameRecognizer({ delayMs: 50 });
  const { pipeline, trigger } = await setup(tt, { files: 40, recognizer, recognizeQueue: 1 });
  for (let i = 1; i <= 10; i++) trigger(i);
  await eventually(() => pipeline.idle && pipeline.counters.triggers === 10, 10_000);
  const c = pipeline.counters;
  tt.ok(c.droppedBursts + c.droppedTriggers > 0, `dropped ${c.droppedBursts} bursts, ${c.droppedTriggers} triggers`);
  tt.equal(c.bursts, recognizer.bursts.length + c.droppedBursts);
  tt.equal(pipeline.framePool.frames, 0);
});

t.test('a corrupt frame and a recognizer crash are counted and the pipeline keeps going', async (tt) => {
  const recognizer = new FileNameRecognizer({ failOn: 1 });
  const { pipeline, trigger, stored } = await setup(tt, { recognizer, corrupt: 2 });
  trigger(1); // f00,f01 -> recognizer crashes
  await eventually(() => pipeline.idle && pipeline.counters.recognizeErrors === 1);
  trigger(2); // f02 corrupt
  await eventually(() => pipeline.idle && pipeline.counters.captureErrors === 1);
  trigger(3); // f03,f04
  await eventually(() => pipeline.idle && stored.length === 1);
  tt.equal(stored[0]!.plate, 'F03');
});

t.test('a stage stuck on one item is reported to the supervisor', async (tt) => {
  const clock = new ManualClock();
  const { pipeline, trigger } = await setup(tt, { clock, recognizer: new FileNameRecognizer({ hang: true }), stageStuckMs: 1000 });
  const failures: string[] = [];
  pipeline.onFailure((err) => failures.push(err.code));
  trigger(1);
  await eventually(() => pipeline.counters.bursts === 1);
  await clock.advanceAsync(2000, 100);
  tt.same(failures, ['ALPR_ERR_STAGE_STUCK']);
  tt.equal(pipeline.healthy, false, 'the systemd watchdog ping is withheld');
});

t.test('once the hub time is known, each read carries it beside the appliance clock time', async (tt) => {
  const HOUR = 3_600_000;
  let hubNow: number | null = null;
  // The hub's clock is two hours behind this appliance's.
  const { pipeline, stored, trigger } = await setup(tt, { hubNow: () => (hubNow === null ? null : Date.now() - 2 * HOUR) });
  trigger(1);
  await eventually(() => pipeline.idle && stored.length === 1);
  tt.equal(stored[0]!.hubCapturedAt, undefined, 'before the hub has been heard from: only the appliance time');
  hubNow = 1;
  trigger(2);
  await eventually(() => pipeline.idle && stored.length === 2);
  const read = stored[1]!;
  tt.ok(Math.abs(read.hubCapturedAt! - (read.capturedAt - 2 * HOUR)) < 1000, 'the hub time at capture, two hours behind the appliance time');
});
