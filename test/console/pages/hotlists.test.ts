import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';
import { DAY, START } from '../../helpers/hubHarness.js';

t.test('a detective lists a plate on the internal hot list with a case number and expiry; a prohibited category is refused with its reason', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const detective = await h.user('detective');
  await rig.signIn(detective);
  await page.getByRole('link', { name: 'Hot list' }).click();
  await page.getByLabel('Plate', { exact: true }).fill('RKW2231');
  await page.getByLabel('State').fill('IL');
  await page.getByLabel('Make').fill('TOYT');
  await page.getByLabel('Colour').fill('SIL');
  await page.getByLabel('Category').selectOption('felony_vehicle');
  await page.getByLabel('Offense category').selectOption('120');
  await page.getByLabel('Case number').fill('26-001193');
  await page.getByLabel('Expires').fill(new Date(START + 14 * DAY).toISOString().slice(0, 10));
  await page.getByLabel('Reason').fill('silver Camry seen leaving two armed robberies on Madison St');
  await page.getByLabel('Action for the officer').fill('do not stop alone; notify Det. Area 5');
  await page.getByRole('button', { name: 'Add to the hot list' }).click();
  await page.getByText(/Listed RKW2231 \(felony vehicle\) for case 26-001193, until 2026-11-15/).waitFor();
  t.match(await h.services.hotlists.match('RKW2231', 'IL'), [{ entry: { source: 'internal', category: 'felony_vehicle', vehicleMake: 'TOYT', expiresAtMs: Date.parse('2026-11-15T00:00:00Z') } }], 'the entry is live at the hub');
  await rig.check('hotlist-entry');

  await page.getByLabel('Plate', { exact: true }).fill('ZZZ9999');
  await page.getByLabel('Reason').fill('check the immigration status of the owner');
  await page.getByRole('button', { name: 'Add to the hot list' }).click();
  t.match(await page.getByRole('alert').innerText(), /immigration/i, 'the refusal names the prohibited use');

  await page.getByLabel('Category', { exact: true }).selectOption('wanted_person');
  await page.getByLabel('Offense category').selectOption('13A');
  await page.getByLabel('Plate', { exact: true }).fill('WNT4410');
  await page.getByLabel('Reason').fill('owner wanted on a warrant for the aggravated assault on Harlem Ave');
  await page.getByRole('button', { name: 'Add to the hot list' }).click();
  await page.getByText(/Listed WNT4410 \(wanted person\)/).waitFor();
  const [hit] = await h.services.hotlists.match('WNT4410', 'IL');
  t.match(await h.services.hotlists.get(hit!.entry.entryId), { category: 'wanted_person', offense: '13A' }, 'a wanted person is listed with the offense of its warrant');
});
