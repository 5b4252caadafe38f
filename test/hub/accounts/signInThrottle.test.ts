import t from 'tap';
import { addressBlock } from '../../../core/index.js';
import { totp } from '../../../hub/accounts/totp.js';
import type { HubServices } from '../../../hub/index.js';
import { harness, onBothStores, PASSWORD, type Harness } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;

/** Counts the scrypt verifications each hub runs (the real ones still run). */
function countVerifications(t: Tap, hubs: HubServices[]): { count: () => number; hashes: string[] } {
  const hashes: string[] = [];
  for (const hub of hubs) {
    const hasher = hub.accounts.passwords;
    const verify = hasher.verify.bind(hasher);
    hasher.verify = async (password: string, stored: string) => {
      hashes.push(stored);
      return verify(password, stored);
    };
    t.teardown(() => {
      hasher.verify = verify;
    });
  }
  return { count: () => hashes.length, hashes };
}

const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

/**
 * The attack from the issue: many sign-ins at once, right password, wrong codes, spread over the
 * hub processes given and over `addresses` (request i comes from the i-th address, round robin).
 */
async function burst(h: Harness, hubs: HubServices[], username: string, secret: Buffer, n: number, addresses: string[] = ['203.0.113.9']) {
  const wrong = totp(secret, h.clock.now() + 3600_000); // a real code, but for an hour from now: never valid now
  return Promise.allSettled(Array.from({ length: n }, (_, i) => hubs[i % hubs.length]!.accounts.signIn(username, PASSWORD, wrong, { ip: addresses[i % addresses.length] })));
}

const signInFrom = (h: Harness, u: { username: string; secret: Buffer }, ip: string) => h.services.accounts.signIn(u.username, PASSWORD, h.code(u.secret), { ip });

onBothStores(t, '50 sign-ins at once from one address with the right password and wrong codes evaluate 5 guesses and lock the name there', async (t, h) => {
  const u = await h.user('officer');
  const spy = countVerifications(t, [h.services]);
  const results = await burst(h, [h.services], u.username, u.secret, 50);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 5, ALPR_ERR_AUTH_LOCKED: 45 }, 'five answers say wrong, the rest say locked');
  t.equal(spy.count(), 5, 'only five guesses reached scrypt');
  await t.rejects(signInFrom(h, u, '203.0.113.9'), { code: 'ALPR_ERR_AUTH_LOCKED', message: /from this address is locked until/ }, 'even the right code is refused from that address now');
  t.same((await h.services.audit.query({ action: 'auth.nameAtAddressLock', limit: 10 })).map((r) => r.detail.address), ['203.0.113.9'], 'the lock is audited once');
});

onBothStores(t, 'an attacker at one address cannot keep the officer out: the officer signs in from another address', async (t, h) => {
  const u = await h.user('officer');
  const results = await burst(h, [h.services], u.username, u.secret, 40);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 5, ALPR_ERR_AUTH_LOCKED: 35 });
  const { token } = await signInFrom(h, u, '198.51.100.7');
  t.ok(token, 'the officer, at the station, signs in');
  t.equal((await h.services.accounts.get(u.account.userId))!.lockedUntil, null, 'the account itself is not locked');
  await t.rejects(signInFrom(h, u, '203.0.113.9'), { code: 'ALPR_ERR_AUTH_LOCKED' }, 'the attacker\'s address stays locked');
  h.clock.advance(10 * 60_000 + 1);
  const again = await burst(h, [h.services], u.username, u.secret, 20);
  t.same(codes(again), { ALPR_ERR_AUTH_FAILED: 5, ALPR_ERR_AUTH_LOCKED: 15 }, 'after the lock, five more guesses, not more');
});

