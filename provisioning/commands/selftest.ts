import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError, errorMessage, silentLogger, systemClock, type Logger } from '../../core/index.js';
import { createCamera, createGpioChip, Illuminator, type GpioChip } from '../../drivers/index.js';
import { cameraConfigOf, dataKeyPath, loadConfigFile, loadDataKey, ReadBuffer, uplinkFromConfig, type ApplianceConfig, type BufferBatch, type ReadRecord } from '../../firmware/index.js';
import { recognizerFromConfig } from '../../inference/index.js';
import type { Progress } from '../progress.js';
import { measureRecognitionSpeed, type RecognitionSpeed } from './recognitionSpeed.js';

/**
 * PASS: the real part works. SIMULATED: the check ran against a simulated backend (the simulated
 * GPIO chip, the replay camera), so it proves nothing about the pole's hardware. FAIL: it does not work.
 */
export type SelftestStatus = 'PASS' | 'SIMULATED' | 'FAIL';

export interface SelftestCheck {
  check: string;
  status: SelftestStatus;
  detail: string;
  ms: number;
  /** The recognition check's speed on this board (kept by `--json`). */
  speed?: RecognitionSpeed;
}

/** What one check found: a detail line, and whether it only exercised a simulated backend. */
interface CheckOutcome {
  detail: string;
  simulated?: boolean;
  speed?: RecognitionSpeed;
}

/** A run passes when nothing failed and, unless simulated hardware is allowed, nothing was simulated. */
export function selftestPassed(results: SelftestCheck[], allowSimulated: boolean): boolean {
  return results.every((r) => r.status === 'PASS' || (allowSimulated && r.status === 'SIMULATED'));
}

const TEST_IMAGE = new URL('../selftest/plate-7ABC123.jpg', import.meta.url);
const TEST_PLATE = '7ABC123';

/**
 * Every part the appliance needs, one at a time, as configured: GPIO inputs and outputs, the
 * illuminator, a camera capture, recognition of a built-in image, the encrypted buffer, the hub's
 * broker and a full batch-and-ack round trip (an empty batch: nothing is stored at the hub).
 * Run it with the firmware stopped; it uses the same pins, camera and sequence numbers.
 */
export async function selftest(o: { configPath: string; progress: Progress; logger?: Logger; hubTimeoutMs?: number }): Promise<SelftestCheck[]> {
  const logger = o.logger ?? silentLogger();
  const config = await loadConfigFile(o.configPath);
  const results: SelftestCheck[] = [];
  const run = async (check: string, fn: () => Promise<CheckOutcome>) => {
    o.progress.step(check);
    const t0 = performance.now();
    try {
      const outcome = await fn();
      results.push({ check, status: outcome.simulated ? 'SIMULATED' : 'PASS', detail: outcome.detail, ms: Math.round(performance.now() - t0), ...(outcome.speed ? { speed: outcome.speed } : {}) });
    } catch (err) {
      results.push({ check, status: 'FAIL', detail: err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err), ms: Math.round(performance.now() - t0) });
    }
  };
  let gpio: GpioChip | null = null;
  await run('gpio', async () => {
    gpio = await createGpioChip(config.gpio.type === 'onoff' ? { type: 'onoff', chipBase: config.gpio.chipBase }
      : config.gpio.type === 'johnny-five' ? { type: 'johnny-five', port: config.gpio.port, timeoutMs: config.gpio.timeoutMs } : { type: 'simulated' });
    const inputs = config.trigger.mode === 'inputs' ? config.trigger.inputs.map((i) => i.pin) : [];
    if (config.tamper.enabled) inputs.push(config.tamper.pin);
    const levels: string[] = [];
    for (const pin of inputs) {
      const input = await gpio.openInput(pin);
      levels.push(`${pin}=${await input.read()}`);
      await input.close();
    }
    return { detail: `${config.gpio.type}; inputs ${levels.join(' ') || 'none'}`, simulated: config.gpio.type === 'simulated' };
  });
  await run('illuminator', async () => illuminatorCheck(config, gpio, logger));
  await run('camera', async () => {
    const c = config.camera;
    // A looping replay: the self-test must get a frame even from a folder the appliance used up.
    const cameraConfig = cameraConfigOf(c);
    const camera = await createCamera(cameraConfig.type === 'replay' ? { ...cameraConfig, loop: true } : cameraConfig, { clock: systemClock, logger });
    await camera.start();
    try {
      const [frame] = await camera.captureBurst({ frames: 1, intervalMs: 0, exposure: c.day });
      if (!frame || frame.data.length === 0) throw new AlprError('ALPR_ERR_CAMERA_CAPTURE', 'the camera returned no frame');
      // A replay camera reads files from a folder: it proves nothing about the pole's camera.
      return { detail: `${c.type}: ${frame.width}x${frame.height}, ${frame.data.length} bytes`, simulated: c.type === 'replay' };
    } finally {
      await camera.stop();
    }
  });
  await run('recognition', async () => {
    const recognizer = await recognizerFromConfig(config.recognizer, systemClock, logger);
    if (!recognizer) return { detail: 'recognition is off in the config' };
    const image = await readFile(TEST_IMAGE);
    const plates = await recognizer.recognize({ data: image });
    const texts = plates.map((p) => p.text);
    if (!texts.includes(TEST_PLATE)) throw new AlprError('ALPR_ERR_INFERENCE', `the built-in image reads as [${texts.join(', ')}], expected ${TEST_PLATE}`);
    // The board's own speed figure, for the model card's estimate to be checked against.
    const speed = await measureRecognitionSpeed(recognizer, image, config.camera.frameFormat);
    return { detail: `read ${TEST_PLATE} from the built-in image (${config.recognizer.backend}); ${speed.msMedian1080p} ms per 1080p ${speed.frameFormat} frame, ${speed.readers} readers`, speed };
  });
  await run('buffer', async () => bufferCheck(config, logger));
  await run('hub round trip', async () => roundTrip(config, logger, o.hubTimeoutMs ?? 15_000));
  await (gpio as GpioChip | null)?.close().catch(() => undefined);
  return results;
}

