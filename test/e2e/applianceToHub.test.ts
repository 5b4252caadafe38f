import t from 'tap';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
import { SimulatedGpioChip } from '../../drivers/index.js';
import { Appliance, dataKeyPath, loadDataKey, newDataKey, readBufferFromConfig, recognizerFromConfig, uplinkFromConfig, validateConfig, writeDataKey } from '../../firmware/index.js';
import mqtt from 'mqtt';
import { alpr, newSigningKeys, rawPublicKey, topics, writeHubIdentity, writePrivateKey } from '../../sync/index.js';
import { eventually, MOSQUITTO_URL, serviceAvailable, tempDir } from '../helpers/index.js';
import { startHub, type Hub } from '../helpers/syncRig.js';
import { randomBytes } from 'node:crypto';

const FRAMES = new URL('../../demo/frames', import.meta.url).pathname;

/** The whole appliance (simulated GPIO, replay camera, real recognizer, buffer, uplink) against a hub. */
async function runAppliance(tt: import('tap').Test, hub: Hub, brokerUrl: string) {
  const dir = await tempDir(tt, 'alpr-appliance-');
  const deviceId = `pole-${randomBytes(3).toString('hex')}`;
  const keys = newSigningKeys();
  await hub.store.upsertDevice({ deviceId, publicKey: rawPublicKey(keys.publicKey), siteId: 'site-e2e', status: 'active', enrolledAt: Date.now() });
  await writePrivateKey(join(dir, 'device.pem'), keys.privateKey);
  await writeHubIdentity(join(dir, 'hub.json'), { sealPublicKey: hub.keys.seal.publicKey, verifyKey: hub.keys.sign.publicKey });
  await writeDataKey(join(dir, 'data.key'), newDataKey());
  const config = validateConfig({
    device_id: deviceId, site_id: 'site-e2e', data_dir: dir, gpio: { type: 'simulated' },
    trigger: { mode: 'inputs', inputs: [{ pin: 17 }], debounce_ms: 5, hold_off_ms: 50 }, tamper: { pin: 24 },
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
  const appliance = await Appliance.create({ config, logger, clock: systemClock, gpio, recognizer: await recognizerFromConfig(config, systemClock, logger), buffer, uplink });
  const reads: string[] = [];
  appliance.pipeline.on('plateRead', (r) => reads.push(r.id));
  await appliance.start();
  tt.teardown(() => appliance.stop());
  for (let vehicle = 1; vehicle <= 6; vehicle++) {
    gpio.drive(17, 0);
    await new Promise((r) => setTimeout(r, 20));
    gpio.drive(17, 1);
    await eventually(() => appliance.pipeline.counters.bursts === vehicle && appliance.pipeline.idle, 15_000);
    await new Promise((r) => setTimeout(r, 60));
  }
  return { appliance, reads, buffer, deviceId };
}

t.test('reads captured by the firmware pipeline arrive at the hub through the embedded broker', async (tt) => {
  const hub = await startHub(tt);
  const { reads, buffer, deviceId } = await runAppliance(tt, hub, hub.brokerUrl);
  tt.ok(reads.length >= 5, `${reads.length} plates read`);
  // The retained status message says the appliance is online and carries its health.
  const watcher = await mqtt.connectAsync(hub.brokerUrl, { clientId: 'hub-status-watch', username: 'hub', password: hub.broker!.hubPassword });
  const status = await new Promise<alpr.v1.DeviceStatus>((resolve) => {
    watcher.on('message', (_topic, payload) => resolve(alpr.v1.DeviceStatus.decode(payload)));
    void watcher.subscribeAsync(topics.status(deviceId), { qos: 1 });
  });
  await watcher.endAsync();
  tt.equal(status.online, true);
  tt.equal(status.tamperOpen, false);
  tt.match(status.healthJson, /"uptimeS"/);
  await eventually(async () => (await hub.store.countReads()) === reads.length && (await buffer.stats()).reads === 0, 20_000);
  tt.same((await hub.store.allReadIds()).sort(), [...reads].sort());
  const one = await hub.store.getRead(reads[0]!);
  tt.equal(one?.siteId, 'site-e2e');
  tt.ok((one?.context.length ?? 0) > 1000, 'the context image arrived');
});

t.test('reads captured by the firmware pipeline arrive at the hub through Mosquitto', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const hub = await startHub(tt, { brokerUrl: MOSQUITTO_URL, sharedGroup: `e2e-${randomBytes(3).toString('hex')}` });
  // Mosquitto here allows anonymous clients; an enrolled appliance would use its broker password.
  const { reads, buffer } = await runAppliance(tt, hub, MOSQUITTO_URL);
  await eventually(async () => (await hub.store.countReads()) === reads.length && (await buffer.stats()).reads === 0, 20_000);
  tt.same((await hub.store.allReadIds()).sort(), [...reads].sort());
});
