import t from 'tap';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { eventually, makeRead } from '../helpers/index.js';
import { startAclMosquitto } from '../helpers/mosquitto.js';
import { checkArrival, contentOf } from '../helpers/readContent.js';
import { makeDevice, startHub } from '../helpers/syncRig.js';

t.setTimeout(3 * 60_000);

t.test('Mosquitto killed with SIGKILL during sync and restarted: every read arrives once, intact and in order', async (tt) => {
  if (!existsSync('/usr/sbin/mosquitto') && !existsSync('/usr/bin/mosquitto')) {
    if (process.env.ALPR_REQUIRE_SERVICES === '1') tt.fail('no mosquitto binary to start a private broker (ALPR_REQUIRE_SERVICES=1)');
    else tt.plan(0, 'skipped: no mosquitto binary to start a private broker');
    return;
  }
  const hubPassword = randomBytes(12).toString('hex');
  const deviceId = `pole-${randomBytes(3).toString('hex')}`;
  // A broker of this test's own: the shared one on 1883 is never stopped.
  const broker = await startAclMosquitto(tt, { hub: hubPassword, [deviceId]: 'device-secret' });
  const hub = await startHub(tt, { brokerUrl: broker.url, hubUser: { username: 'hub', password: hubPassword } });
  const device = await makeDevice(tt, hub, { deviceId, brokerUrl: broker.url, mqttPassword: 'device-secret', maxReads: 10 });
  const reads = Array.from({ length: 300 }, () => makeRead({ siteId: 'site-1', deviceId, capturedAt: Date.now(), imageBytes: 3000 }));
  for (const r of reads) await device.buffer.append(r);
  await device.uplink.start();
  await eventually(async () => (await hub.store.countReads()) >= 30, 30_000);

  await broker.kill();
  await new Promise((r) => setTimeout(r, 1500));
  const storedWhileDown = await hub.store.countReads();
  tt.ok(storedWhileDown < 300, `${storedWhileDown} of 300 stored when the broker died`);
  await broker.start();

  await eventually(async () => (await device.buffer.stats()).reads === 0, 60_000);
  tt.same(await checkArrival(hub.store, reads.map(contentOf)), { missing: [], changed: [], unexpected: [], outOfOrder: [] });
  const c = await hub.store.ingestCounters(deviceId);
  tt.equal(c.readsStored, 300, 'each read stored once');
  tt.equal(c.gaps, 0, 'no batch number skipped');
  tt.equal(c.duplicates, c.resentReads, 'duplicates only in resent batches');
});