onBothStores(t, 'guesses from many addresses at once: at most 30 are evaluated, then the name locks everywhere', async (t, h) => {
  const u = await h.user('analyst');
  const spy = countVerifications(t, [h.services]);
  const addresses = Array.from({ length: 20 }, (_, i) => `192.0.2.${i + 1}`);
  const results = await burst(h, [h.services], u.username, u.secret, 120, addresses);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 30, ALPR_ERR_AUTH_LOCKED: 90 }, '30 answers say wrong, the rest say locked');
  t.equal(spy.count(), 30, 'only thirty guesses reached scrypt');
  const account = (await h.services.accounts.get(u.account.userId))!;
  t.ok(account.lockedUntil !== null && account.lockedUntil > h.clock.now(), 'the account is locked');
  await t.rejects(signInFrom(h, u, '198.51.100.7'), { code: 'ALPR_ERR_AUTH_LOCKED', message: /the account is locked until .* from several addresses/ }, 'from an address that never failed too');
  t.equal((await h.services.audit.query({ action: 'account.lock', limit: 10 })).length, 1, 'the account lock is audited once');
  h.clock.advance(10 * 60_000 + 1);
  t.ok((await signInFrom(h, u, '198.51.100.7')).token, 'it opens again after ten minutes');
});

onBothStores(t, 'attempts the account lock refuses do not count against their address', async (t, h) => {
  const u = await h.user('officer');
  const addresses = Array.from({ length: 6 }, (_, i) => `192.0.2.${i + 1}`);
  await burst(h, [h.services], u.username, u.secret, 30, addresses); // 5 from each: all six addresses and the account lock
  h.clock.advance(5 * 60_000);
  const refused = await burst(h, [h.services], u.username, u.secret, 10, ['198.51.100.7']);
  t.same(codes(refused), { ALPR_ERR_AUTH_LOCKED: 10 }, 'ten attempts at the station while the account is locked');
  h.clock.advance(5 * 60_000 + 1); // the account lock has run out; a lock on the station set 5 minutes in would not have
  t.ok((await signInFrom(h, u, '198.51.100.7')).token, 'once it opens, the station is not locked by the attempts it made meanwhile');
});

onBothStores(t, 'one address spraying a password over many names at once: 20 guesses are evaluated, then the address is locked for every name', async (t, h) => {
  const officer = await h.user('officer');
  const spy = countVerifications(t, [h.services]);
  const names = [officer.username, ...Array.from({ length: 59 }, (_, i) => `guess.${i}`)];
  const results = await Promise.allSettled(names.map((name) => h.services.accounts.signIn(name, 'Summer2026!Summer2026!', '123456', { ip: '203.0.113.9' })));
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 20, ALPR_ERR_AUTH_LOCKED: 40 }, '20 answers say wrong, the rest say locked');
  t.equal(spy.count(), 20, 'only twenty guesses reached scrypt');
  await t.rejects(signInFrom(h, officer, '203.0.113.9'), { code: 'ALPR_ERR_AUTH_LOCKED', message: /from this address is locked until .* under any names/ }, 'the right password too, from that address');
  t.ok((await signInFrom(h, officer, '198.51.100.7')).token, 'the officer signs in from another address');
  t.same((await h.services.audit.query({ action: 'auth.addressLock', limit: 10 })).map((r) => r.detail.address), ['203.0.113.9'], 'the lock is audited once');
});

onBothStores(t, 'a station\'s officers share one address: a success there resets its count, so their typos do not add up to a lock', async (t, h) => {
  const officer = await h.user('officer');
  for (let round = 1; round <= 3; round++) {
    for (let i = 0; i < 15; i++) {
      await t.rejects(h.services.accounts.signIn(`officer.${i}`, 'a mistyped passphrase here', '123456', { ip: '198.51.100.7' }), { code: 'ALPR_ERR_AUTH_FAILED' });
    }
    h.clock.advance(30_000);
    t.ok((await signInFrom(h, officer, '198.51.100.7')).token, `round ${round}: after 15 failures in a row, an officer signs in`);
  }
});

onBothStores(t, 'a success resets its address\'s count, and an unlock lifts the name\'s locks at every address', async (t, h) => {
  const u = await h.user('officer');
  const admin = await h.user('admin');
  await burst(h, [h.services], u.username, u.secret, 4);
  h.clock.advance(30_000);
  await signInFrom(h, u, '203.0.113.9');
  const after = await burst(h, [h.services], u.username, u.secret, 5);
  t.same(codes(after), { ALPR_ERR_AUTH_FAILED: 5 }, 'four failures, a success, then five more failures before the lock');
  await t.rejects(signInFrom(h, u, '203.0.113.9'), { code: 'ALPR_ERR_AUTH_LOCKED' });
  await h.services.accounts.unlock(u.account.userId, admin.account.userId);
  h.clock.advance(30_000);
  t.ok((await signInFrom(h, u, '203.0.113.9')).token, 'unlocked by an administrator');
});

