import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';
import { DECLARATION, partner } from '../../helpers/sharing.js';
import { DAY } from '../../helpers/hubHarness.js';

t.test('the Chief approves an agreement and revokes an agency; the auditor reads the ledger; the admin registers an agency', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const s = h.services.sharing;
  // Maywood: on file with a declaration, waiting for the Chief. Lake County: approved, then searches here.
  const maywood = await s.agencies.register({ name: 'Maywood Police Department', ori: 'IL0160300', state: 'IL', level: 'local', contact: 'Records, 708-555-0100' }, 'admin-1');
  await s.agencies.recordDeclaration(maywood.agencyId, { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief E. Example', signerTitle: 'Chief of Police', signedAt: h.clock.now() - DAY, expiresAt: h.clock.now() + 365 * DAY }, 'admin-1');
  const lake = await partner(h, { name: 'Lake County Sheriff (Indiana)', ori: 'IN0450000', state: 'IN', level: 'local' });
  await h.addReads([{ plate: 'ABC1234' }]);
  await s.outside.answerSigned(lake.request());

  const chief = await h.user('chief');
  await rig.signIn(chief);
  await page.getByRole('link', { name: 'Sharing' }).click();
  const card = page.getByRole('article', { name: 'Maywood Police Department' });
  await card.getByRole('checkbox', { name: 'Harlem and North' }).check();
  await card.getByRole('checkbox', { name: 'stolen vehicle' }).check();
  await card.getByLabel('Access').selectOption('request');
  await card.getByLabel('Written approval reference').fill('CHIEF-MEMO-26-114');
  await card.getByLabel('Agreement expires').fill('2027-10-31');
  await card.getByRole('button', { name: 'Approve agreement with Maywood Police Department' }).click();
  await page.getByRole('status').getByText('Agreement with Maywood Police Department approved.').waitFor();
  t.equal((await s.agencies.get(maywood.agencyId))?.status, 'approved', 'the agency is approved by the agreement the Chief signed in the console');
  await rig.check('sharing-chief-approved');

  const lakeCard = page.getByRole('article', { name: 'Lake County Sheriff (Indiana)' });
  await lakeCard.getByLabel('Reason to revoke Lake County Sheriff (Indiana)').fill('used the data for a civil matter, VII.I');
  await lakeCard.getByRole('button', { name: 'Revoke Lake County Sheriff (Indiana)' }).click();
  await page.getByRole('status').getByText('Lake County Sheriff (Indiana) revoked.').waitFor();
  t.equal((await s.agencies.get(lake.agency.agencyId))?.status, 'revoked', 'the revocation is in force');
  t.match(await page.getByRole('region', { name: 'Agencies on file' }).innerText(), /IN0450000\s+IN\s+local\s+revoked/, 'the agencies table shows it revoked');
  await t.rejects(s.outside.answerSigned(lake.request()), { code: 'ALPR_ERR_SHARING_REFUSED' }, 'and its next search is refused');
  t.match(await h.services.audit.query({ action: 'sharing.revoke', limit: 5 }), [{ actor: chief.account.userId }], 'the revocation is audited under the Chief');
  await rig.check('sharing-chief-revoked');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await rig.signIn(await h.user('auditor'));
  await page.getByRole('link', { name: 'Sharing' }).click();
  const ledger = page.getByRole('region', { name: 'Ledger entries' });
  await ledger.waitFor();
  const text = await ledger.innerText();
  t.match(text, /Outside agency searched here\s+Lake County Sheriff \(Indiana\) IN0450000\s+violent crime\s+MPD-26-00871\s+answered/, 'the answered search is on the ledger');
  t.match(text, /refused: .*revoked/i, 'and the refused one, with its reason');
  t.equal(await page.getByRole('button', { name: /Approve agreement|Revoke/ }).count(), 0, 'the auditor is offered no decision');
  await rig.check('sharing-auditor-ledger');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await rig.signIn(await h.user('admin'));
  await page.getByRole('link', { name: 'Sharing' }).click();
  await page.getByLabel('Agency name').fill('Forest Park Police Department');
  await page.getByLabel('ORI').fill('il0160700');
  await page.getByLabel('Contact').fill('Records, 708-555-0177');
  await page.getByRole('button', { name: 'Register agency' }).click();
  await page.getByRole('status').getByText('Forest Park Police Department registered.').waitFor();
  t.match((await s.agencies.list()).find((a) => a.name === 'Forest Park Police Department'), { ori: 'IL0160700', status: 'registered' }, 'registered by the admin, and waiting for the Chief');
  await rig.check('sharing-admin-registered');
});
