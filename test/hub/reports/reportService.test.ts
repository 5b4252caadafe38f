import t from 'tap';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../../core/index.js';
import { buildApi } from '../../../hub/api/server.js';
import { DAY, START, harness, onBothStores, PASSWORD, type Harness } from '../../helpers/hubHarness.js';
import { MONTH, seedMonth } from '../../helpers/reportMonth.js';
import { DECLARATION, partner } from '../../helpers/sharing.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../hub/reports/reportContext.js';
import { verifyReport } from '../../../hub/reports/reportVerify.js';
import { sha256, signManifest } from '../../../hub/reports/reportSeal.js';

const census = fileURLToPath(new URL('../../fixtures/reports/census-example.csv', import.meta.url));
const policy = { reports: { ...DEFAULT_REPORT_OPTIONS, censusFile: census } };

type Tap = import('tap').Test;

async function dataOf(h: Harness, kind: 'monthly' | 'cpoc' | 'transparency', month = MONTH) {
  const report = await h.services.reports.generate(kind, month, 'test');
  return { report, json: JSON.parse(await readFile(report.files.json, 'utf8')) };
}

onBothStores(t, 'the monthly user audit counts certification dates recorded, not attempts refused', async (t, h) => {
  const admin = await h.user('admin');
  const officer = await h.user('officer');
  const date = h.clock.now() - 86_400_000;
  await t.rejects(h.services.accounts.setCertifications(admin.account.userId, { leadsCertifiedAt: date }, admin.account.userId, 'api'), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES' });
  await h.services.accounts.setCertifications(officer.account.userId, { leadsCertifiedAt: date }, admin.account.userId, 'api');
  const { json } = await dataOf(h, 'monthly');
  t.equal(json.data.certificationsRecorded, 1, 'the officer\'s date; the admin\'s own, refused, is not one');
});

onBothStores(t, 'the monthly user audit counts a seeded month exactly, from the audit chain and the accounts', async (t, h) => {
  await seedMonth(h);
  const { json } = await dataOf(h, 'monthly');
  const d = json.data;
  t.same(d.searches.rows, [
    { user: 'det.okafor (detective)', via: 'search here', purpose: 'other_felony', outcome: 'ok', searches: 1 },
    { user: 'det.okafor (detective)', via: 'search here', purpose: 'violent_crime', outcome: 'ok', searches: 1 },
    { user: 'ofc.garcia (officer)', via: 'search here', purpose: 'violent_crime', outcome: 'ok', searches: 2 },
    { user: 'ofc.garcia (officer)', via: 'search here', purpose: 'violent_crime', outcome: 'refused', searches: 1 },
  ], 'outside agencies\' own searches (sharing.search by agency:ORI) are no member\'s lookups');
  t.match(d.searches, { total: 5, refused: 1 });
  t.same(d.refusals, [{ user: 'ofc.garcia (officer)', code: 'ALPR_ERR_PURPOSE_PROHIBITED', refusals: 1 }]);
  t.same(d.suspensions, [{ user: 'ofc.garcia (officer)', suspensions: 1 }]);
  t.same(d.imagesViewed, [{ user: 'ofc.garcia (officer)', readImages: 1, alertImages: 1 }]);
  t.same(d.evidence, { exports: [{ user: 'ofc.garcia (officer)', exports: 1, reads: 1 }], holdsPlaced: 1, holdsReleased: 0 });
  t.same(d.felony, { requests: 1, approvals: 1, denials: 0 });
  t.same(d.lapsedCertifications.map((l: { user: string }) => l.user), ['ofc.lapsed (officer)'], 'the account never certified is listed; the current ones are not');
  t.equal(d.purges.length, 1);
  t.match(d.purges[0], { deleted: 3, keptOnHold: 0 });
  t.same(d.anomalies.map((a: { user: string; kind: string; count: number }) => [a.user, a.kind, a.count]), [
    ['det.okafor (detective)', 'off-shift', 1],
    ['ofc.garcia (officer)', 'sweeping wildcard', 1],
  ]);
  t.equal(json.auditHead.seq, (await h.services.audit.query({ action: 'report.generate', limit: 1 }))[0]!.seq - 1, 'computed from the head just before its own audit record');
}, policy);

/**
 * A partner agency's hub (a second hub, on SQLite, served on a local port), each hub registered on
 * the other as an online partner for stolen-vehicle searches at site-1; the partner's id here.
 */
async function partnerHub(t: Tap, here: Harness): Promise<{ there: Harness; agencyId: string } | null> {
  const there = await harness(t, 'sqlite', { ori: 'IL0161100' });
  if (!there) return null;
  there.clock.setWall(here.clock.now());
  const app = await buildApi({ services: there.services, logger: silentLogger() });
  t.teardown(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const register = async (on: Harness, of: Harness, hubUrl: string): Promise<string> => {
    const { agencies } = on.services.sharing;
    const agency = await agencies.register({ name: `Agency ${of.services.sharing.ori}`, ori: of.services.sharing.ori, state: 'IL', level: 'local', contact: 'Records, 555-0100', hubUrl, hubPublicKeyPem: of.services.sharing.publicKeyPem }, 'admin-1');
    await agencies.recordDeclaration(agency.agencyId, { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief X', signerTitle: 'Chief of Police', signedAt: START - DAY, expiresAt: START + 365 * DAY }, 'admin-1');
    await agencies.approveAgreement(agency.agencyId, { siteIds: ['site-1'], purposes: ['stolen_vehicle'], access: 'online', reference: `MEMO-${of.services.sharing.ori}`, expiresAt: START + 90 * DAY }, 'chief-1');
    return agency.agencyId;
  };
  await register(there, here, 'http://127.0.0.1:9');
  return { there, agencyId: await register(here, there, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`) };
}

onBothStores(t, 'the monthly user audit counts plate lookups made through partner hubs, written requests and the hot list, and checks them for anomalies', async (t, h) => {
  const officer = await h.user('officer', { username: 'ofc.garcia' });
  const analyst = await h.user('analyst', { username: 'an.patel' });
  const detective = await h.user('detective', { username: 'det.okafor' });
  const partnerHubs = await partnerHub(t, h);
  if (!partnerHubs) return;
  await partnerHubs.there.addReads([{ plate: 'ABC1234' }, { plate: 'ABD1234' }]);
  const stolen = { caseNumber: '26-004512', offense: '240', purpose: 'stolen_vehicle', description: 'stolen car, last seen heading west' };
  // Three wildcards of three known characters each, sent to the partner's hub.
  for (const plate of ['ABC*', 'ABD*', 'ABE*']) await h.services.sharing.partners.search(officer.account, partnerHubs.agencyId, { ...stolen, query: { plate, mode: 'wildcard' } });
  // A written request from an agency without online access, handled by the analyst (its file's release is recorded too).
  await h.addReads([{ plate: 'KJH5521' }]);
  const cicero = await partner(h, { access: 'request', name: 'Cicero Police Department', ori: 'IL0161300', purposes: ['stolen_vehicle'] });
  await h.services.sharing.outside.answerFile(analyst.account, cicero.agency.agencyId, { ...stolen, officer: { id: 'cpd-118', name: 'Det. L. Ruiz' }, caseNumber: 'CPD-26-00412', query: { plate: 'KJH5521', mode: 'exact' } });
  // A hot-list check at 01:30 in Chicago.
  h.clock.setWall(Date.UTC(2026, 10, 2, 7, 30));
  await h.services.hotlists.find(detective.account, 'zzz9999');
  const { report, json } = await dataOf(h, 'monthly');
  const d = json.data;
  t.same(d.searches.rows, [
    { user: 'an.patel (analyst)', via: 'written request', purpose: 'stolen_vehicle', outcome: 'ok', searches: 1 },
    { user: 'det.okafor (detective)', via: 'hot list', purpose: 'none stated', outcome: 'ok', searches: 1 },
    { user: 'ofc.garcia (officer)', via: 'partner hubs', purpose: 'stolen_vehicle', outcome: 'ok', searches: 3 },
  ], 'each lookup once, for the member who made it: the file\'s release is not a second lookup, the partner\'s answer here is not a lookup of this hub\'s');
  t.match(d.searches, { total: 5, refused: 0 });
  t.same(d.anomalies.map((a: { user: string; kind: string; count: number }) => [a.user, a.kind, a.count]), [
    ['det.okafor (detective)', 'off-shift', 1],
    ['ofc.garcia (officer)', 'distinct plates', 3],
    ['ofc.garcia (officer)', 'sweeping wildcard', 3],
  ]);
  const html = await readFile(report.files.html, 'utf8');
  t.match(html, /5 plate lookups were made in 2026-11/);
  t.match(html, /<td>ofc\.garcia \(officer\)<\/td><td>partner hubs<\/td><td>stolen_vehicle<\/td><td>ok<\/td><td class="n">3<\/td>/, 'the page shows the officer\'s partner searches');
}, { ...policy, reports: { ...policy.reports, anomalies: { ...policy.reports.anomalies, distinctPlates: 2 } } });

onBothStores(t, 'the monthly user audit lists an account activated from an address its creator signed in from, for review', async (t, h) => {
  await seedMonth(h);
  const admin = await h.user('admin', { username: 'adm.novak' });
  h.clock.advance(30_000);
  await h.services.accounts.signIn(admin.username, PASSWORD, h.code(admin.secret), { ip: '10.20.0.5' });
  const create = (username: string) => h.services.accounts.create({ username, displayName: username, role: 'officer' }, admin.account.userId);
  const kept = await create('ofc.puppet');
  await h.services.accounts.activate(kept.activationToken, 'seven long words nobody would guess', { ip: '10.20.0.5' });
  const handedOver = await create('ofc.new');
  await h.services.accounts.activate(handedOver.activationToken, 'seven long words nobody would guess', { ip: '10.20.3.77' });
  const { json } = await dataOf(h, 'monthly');
  const flagged = json.data.anomalies.filter((a: { kind: string }) => a.kind === 'activated at creator address');
  t.same(flagged.map((a: { user: string; count: number }) => [a.user, a.count]), [['ofc.puppet (officer)', 1]], 'the account activated at the administrator\'s address, not the one activated elsewhere');
  t.match(flagged[0].detail, /10\.20\.0\.5.*adm\.novak \(admin\)/);
}, policy);

onBothStores(t, 'an account created late one month and activated early the next at its creator\'s address is listed in the month it was activated', async (t, h) => {
  const admin = await h.user('admin', { username: 'adm.kowal' });
  h.clock.advance(Date.UTC(2026, 10, 30, 23, 50) - h.clock.now());
  await h.services.accounts.signIn(admin.username, PASSWORD, h.code(admin.secret), { ip: '10.20.0.9' });
  h.clock.advance(5 * 60_000);
  const created = await h.services.accounts.create({ username: 'ofc.midnight', displayName: 'ofc.midnight', role: 'officer' }, admin.account.userId);
  h.clock.advance(10 * 60_000);
  await h.services.accounts.activate(created.activationToken, 'seven long words nobody would guess', { ip: '10.20.0.9' });
  const { json } = await dataOf(h, 'monthly', '2026-12');
  const flagged = json.data.anomalies.filter((a: { kind: string }) => a.kind === 'activated at creator address');
  t.same(flagged.map((a: { user: string; count: number }) => [a.user, a.count]), [['ofc.midnight (officer)', 1]]);
  t.match(flagged[0]?.detail, /10\.20\.0\.9.*adm\.kowal \(admin\)/);
}, policy);

onBothStores(t, 'the CPOC report gives stops, false hits, felony searches, each outside agency by name, and disparate impact against the census table', async (t, h) => {
  await seedMonth(h);
  const { json } = await dataOf(h, 'cpoc');
  const d = json.data;
  t.equal(d.stops, 1);
  t.match(d.alerts, { alerts: 2, open: 0, confirmed: 1, stops: 1 });
  t.same(d.alerts.byCamera.map((c: { key: string; falseHits: number }) => [c.key, c.falseHits]).sort(), [['site-1/cam0', 0], ['site-1/cam1', 1]]);
  t.same(d.felony, { approvals: 1, approvedSearches: 1, byOffense: { 220: 1 } });
  t.same(d.outsideAgencies, [
    { agencyName: 'Maywood Police Department', agencyOri: 'IL0160300', searches: 2, answered: 2, refused: 0, purposes: { stolen_vehicle: 1, violent_crime: 1 }, refusalReasons: {} },
    { agencyName: 'Lake County Sheriff (Indiana)', agencyOri: 'IN0450000', searches: 1, answered: 0, refused: 1, purposes: { other: 1 }, refusalReasons: { 'no current declaration (625 ILCS 5/2-130)': 1 } },
  ]);
  const impact = d.disparateImpact;
  t.equal(impact.census, 'census-example.csv');
  t.same(impact.sites.map((s: { siteId: string; reads: number; hits: number; stops: number; population: number }) => [s.siteId, s.reads, s.hits, s.stops, s.population]), [['site-1', 3, 2, 1, 8000], ['site-2', 2, 0, 0, 5000]]);
  const white = impact.groups.find((g: { group: string }) => g.group === 'white');
  // Baseline: 7,520 of 15,000 residents. Reads: (3 x 3620/8000 + 2 x 3500/5000) / 5.
  t.equal(white.populationShare.toFixed(4), (7520 / 15000).toFixed(4));
  t.equal(white.reads.share.toFixed(4), ((3 * 3620 / 8000 + 2 * 3500 / 5000) / 5).toFixed(4));
  t.equal(white.stops.share.toFixed(4), (3620 / 8000).toFixed(4), 'the one stop was at site-1');
  t.match(await readFile((await h.services.reports.generate('cpoc', MONTH, 'test')).files.html, 'utf8'), /Method\. Each site&#39;s area is the census tracts/, 'the method is stated in the report');
}, policy);

onBothStores(t, 'a month with no outside-agency searches says none, and no census table says so', async (t, h) => {
  const { report, json } = await dataOf(h, 'cpoc', '2026-10');
  t.same(json.data.outsideAgencies, []);
  const html = await readFile(report.files.html, 'utf8');
  t.match(html, /None: no outside agency searched this department&#39;s ALPR data in 2026-10\./);
  t.match(html, /No census table was supplied/);
});

onBothStores(t, 'transparency figures add the reads the 30-day purge deleted and suppress small counts', async (t, h) => {
  await seedMonth(h);
  const october = (await dataOf(h, 'transparency', '2026-10')).json.data;
  t.equal(october.readsCaptured, 5, 'three purged (from the proof of deletion) and two still held');
  const d = (await dataOf(h, 'transparency')).json.data;
  t.equal(d.readsCaptured, 5);
  t.same(d.searches, { total: 5, refused: '<5', byPurpose: { violent_crime: '<5', other_felony: '<5' } });
  t.match(d.alerts, { raised: '<5', stops: '<5', falseHitRatePercent: /withheld/ });
  t.same(d.outsideAgencySearches, { total: '<5', refused: '<5', agencies: '<5' });
});

onBothStores(t, 'a report verifies against the hub key and its chain, and any change to a file, the manifest or the chain is found', async (t, h) => {
  await seedMonth(h);
  const { report } = await dataOf(h, 'monthly');
  const key = h.services.reports.verifyKey;
  const clean = await verifyReport(report.files.pdf, key, h.services.audit);
  t.same(clean.problems, []);
  t.match(clean, { kind: 'monthly', month: MONTH, files: 4 });

  const html = await readFile(report.files.html, 'utf8');
  await writeFile(report.files.html, html.replace('ofc.garcia', 'ofc.smith'));
  t.match((await verifyReport(report.manifestPath, key, h.services.audit)).problems, [/monthly-2026-11\.html was changed after the report was signed/]);
  await writeFile(report.files.html, html);

  const manifest = await readFile(report.manifestPath, 'utf8');
  const forged = JSON.parse(manifest);
  forged.auditHead = { seq: 1, hash: (await h.services.audit.get(1))!.hash };
  await writeFile(report.manifestPath, JSON.stringify(forged));
  t.match((await verifyReport(report.manifestPath, key, h.services.audit)).problems, [/signature does not verify/]);
  await writeFile(report.manifestPath, manifest);

  const head = report.manifest.auditHead;
  await h.store.sql.run('UPDATE audit_log SET detail = ? WHERE seq = ?', ['{"edited":true}', head.seq]);
  t.match((await verifyReport(report.manifestPath, key, h.services.audit)).problems, [/audit record \d+ does not have the hash/], 'a report does not verify against a chain whose head record was edited');
});

onBothStores(t, 'a report changed and re-signed with the hub key from the data folder, or renamed as another month, does not verify', async (t, h) => {
  await seedMonth(h);
  const { report } = await dataOf(h, 'monthly');
  const key = h.services.reports.verifyKey;
  const html = (await readFile(report.files.html, 'utf8')).replace('ofc.garcia', 'ofc.smith');
  await writeFile(report.files.html, html);
  const { signature: _old, ...unsigned } = report.manifest;
  const files = unsigned.files.map((f) => (f.name.endsWith('.html') ? { ...f, sha256: sha256(html), bytes: Buffer.byteLength(html) } : f));
  await writeFile(report.manifestPath, `${JSON.stringify(signManifest({ ...unsigned, files }, h.keys.sign.privateKey), null, 2)}\n`);
  t.match((await verifyReport(report.files.html, key, h.services.audit)).problems, [/the audit chain records no generation of this manifest \(SHA-256 [0-9a-f]{12}\): it was changed and re-signed/],
    'the re-signed manifest passes the signature and file checks, and the chain says the hub never wrote it');

  const october = await dataOf(h, 'monthly', '2026-10');
  const renamed = join(dirname(october.report.manifestPath), 'monthly-2026-09.manifest.json');
  await copyFile(october.report.manifestPath, renamed);
  t.match((await verifyReport(renamed, key, h.services.audit)).problems, [/named monthly-2026-09\.manifest\.json but is signed as monthly-2026-10\.manifest\.json/]);
  t.same((await verifyReport(october.report.manifestPath, key, h.services.audit)).problems, [], 'the honest report beside it still verifies');
});

onBothStores(t, 'report verify says when a report covers its month only so far, which it shares file names with the whole month\'s', async (t, h) => {
  const key = h.services.reports.verifyKey;
  const partial = await h.services.reports.generate('monthly', MONTH, 'test');
  t.match(await verifyReport(partial.manifestPath, key, h.services.audit), { month: MONTH, covers: '2026-11 so far, through 2026-11-01 12:00 UTC', problems: [] });
  const whole = await h.services.reports.generate('monthly', '2026-10', 'test');
  t.match(await verifyReport(whole.manifestPath, key, h.services.audit), { month: '2026-10', covers: '2026-10', problems: [] });
});