/** Several hub processes share one PostgreSQL (SQLite is one process, so these run on PostgreSQL only). */
function onPeers(name: string, fn: (t: Tap, h: Harness) => Promise<void>): void {
  t.test(`pg: ${name}`, async (tt) => {
    const h = await harness(tt, 'pg');
    if (h) await fn(tt, h);
  });
}

onPeers('two hub processes on one database share the lockout: still 5 guesses for 40 sign-ins', async (t, h) => {
  const u = await h.user('dispatcher');
  const peer = await h.peer();
  const spy = countVerifications(t, [h.services, peer]);
  const results = await burst(h, [h.services, peer], u.username, u.secret, 40);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 5, ALPR_ERR_AUTH_LOCKED: 35 });
  t.equal(spy.count(), 5, 'five guesses between the two hubs, not five each');
});

onPeers('two hub processes on one database share the address lock: 20 guesses for 60 names sprayed from one address', async (t, h) => {
  const peer = await h.peer();
  const spy = countVerifications(t, [h.services, peer]);
  const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => [h.services, peer][i % 2]!.accounts.signIn(`guess.${i}`, 'Summer2026!Summer2026!', '123456', { ip: '2001:db8:9::1' })));
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 20, ALPR_ERR_AUTH_LOCKED: 40 });
  t.equal(spy.count(), 20, 'twenty guesses between the two hubs, not twenty each');
});

onPeers('two hub processes on one database share the account lock: 30 guesses from 12 addresses for 100 sign-ins', async (t, h) => {
  const u = await h.user('dispatcher');
  const peer = await h.peer();
  const spy = countVerifications(t, [h.services, peer]);
  const addresses = Array.from({ length: 12 }, (_, i) => `2001:db8:${i + 1}::7`);
  const results = await burst(h, [h.services, peer], u.username, u.secret, 100, addresses);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 30, ALPR_ERR_AUTH_LOCKED: 70 });
  t.equal(spy.count(), 30, 'thirty guesses between the two hubs, not thirty each');
});

async function oneCodeEightTimes(t: Tap, h: Harness, hubs: HubServices[]) {
  const u = await h.user('analyst');
  const sessions = async () => (await h.store.sql.all('SELECT token_hash FROM sessions WHERE user_id = ?', [u.account.userId])).length;
  const before = await sessions();
  const code = h.code(u.secret);
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => hubs[i % hubs.length]!.accounts.signIn(u.username, PASSWORD, code)));
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one sign-in succeeds');
  t.ok(results.filter((r) => r.status === 'rejected').every((r) => ['ALPR_ERR_AUTH_FAILED', 'ALPR_ERR_AUTH_LOCKED'].includes((r as PromiseRejectedResult).reason.code)), 'the others are refused');
  t.equal(await sessions() - before, 1, 'one new session in the database');
}

onBothStores(t, '8 sign-ins at once with one valid TOTP code give exactly one session', async (t, h) => oneCodeEightTimes(t, h, [h.services]));
onPeers('8 sign-ins at once with one valid TOTP code give exactly one session across two hub processes', async (t, h) => oneCodeEightTimes(t, h, [h.services, await h.peer()]));

onBothStores(t, 'unknown usernames fail, cost and lock exactly like real ones, without an account being created', async (t, h) => {
  const real = await h.user('officer');
  const accountsBefore = (await h.services.accounts.list()).length;
  const spy = countVerifications(t, [h.services]);
  const answers: Array<{ name: string; code: string; message: string }> = [];
  for (let i = 0; i < 6; i++) {
    for (const name of [real.username, 'nobody.here']) {
      const err = await h.services.accounts.signIn(name, 'a wrong passphrase of some length', '123456').catch((e: { code: string; message: string }) => e);
      answers.push({ name, code: (err as { code: string }).code, message: (err as { message: string }).message.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, 'TIME') });
    }
  }
  const realAnswers = answers.filter((a) => a.name === real.username).map(({ code, message }) => ({ code, message }));
  const unknownAnswers = answers.filter((a) => a.name === 'nobody.here').map(({ code, message }) => ({ code, message }));
  t.same(unknownAnswers, realAnswers, 'the same answers, attempt for attempt');
  t.equal(realAnswers.at(-1)?.code, 'ALPR_ERR_AUTH_LOCKED', 'the sixth attempt finds both names locked');
  t.equal(spy.count(), 10, 'five scrypt runs per name (the locked attempts run none)');
  const costs = new Set(spy.hashes.map((hash) => hash.split('$').slice(0, 4).join('$')));
  t.same([...costs], ['scrypt$10$8$1'], 'at the same cost');
  t.equal((await h.services.accounts.list()).length, accountsBefore, 'no account was created');
  t.equal(await h.services.accounts.byUsername('nobody.here'), null);
  h.clock.advance(10 * 60_000 + 1);
  await t.rejects(h.services.accounts.signIn('nobody.here', 'a wrong passphrase of some length', '123456'), { code: 'ALPR_ERR_AUTH_FAILED' }, 'the lock on an unknown name runs out like a real one');
});

