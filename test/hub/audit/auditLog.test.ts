import t from 'tap';
import { canonicalJson } from '../../../hub/audit/auditLog.js';
import { onBothStores } from '../../helpers/hubHarness.js';

t.test('canonical JSON sorts keys at every level', async (t) => {
  t.equal(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
});

async function fill(h: { services: { audit: { append: (e: { actor: string; action: string; detail?: Record<string, unknown> }) => Promise<unknown> } } }, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await h.services.audit.append({ actor: `user-${i % 3}`, action: 'reads.search', detail: { i, plate: `ABC${i}` } });
}

onBothStores(t, 'an untouched chain verifies and each record links to the one before', async (t, h) => {
  await fill(h, 20);
  const result = await h.services.audit.verify({ head: await h.services.audit.head() ?? undefined });
  t.same(result.problems, []);
  t.ok(result.records >= 20);
  const [first, second] = await h.services.audit.query({ limit: 2 });
  t.equal(first?.prevHash, '0'.repeat(64));
  t.equal(second?.prevHash, first?.hash);
});

onBothStores(t, 'a changed record is found', async (t, h) => {
  await fill(h, 10);
  await h.store.sql.run("UPDATE audit_log SET detail = ? WHERE seq = 5", [JSON.stringify({ i: 3, plate: 'NOTHING' })]);
  const { problems } = await h.services.audit.verify();
  t.same(problems.map((p) => [p.seq, p.problem]), [[5, 'changed']]);
});

onBothStores(t, 'a deleted record is found', async (t, h) => {
  await fill(h, 10);
  await h.store.sql.run('DELETE FROM audit_log WHERE seq = 4');
  const { problems } = await h.services.audit.verify();
  t.same(problems.map((p) => [p.seq, p.problem]), [[5, 'inserted-or-deleted']]);
});

onBothStores(t, 'an inserted record is found even with a recomputed hash', async (t, h) => {
  await fill(h, 10);
  const rows = await h.services.audit.query({ limit: 100 });
  // Forge: shift records up and slot a fake one in, with a hash that is right for its own content.
  const { recordHash } = await import('../../../hub/audit/auditLog.js');
  await h.store.sql.run('UPDATE audit_log SET seq = seq + 1000 WHERE seq > 6');
  const fake = { seq: 7, at: rows[6]!.at, actor: 'user-9', action: 'reads.search', outcome: 'ok' as const, detail: { forged: true }, prevHash: rows[5]!.hash };
  await h.store.sql.run('INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [fake.seq, fake.at, fake.actor, fake.action, fake.outcome, JSON.stringify(fake.detail), fake.prevHash, recordHash(fake)]);
  const { problems } = await h.services.audit.verify();
  t.ok(problems.length > 0, 'the forged record breaks the chain after it');
  t.ok(problems.some((p) => p.problem === 'inserted-or-deleted'), 'reported as an insertion');
  t.ok(problems.some((p) => p.problem === 'changed'), 'and the renumbered records fail their own hashes');
});

onBothStores(t, 'records cut from the end are found against a head kept elsewhere', async (t, h) => {
  await fill(h, 10);
  const head = (await h.services.audit.head())!;
  await h.store.sql.run('DELETE FROM audit_log WHERE seq > ?', [head.seq - 2]);
  const { problems } = await h.services.audit.verify({ head });
  t.equal(problems.length, 1);
  t.match(problems[0]!.message, /cut from the end/);
});

onBothStores(t, 'concurrent appends never fork the chain', async (t, h) => {
  await Promise.all(Array.from({ length: 40 }, (_, i) => h.services.audit.append({ actor: 'u', action: 'x', detail: { i } })));
  const { problems } = await h.services.audit.verify();
  t.same(problems, []);
});

onBothStores(t, 'verify calls made over the API while a walk runs share that walk and its answer; a later call walks again', async (t, h) => {
  const { buildApi } = await import('../../../hub/api/server.js');
  const { captureLogger } = await import('../../helpers/index.js');
  await fill(h, 10);
  await h.store.sql.run('UPDATE audit_log SET detail = ? WHERE seq = 5', [JSON.stringify({ i: 3, plate: 'NOTHING' })]);
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const auditor = await h.user('auditor');
  const admin = await h.user('admin');
  const audit = h.services.audit;
  // Each walk of the chain is counted, and held until both requests have asked for one.
  const walk = audit.verify.bind(audit);
  const share = audit.verifyShared.bind(audit);
  let walks = 0;
  let asked = 0;
  let bothAsked!: () => void;
  const gate = new Promise<void>((r) => (bothAsked = r));
  audit.verify = async (...args) => {
    walks++;
    await gate;
    return walk(...args);
  };
  audit.verifyShared = () => {
    if (++asked === 2) bothAsked();
    return share();
  };
  const get = (token: string) => app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { authorization: `Bearer ${token}` } });
  const [first, second] = await Promise.all([get(auditor.token), get(admin.token)]);
  t.equal(asked, 2, 'both calls asked for a verification');
  t.equal(walks, 1, 'one walk of the chain served both');
  t.equal(first.statusCode, 200, first.body);
  t.equal(second.statusCode, 200, second.body);
  t.same(first.json(), second.json(), 'both got the same answer');
  t.same(first.json().problems.map((p: { seq: number; problem: string }) => [p.seq, p.problem]), [[5, 'changed']], 'the answer is the walk\'s, in the usual form');
  t.same(Object.keys(first.json()).sort(), ['problems', 'records'], 'the reply keeps its fields');
  t.same((await audit.query({ action: 'audit.verify', limit: 10 })).map((r) => r.actor).sort(), [auditor, admin].map((u) => u.account.userId).sort(), 'each call is recorded');
  t.equal((await get(auditor.token)).statusCode, 200);
  t.equal(walks, 2, 'a call after the walk ended starts a new one');
});
