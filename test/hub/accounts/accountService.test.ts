import t from 'tap';
import { DEFAULT_ACCOUNT_RULES } from '../../../hub/accounts/accountService.js';
import { DAY, failAudit, onBothStores, PASSWORD, START } from '../../helpers/hubHarness.js';

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

onBothStores(t, 'five failed sign-ins from one address lock the name there for ten minutes, then it opens again', async (t, h) => {
  const u = await h.user('dispatcher');
  for (let i = 0; i < 5; i++) await t.rejects(h.services.accounts.signIn(u.username, 'wrong password entirely ok', h.code(u.secret)), { code: 'ALPR_ERR_AUTH_FAILED' });
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret)), { code: 'ALPR_ERR_AUTH_LOCKED' }, 'even the right password is refused while locked');
  h.clock.advance(6 * 60_000); // with the 30 s steps code() takes: 7 minutes into the lock
  await t.rejects(h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret)), { code: 'ALPR_ERR_AUTH_LOCKED' });
  h.clock.advance(3 * 60_000);
  const { token } = await h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret));
  t.ok(token);
  const locks = await h.services.audit.query({ action: 'auth.nameAtAddressLock', limit: 10 });
  t.same(locks.map((r) => [r.detail.username, r.detail.address]), [[u.username, 'local']], 'the lock is audited, with the address it holds for');
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

onBothStores(t, 'a check that is not the user\'s request (the alert stream\'s heartbeat) does not keep a session from idling out', async (t, h) => {
  const u = await h.user('dispatcher');
  for (let i = 0; i < 3; i++) {
    h.clock.advance(10 * 60_000);
    await h.services.accounts.authenticate(u.token, { touch: false });
  }
  h.clock.advance(60_001);
  await t.rejects(h.services.accounts.authenticate(u.token, { touch: false }), { code: 'ALPR_ERR_SESSION_EXPIRED', message: /idle/ }, '31 minutes after the last request, the session is ended');
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

onBothStores(t, 'role changes carry a reason and are audited with it', async (t, h) => {
  const u = await h.user('officer');
  const admin = await h.user('admin');
  await h.services.accounts.setRole(u.account.userId, 'detective', admin.account.userId, 'promoted to investigations, memo 26-14');
  t.equal((await h.services.accounts.get(u.account.userId))?.role, 'detective');
  await t.rejects(h.services.accounts.setRole(u.account.userId, 'superuser', admin.account.userId, 'no such role exists'), { code: 'ALPR_ERR_INVALID_INPUT' });
  await t.rejects(h.services.accounts.setRole(u.account.userId, 'analyst', admin.account.userId, ''), { code: 'ALPR_ERR_INVALID_INPUT', message: /reason/ }, 'a role change without a reason is refused');
  t.equal((await h.services.accounts.get(u.account.userId))?.role, 'detective', 'and changes nothing');
  const [change] = await h.services.audit.query({ action: 'account.roleChange', limit: 5 });
  t.same(change?.detail, { userId: u.account.userId, from: 'officer', to: 'detective', reason: 'promoted to investigations, memo 26-14', via: 'api' });
});

onBothStores(t, 'nobody changes their own role and the chief role is granted only on the hub host', async (t, h) => {
  const admin = await h.user('admin');
  const other = await h.user('admin');
  const chief = await h.user('chief');
  const { accounts, audit } = h.services;
  await t.rejects(accounts.setRole(admin.account.userId, 'chief', admin.account.userId, 'I approve my own requests'), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /own role/ });
  await t.rejects(accounts.setRole(admin.account.userId, 'auditor', admin.account.userId, 'lateral move to audit'), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /own role/ });
  await t.rejects(accounts.setRole(admin.account.userId, 'chief', other.account.userId, 'acting chief while away'), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /hub host/ });
  await t.rejects(accounts.setRole(chief.account.userId, 'officer', admin.account.userId, 'demote the chief'), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES', message: /hub host/ });
  await t.rejects(accounts.create({ username: 'new.chief', displayName: 'New Chief', role: 'chief' }, admin.account.userId), { code: 'ALPR_ERR_SEPARATION_OF_DUTIES' });
  t.equal((await accounts.get(admin.account.userId))?.role, 'admin', 'the admin is still an admin');
  t.equal((await accounts.get(chief.account.userId))?.role, 'chief');
  t.equal(await accounts.byUsername('new.chief'), null, 'no chief account was created');
  const refused = (await audit.query({ action: 'account.roleChange', limit: 10 })).filter((r) => r.outcome === 'refused');
  t.equal(refused.length, 4, 'every refused role change is audited');
  t.equal((await audit.query({ action: 'account.create', limit: 20 })).filter((r) => r.outcome === 'refused').length, 1);
  const granted = await accounts.setRole(admin.account.userId, 'chief', 'cli:root', 'sworn in as interim chief, order 26-3', 'host');
  t.equal(granted.role, 'chief', 'on the hub host the chief role can be granted');
  const [change] = (await audit.query({ action: 'account.roleChange', limit: 10 })).filter((r) => r.outcome === 'ok');
  t.match(change?.detail, { to: 'chief', via: 'host', reason: 'sworn in as interim chief, order 26-3' });
});

