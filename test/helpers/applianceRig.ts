import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { silentLogger, systemClock } from '../../core/index.js';
import { SimulatedGpioChip } from '../../drivers/index.js';
import { Appliance, dataKeyPath, loadDataKey, newDataKey, readBufferFromConfig, uplinkFromConfig, validateConfig, writeDataKey, type ReadRecord } from '../../firmware/index.js';
import { recognizerFromConfig } from '../../inference/index.js';
import { newSigningKeys, rawPublicKey, writeHubIdentity, writePrivateKey } from '../../sync/index.js';
import { eventually, tempDir } from './index.js';
import type { Hub } from './syncRig.js';
import { ensureSite } from '../../bench/siteApproval.js';

const FRAMES = new URL('../../demo/frames', import.meta.url).pathname;

/** The whole appliance (simulated GPIO, replay camera, real recognizer, buffer, uplink) against a hub. */
export async function runAppliance(tt: import('tap').Test, hub: Pick<Hub, 'store' | 'keys'>, brokerUrl: string, enroll?: (deviceId: string, publicKey: Buffer) => Promise<void>) {
  const dir = await tempDir(tt, 'alpr-appliance-');
  const deviceId = `pole-${randomBytes(3).toString('hex')}`;
  const keys = newSigningKeys();
  if (enroll) await enroll(deviceId, rawPublicKey(keys.publicKey));
  else {
    await ensureSite(hub.store, 'site-e2e');
    await hub.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: 'site-e2e', status: 'active', enrolledAt: Date.now() });
  }
  await writePrivateKey(join(dir, 'device.pem'), keys.privateKey);
  await writeHubIdentity(join(dir, 'hub.json'), { sealPublicKey: hub.keys.seal.publicKey, verifyKey: hub.keys.sign.publicKey });
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  const config = validateConfig({
    device_id: deviceId, site_id: 'site-e2e', data_dir: dir, gpio: { type: 'simulated' },
    trigger: { mode: 'inputs', inputs: [{ pin: 17 }], debounce_ms: 5, hold_off_ms: 50 }, tamper: { pin: 24 },
    // Daylight, like the replayed scenes, whatever the hour in Chicago (the default follows the sun there).
    day_night: { source: 'sensor', sensor_pin: 23 },
    camera: { type: 'replay', folder: FRAMES, burst_frames: 3, burst_interval_ms: 1 },
    recognizer: { backend: 'onnx', dedupe_window_ms: 0 },
    sync: { enabled: true, broker_url: brokerUrl, batch_max_age_ms: 50, ack_timeout_ms: 3000, backoff_initial_ms: 100, backoff_max_ms: 1000 },
  });
  const logger = silentLogger();
  const buffer = readBufferFromConfig(config, [await loadDataKey(dataKeyPath(config))], systemClock, logger);
  const uplink = await uplinkFromConfig(config, buffer, systemClock, logger);
  const gpio = new SimulatedGpioChip();
  gpio.drive(17, 1);
  gpio.drive(24, 0);
  gpio.drive(23, 0); // the photo-switch reads light (it outputs 1 in the dark)
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer: await recognizerFromConfig(config.recognizer, systemClock, logger), buffer, uplink });
  const reads: string[] = [];
  // In the order the pipeline stored them (the event follows each append).
  const captured: ReadRecord[] = [];
  appliance.pipeline.on('plateRead', (r) => {
    reads.push(r.id);
    captured.push(r);
  });
  await appliance.start();
  tt.teardown(() => appliance.stop());
  await passSixVehicles(appliance, gpio, 15_000);
  return { appliance, reads, captured, buffer, deviceId };
}

/** The demo's six vehicles pass a started appliance: one trigger on pin 17 each, waiting for its burst to be read. */
export async function passSixVehicles(appliance: Appliance, gpio: SimulatedGpioChip, burstTimeoutMs: number): Promise<void> {
  for (let vehicle = 1; vehicle <= 6; vehicle++) {
    gpio.drive(17, 0);
    await new Promise((r) => setTimeout(r, 20));
    gpio.drive(17, 1);
    await eventually(() => appliance.pipeline.counters.bursts === vehicle && appliance.pipeline.idle, burstTimeoutMs);
    await new Promise((r) => setTimeout(r, 60));
  }
}

