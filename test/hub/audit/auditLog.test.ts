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
