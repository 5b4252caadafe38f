import t from 'tap';
import { DAY, onBothStores, PASSWORD, START } from '../../helpers/hubHarness.js';

onBothStores(t, 'a new account must set a password and enroll TOTP before it can sign in', async (t, h) => {
  const { accounts } = h.services;
  const { activationToken, account } = await accounts.create({ username: 'jdoe', displayName: 'J. Doe', role: 'officer' }, 'admin-1');
  t.equal(account.status, 'pending');
  await t.rejects(accounts.signIn('jdoe', PASSWORD, '000000'), { code: 'ALPR_ERR_AUTH_FAILED' }, 'no password yet');
  await t.rejects(accounts.activate(activationToken, 'too short'), { code: 'ALPR_ERR_PASSWORD_POLICY' });
  const { otpauthUri } = await accounts.activate(activationToken, PASSWORD);
  t.match(otpauthUri, /^otpauth:\/\/totp\/ALPR%20Hub:jdoe\?secret=[A-Z2-7]+/);
  await t.rejects(accounts.activate(activationToken, PASSWORD), { code: 'ALPR_ERR_AUTH_FAILED' }, 'an activation token works once');
  const { base32Decode } = await import('../../helpers/hubHarness.js');
  const secret = base32Decode(new URL(otpauthUri).searchParams.get('secret')!);
  await t.rejects(accounts.signIn('jdoe', PASSWORD, h.code(secret)), { code: 'ALPR_ERR_AUTH_MFA_REQUIRED' });
  await accounts.confirmTotp('jdoe', PASSWORD, h.code(secret));
  const { token, account: active } = await accounts.signIn('jdoe', PASSWORD, h.code(secret));
  t.equal(active.status, 'active');
  t.equal((await accounts.authenticate(token)).account.username, 'jdoe');
  await t.rejects(accounts.create({ username: 'jdoe', displayName: 'Other', role: 'officer' }, 'admin-1'), { code: 'ALPR_ERR_CONFLICT' }, 'usernames are unique');
});

onBothStores(t, 'a TOTP code cannot be replayed and a wrong one fails', async (t, h) => {
  const u = await h.user('officer');
  const code = h.code(u.secret);
  await h.services.accounts.signIn(u.username, PASSWORD, code);
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, code), { code: 'ALPR_ERR_AUTH_FAILED' });
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, '123456'), { code: 'ALPR_ERR_AUTH_FAILED' });
});

onBothStores(t, 'five failed sign-ins lock the account for ten minutes, then it opens again', async (t, h) => {
  const u = await h.user('dispatcher');
  for (let i = 0; i < 5; i++) await t.rejects(h.services.accounts.signIn(u.username, 'wrong password entirely ok', h.code(u.secret)), { code: 'ALPR_ERR_AUTH_FAILED' });
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret)), { code: 'ALPR_ERR_AUTH_LOCKED' }, 'even the right password is refused while locked');
  h.clock.advance(6 * 60_000); // with the 30 s steps code() takes: 7 minutes into the lock
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret)), { code: 'ALPR_ERR_AUTH_LOCKED' });
  h.clock.advance(3 * 60_000);
  const { token } = await h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret));
  t.ok(token);
  const locks = await h.services.audit.query({ action: 'account.lock', limit: 10 });
  t.equal(locks.length, 1, 'the lock is audited');
  const failures = await h.services.audit.query({ action: 'auth.signIn', actor: u.account.userId, limit: 50 });
  t.equal(failures.filter((r) => r.outcome === 'failed').length, 5);
});

onBothStores(t, 'a session locks after 30 minutes idle but not while in use', async (t, h) => {
  const u = await h.user('officer');
  for (let i = 0; i < 4; i++) {
    h.clock.advance(25 * 60_000);
    await h.services.accounts.authenticate(u.token);
  }
  h.clock.advance(30 * 60_000 + 1);
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' });
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' }, 'and stays locked');
});

onBothStores(t, 'deactivation on separation ends every session at once', async (t, h) => {
  const u = await h.user('analyst');
  await h.services.accounts.authenticate(u.token);
  await h.services.accounts.deactivate(u.account.userId, 'admin-1', 'separated from the department');
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' });
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret)), { code: 'ALPR_ERR_AUTH_FAILED' });
});

onBothStores(t, 'training, the yearly sign-off and LEADS every 2 years gate searching', async (t, h) => {
  const { accounts } = h.services;
  const u = await h.user('officer', { certified: false });
  t.same(accounts.lapses(u.account).length, 3);
  t.throws(() => accounts.requireCurrent(u.account), { code: 'ALPR_ERR_ACCOUNT_LAPSED' });
  let account = await accounts.setCertifications(u.account.userId, { trainingCompletedAt: START - DAY, policySignedAt: START - DAY, leadsCertifiedAt: START - DAY }, 'admin-1');
  t.same(accounts.lapses(account), []);
  h.clock.advance(365 * DAY);
  account = (await accounts.get(u.account.userId))!;
  t.same(accounts.lapses(account), ['the yearly policy sign-off has lapsed']);
  account = await accounts.setCertifications(u.account.userId, { policySignedAt: h.clock.now() - DAY }, 'admin-1');
  t.same(accounts.lapses(account), []);
  h.clock.advance(365 * DAY);
  account = await accounts.setCertifications(u.account.userId, { policySignedAt: h.clock.now() - DAY }, 'admin-1');
  t.same(accounts.lapses(account), ['LEADS certification (every 2 years) has lapsed']);
  await t.rejects(accounts.setCertifications(u.account.userId, { leadsCertifiedAt: h.clock.now() + DAY }, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT' }, 'no dates in the future');
});

onBothStores(t, 'role changes and unlocks are audited', async (t, h) => {
  const u = await h.user('officer');
  await h.services.accounts.setRole(u.account.userId, 'detective', 'admin-1');
  t.equal((await h.services.accounts.get(u.account.userId))?.role, 'detective');
  await t.rejects(h.services.accounts.setRole(u.account.userId, 'superuser', 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT' });
  const [change] = await h.services.audit.query({ action: 'account.roleChange', limit: 5 });
  t.same(change?.detail, { userId: u.account.userId, from: 'officer', to: 'detective' });
});