onBothStores(t, 'a deactivated or never activated account answers like a wrong password, after the same scrypt work', async (t, h) => {
  const gone = await h.user('officer');
  await h.services.accounts.deactivate(gone.account.userId, 'admin-1', 'separated from the department');
  await h.services.accounts.create({ username: 'not.yet', displayName: 'Not Yet', role: 'officer' }, 'admin-1');
  const active = await h.user('officer');
  const spy = countVerifications(t, [h.services]);
  const answer = async (name: string, password: string) => {
    const err = await h.services.accounts.signIn(name, password, h.code(active.secret)).catch((e: { code: string; message: string }) => e);
    return { code: (err as { code: string }).code, message: (err as { message: string }).message };
  };
  const wrongPassword = await answer(active.username, 'not the right passphrase at all');
  t.same(await answer(gone.username, PASSWORD), wrongPassword, 'deactivated: the right password gets the wrong-password answer');
  t.same(await answer('not.yet', PASSWORD), wrongPassword, 'not activated: the same');
  t.same(await answer('never.existed', PASSWORD), wrongPassword, 'unknown: the same');
  t.equal(spy.count(), 4, 'each attempt ran scrypt once');
  const failures = (await h.services.audit.query({ action: 'auth.signIn', limit: 50 })).filter((r) => r.outcome === 'failed').map((r) => r.detail.reason);
  t.same(failures.slice(-4), ['wrong password', 'account deactivated', 'account not activated', 'unknown user'], 'the audit log, not the answer, says why');
});

t.test('failures are counted per IPv4 address and per IPv6 /64, the block one subscriber holds', async (t) => {
  t.equal(addressBlock('203.0.113.9'), '203.0.113.9');
  t.equal(addressBlock('::ffff:203.0.113.9'), '203.0.113.9', 'IPv4 written as IPv6 is the IPv4 address');
  t.equal(addressBlock('2001:db8:a:b:1:2:3:4'), '2001:db8:a:b::/64');
  t.equal(addressBlock('2001:db8:a:b::99'), '2001:db8:a:b::/64', 'the other addresses of a /64 share its counter');
  t.equal(addressBlock('2001:0DB8:000a:b::1'), '2001:db8:a:b::/64', 'however it is written');
  t.equal(addressBlock('2001:db8::1'), '2001:db8:0:0::/64');
  t.equal(addressBlock('::1'), '0:0:0:0::/64');
  t.equal(addressBlock('fe80::1%eth0'), 'fe80:0:0:0::/64', 'a zone index is not part of the block');
  t.not(addressBlock('2001:db8:a:c::1'), addressBlock('2001:db8:a:b::1'), 'another /64 is another counter');
  t.equal(addressBlock(undefined), 'local', 'the hub host\'s own commands share one counter');
  t.equal(addressBlock(''), 'local');
});

onBothStores(t, 'an IPv6 attacker gets five guesses per /64, not per address', async (t, h) => {
  const u = await h.user('officer');
  const spy = countVerifications(t, [h.services]);
  const addresses = Array.from({ length: 20 }, (_, i) => `2001:db8:5:6::${(i + 1).toString(16)}`);
  const results = await burst(h, [h.services], u.username, u.secret, 20, addresses);
  t.same(codes(results), { ALPR_ERR_AUTH_FAILED: 5, ALPR_ERR_AUTH_LOCKED: 15 });
  t.equal(spy.count(), 5);
  t.ok((await signInFrom(h, u, '2001:db8:5:7::1')).token, 'the next /64 signs in');
});
