import t from 'tap';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { alpr, topics } from '../../sync/index.js';
import { eventually, MOSQUITTO_URL, serviceAvailable } from '../helpers/index.js';
import { runAppliance } from '../helpers/applianceRig.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';
import { startHub } from '../helpers/syncRig.js';

const INTACT = { missing: [], changed: [], unexpected: [], outOfOrder: [] };

t.test('reads captured by the firmware pipeline arrive at the hub through the embedded broker', async (tt) => {
  const hub = await startHub(tt);
  const { reads, captured, buffer, deviceId } = await runAppliance(tt, hub, hub.brokerUrl);
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
  tt.same(await checkArrival(hub.store, captured.map(contentOf)), INTACT, 'plate, confidence, times, site, camera and both images as captured, in order');
  const one = await hub.store.getRead(reads[0]!);
  tt.equal(one?.siteId, 'site-e2e');
  tt.ok((one?.context.length ?? 0) > 1000, 'the context image arrived');
});

t.test('reads captured by the firmware pipeline arrive at the hub through Mosquitto', async (tt) => {
  if (!(await serviceAvailable(tt, 'mosquitto'))) return;
  const hub = await startHub(tt, { brokerUrl: MOSQUITTO_URL, sharedGroup: `e2e-${randomBytes(3).toString('hex')}` });
  // Mosquitto here allows anonymous clients; an enrolled appliance would use its broker password.
  const { reads, captured, buffer } = await runAppliance(tt, hub, MOSQUITTO_URL);
  await eventually(async () => (await hub.store.countReads()) === reads.length && (await buffer.stats()).reads === 0, 20_000);
  tt.same(await checkArrival(hub.store, captured.map(contentOf)), INTACT, 'every read intact, in order');
});
