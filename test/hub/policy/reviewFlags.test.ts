import t from 'tap';
import { randomBytes } from 'node:crypto';
import { silentLogger } from '../../../core/index.js';
import { createHubServices } from '../../../hub/index.js';
import { newSigningKeys } from '../../../sync/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

const lawful = { purpose: 'stolen_vehicle' as const, offense: '240', caseNumber: '26-004512', description: 'silver sedan stolen from a driveway', plate: 'ABC1234', mode: 'exact' as const };
const prohibited = { ...lawful, description: 'HSI agents asked us to find this car' };

onBothStores(t, 'a refused search suspends the account at once, in the store, until a supervisor lifts it', async (t, h) => {
  const officer = await h.user('officer');
  const admin = await h.user('admin');
  await t.rejects(h.services.search.search(officer.account, prohibited), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  t.equal(await h.services.reviews.isSuspended(officer.account.userId), true);
  // What another process on the same database sees: the suspension is stored, not held in memory.
  const fresh = await createHubServices({ store: h.store, clock: h.clock, logger: silentLogger(), keys: { imageKey: randomBytes(32), sign: newSigningKeys() }, policy: { passwordCost: { logN: 10 } } });
  await t.rejects(fresh.search.search(officer.account, lawful), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  const [flag] = await h.services.reviews.open();
  const upheld = await h.services.reviews.decide(flag!.flagId, 'uphold', 'searched for an immigration agency; referred to the Chief', admin.account.userId);
  t.equal(upheld.suspension, 'upheld');
  t.same(await h.services.reviews.open(), [], 'an upheld flag has been reviewed');
  await t.rejects(h.services.search.search(officer.account, lawful), {
    code: 'ALPR_ERR_SEARCH_SUSPENDED', message: "this account's access to ALPR data is suspended after a refused search (General Order 4.68 VII.H) until a supervisor reviews it: it cannot search reads",
  }, 'an upheld suspension keeps the account out');
  await t.rejects(h.services.reviews.decide(flag!.flagId, 'uphold', 'again', admin.account.userId), { code: 'ALPR_ERR_CONFLICT' });
  const lifted = await h.services.reviews.decide(flag!.flagId, 'lift', 'discipline completed, access restored by the Chief', admin.account.userId);
  t.equal(lifted.suspension, 'lifted');
  t.ok(await h.services.search.search(officer.account, lawful), 'searching again after the lift');
  await t.rejects(h.services.reviews.decide(flag!.flagId, 'lift', 'once more', admin.account.userId), { code: 'ALPR_ERR_CONFLICT' });
  const actions = (await h.services.audit.query({ limit: 1000 })).filter((r) => r.action.startsWith('search.')).map((r) => [r.action, r.detail.reason ?? null]);
  t.same(actions, [
    ['search.suspend', null],
    ['search.suspensionUpheld', 'searched for an immigration agency; referred to the Chief'],
    ['search.suspensionLifted', 'discipline completed, access restored by the Chief'],
  ], 'the suspension and both decisions, with their reasons, are audited');
});

onBothStores(t, 'a suspension cannot be reviewed by the suspended account, nor without a reason', async (t, h) => {
  const admin = await h.user('admin');
  await t.rejects(h.services.search.search(admin.account, { purpose: 'administrative', reference: 'PC-26-0142', description: 'checking immigration status of a neighbour', plate: 'ABC1234', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  const [flag] = await h.services.reviews.open();
  t.equal(flag?.userId, admin.account.userId, 'administrative queries are screened and suspended too');
  await t.rejects(h.services.reviews.decide(flag!.flagId, 'lift', 'it was only a test', admin.account.userId), { code: 'ALPR_ERR_FORBIDDEN' });
  const other = await h.user('admin');
  await t.rejects(h.services.reviews.decide(flag!.flagId, 'lift', 'ok', other.account.userId), { code: 'ALPR_ERR_INVALID_INPUT' });
  await t.rejects(h.services.reviews.decide(flag!.flagId, 'forget' as never, 'a reason that is long enough', other.account.userId), { code: 'ALPR_ERR_INVALID_INPUT' });
  await t.rejects(h.services.reviews.decide('00000000-0000-4000-8000-000000000000', 'lift', 'a reason that is long enough', other.account.userId), { code: 'ALPR_ERR_NOT_FOUND' });
  t.equal((await h.services.reviews.open()).length, 1, 'the refused decisions changed nothing');
});

onBothStores(t, 'the refusal, its flag and the suspension are written together or not at all', async (t, h) => {
  const officer = await h.user('officer');
  // The suspension's insert fails (its column is gone); the check that reads suspensions still works.
  await h.store.sql.run('ALTER TABLE search_suspensions RENAME COLUMN suspended_at TO suspended_when');
  await t.rejects(h.services.search.search(officer.account, prohibited), { code: 'ALPR_ERR_STORE' }, 'the search is still not run');
  t.same((await h.services.audit.query({ action: 'reads.search', limit: 10 })).length, 0, 'no refusal record without its suspension');
  t.same(await h.store.sql.all('SELECT flag_id FROM review_flags'), [], 'no flag without its suspension');
  t.same((await h.services.audit.verify()).problems, [], 'the chain is intact');
});
onBothStores(t, 'an upheld flag is listed apart from those waiting for review, and can still be lifted', async (t, h) => {
  const officer = await h.user('officer');
  await t.rejects(h.services.search.search(officer.account, prohibited), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  const [flag] = await h.services.reviews.open();
  const admin = await h.user('admin');
  t.equal((await h.services.reviews.decide(flag!.flagId, 'uphold', 'the search was for a prohibited use', admin.account.userId)).suspension, 'upheld');
  t.same((await h.services.reviews.open()).map((f) => f.flagId), [], 'an upheld flag waits for no review');
  t.same((await h.services.reviews.open('upheld')).map((f) => f.flagId), [flag!.flagId], 'but is listed as upheld, to be lifted later');
  t.equal((await h.services.reviews.decide(flag!.flagId, 'lift', 'retrained on the policy, access restored', admin.account.userId)).suspension, 'lifted');
  t.same(await h.services.reviews.open('upheld'), [], 'lifted, it leaves the list');
});