onBothStores(t, 'a cleared or zero certification date means untrained', async (t, h) => {
  const u = await h.user('officer');
  t.same(h.services.accounts.lapses(u.account), []);
  const cleared = await h.services.accounts.setCertifications(u.account.userId, { trainingCompletedAt: null }, 'admin-1');
  t.equal(cleared.trainingCompletedAt, null);
  t.same(h.services.accounts.lapses(cleared), ['department ALPR training has not been recorded']);
  await t.rejects(h.services.accounts.setCertifications(u.account.userId, { trainingCompletedAt: 0 }, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT' }, '0 is not a date');
  // What the old body coercion left behind: 0 in the column.
  await h.store.sql.run('UPDATE accounts SET training_completed_at = 0 WHERE user_id = ?', [u.account.userId]);
  t.same(h.services.accounts.lapses((await h.services.accounts.get(u.account.userId))!), ['department ALPR training has not been recorded']);
});

onBothStores(t, 'a session ends 12 hours after sign-in however busy it is, and the end is audited', async (t, h) => {
  const u = await h.user('officer');
  const signedInAt = h.clock.now();
  let requests = 0;
  while (h.clock.now() + 20 * 60_000 <= signedInAt + 12 * 3600_000 && requests < 100) {
    h.clock.advance(20 * 60_000);
    await h.services.accounts.authenticate(u.token);
    requests++;
  }
  t.equal(requests, 36, 'a request every 20 minutes for 12 hours keeps it open');
  h.clock.advance(20 * 60_000);
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED', message: /at most 12 hours/ });
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' }, 'and stays ended');
  const [ended] = await h.services.audit.query({ action: 'auth.sessionExpired', limit: 5 });
  t.equal(ended?.actor, u.account.userId);
  const { token } = await h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret));
  t.equal((await h.services.accounts.authenticate(token)).account.userId, u.account.userId, 'a fresh sign-in works');
});

onBothStores(t, 'signing in beyond the session cap ends the oldest session, audited', async (t, h) => {
  const u = await h.user('detective'); // session 1
  const second = await h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret));
  await h.services.accounts.authenticate(u.token);
  const third = await h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret));
  await t.rejects(h.services.accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' }, 'the oldest session ended');
  for (const s of [second, third]) t.equal((await h.services.accounts.authenticate(s.token)).account.userId, u.account.userId, 'the two newest stay open');
  const ended = await h.services.audit.query({ action: 'auth.sessionEnded', limit: 5 });
  t.equal(ended.length, 1);
  t.match(ended[0]?.detail, { userId: u.account.userId, reason: /more than 2 sessions/ });
  const open = await h.store.sql.all('SELECT token_hash FROM sessions WHERE user_id = ? AND ended_at IS NULL', [u.account.userId]);
  t.equal(open.length, 2, 'never more than the cap open');
}, { accounts: { ...DEFAULT_ACCOUNT_RULES, maxSessionsPerAccount: 2 } });

onBothStores(t, 'a sign-out or a session end whose audit record cannot be written does not end the session unrecorded', async (t, h) => {
  const { accounts, audit } = h.services;
  const u = await h.user('officer');
  let restore = failAudit(h, 'auth.signOut');
  await t.rejects(accounts.signOut(u.token), { code: 'ALPR_ERR_STORE' }, 'the user is told the sign-out failed');
  restore();
  t.equal((await accounts.authenticate(u.token)).account.userId, u.account.userId, 'so the session is still open, as the user was told');
  await accounts.signOut(u.token);
  await t.rejects(accounts.authenticate(u.token), { code: 'ALPR_ERR_SESSION_EXPIRED' });
  t.equal((await audit.query({ action: 'auth.signOut', limit: 5 })).length, 1, 'one sign-out, recorded');

  const v = await h.user('officer');
  h.clock.advance(DEFAULT_ACCOUNT_RULES.idleTimeoutMs + 60_000);
  restore = failAudit(h, 'auth.sessionIdle');
  await t.rejects(accounts.authenticate(v.token), { code: 'ALPR_ERR_STORE' }, 'an idle session still gives no access');
  restore();
  await t.rejects(accounts.authenticate(v.token), { code: 'ALPR_ERR_SESSION_EXPIRED', message: /idle/ }, 'and is ended, with its record, at the next request');
  t.same((await audit.query({ action: 'auth.sessionIdle', limit: 5 })).map((r) => r.actor), [v.account.userId]);
});
