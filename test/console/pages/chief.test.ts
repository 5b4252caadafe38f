import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';

t.test('the chief approves a site and decides an other-felony request from the console', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const officer = await h.user('officer');
  await h.services.felony.submit({ caseNumber: '26-000731', description: 'string of residential burglaries, van seen at three scenes' }, officer.account.userId);
  const chief = await h.user('chief');
  await rig.signIn(chief);
  await page.getByRole('link', { name: 'Approvals' }).click();
  await page.getByLabel('Note on case 26-000731').fill('approved for 30 days');
  await page.getByRole('button', { name: 'Approve case 26-000731' }).click();
  await page.locator('.badge.approved').waitFor();
  t.match(await h.services.felony.list(), [{ caseNumber: '26-000731', status: 'approved', decidedBy: chief.account.userId }], 'the approval is recorded at the hub');

  await page.getByLabel('Site id').fill('madison-central');
  await page.getByLabel('Name', { exact: true }).fill('Madison St at Central Ave');
  await page.getByLabel('Written approval reference').fill('CHIEF-2026-014');
  await page.getByLabel('Latitude').fill('41.880');
  await page.getByLabel('Longitude').fill('-87.765');
  await page.getByLabel('Cameras').fill('cam0, cam1');
  await page.getByRole('button', { name: 'Approve site' }).click();
  await page.getByText('Site madison-central approved.').waitFor();
  await page.locator('tr', { hasText: 'madison-central' }).waitFor();
  t.equal((await h.services.sites.list()).find((s) => s.siteId === 'madison-central')?.approvalRef, 'CHIEF-2026-014');
  await rig.check('chief-approvals');

  await page.getByLabel('Site to move').selectOption('madison-central');
  await page.getByLabel('Chief\'s approval of the move').fill('CHIEF-2026-015');
  await page.getByLabel('New position, degrees north').fill('41.8795');
  await page.getByLabel('New position, degrees east (west is negative)').fill('-87.7801');
  await page.getByRole('button', { name: 'Relocate site' }).click();
  await page.getByText('Site madison-central relocated.').waitFor();
  await page.locator('tr', { hasText: 'CHIEF-2026-015' }).waitFor();
  t.match((await h.services.sites.get('madison-central')), { approvalRef: 'CHIEF-2026-015', latitude: 41.8795, longitude: -87.7801 }, 'the hub holds the new position under the new approval');
  t.match(await h.services.audit.query({ action: 'site.relocate', limit: 5 }), [{ detail: { siteId: 'madison-central', approvalRef: 'CHIEF-2026-015' } }], 'the relocation is audited with both positions');
  await rig.check('chief-relocated');
});
