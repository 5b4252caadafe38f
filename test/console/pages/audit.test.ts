import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';

t.test('the auditor reads the audit trail with filters, verifies the chain', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const officer = await h.user('officer');
  await h.services.search.search(officer.account, { plate: 'ABC1234', mode: 'exact', purpose: 'violent_crime', offense: '13A', caseNumber: '26-004871', description: 'shooting at Lake and Harlem, suspect vehicle seen leaving' });
  const auditor = await h.user('auditor');
  await rig.signIn(auditor);
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.locator('table tbody tr').first().waitFor();
  await page.getByLabel('Action').fill('reads.search');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.locator('table tbody tr', { hasText: '26-004871' }).waitFor();
  t.equal(await page.locator('table tbody tr').count(), 1, 'the filter leaves the one search, with its case number');
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  const verdict = page.getByText(/Chain intact: \d+ records verified, no problems/);
  await verdict.waitFor();
  await rig.check('audit-verified');
  t.ok((await h.services.audit.query({ action: 'audit.verify', limit: 5 })).length === 1, 'the verification is itself audited');
});
