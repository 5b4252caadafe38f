import t from 'tap';
import { randomBytes } from 'node:crypto';
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { silentLogger, systemClock } from '../../../core/index.js';
import { buildApi } from '../../../hub/api/server.js';
import { AuditLog, recordHash } from '../../../hub/audit/auditLog.js';
import { openAuditTrail } from '../../../hub/audit/auditTrail.js';
import { AuditStartCheck } from '../../../hub/audit/startupCheck.js';
import { migratePolicySchema } from '../../../hub/db/policySchema.js';
import { createHubServices, ImageCipher, loadOrCreateHubKeys, SqliteStore } from '../../../hub/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { realDataFolder, rechain, rows } from '../../helpers/auditTamper.js';
import { captureLogger, tempDir } from '../../helpers/index.js';
import { harness, makeStore } from '../../helpers/hubHarness.js';

type Tap = import('tap').Test;
type Folder = Awaited<ReturnType<typeof realDataFolder>>;

/** Opens the copy as a hub process does (its services open the witness, starting a new one if it is empty) and runs the start check. */
async function checkAtStart(t: Tap, folder: Folder) {
  const keys = await loadOrCreateHubKeys(join(folder.copy, 'keys'));
  const trail = await openAuditTrail(folder.copy, folder.audit, silentLogger());
  const store = new SqliteStore({ path: join(folder.copy, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
  await store.migrate();
  const services = await createHubServices({ store, clock: systemClock, logger: silentLogger(), keys, auditTrail: trail, policy: { passwordCost: { logN: 10 } } });
  const log = captureLogger();
  const check = new AuditStartCheck({ audit: services.audit, clock: systemClock, logger: log.logger });
  check.start();
  const status = await check.done();
  const recorded = await services.audit.query({ action: 'audit.startCheck', limit: 5 });
  await store.close();
  await trail.witness.close();
  t.teardown(() => check.stop());
  return { status, probe: check.probe(), logs: log.lines(), recorded };
}

async function brokenAtStart(t: Tap, folder: Folder, expected: RegExp): Promise<void> {
  const { status, probe, logs, recorded } = await checkAtStart(t, folder);
  t.equal(status.state, 'broken', 'the start check finds the chain broken');
  t.match(status.problems.map((p) => p.message).join('\n'), expected);
  t.match(probe, { ok: false, reason: /^ALPR_ERR_AUDIT_CHAIN: the audit chain does not verify: \d+ problem\(s\), the first at record \d+/ }, 'readiness fails with the reason');
  t.ok(logs.some((l) => l.level === 50 && l.code === 'ALPR_ERR_AUDIT_CHAIN'), 'an error with the typed code is logged');
  t.match(recorded, [{ actor: 'system', outcome: 'failed', detail: { problems: status.problemCount } }], 'the finding is recorded in the chain');
}

t.test('an untouched chain passes the start check, comparing the witness from its last signed checkpoint only', async (t) => {
  const folder = await realDataFolder(t);
  const { status, probe, logs, recorded } = await checkAtStart(t, folder);
  t.match(status, { state: 'intact', problemCount: 0, problems: [], records: folder.records().length });
  t.ok(status.witnessFrom !== null && status.witnessFrom >= folder.signedHeadSeq, `the witness was compared from record ${status.witnessFrom}`);
  t.same(probe, { ok: true });
  t.notOk(logs.some((l) => Number(l.level) >= 50));
  t.same(recorded, []);
});

// The same insiders' attacks `audit verify` catches (tamperAttacks.test.ts), each caught at start.
const attacks: Array<[string, (f: Folder, db: Database.Database) => Promise<RegExp>]> = [
  ['a record changed in place, long before the last checkpoint, hashes left alone', async (_f, db) => {
    db.prepare('UPDATE audit_log SET detail = ? WHERE seq = 2').run('{"note":"changed"}');
    return /record 2 does not match its hash/;
  }],
  ['a record changed and every later hash recomputed', async (f, db) => {
    db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 3').run('someone-else');
    rechain(db, 3);
    return new RegExp(`differs from the signed checkpoint|record ${f.signedHeadSeq} differs`);
  }],
  ['a record deleted in the middle', async (_f, db) => {
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    return /record 5 does not follow record 3/;
  }],
  ['the records newer than the last checkpoint deleted', async (f, db) => {
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(f.signedHeadSeq);
    return /committed record\(s\) were cut from the end/;
  }],
  ['a forged record appended with a correct hash', async (_f, db) => {
    const head = rows(db).at(-1)!;
    const forged = { seq: head.seq + 1, at: head.at + 1000, actor: 'chief', action: 'felony.approve', outcome: 'ok' as const, detail: { requestId: 'backdated' }, prevHash: head.hash };
    db.prepare('INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.seq, forged.at, forged.actor, forged.action, forged.outcome, JSON.stringify(forged.detail), forged.prevHash, recordHash(forged));
    return /appended outside the hub/;
  }],
  ['a record deleted and the rest renumbered and rechained', async (_f, db) => {
    const all = rows(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    for (const r of all.filter((x) => x.seq > 4)) db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(r.seq - 1, r.seq);
    rechain(db, 4);
    return /differs from the signed checkpoint|cut from the end/;
  }],
  ['the chain rewritten and the witness emptied, so that the hub starts a new one', async (f, db) => {
    db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 3').run('someone-else');
    rechain(db, 3);
    await writeFile(f.audit.witnessFile, '');
    return /says a witness was started at record 0, but this witness starts at record \d+: the witness was emptied or replaced/;
  }],
  ['the witness deleted', async (f) => {
    await rm(f.audit.witnessFile);
    return /the witness was emptied or replaced/;
  }],
  ['the chain cut and the cut records\' commit lines taken out of the witness', async (f, db) => {
    const keep = f.signedHeadSeq - 1;
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    const lines = (await readFile(f.audit.witnessFile, 'utf8')).split('\n').filter((l) => !(l.includes('"kind":"commit"') && JSON.parse(l).seq > keep));
    await writeFile(f.audit.witnessFile, lines.join('\n'));
    return new RegExp(`the witness has a signed checkpoint of record ${f.signedHeadSeq}: records were cut from the end`);
  }],
  ['a line the hub did not sign appended to the witness', async (f) => {
    await appendFile(f.audit.witnessFile, `${JSON.stringify({ kind: 'record', seq: 999, hash: 'f'.repeat(64), sig: 'AAAA' })}\n`);
    return /the witness has a line the hub did not write \(line \d+ from the checkpoint at byte \d+: not signed by the audit key\)/;
  }],
];

for (const [name, attack] of attacks) {
  t.test(`the start check finds it: ${name}`, async (t) => {
    const folder = await realDataFolder(t);
    const expected = await attack(folder, folder.db);
    await brokenAtStart(t, folder, expected);
  });
}

t.test('another hub\'s database in place of this one\'s is found at start', async (t) => {
  const ours = await realDataFolder(t);
  const theirs = await realDataFolder(t);
  ours.db.close();
  await cp(join(theirs.copy, 'hub.db'), join(ours.copy, 'hub.db'));
  await brokenAtStart(t, ours, /differs from the signed checkpoint|differs from the witness|cut from the end|past the witness/);
});

t.test('admins and auditors read the start check\'s findings; other roles are refused', async (t) => {
  const h = await harness(t, 'sqlite');
  if (!h) return;
  await h.store.sql.run('UPDATE audit_log SET actor = ? WHERE seq = 1', ['someone-else']);
  const check = new AuditStartCheck({ audit: h.services.audit, clock: h.clock, logger: silentLogger() });
  check.start();
  await check.done();
  const app = await buildApi({ services: h.services, logger: silentLogger(), auditStartCheck: check });
  t.teardown(() => app.close());
  for (const role of ['auditor', 'admin']) {
    const user = await h.user(role);
    const reply = await app.inject({ method: 'GET', url: '/api/v1/audit/start-check', headers: { authorization: `Bearer ${user.token}` } });
    t.equal(reply.statusCode, 200, role);
    t.match(reply.json(), { state: 'broken', problemCount: 1, problems: [{ seq: 1, problem: 'changed', message: /record 1 does not match its hash/ }] });
  }
  const officer = await h.user('officer');
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/audit/start-check', headers: { authorization: `Bearer ${officer.token}` } })).statusCode, 403);
});

t.test('on PostgreSQL, another hub process appending (and checkpointing) while this one starts is not taken for tampering', async (t) => {
  const images = new ImageCipher(randomBytes(32));
  const storeA = await makeStore(t, 'pg', images, Date.now);
  if (!storeA) return;
  const storeB = await storeA.reopen!();
  await migratePolicySchema(storeA.sql);
  const dataDir = await tempDir(t);
  const files = await auditFiles(t);
  // Two processes, one witness file (each its own handle), one chain.
  const [trailA, trailB] = [await openAuditTrail(dataDir, files, silentLogger()), await openAuditTrail(dataDir, files, silentLogger())];
  t.teardown(async () => { await trailA.witness.close(); await trailB.witness.close(); });
  const running = new AuditLog({ sql: storeA.sql, clock: systemClock, trail: trailA });
  await running.openTrail();
  for (let i = 0; i < 200; i++) await running.append({ actor: `user-${i % 7}`, action: 'reads.search', detail: { i } });
  await running.checkpoint();
  let stop = false;
  let appended = 0;
  // Three requests appending at once, the way a busy process does, and its minute checkpoint now and then.
  const appending = [0, 1, 2].map(async (k) => {
    while (!stop) {
      await running.append({ actor: `user-${k}`, action: 'reads.search', detail: { appended } });
      if (++appended % 25 === 0) await running.checkpoint();
    }
  });
  const starting = new AuditLog({ sql: storeB.sql, clock: systemClock, trail: trailB });
  const problems = [];
  let checks = 0;
  while (appended < 150 || checks < 5) {
    problems.push(...(await starting.verifyAtStart()).problems);
    checks++;
  }
  stop = true;
  await Promise.all(appending);
  t.ok(appended >= 150, `${appended} records were appended during ${checks} checks`);
  t.same(problems, [], 'every check passed');
  t.same((await starting.verify()).problems, [], 'and so does audit verify afterwards');
});
