import t from 'tap';
import { readFile } from 'node:fs/promises';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { onBothStores, type Harness } from '../../helpers/hubHarness.js';

async function hitOnStolenCar(h: Harness) {
  await h.services.hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const [read] = await h.addReads([{ plate: 'ABC1234', region: 'IL', vehicleColour: 'blue', capturedAt: h.clock.now() - 400 }]);
  const hits = await h.services.hotlists.match(read!.plate, read!.region);
  const [alert] = await h.services.alerts.raise(read!, hits, 'hub');
  return { read: read!, alert: alert!, hits };
}

onBothStores(t, 'a hit raises one alert per read and entry, carrying the entry as it was, however often it is found', async (t, h) => {
  const raised: string[] = [];
  h.services.alerts.on('alertRaised', (a) => raised.push(a.alertId));
  const { read, alert, hits } = await hitOnStolenCar(h);
  t.match(alert, { plate: 'ABC1234', readState: 'IL', readColour: 'blue', status: 'open', nearMatch: false, matchedBy: 'hub', entry: { vehicleMake: 'HOND', vehicleColour: 'BLU', category: 'stolen_vehicle', source: 'ncic' } });
  t.equal((await h.services.alerts.get(alert.alertId))?.readColour, 'blue', 'the colour the camera judged is kept with the alert, beside the entry\'s');
  t.same(await h.services.alerts.raise(read, hits, 'appliance'), [], 'the appliance\'s copy of the same hit raises nothing more');
  t.same(raised, [alert.alertId], 'the live stream saw it once');
  t.match((await h.services.audit.query({ action: 'alert.raised', limit: 5 }))[0]!.detail, { alertId: alert.alertId, readId: read.id, entryId: 'ncic:V123456789', readColour: 'blue' });
});

onBothStores(t, 'an alert closes only with a disposition, and confirming needs the officer\'s own look at the images and what came of it', async (t, h) => {
  const { alert } = await hitOnStolenCar(h);
  const officer = (await h.user('officer')).account;
  const partner = (await h.user('officer')).account;
  const alerts = h.services.alerts;
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001' }), { code: 'ALPR_ERR_CONFLICT', message: /open the alert/ }, 'no confirmation without the images');
  const { read, alert: verifying } = await alerts.viewImages(partner, alert.alertId);
  t.equal(read.crop.toString(), 'crop-jpeg');
  t.equal(read.vehicleColour, 'blue', 'the verification data carries the read\'s colour');
  t.equal(verifying.readColour, 'blue');
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001' }), { code: 'ALPR_ERR_CONFLICT' }, 'another officer\'s look does not count');
  await alerts.viewImages(officer, alert.alertId);
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'confirmed' }), { code: 'ALPR_ERR_INVALID_INPUT' }, 'a confirmed hit says what came of it');
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'confirmed', action: 'stop_made' }), { code: 'ALPR_ERR_INVALID_INPUT', message: /CAD/ }, 'a stop records its CAD number');
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'misread', action: 'no_stop' }), { code: 'ALPR_ERR_INVALID_INPUT' }, 'only a confirmed hit records an action');
  const closed = await alerts.dispose(officer, alert.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001', note: 'driver in custody' });
  t.match(closed, { status: 'closed', disposition: 'confirmed', actionTaken: 'stop_made', cadNumber: 'CAD-26-1001', disposedBy: officer.userId });
  await t.rejects(alerts.dispose(partner, alert.alertId, { disposition: 'misread' }), { code: 'ALPR_ERR_CONFLICT' }, 'a closed alert stays closed');
  const trail = (await h.services.audit.query({ limit: 200 })).filter((r) => r.action.startsWith('alert.')).map((r) => `${r.action}:${r.outcome}`);
  t.same(trail, ['alert.raised:ok', 'alert.disposition:refused', 'alert.viewImages:ok', 'alert.disposition:refused', 'alert.viewImages:ok', 'alert.disposition:refused', 'alert.disposition:refused', 'alert.disposition:refused', 'alert.disposition:ok', 'alert.disposition:refused'], 'each step is in the audit chain');
  const stats = await alerts.stats(0, h.clock.now() + 1);
  t.match(stats, { alerts: 1, open: 0, confirmed: 1, stops: 1 });
});

onBothStores(t, 'misreads count as false hits per camera and per list source', async (t, h) => {
  const { alert } = await hitOnStolenCar(h);
  const officer = (await h.user('dispatcher')).account;
  await h.services.alerts.dispose(officer, alert.alertId, { disposition: 'misread', note: 'plate reads ABC1284' });
  const stats = await h.services.alerts.stats(0, h.clock.now() + 1);
  t.match(stats.byCamera, [{ key: 'site-1/cam0', alerts: 1, falseHits: 1, falseHitRate: 1 }]);
  t.match(stats.bySource, [{ key: 'ncic', falseHitRate: 1 }]);
  t.equal(stats.stops, 0);
});
