import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';

t.test('an administrator creates an account with its certification dates, hands over the activation token, and deactivates it; an officer cannot, whatever the page shows', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  const admin = await h.user('admin');
  await rig.signIn(admin);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Username').fill('sam.okafor');
  await page.getByLabel('Full name').fill('Sam Okafor');
  await page.getByLabel('Role').selectOption('dispatcher');
  await page.getByLabel('Training completed').fill('2026-10-01');
  await page.getByLabel('Policy signed').fill('2026-10-02');
  await page.getByLabel('LEADS certified').fill('2026-10-03');
  await page.getByRole('button', { name: 'Create account' }).click();
  const token = await page.getByTestId('activation-token').innerText();
  t.match(token, /^\S{10,}$/, 'the activation token is shown once to hand over');
  const row = page.locator('tr', { hasText: 'sam.okafor' });
  t.match(await row.innerText(), /Sam Okafor\s+dispatcher\s+pending\S*\s+not yet\s+2026-10-01\s+2026-10-02\s+2026-10-03/, 'the new account is listed with its dates');
  await rig.check('accounts-created');
  await h.services.accounts.activate(token, 'a long passphrase for sam okafor 42');

  await row.getByRole('button', { name: 'Deactivate sam.okafor' }).click();
  await page.getByLabel('Reason').fill('left the department');
  await page.getByRole('button', { name: 'Deactivate sam.okafor' }).last().click();
  await page.locator('tr', { hasText: 'sam.okafor' }).getByText('deactivated').waitFor();
  await rig.check('accounts-deactivated');
  t.equal((await h.services.accounts.byUsername('sam.okafor'))!.status, 'deactivated', 'the hub holds the deactivation');
  t.match(await h.services.audit.query({ action: 'account.deactivate', limit: 5 }), [{ actor: admin.account.userId, detail: { reason: 'left the department' } }]);

  const officer = await h.user('officer', { username: 'ofc.lapsing' });
  await page.reload();
  await page.getByRole('button', { name: 'Certifications of ofc.lapsing' }).click();
  await page.getByLabel('LEADS certified on').fill('2026-10-20');
  await page.getByRole('button', { name: 'Save certifications of ofc.lapsing' }).click();
  await page.locator('tr', { hasText: 'ofc.lapsing' }).getByText('2026-10-20').waitFor();
  await rig.check('accounts-certifications');
  t.equal((await h.services.accounts.byUsername('ofc.lapsing'))!.leadsCertifiedAt, Date.UTC(2026, 9, 20), 'the hub holds the new LEADS date');
  t.match(await h.services.audit.query({ action: 'account.certifications', limit: 5 }), [{ actor: admin.account.userId }], 'the change is audited under the admin');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await rig.signIn(officer);
  t.equal(await page.getByRole('link', { name: 'Accounts' }).count(), 0, 'an officer\'s console offers no account management');
  const forced = await page.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('alpr_csrf='))!.slice(10);
    const res = await fetch('/api/v1/accounts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ username: 'rogue.user', displayName: 'Rogue', role: 'admin' }) });
    return { status: res.status, body: await res.json() as { code: string } };
  });
  t.match(forced, { status: 403, body: { code: 'ALPR_ERR_FORBIDDEN' } }, 'and the API refuses an officer who calls it from the page anyway');
});
