import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, errorMessage, systemClock } from '../core/index.js';
import { SimulatedGpioChip } from '../drivers/index.js';
import { Appliance, dataKeyPath, loadOrCreateDataKey, readBufferFromConfig, recognizerFromConfig, validateConfig } from '../firmware/index.js';

const LOOP_PIN = 17;
const TAMPER_PIN = 24;
const USAGE = 'usage: npm run demo [-- --images DIR] [--verbose]';

/**
 * The one-command demo: the appliance on the simulated GPIO chip and the replay camera. The demo
 * plays the traffic: for each vehicle it pulls the simulated loop detector's line low, as a real
 * detector would, and the appliance captures a burst. It prints what the appliance captured.
 */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { images: { type: 'string' }, verbose: { type: 'boolean' } } }));
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return 64;
  }
  const images = values.images ?? new URL('./frames', import.meta.url).pathname;
  const dataDir = await mkdtemp(join(tmpdir(), 'alpr-demo-'));
  const config = validateConfig({
    device_id: 'demo-appliance',
    site_id: 'demo-site',
    log_level: values.verbose ? 'info' : 'warn',
    data_dir: dataDir,
    gpio: { type: 'simulated' },
    illuminator: { pin: 18 },
    day_night: { source: 'sun' },
    trigger: { mode: 'inputs', inputs: [{ pin: LOOP_PIN, kind: 'loop', active_low: true }], debounce_ms: 10, hold_off_ms: 100 },
    tamper: { pin: TAMPER_PIN },
    camera: { type: 'replay', folder: images, burst_frames: 3, burst_interval_ms: 20 },
    health: { interval_ms: 60_000 },
  });
  const logger = createLogger({ level: config.logLevel, name: 'alpr-demo' });
  const gpio = new SimulatedGpioChip();
  gpio.drive(LOOP_PIN, 1); // no vehicle: the open-collector line idles high
  gpio.drive(TAMPER_PIN, 0); // enclosure closed: the switch holds the tamper line to ground
  // Enrollment writes the data key on a real appliance; the demo makes its own.
  const buffer = readBufferFromConfig(config, [await loadOrCreateDataKey(dataKeyPath(config))], systemClock, logger);
  const recognizer = await recognizerFromConfig(config, systemClock, logger);
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer, buffer });

  let frames = 0;
  let finished = false;
  appliance.pipeline.on('frameCaptured', (f) => {
    frames++;
    process.stdout.write(`  frame ${String(frames).padStart(3)}  ${f.width}x${f.height} ${f.format}  burst ${f.burstId.slice(0, 8)}  from ${f.origin.split('/').pop()}\n`);
  });
  appliance.pipeline.on('plateRead', (read) => {
    const flag = read.lowConfidence ? '  (low confidence: kept, flagged)' : '';
    process.stdout.write(`  READ  ${read.plate.padEnd(9)} confidence ${read.confidence.toFixed(2)}  state ${read.region ?? 'unknown'}${flag}\n`);
  });
  appliance.pipeline.on('captureFailed', (err) => process.stdout.write(`  capture failed: ${err.code} ${err.message}\n`));
  appliance.pipeline.on('cameraIdle', () => (finished = true));

  process.stdout.write(`ALPR appliance demo: simulated GPIO, replay camera over ${images}\n`);
  await appliance.start();
  process.stdout.write(`light mode: ${appliance.dayNight.mode}; driving the loop detector on GPIO ${LOOP_PIN}\n`);
  // One vehicle per burst until the camera has nothing more to replay.
  for (let vehicle = 1; !finished && vehicle <= 10_000; vehicle++) {
    gpio.drive(LOOP_PIN, 0);
    await systemClock.sleep(30);
    gpio.drive(LOOP_PIN, 1);
    await waitFor(() => appliance.pipeline.idle && appliance.pipeline.counters.triggers >= vehicle, 10_000);
    await systemClock.sleep(config.trigger.holdOffMs);
  }
  await waitFor(() => appliance.pipeline.idle, 30_000);
  const health = await appliance.health.collect();
  await appliance.stop();
  const c = appliance.pipeline.counters;
  process.stdout.write(`read ${c.reads} plates (${c.lowConfidenceReads} low confidence), stored encrypted in the appliance buffer\n`);
  process.stdout.write(`captured ${c.frames} frames in ${c.bursts} bursts from ${appliance.trigger.vehicleCount} vehicles; ` +
    `${c.captureErrors} capture errors, ${c.droppedTriggers + c.droppedBursts} dropped; illuminator duty ${(health.illuminator?.dutyCycle ?? 0).toFixed(3)}\n`);
  process.stdout.write(`data folder: ${dataDir}\nrun the appliance alone: npx alpr-firmware --config FILE (see docs/install.md)\n`);
  return c.frames > 0 ? 0 : 1;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the pipeline');
    await systemClock.sleep(5);
  }
}
