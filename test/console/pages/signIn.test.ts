import t from 'tap';
import { DAY, PASSWORD, START } from '../../helpers/hubHarness.js';
import { totp, base32Decode } from '../../../hub/accounts/totp.js';
import { consoleRig } from '../../helpers/consoleRig.js';

t.test('a new officer activates with the QR code, signs in with password and TOTP, sees their certifications, signs out, and is returned to sign-in by the idle lock', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page, base } = rig;
  const dates = { trainingCompletedAt: START - 10 * DAY, policySignedAt: START - 10 * DAY, leadsCertifiedAt: START - 400 * DAY };
  const { activationToken } = await h.services.accounts.create({ username: 'pat.rivera', displayName: 'Pat Rivera', role: 'officer', ...dates }, 'test-admin', 'api');

  await page.goto(`${base}/console/#/activate`);
  await page.getByLabel('Activation token').fill(activationToken);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Activate' }).click();
  const qr = page.getByRole('img', { name: /QR code for the authenticator of pat\.rivera/ });
  await qr.waitFor();
  await rig.check('activation-qr');
  const secret = base32Decode((await page.locator('code.secret').innerText()).replace(/\s/g, ''));
  await page.getByLabel('Code from the authenticator').fill('000000');
  await page.getByRole('button', { name: 'Confirm code' }).click();
  t.match(await page.getByRole('alert').innerText(), /ALPR_ERR_AUTH_FAILED/, 'a wrong code is refused with its reason shown');
  h.clock.advance(30_000);
  await page.getByLabel('Code from the authenticator').fill(totp(secret, h.clock.now()));
  await page.getByRole('button', { name: 'Confirm code' }).click();
  await page.getByRole('heading', { name: 'Account activated' }).waitFor();
  t.equal((await h.services.accounts.byUsername('pat.rivera'))!.totpConfirmed, true, 'the hub holds the confirmed authenticator');

  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await page.getByLabel('Username').fill('pat.rivera');
  await page.getByLabel('Password').fill(PASSWORD);
  h.clock.advance(30_000);
  await page.getByLabel('Authenticator code').fill(totp(secret, h.clock.now() - 60_000));
  await page.getByRole('button', { name: 'Sign in' }).click();
  t.match(await page.getByRole('alert').innerText(), /Not done: .*ALPR_ERR_AUTH_FAILED/s, 'an old code is refused plainly');
  await rig.check('sign-in-refused');
  h.clock.advance(30_000);
  await page.getByLabel('Authenticator code').fill(totp(secret, h.clock.now()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Pat Rivera' }).waitFor();
  const text = await page.locator('main').innerText();
  t.match(text, /LEADS certification \(every 2 years\) has lapsed|LEADS certification\s+\S+\s+\S+/, 'the certifications are listed');
  t.match(await page.getByRole('timer').innerText(), /Locks in \d+:\d\d/, 'the idle lock counts down where the officer sees it');
  await rig.check('signed-in-home');

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'alpr_session');
  t.match(session, { httpOnly: true, sameSite: 'Strict', path: '/' }, 'the session cookie is HttpOnly and SameSite=Strict');
  t.equal(await page.evaluate(() => document.cookie.includes('alpr_session')), false, 'page scripts cannot read the session');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  // What the signed-out tab (or the next user of the terminal) can read back from the browser's cache, asking the hub nothing.
  const cached = await page.evaluate(async () => fetch('/api/v1/me', { cache: 'only-if-cached', mode: 'same-origin' }).then(async (r) => `${r.status} ${await r.text()}`, () => 'not cached'));
  t.equal(cached, 'not cached', 'the signed-in answers were not kept in the browser\'s cache');
  const after = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  t.equal(after, 401, 'after sign-out the session is over at the hub');
  t.ok(await h.services.audit.query({ action: 'auth.signOut', limit: 5 }).then((r) => r.length === 1), 'the sign-out is in the audit trail');

  h.clock.advance(30_000);
  await page.getByLabel('Username').fill('pat.rivera');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Authenticator code').fill(totp(secret, h.clock.now()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  h.clock.advance(31 * 60_000);
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByText('Your session ended (idle lock or sign-out). Sign in again to continue.').waitFor();
  t.pass('a session the hub locked for idleness returns the console to sign-in, saying why');
});
