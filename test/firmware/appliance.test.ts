import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock } from '../../core/index.js';
import { SimulatedGpioChip, type CapturedImage } from '../../drivers/index.js';
import { Appliance, newDataKey, ReadBuffer, THIRTY_DAYS_MS, validateConfig, type PlateRead } from '../../firmware/index.js';
import { captureLogger, eventually, solidJpeg, tempDir } from '../helpers/index.js';

t.test('the assembled appliance stores each read in the encrypted buffer and reports it in health', async (tt) => {
  const dir = await tempDir(tt);
  for (let i = 0; i < 3; i++) await writeFile(join(dir, `f${i}.jpg`), await solidJpeg());
  const config = validateConfig({
    data_dir: dir, gpio: { type: 'simulated' }, camera: { type: 'replay', folder: dir, burst_frames: 1 },
    trigger: { mode: 'inputs', inputs: [{ pin: 17 }], debounce_ms: 0, hold_off_ms: 0 }, tamper: { pin: 24 },
  });
  const logger = captureLogger().logger;
  const buffer = new ReadBuffer({ path: join(dir, 'buffer'), keys: [newDataKey()], retentionMs: THIRTY_DAYS_MS, maxBytes: 1e8, leaseMs: 60_000, evictEveryMs: 60_000, clock: systemClock, logger });
  const p = { x: 0, y: 0 };
  const recognizer = {
    recognizeBurst: async (frames: readonly CapturedImage[]): Promise<PlateRead[]> =>
      frames.map(() => ({ text: 'ABC1234', candidates: ['ABC1234'], confidence: 0.9, charConfidences: [0.9], region: 'IL', regionConfidence: 0.5, corners: [p, p, p, p], frameIndex: 0, crop: Buffer.from('c'), lowConfidence: false, vehicleColour: 'blue' })),
  };
  const gpio = new SimulatedGpioChip();
  gpio.drive(17, 1);
  gpio.drive(24, 0);
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer, buffer });
  await appliance.start();
  gpio.drive(17, 0);
  await eventually(() => appliance.pipeline.counters.reads === 1);
  const health = await appliance.health.collect();
  tt.same((health.buffer as { reads: number }).reads, 1);
  tt.equal(health.tamper?.open, false);
  const batch = await buffer.nextBatch(10, 1e9);
  tt.equal(batch?.reads[0]?.plate, 'ABC1234');
  tt.equal(batch?.reads[0]?.siteId, config.siteId);
  await appliance.stop();
});

t.test('config: retention cannot be set beyond 30 days', async (tt) => {
  tt.throws(() => validateConfig({ buffer: { retention_days: 31 } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /buffer\.retention_days/ });
});

t.test('config: the plate region is one the recognizer knows, us by default', async (tt) => {
  tt.equal(validateConfig({}).recognizer.plateRegion, 'us');
  tt.equal(validateConfig({ recognizer: { plate_region: 'br' } }).recognizer.plateRegion, 'br');
  tt.throws(() => validateConfig({ recognizer: { plate_region: 'xx' } }), { code: 'ALPR_ERR_CONFIG_INVALID', message: /recognizer\.plate_region/ });
});
