import t from 'tap';
import { createHash } from 'node:crypto';
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
  const admin = await h.user('admin');
  await rig.signIn(admin);
  await page.getByRole('link', { name: 'Sharing' }).click();
  await page.getByLabel('Agency name').fill('Forest Park Police Department');
  await page.getByLabel('ORI').fill('il0160700');
  await page.getByLabel('Contact').fill('Records, 708-555-0177');
  await page.getByRole('button', { name: 'Register agency' }).click();
  await page.getByRole('status').getByText('Forest Park Police Department registered.').waitFor();
  const forestPark = (await s.agencies.list()).find((a) => a.name === 'Forest Park Police Department');
  t.match(forestPark, { ori: 'IL0160700', status: 'registered' }, 'registered by the admin, and waiting for the Chief');
  await rig.check('sharing-admin-registered');

  // The agency's signed declaration, uploaded from the file picker: the hub keeps the very bytes.
  const scan = Buffer.concat([DECLARATION, Buffer.from('% Forest Park Police Department\n')]);
  // The admin's upload form for the agency chosen: the scan, who signed it, and the dates (YYYY-MM-DD).
  const recordDeclaration = async (signed: string, expires: string) => {
    await page.getByLabel('Signed declaration').setInputFiles({ name: 'forest-park-2-130.pdf', mimeType: 'application/pdf', buffer: scan });
    await page.getByLabel('Signed by').fill('Chief F. Parker');
    await page.getByLabel('Signer\'s title').fill('Chief of Police');
    await page.getByLabel('Date signed').fill(signed);
    await page.getByLabel('Declaration expires').fill(expires);
    await page.getByRole('button', { name: 'Record declaration' }).click();
  };
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Forest Park Police Department' });
  t.ok(await page.getByRole('button', { name: 'Record declaration' }).isDisabled(), 'nothing to record until a file is chosen');
  await recordDeclaration('2026-10-15', '2027-10-15');
  await page.getByRole('status').getByText('Declaration recorded for Forest Park Police Department.').waitFor();
  t.match(await s.agencies.currentDeclaration(forestPark!.agencyId), { documentSha256: createHash('sha256').update(scan).digest('hex'), signerName: 'Chief F. Parker', signerTitle: 'Chief of Police', signedAt: Date.UTC(2026, 9, 15), expiresAt: Date.UTC(2027, 9, 15) },
    'the hub holds the uploaded file, byte for byte (its SHA-256), with who signed it and when');
  t.match((await h.services.audit.query({ action: 'sharing.declarationRecord', limit: 10 })).at(-1), { actor: admin.account.userId, detail: { agencyId: forestPark!.agencyId } }, 'and the recording is audited under the admin');
  await rig.check('sharing-admin-declaration');

  // A declaration dated in the future is refused with the hub's reason, and nothing is recorded.
  const recordedBefore = (await h.services.audit.query({ action: 'sharing.declarationRecord', limit: 100 })).length;
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Forest Park Police Department' });
  await recordDeclaration('2027-01-15', '2028-01-15');
  await page.getByRole('alert').getByText(/signedAt: .*not in the future/).waitFor();
  t.equal((await h.services.audit.query({ action: 'sharing.declarationRecord', limit: 100 })).length, recordedBefore, 'the refused upload recorded nothing');
  t.match(await s.agencies.currentDeclaration(forestPark!.agencyId), { signedAt: Date.UTC(2026, 9, 15) }, 'and the declaration on file is still the first');
});
