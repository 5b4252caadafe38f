import t from 'tap';
import { silentLogger, systemClock } from '../../core/index.js';
import { Hub } from '../../hub/index.js';
import { SAMPLE_VEHICLES } from '../../demo/sampleScenes.js';
import { eventually, tempDir } from '../helpers/index.js';
import { runAppliance } from '../helpers/applianceRig.js';
import { auditFiles } from '../helpers/auditFiles.js';

const CERTIFIED = { trainingCompletedAt: Date.now() - 1e9, policySignedAt: Date.now() - 1e9, leadsCertifiedAt: Date.now() - 1e9 };

t.test('the colour the appliance judges in the context image travels with the read to the hub, narrows a search and is shown on the alert', async (t) => {
  const hub = new Hub({
    dataDir: await tempDir(t, 'alpr-hub-colour-'), audit: await auditFiles(t), pgUrl: null, pgSchema: 'alpr', brokerUrl: null, brokerUsername: 'hub', brokerPassword: '', sharedGroup: null,
    mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: 0, policy: { passwordCost: { logN: 10 } }, clock: systemClock, logger: silentLogger(),
  });
  await hub.start();
  t.teardown(() => hub.stop());
  const services = hub.services!;
  await services.sites.approve({ siteId: 'site-e2e', name: 'Harlem and North', approvalRef: 'CHIEF-HL-2', latitude: 41.9, longitude: -87.8, cameras: ['cam0'] }, 'chief');
  const account = async (username: string, role: 'detective' | 'officer') => {
    const { activationToken } = await services.accounts.create({ username, displayName: username, role, ...CERTIFIED }, 'cli:root');
    await services.accounts.activate(activationToken, 'correct horse battery staple cobalt');
    return (await services.accounts.list()).find((a) => a.username === username)!;
  };
  const detective = await account('d.colour', 'detective');
  const officer = await account('o.colour', 'officer');
  // The blue car of the demo's street scenes is wanted.
  await services.hotlists.addInternal(detective, { plate: 'KTX4492', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-008800', reason: 'blue sedan seen leaving the armed robbery on Lake St' });

  const { captured } = await runAppliance(t, { store: services.store, keys: hub.keys! } as never, hub.broker!.url,
    (deviceId, publicKey) => services.devices.enroll({ deviceId, publicKey, siteId: 'site-e2e' }, 'admin').then(() => undefined));
  const drawn = new Map(SAMPLE_VEHICLES.map((v) => [v.plate, v.bodyColour]));
  // The scenes' paint (demo/sampleScenes.ts): #8a1c1c, #1f3b73, #d0d0d0 (a light grey under a white plate), #2e2e2e, #4f6b3a, #b88a1b (gold).
  const expected: Record<string, string> = { '7ABC123': 'red', KTX4492: 'blue', '5HJR870': 'silver', BR2T665: 'black', '3MKD218': 'green', YLV9034: 'yellow' };
  const judged = Object.fromEntries(captured.filter((r) => drawn.has(r.plate)).map((r) => [r.plate, r.vehicleColour]));
  t.same(judged, expected, 'the appliance names each drawn car\'s paint');

  await eventually(async () => (await services.store.countReads()) === captured.length, 20_000);
  for (const r of captured) t.equal((await services.store.getRead(r.id))?.vehicleColour, r.vehicleColour, `${r.plate}: the hub holds the colour the appliance sent`);

  const lawful = { purpose: 'violent_crime' as const, offense: '120', caseNumber: '26-008800', description: 'armed robbery on Lake St, blue sedan seen leaving', plate: 'KTX4492', mode: 'exact' as const };
  const blue = await services.search.search(officer, { ...lawful, colours: ['blue'] });
  t.same(blue.hits.map((h) => [h.plate, h.vehicleColour]), [['KTX4492', 'blue']], 'a search for the blue car finds it');
  t.same((await services.search.search(officer, { ...lawful, colours: ['red', 'unknown'] })).hits, [], 'the same plate in another colour finds nothing');

  await eventually(async () => (await services.alerts.list(officer, { status: 'open' })).length === 1, 15_000);
  const [alert] = await services.alerts.list(officer, { status: 'open' });
  t.match(alert, { plate: 'KTX4492', readColour: 'blue', entry: { plate: 'KTX4492', category: 'felony_vehicle' } }, 'the alert shows the colour the camera judged');
  const { read } = await services.alerts.viewImages(officer, alert!.alertId);
  t.equal(read.vehicleColour, 'blue', 'and so does the verification data');
});
