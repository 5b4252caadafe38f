import t from 'tap';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../core/index.js';
import { Hub } from '../../../hub/index.js';
import { prepareFleetSite } from '../../../bench/fleet/fleetSite.js';
import { runFleet } from '../../../bench/fleet/simulator.js';
import { tempDir } from '../../helpers/index.js';

t.setTimeout(180_000);

t.test('five simulated appliances in two processes: each enrolled with its own key, every read stored once under the device that captured it', async (tt) => {
  const dataDir = await tempDir(tt, 'alpr-fleet-hub-');
  const auditDir = await tempDir(tt, 'alpr-fleet-audit-');
  const hub = new Hub({
    dataDir, audit: { keyFile: join(auditDir, 'audit-key.pem'), witnessFile: join(auditDir, 'audit.witness') }, pgUrl: null, pgSchema: 'alpr',
    brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null, mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null,
    httpHost: '127.0.0.1', httpPort: 0, policy: {}, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  tt.teardown(() => hub.stop());
  const services = hub.services!;
  const { siteId, session } = await prepareFleetSite(services, 'fleet-test');

  const result = await runFleet({
    appliances: 5, ratePerS: 2, durationS: 4, hubUrl: hub.httpUrl, session, siteId, brokerUrls: [], workers: 2,
    dataRoot: await tempDir(tt, 'alpr-fleet-data-'), drainTimeoutS: 30, expectHubKeyId: hub.keys!.seal.keyId, enrolConcurrency: 4, sync: {}, say: () => undefined,
  });

  const devices = await services.store.listDevices();
  tt.equal(devices.length, 5, 'five devices enrolled at the hub');
  tt.equal(new Set(devices.map((d) => d.publicKey.toString('hex'))).size, 5, 'each with a key of its own');
  tt.ok(devices.every((d) => d.siteId === siteId && d.status === 'active'), 'all active at the approved site');
  const enrolments = await services.audit.query({ action: 'device.enroll', limit: 100 });
  tt.equal(enrolments.length, 5, 'each enrollment is in the audit chain');

  tt.ok(result.readsSent >= 5 * 2 * 4 * 0.8, `${result.readsSent} reads captured (2/s for 4 s on 5 appliances)`);
  tt.equal(result.readsAcked, result.readsSent, 'the hub acknowledged every read');
  tt.equal(result.unsynced, 0, 'no buffer holds a read afterwards');
  const stored = await services.store.allReadIds();
  tt.same(stored, result.reads.map((r) => r.id).sort(), 'the hub holds exactly the reads sent, each once');
  const fromWrongDevice: string[] = [];
  for (const sent of result.reads) {
    const read = await services.store.getRead(sent.id);
    if (read?.deviceId !== sent.deviceId) fromWrongDevice.push(sent.id);
  }
  tt.same(fromWrongDevice, [], 'every read is stored under the device that captured it');
  const senders = new Set(result.reads.map((r) => r.deviceId));
  tt.same([...senders].sort(), devices.map((d) => d.deviceId).sort(), 'every enrolled device sent reads');
  for (const deviceId of senders) {
    const counters = await services.store.ingestCounters(deviceId);
    tt.equal(counters.gaps, 0, `${deviceId}: no batch number skipped`);
  }
});