async function illuminatorCheck(config: ApplianceConfig, gpio: GpioChip | null, logger: Logger): Promise<CheckOutcome> {
  if (!config.illuminator.enabled) return { detail: 'disabled in the config' };
  if (!gpio) throw new AlprError('ALPR_ERR_GPIO_UNAVAILABLE', 'no GPIO chip (see the gpio check)');
  const il = config.illuminator;
  const pin = await gpio.openOutput(il.pin, { pwm: false, initial: il.activeLow ? 1 : 0 });
  try {
    const illuminator = new Illuminator({ pin, activeLow: il.activeLow, level: 1, maxDutyCycle: il.maxDutyCycle, dutyWindowMs: il.dutyWindowMs,
      strobeLeadMs: il.strobeLeadMs, strobeTrailMs: il.strobeTrailMs, clock: systemClock, logger });
    await illuminator.switchOn();
    const on = await pin.read();
    await illuminator.switchOff();
    const off = await pin.read();
    const expectOn = il.activeLow ? 0 : 1;
    if (on !== expectOn || off === expectOn) throw new AlprError('ALPR_ERR_GPIO_IO', `pin ${il.pin} read ${on} when on and ${off} when off`);
    // On the simulated chip the pin reads back whatever was written: no lamp was proven.
    return { detail: `pin ${il.pin} switched on and off`, simulated: config.gpio.type === 'simulated' };
  } finally {
    await pin.close();
  }
}

/**
 * Write, read back and erase one read in a throwaway buffer under the appliance's own data key.
 * A missing or unusable key fails: the firmware would not start without it.
 */
async function bufferCheck(config: ApplianceConfig, logger: Logger): Promise<CheckOutcome> {
  const key = await loadDataKey(dataKeyPath(config));
  const dir = join(config.dataDir, `selftest-buffer-${process.pid}`);
  const buffer = new ReadBuffer({ path: dir, keys: [key], retentionMs: 86_400_000, maxBytes: 1e6, leaseMs: 1000, evictEveryMs: 3600_000, clock: systemClock, logger });
  try {
    await buffer.open();
    const p = { x: 0, y: 0 };
    const read: ReadRecord = { id: randomUUID(), capturedAt: Date.now(), deviceId: config.deviceId, siteId: config.siteId || 'selftest', cameraId: 'selftest',
      plate: 'SELFTEST1', confidence: 1, charConfidences: [1], region: null, regionConfidence: 0, lowConfidence: false, corners: [p, p, p, p], crop: Buffer.from([1]), context: Buffer.from([2]) };
    await buffer.append(read);
    const back: ReadRecord[] = [];
    for await (const r of buffer.readAll()) back.push(r);
    if (back.length !== 1 || back[0]!.id !== read.id) throw new AlprError('ALPR_ERR_BUFFER_IO', 'the read written could not be read back');
    return { detail: `encrypted write, read back, erased (data key ${key.id})` };
  } finally {
    await buffer.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The uplink, as configured, sending one empty batch and waiting for the hub's signed ack. */
async function roundTrip(config: ApplianceConfig, logger: Logger, timeoutMs: number): Promise<CheckOutcome> {
  if (!config.sync.enabled) throw new AlprError('ALPR_ERR_SYNC_BROKER', 'sync is off in the config');
  let given = false;
  let acked = false;
  const source = {
    nextBatch: async (): Promise<BufferBatch | null> => (given ? null : ((given = true), { batchId: 'selftest', reads: [] })),
    renewLease: async () => true,
    markSynced: async () => void (acked = true),
    releaseBatch: () => void (given = false),
    stats: async () => ({ reads: 0, bytes: 0, oldestReadAgeS: null, leasedBatches: 0, evictedExpired: 0, dataLossReads: 0, corruptRecords: 0, storeRepairs: 0, storesSetAside: 0 }),
  };
  const uplink = await uplinkFromConfig(config, source as unknown as ReadBuffer, systemClock, logger);
  const t0 = Date.now();
  await uplink!.start();
  try {
    while (!acked && Date.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 50));
    if (!uplink!.stats.connected && !acked) throw new AlprError('ALPR_ERR_SYNC_BROKER', `the broker at ${config.sync.brokerUrl} did not accept this appliance`);
    if (!acked) throw new AlprError('ALPR_ERR_SYNC_ACK_TIMEOUT', `the hub did not acknowledge the test batch within ${timeoutMs / 1000} s`);
    return { detail: `${config.sync.brokerUrl}: signed ack in ${Date.now() - t0} ms` };
  } finally {
    await uplink!.stop();
  }
}
