import t from 'tap';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { consoleRig, plateImages } from '../../helpers/consoleRig.js';

const HOT_FILE = ['NIC,FILE,LIC,LIS,LIT,VMA,VCO,VST,EXP,MIS', 'V000004492,VEH,KTX4492,IL,PC,FORD,BLU,4D,,STOLEN FROM OAK PARK AVE - CONFIRM THROUGH LEADS'].join('\n');

t.test('a live alert reaches the officer\'s console, is verified from the images beside the entry, and is closed as a stop', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  await h.services.hotlists.importExtract(HOT_FILE, NCIC_MAPPING, 'test', 'state hot file');
  const officer = await h.user('officer');
  await rig.signIn(officer);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await page.getByText('Live: new alerts appear here').waitFor();
  await page.getByText('No open alerts.').waitFor();

  const [read] = await h.addReads([{ plate: 'KTX4492', region: 'IL', vehicleColour: 'blue', ...(await plateImages('KTX4492')) }]);
  await h.services.alerts.raise(read!, await h.services.hotlists.match('KTX4492', 'IL'), 'hub');
  const item = page.getByRole('button', { name: /KTX4492 stolen vehicle/ });
  await item.waitFor();
  t.pass('the alert arrived over the live stream without a reload');
  await item.click();
  await page.getByRole('button', { name: 'Open the images (recorded)' }).click();
  await page.getByRole('img', { name: 'Plate crop of KTX4492' }).waitFor();
  const entry = await page.locator('.card', { hasText: 'The hot-list entry' }).innerText();
  t.match(entry, /BLU FORD/, 'the entry\'s vehicle description is beside the images');
  t.match(entry, /IL/);
  const camera = await page.locator('.card', { hasText: 'What the camera read' }).innerText();
  t.match(camera, /Colour\s+blue \(judged by the camera\)/, 'the colour the camera judged is beside the entry\'s, to check');
  await rig.check('alert-verification');

  await page.getByLabel('Disposition').selectOption('confirmed');
  await page.getByLabel('Outcome').selectOption('stop_made');
  await page.getByLabel('CAD number').fill('CAD-26-0042');
  await page.getByLabel('Note').fill('plate, state and make checked against the images');
  await page.getByRole('button', { name: 'Record disposition' }).click();
  await page.getByText(/Recorded: KTX4492 confirmed, stop made, CAD CAD-26-0042/).waitFor();
  const verified = page.getByRole('region', { name: 'Closed alerts' });
  await verified.waitFor();
  t.match(await verified.innerText(), /KTX4492\s+stolen vehicle\s+site-1\/cam0, .*\s+confirmed\s+stop made\s+CAD-26-0042/i, 'the verified stop is listed under the live alerts for the next shift');
  await rig.check('alert-closed');
  const [closed] = await h.services.alerts.list(officer.account, { status: 'closed' });
  t.match(closed, { plate: 'KTX4492', disposition: 'confirmed', actionTaken: 'stop_made', cadNumber: 'CAD-26-0042', imagesOpenedBy: officer.account.userId }, 'the hub holds the verified stop');
  t.equal((await h.services.audit.query({ action: 'alert.disposition', limit: 5 })).length, 1, 'and the disposition is in the audit trail');
});
