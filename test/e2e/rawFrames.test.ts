import t from 'tap';
import { join } from 'node:path';
import sharp from 'sharp';
import { silentLogger, systemClock } from '../../core/index.js';
import { SimulatedGpioChip } from '../../drivers/index.js';
import { Appliance, newDataKey, ReadBuffer, THIRTY_DAYS_MS, validateConfig, type ReadRecord } from '../../firmware/index.js';
import { recognizerFromConfig } from '../../inference/index.js';
import { passSixVehicles } from '../helpers/applianceRig.js';
import { tempDir } from '../helpers/index.js';

const FRAMES = new URL('../../demo/frames', import.meta.url).pathname;

/** The appliance (replay camera over the demo's six vehicles, real recognizer) with frames handed over raw or as JPEG. */
async function readsOf(tt: import('tap').Test, frameFormat: 'raw' | 'jpeg'): Promise<ReadRecord[]> {
  const dir = await tempDir(tt, `alpr-${frameFormat}-`);
  const config = validateConfig({
    data_dir: dir, gpio: { type: 'simulated' }, trigger: { mode: 'inputs', inputs: [{ pin: 17 }], debounce_ms: 5, hold_off_ms: 50 }, tamper: { pin: 24 },
    day_night: { source: 'sensor', sensor_pin: 23 },
    camera: { type: 'replay', folder: FRAMES, burst_frames: 3, burst_interval_ms: 1, frame_format: frameFormat },
    recognizer: { backend: 'onnx', dedupe_window_ms: 0 },
  });
  const logger = silentLogger();
  const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e9, leaseMs: 60_000, evictEveryMs: 60_000, clock: systemClock, logger });
  const gpio = new SimulatedGpioChip();
  gpio.drive(17, 1);
  gpio.drive(24, 0);
  gpio.drive(23, 0); // daylight: the colour is judged
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer: await recognizerFromConfig(config.recognizer, systemClock, logger), buffer });
  const reads: ReadRecord[] = [];
  appliance.pipeline.on('plateRead', (r) => reads.push(r));
  await appliance.start();
  tt.teardown(() => appliance.stop());
  await passSixVehicles(appliance, gpio, 30_000);
  return reads;
}

t.test('the appliance reads the same plates, states and colours from raw I420 frames as from the JPEG files, and each read carries JPEG evidence', async (tt) => {
  const jpeg = await readsOf(tt, 'jpeg');
  const raw = await readsOf(tt, 'raw');
  const summary = (reads: ReadRecord[]) => reads.map((r) => ({ plate: r.plate, region: r.region, colour: r.vehicleColour }));
  tt.equal(raw.length, 6, 'one read per vehicle');
  tt.same(summary(raw), summary(jpeg), 'same text, state and colour');
  tt.same(raw.map((r) => r.vehicleColour), ['red', 'blue', 'silver', 'black', 'green', 'yellow'], 'the drawn paint (demo/sampleScenes.ts)');
  for (const read of raw) {
    const context = await sharp(read.context).metadata();
    tt.match(context, { format: 'jpeg', width: 960, height: 540, channels: 3 }, `${read.plate}: the context image is a colour JPEG of the frame`);
    tt.equal((await sharp(read.crop).metadata()).format, 'jpeg', `${read.plate}: the crop is a JPEG`);
  }
});
