import t from 'tap';
import { readFile } from 'node:fs/promises';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { AlertService } from '../../../hub/alerts/alertService.js';
import { failAudit, onBothStores, type Harness } from '../../helpers/hubHarness.js';

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
  const [record] = await h.services.audit.query({ action: 'alert.raised', limit: 5 });
  t.match(record!.detail, { alertId: alert.alertId, siteId: 'site-1', category: 'stolen_vehicle', readColour: 'blue' });
  t.notOk('readId' in record!.detail || 'entryId' in record!.detail, 'the chain record names neither the read nor the entry, which lead back to the plate');
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

onBothStores(t, 'an account suspended after a refused search cannot list, open or close alerts', async (t, h) => {
  const { alert } = await hitOnStolenCar(h);
  const officer = (await h.user('officer')).account;
  const alerts = h.services.alerts;
  t.equal((await alerts.list(officer, {})).length, 1, 'before: the officer sees the alert');
  await t.rejects(h.services.search.search(officer, { plate: 'ABC1234', mode: 'exact', purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-004512', description: 'help ICE agents locate this van' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  await t.rejects(alerts.list(officer, {}), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended after a refused search .* it cannot see or work alerts/ });
  await t.rejects(alerts.viewImages(officer, alert.alertId), { code: 'ALPR_ERR_SEARCH_SUSPENDED' }, 'no plate or context image through an alert');
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'misread' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  t.equal((await h.services.audit.query({ action: 'alert.viewImages', limit: 5 })).length, 0, 'no image view happened');
});

onBothStores(t, 'an alert past its read\'s 30-day retention is no longer listed or opened, even when a hold keeps the read', async (t, h) => {
  const { alert, read } = await hitOnStolenCar(h);
  const alerts = h.services.alerts;
  // An evidence hold for some case keeps the read itself past retention.
  await h.store.sql.run('INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)', ['hold-1', read.id, '26-004512', 'test', h.clock.now()]);
  // A hold is the export's row and its audit record together; a row alone is released by the purge.
  await h.services.audit.append({ actor: 'test', action: 'hold.place', detail: { holdId: 'hold-1', readId: read.id, caseNumber: '26-004512' } });
  h.clock.advance(31 * 86_400_000);
  await h.services.retention.run('manual', 'test');
  t.ok(await h.store.getRead(read.id), 'the held read is still stored');
  const officer = (await h.user('officer')).account;
  t.same(await alerts.list(officer, {}), [], 'not listed');
  await t.rejects(alerts.viewImages(officer, alert.alertId), { code: 'ALPR_ERR_NOT_FOUND', message: /past the 30-day retention/ }, 'its images are not opened');
  await t.rejects(alerts.dispose(officer, alert.alertId, { disposition: 'misread' }), { code: 'ALPR_ERR_NOT_FOUND' });
  t.equal((await alerts.stats(0, h.clock.now())).alerts, 1, 'the monthly figures still count it');
});

onBothStores(t, 'the retention purge blanks what an alert copied from its read and the hot list; the monthly figures keep counting it', async (t, h) => {
  const { alert, read, hits } = await hitOnStolenCar(h);
  const officer = (await h.user('officer')).account;
  await h.services.alerts.viewImages(officer, alert.alertId);
  await h.services.alerts.dispose(officer, alert.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001', note: 'driver ABC1234 detained' });
  const before = await h.services.alerts.stats(0, h.clock.now() + 1);
  h.clock.advance(29 * 86_400_000);
  await h.services.retention.run('manual', 'test');
  t.equal((await h.services.alerts.get(alert.alertId))?.plate, 'ABC1234', 'within the 30 days the alert keeps its plate');
  h.clock.advance(2 * 86_400_000);
  const purge = await h.services.retention.run('manual', 'test');
  t.ok(purge, 'the purge ran');
  const row = await h.store.sql.get<Record<string, unknown>>('SELECT * FROM alerts WHERE alert_id = ?', [alert.alertId]);
  t.notMatch(JSON.stringify(row), /ABC1234|HOND|BLU|"IL"|blue|detained/, 'no plate, state, vehicle or note is left in the stored row');
  t.match(row, { plate: '', read_state: null, read_colour: 'unknown', note: null, site_id: 'site-1', disposition: 'confirmed', action_taken: 'stop_made' });
  t.notMatch(JSON.stringify(row), new RegExp(`${alert.readId}|${alert.entryId}`), 'nor the read or entry id, which lead back to the plate');
  // What is left in the chain cannot put the plate at the site and time either: no record that
  // names the read or the entry (the search and hot-list records do, with the plate) also names
  // the alert (whose records carry its site and time) or a site.
  const chain = await h.services.audit.query({ limit: 1000 });
  t.notMatch(JSON.stringify(chain.filter((r) => r.action.startsWith('alert.'))), /ABC1234|detained/, 'nor do the alert records carry the plate or the officer\'s note');
  const linking = chain.filter((r) => JSON.stringify(r.detail).includes(alert.readId) || JSON.stringify(r.detail).includes(alert.entryId));
  t.same(linking.filter((r) => JSON.stringify(r.detail).includes(alert.alertId) || 'siteId' in r.detail || 'capturedAt' in r.detail).map((r) => r.action), [], 'no chain record ties the plate to where and when it was seen');
  t.same(await h.services.alerts.raise({ ...read, capturedAt: h.clock.now() - 31 * 86_400_000 }, hits, 'appliance'), [], 'a replayed hit of a read past retention raises nothing');
  t.same(await h.services.alerts.stats(0, h.clock.now()), before, 'the monthly figures are the same');
  const [record] = (await h.services.audit.query({ action: 'retention.purge', limit: 10 })).slice(-1);
  t.equal(record?.detail.alertsBlanked, 1, 'the purge record counts the alerts blanked');
});

onBothStores(t, 'an alert, an image view or a disposition whose audit record cannot be written is not stored, and the hit raises it again', async (t, h) => {
  const { alerts } = h.services;
  await h.services.hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const [read] = await h.addReads([{ plate: 'ABC1234', region: 'IL', vehicleColour: 'blue', capturedAt: h.clock.now() - 400 }]);
  const hits = await h.services.hotlists.match(read!.plate, read!.region);
  const raised: string[] = [];
  alerts.on('alertRaised', (a) => raised.push(a.alertId));
  let restore = failAudit(h, 'alert.raised');
  await t.rejects(alerts.raise(read!, hits, 'hub'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.same(raised, [], 'no unrecorded alert reaches the live stream');
  const [alert] = await alerts.raise(read!, hits, 'appliance');
  t.ok(alert, 'the same hit found again raises the alert, now recorded');
  t.equal((await h.services.audit.query({ action: 'alert.raised', limit: 5 })).length, 1);

  const { account: officer } = await h.user('officer');
  restore = failAudit(h, 'alert.viewImages');
  await t.rejects(alerts.viewImages(officer, alert!.alertId), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await alerts.get(alert!.alertId))!.imagesOpenedBy, null, 'an unrecorded look is not kept');
  await t.rejects(alerts.dispose(officer, alert!.alertId, { disposition: 'confirmed', action: 'stop_made', cadNumber: 'CAD-26-1001' }), { code: 'ALPR_ERR_CONFLICT', message: /open the alert/ }, 'nor does it let the officer confirm');
  await alerts.viewImages(officer, alert!.alertId);

  restore = failAudit(h, 'alert.disposition');
  await t.rejects(alerts.dispose(officer, alert!.alertId, { disposition: 'misread' }), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await alerts.get(alert!.alertId))!.status, 'open', 'an unrecorded disposition leaves the alert open');
  t.equal((await alerts.dispose(officer, alert!.alertId, { disposition: 'misread' })).status, 'closed', 'and it can be closed again');
  t.same((await h.services.audit.verify()).problems, []);
});

onBothStores(t, 'alert stream slots are capped per account and across the hub, and a released slot is given back once', async (t, h) => {
  const s = h.services;
  const alerts = new AlertService({ sql: h.store.sql, store: h.store, audit: s.audit, clock: h.clock, accounts: s.accounts, reviews: s.reviews, retentionMs: 30 * 86_400_000, streams: { perAccount: 2, total: 3 } });
  const [a, b, c] = [(await h.user('officer')).account, (await h.user('officer')).account, (await h.user('dispatcher')).account];
  const a1 = alerts.openStream(a);
  alerts.openStream(a);
  t.throws(() => alerts.openStream(a), { code: 'ALPR_ERR_RATE_LIMITED', message: /limit is 2/ }, 'the account\'s cap');
  alerts.openStream(b);
  t.equal(alerts.openStreams(), 3);
  t.throws(() => alerts.openStream(c), { code: 'ALPR_ERR_RATE_LIMITED', message: /the hub already serves 3 alert streams/ }, 'the hub\'s cap, whatever the account');
  a1();
  a1();
  t.equal(alerts.openStreams(), 2, 'a release called twice frees one slot');
  t.equal(alerts.openStreams(a.userId), 1);
  alerts.openStream(c);
  t.throws(() => alerts.openStream(b), { code: 'ALPR_ERR_RATE_LIMITED' }, 'the freed slot was taken');
});
