import { readFile } from 'node:fs/promises';
import t from 'tap';
import { consoleRig, plateImages } from '../../helpers/consoleRig.js';
import { DAY, START } from '../../helpers/hubHarness.js';

t.test('an officer searches under a stated purpose, sees the results in a table and by site, opens the images (audited), and a prohibited purpose is refused plainly', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const images = await plateImages('KTX4492');
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park Ave', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.78, cameras: ['cam0'] }, 'chief');
  await h.addReads([
    { plate: 'KTX4492', region: 'IL', vehicleColour: 'blue', capturedAt: START - 2 * DAY, ...images },
    { plate: 'KTX4492', region: 'IL', vehicleColour: 'unknown', capturedAt: START - DAY, cameraId: 'cam1', ...images },
  ]);
  const officer = await h.user('officer');
  await rig.signIn(officer);
  await page.getByRole('link', { name: 'Search' }).click();
  const fill = async (description: string, colour = '') => {
    await page.getByLabel('Plate', { exact: true }).fill('KTX4492');
    await page.getByLabel('Vehicle colour').selectOption(colour);
    await page.getByLabel('Mode').selectOption('exact');
    await page.getByLabel('Purpose').selectOption('stolen_vehicle');
    await page.getByLabel('Offense category').selectOption('240');
    await page.getByLabel('Case or CAD number').fill('26-000417');
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  };
  await fill('vehicle reported stolen from the lot on Oak Park Ave overnight');
  await page.getByRole('heading', { name: /2 reads found/ }).waitFor();
  const rows = page.locator('table tbody tr');
  t.equal(await rows.count(), 2, 'both reads are in the table');
  t.match(await rows.first().innerText(), /KTX4492\s+IL\s+unknown\s+Harlem and North/, 'with plate, state, colour and site name');
  t.match(await rows.nth(1).innerText(), /KTX4492\s+IL\s+blue\s+Harlem and North/, 'the colour the camera judged, where it was sure');
  t.match(await page.locator('figure.map').innerText(), /Harlem and North \(2\)/, 'and counted by site');
  const map = page.getByRole('region', { name: /^Map of 1 sites/ });
  t.ok(await map.evaluate((el) => el.classList.contains('leaflet-container')), 'the map is drawn by Leaflet');
  t.equal(await map.locator('path.map-site').count(), 1, 'the officer sees the site of the results drawn on the map, placed by the search reply');
  t.equal(await map.locator('img').count(), 0, 'as a circle marker over no tiles: the map loads no image');
  t.notMatch(await page.locator('figure.map').innerText(), /Madison/, 'and no other site');
  await rows.first().getByRole('button', { name: 'View images' }).click();
  await page.getByRole('img', { name: 'Plate crop of KTX4492' }).waitFor();
  t.ok(await page.getByRole('img', { name: 'Plate crop of KTX4492' }).evaluate((img: HTMLImageElement) => img.naturalWidth > 0), 'the crop is a real picture');
  await rig.check('search-results-images');
  const viewed = await h.services.audit.query({ action: 'reads.viewImage', limit: 5 });
  t.match(viewed, [{ actor: officer.account.userId, detail: { caseNumber: '26-000417' } }], 'the image view is in the audit trail under the case');

  await rows.first().getByRole('checkbox').check();
  await page.getByLabel('Why these reads are evidence').fill('the stolen car passing Harlem and North, for the case file');
  await page.getByRole('button', { name: 'Export 1 read' }).click();
  await page.getByText(/Exported 1 read\(s\) as \S+ for case 26-000417, recipient Test officer \(this department\)/).waitFor();
  const exported = await h.services.audit.query({ action: 'evidence.export', limit: 5 });
  t.match(exported, [{ detail: { caseNumber: '26-000417', recipient: { name: 'Test officer', agency: null } } }], 'the export names its recipient, as the page shows');
  t.match(await h.services.evidence.activeHolds(), [{ caseNumber: '26-000417' }], 'the export placed an evidence hold under the case');
  const link = page.getByRole('link', { name: 'Download the signed file' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const signedFile = JSON.parse(await readFile((await download.path())!, 'utf8'));
  t.match(signedFile, { body: { caseNumber: '26-000417' }, signature: String }, 'the link downloads the signed export file');

  await fill('vehicle reported stolen from the lot on Oak Park Ave overnight', 'blue');
  await page.getByRole('heading', { name: /1 read found/ }).waitFor();
  t.match(await rows.first().innerText(), /KTX4492\s+IL\s+blue/, 'a colour filter keeps the blue read only');
  t.match((await h.services.audit.query({ action: 'reads.search', limit: 5 }))[1], { detail: { query: { colours: ['blue'] } } }, 'and the audit records the filter');

  await fill('owner keeps speeding past the school, traffic complaint');
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  t.match(await refusal.innerText(), /Refused: .*traffic enforcement/s, 'the refusal and its reason are shown plainly');
  t.match(await refusal.innerText(), /ALPR_ERR_PURPOSE_PROHIBITED/);
  await rig.check('search-refused');
  t.match(await h.services.audit.query({ action: 'reads.search', limit: 5 }), [{ outcome: 'ok' }, { outcome: 'ok' }, { outcome: 'refused' }], 'every search is audited');
});
