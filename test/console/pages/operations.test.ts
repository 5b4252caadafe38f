import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';

t.test('an administrator reviews a refused search and lifts the suspension, sees the appliances, and runs the purge with its proof', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const officer = await h.user('officer');
  const search = { plate: 'ABC1234', mode: 'exact' as const, purpose: 'violent_crime' as const, offense: '13A', caseNumber: '26-004871' };
  await t.rejects(h.services.search.search(officer.account, { ...search, description: 'driver keeps speeding past the school' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  const admin = await h.user('admin');
  await rig.signIn(admin);
  await page.getByRole('link', { name: 'Operations' }).click();
  await page.getByText(/search access suspended/).waitFor();
  t.match(await page.locator('table', { hasText: 'pole-1' }).innerText(), /pole-1\s+site-1\s+active/, 'the enrolled appliance is listed');
  await page.getByLabel(/What the review of audit record #\d+ found/).fill('officer reminded of section V.E; the case is a shooting');
  await page.getByRole('button', { name: 'Lift the suspension' }).click();
  await page.getByText('No searches waiting for review.').waitFor();
  await page.getByRole('button', { name: 'Run the 30-day purge now' }).click();
  await page.getByText(/Purged \d+ read\(s\) captured before/).waitFor();
  await rig.check('operations');
  const lawful = await h.services.search.search(officer.account, { ...search, description: 'shooting at Lake and Harlem, suspect vehicle seen leaving' });
  t.ok(lawful.searchId > 0, 'the officer can search again once the suspension is lifted');
  t.equal((await h.services.audit.query({ action: 'retention.purge', limit: 5 })).length >= 1, true, 'the purge is in the audit trail');
});
