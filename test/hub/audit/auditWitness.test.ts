import t from 'tap';
import { randomBytes } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock, silentLogger } from '../../../core/index.js';
import { AuditLog, recordHash, type AuditRecord } from '../../../hub/audit/auditLog.js';
import { openAuditTrail } from '../../../hub/audit/auditTrail.js';
import { migratePolicySchema } from '../../../hub/db/policySchema.js';
import { ImageCipher, PgStore, type HubStore } from '../../../hub/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { makeStore, START } from '../../helpers/hubHarness.js';
import { PG_URL, serviceAvailable, tempDir } from '../../helpers/index.js';

type Tap = import('tap').Test;

/** An audit log with its witness and key, as a hub process runs it, on a fresh store of `engine`. */
async function witnessedLog(t: Tap, engine: 'sqlite' | 'pg', store?: HubStore) {
  const clock = new ManualClock(START);
  const s = store ?? (await makeStore(t, engine, new ImageCipher(randomBytes(32)), () => clock.now()));
  if (!s) return null;
  await migratePolicySchema(s.sql);
  const files = await auditFiles(t);
  const trail = await openAuditTrail(await tempDir(t), files, silentLogger());
  t.teardown(() => trail.witness.close());
  const audit = new AuditLog({ sql: s.sql, clock, trail });
  await audit.openTrail();
  const witnessLines = async () => (await readFile(files.witnessFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; seq: number; hash: string });
  return { store: s, audit, files, trail, witnessLines };
}

async function fill(audit: AuditLog, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await audit.append({ actor: `user-${i % 3}`, action: 'reads.search', detail: { i } });
}

async function chain(store: HubStore): Promise<AuditRecord[]> {
  const rows = await store.sql.all<Record<string, any>>('SELECT * FROM audit_log ORDER BY seq');
  return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), actor: r.actor, action: r.action, outcome: r.outcome, detail: JSON.parse(r.detail), prevHash: r.prev_hash, hash: r.hash }));
}

for (const engine of ['sqlite', 'pg'] as const) {
  t.test(`${engine}: every append is witnessed before its commit and confirmed after; one that rolls back stays unconfirmed and is no gap`, async (t) => {
    const w = await witnessedLog(t, engine);
    if (!w) return;
    await fill(w.audit, 3);
    await t.rejects(w.store.sql.tx(async (db) => {
      await w.audit.append({ actor: 'u', action: 'site.approve', detail: { siteId: 'never' } }, db);
      throw new Error('the change the record belongs to failed');
    }), /failed/);
    t.same((await w.audit.verify()).problems, [], 'the rolled-back record is not missing');
    await fill(w.audit, 2);
    const lines = await w.witnessLines();
    t.same(lines.map((l) => l.kind), ['start', 'record', 'commit', 'record', 'commit', 'record', 'commit', 'record', 'commit', 'record', 'record', 'commit', 'record', 'commit']);
    t.equal(lines[9]!.seq, lines[10]!.seq, 'the next append took the rolled-back number');
    t.not(lines[9]!.hash, lines[10]!.hash);
    t.same((await w.audit.verify()).problems, []);
  });

  t.test(`${engine}: a record witnessed but never committed (the hub died between the two) is no gap, a committed one cut is`, async (t) => {
    const w = await witnessedLog(t, engine);
    if (!w) return;
    await fill(w.audit, 3);
    const head = (await w.audit.head())!;
    // What a hub killed between witnessing an append and committing it leaves behind.
    await w.trail.witness.write({ kind: 'record', seq: head.seq + 1, hash: 'e'.repeat(64) });
    t.same((await w.audit.verify()).problems, []);
    await fill(w.audit, 1);
    t.same((await w.audit.verify()).problems, [], 'the next append takes the number and is confirmed');
    await w.store.sql.run('DELETE FROM audit_log WHERE seq = ?', [head.seq + 1]);
    t.match((await w.audit.verify()).problems.map((p) => p.message), [/the chain ends at record \d+ but the witness confirms records up to \d+: 1 committed record\(s\) were cut/]);
  });

  t.test(`${engine}: records cut from the end, or rewritten with every hash recomputed, fail verify against the witness`, async (t) => {
    const w = await witnessedLog(t, engine);
    if (!w) return;
    await fill(w.audit, 8);
    await w.audit.checkpoint();
    await fill(w.audit, 2);
    t.same((await w.audit.verify()).problems, []);
    const before = await chain(w.store);
    const head = before.at(-1)!;

    await w.store.sql.run('DELETE FROM audit_log WHERE seq > ?', [head.seq - 2]);
    const cut = await w.audit.verify();
    t.match(cut.problems.map((p) => p.message), [new RegExp(`the chain ends at record ${head.seq - 2} but the witness confirms records up to ${head.seq}: 2 committed`)]);

    // Put them back, then rewrite record 4 and recompute every later hash.
    for (const r of before.filter((x) => x.seq > head.seq - 2)) {
      await w.store.sql.run('INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [r.seq, r.at, r.actor, r.action, r.outcome, JSON.stringify(r.detail), r.prevHash, r.hash]);
    }
    t.same((await w.audit.verify()).problems, [], 'restored, it verifies again');
    let prev = before[2]!.hash;
    for (const r of before.slice(3)) {
      const changed = { ...r, prevHash: prev, detail: r.seq === 4 ? { i: 'rewritten' } : r.detail };
      const hash = recordHash(changed);
      await w.store.sql.run('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?', [JSON.stringify(changed.detail), prev, hash, r.seq]);
      prev = hash;
    }
    const rewritten = await w.audit.verify();
    t.ok(rewritten.problems.some((p) => p.seq === 4 && /record 4 differs from the witness/.test(p.message)), 'the rewritten record is named');
    t.ok(rewritten.problems.some((p) => p.problem === 'checkpoint' && /differs from the signed checkpoint/.test(p.message)), 'and the signed checkpoint no longer matches');
  });
}

t.test('pg: two hub processes on one PostgreSQL share one witness, and neither the chain nor the witness forks', async (t) => {
  if (!(await serviceAvailable(t, 'postgres'))) return;
  const clock = new ManualClock(START);
  const first = await makeStore(t, 'pg', new ImageCipher(randomBytes(32)), () => clock.now());
  if (!first) return;
  await migratePolicySchema(first.sql);
  const schema = (first as unknown as { ctx: { schema: string } }).ctx.schema;
  const second = new PgStore({ connectionString: PG_URL, schema, images: new ImageCipher(randomBytes(32)), now: () => clock.now() });
  await second.migrate();
  t.teardown(() => second.close());
  const files = await auditFiles(t);
  const dataDir = await tempDir(t);
  const trails = [await openAuditTrail(dataDir, files, silentLogger()), await openAuditTrail(dataDir, files, silentLogger())];
  t.teardown(async () => Promise.all(trails.map((tr) => tr.witness.close())));
  const logs = [new AuditLog({ sql: first.sql, clock, trail: trails[0] }), new AuditLog({ sql: second.sql, clock, trail: trails[1] })];
  await Promise.all(logs.map((l) => l.openTrail()));
  await Promise.all(Array.from({ length: 60 }, (_, i) => logs[i % 2]!.append({ actor: `hub-${i % 2}`, action: 'x', detail: { i } })));
  const lines = (await readFile(files.witnessFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { kind: string; seq: number });
  t.equal(lines.filter((l) => l.kind === 'start').length, 1, 'one start, though both processes opened the witness empty');
  const seqs = lines.filter((l) => l.kind === 'record').map((l) => l.seq);
  t.same(seqs, [...seqs].sort((a, b) => a - b), 'witness lines are in chain order: both processes took turns on the lock');
  t.equal(new Set(seqs).size, seqs.length, 'no number witnessed twice');
  t.same((await logs[0]!.verify()).problems, []);
  t.same((await logs[1]!.verify()).problems, []);
});

t.test('sqlite: a witness line cut short by a crash is closed off, so the next record is still witnessed', async (t) => {
  const w = await witnessedLog(t, 'sqlite');
  if (!w) return;
  await fill(w.audit, 2);
  await w.trail.witness.close();
  await appendFile(w.files.witnessFile, '{"kind":"record","seq":3,"ha'); // the power went off mid-line
  const reopened = await openAuditTrail(await tempDir(t), w.files, silentLogger());
  t.teardown(() => reopened.witness.close());
  const audit = new AuditLog({ sql: w.store.sql, clock: new ManualClock(START), trail: reopened });
  await fill(audit, 2);
  const { problems } = await audit.verify();
  t.same(problems.map((p) => p.message), ['the witness has a line the hub did not write (line 8: not JSON)'], 'only the torn line is reported; both new records are witnessed');
});

t.test('the start check finds the witness\'s last signed checkpoint from the end, across read chunks, and reads only the tail after it', async (t) => {
  const { sign } = await import('node:crypto');
  const { canonicalJson } = await import('../../../hub/audit/auditLog.js');
  const { findWitnessAnchor, readWitnessTail } = await import('../../../hub/audit/auditWitness.js');
  const { loadOrCreateAuditKey } = await import('../../../hub/audit/auditKey.js');
  const dir = await tempDir(t);
  const { key } = await loadOrCreateAuditKey(join(dir, 'audit-key.pem'));
  const line = (entry: Record<string, unknown>) => `${JSON.stringify({ ...entry, sig: sign(null, Buffer.from(canonicalJson(entry)), key.privateKey).toString('base64') })}\n`;
  const hash = (seq: number) => seq.toString(16).padStart(64, '0');
  const records = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => line({ kind: 'record', seq: from + i, hash: hash(from + i) }) + line({ kind: 'commit', seq: from + i, hash: hash(from + i) })).join('');
  const path = join(dir, 'audit.witness');
  // About 1.5 MB after the checkpoint: more than one chunk read back from the end.
  const before = line({ kind: 'start', seq: 0, hash: '0'.repeat(64), at: 1 }) + records(1, 2000) + line({ kind: 'checkpoint', seq: 1000, hash: hash(1000), at: 2 });
  await appendFile(path, before + line({ kind: 'checkpoint', seq: 2000, hash: hash(2000), at: 3 }) + records(2001, 6000) + '{"kind":"checkpoint","seq":5999,"hash":"' + hash(5999) + '","at":4,"sig":"forged"}\n');
  const anchor = await findWitnessAnchor(path, key.publicKey);
  t.match(anchor, { kind: 'checkpoint', point: { seq: 2000, hash: hash(2000) }, offset: Buffer.byteLength(before), began: { seq: 0 } }, 'the last signed checkpoint (a forged one after it is passed over)');
  const tail = await readWitnessTail(path, key.publicKey, anchor);
  t.same(tail.start, { seq: 2000, hash: hash(2000) });
  t.equal(Math.min(...tail.records.keys()), 2001, 'records up to the checkpoint are not read');
  t.equal(tail.lastSeq, 6000);
  t.match(tail.rejected, [/^line 8002 from the checkpoint at byte \d+: not signed by the audit key$/]);
});
