import t from 'tap';
import { sign } from 'node:crypto';
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, recordHash } from '../../../hub/audit/auditLog.js';
import { main } from '../../../hub/cli.js';
import { readPrivateKey } from '../../../sync/index.js';
import { realDataFolder, rechain } from '../../helpers/auditTamper.js';
import { runCli } from '../../helpers/cliRunner.js';
import { tempDir } from '../../helpers/index.js';

/**
 * Issue 8: each of these attacks, made by someone who can write the database and the data folder,
 * once passed `audit verify`. Each runs on a copy of a real data folder; the witness and the
 * audit key stay where that person cannot write (a temp folder of their own here).
 */
const run = (args: string[]) => runCli(main, args);

type Tap = import('tap').Test;

async function verifyFails(t: Tap, copy: string, verifyArgs: string[], expected: RegExp[]): Promise<void> {
  const r = await run(['audit', 'verify', '--data', copy, ...verifyArgs]);
  t.equal(r.code, 1, 'audit verify exits 1');
  t.match(r.err, /^ALPR_ERR_AUDIT_CHAIN: the audit chain does not verify/, 'with the audit chain error');
  for (const pattern of expected) t.match(r.out, pattern);
}

t.test('attack 1: deleting the records newer than the last signed checkpoint fails verify', async (t) => {
  const { copy, db, audit, signedHeadSeq, records } = await realDataFolder(t);
  const before = records().length;
  t.ok(before > signedHeadSeq, 'some records are newer than the last checkpoint');
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(signedHeadSeq);
  await verifyFails(t, copy, audit.verifyArgs, [new RegExp(`the chain ends at record ${signedHeadSeq} but the witness confirms records up to ${before}: ${before - signedHeadSeq} committed record\\(s\\) were cut from the end`)]);
});

t.test('attack 2: appending a forged record with a correctly recomputed hash fails verify', async (t) => {
  const { copy, db, audit, records } = await realDataFolder(t);
  const head = records().at(-1)!;
  const forged = { seq: head.seq + 1, at: head.at + 1000, actor: 'chief', action: 'felony.approve', outcome: 'ok' as const, detail: { requestId: 'backdated' }, prevHash: head.hash };
  db.prepare('INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(forged.seq, forged.at, forged.actor, forged.action, forged.outcome, JSON.stringify(forged.detail), forged.prevHash, recordHash(forged));
  await verifyFails(t, copy, audit.verifyArgs, [new RegExp(`the chain runs 1 record\\(s\\) past the witness, which ends at record ${head.seq}: records ${forged.seq}-${forged.seq} were appended outside the hub`)]);
});

t.test('attack 3: editing a record and recomputing every later hash fails verify', async (t) => {
  const { copy, db, audit, records } = await realDataFolder(t);
  const target = records()[2]!;
  db.prepare('UPDATE audit_log SET actor = ? WHERE seq = ?').run('someone-else', target.seq);
  rechain(db, target.seq);
  const plain = await run(['audit', 'verify', '--data', copy, '--public-key', audit.publicKeyFile, '--witness', join(copy, 'absent')]);
  t.equal(plain.code, 1, 'without the witness nothing could be checked');
  await verifyFails(t, copy, audit.verifyArgs, [new RegExp(`record ${target.seq}: record ${target.seq} differs from the witness \\(witnessed [0-9a-f]{12}, database [0-9a-f]{12}\\): it was rewritten or renumbered`)]);
});

t.test('attack 4: deleting a record and renumbering the rest fails verify', async (t) => {
  const { copy, db, audit, records } = await realDataFolder(t);
  const all = records();
  const victim = all[3]!;
  db.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim.seq);
  for (const r of all.filter((x) => x.seq > victim.seq)) db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(r.seq - 1, r.seq);
  rechain(db, victim.seq);
  await verifyFails(t, copy, audit.verifyArgs, [
    new RegExp(`record ${victim.seq}: record ${victim.seq} differs from the witness`),
    new RegExp(`the chain ends at record ${all.length - 1} but the witness confirms records up to ${all.length}`),
  ]);
});

t.test('attack 5: cutting the chain and re-signing its head with the key in the data folder fails verify', async (t) => {
  const { copy, db, audit, records } = await realDataFolder(t);
  const all = records();
  const keep = all.length - 3;
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
  const newHead = records().at(-1)!;
  // The only signing key in the data folder is the hub's; the attacker signs a head with it the
  // way audit-head.json used to be signed...
  const folderKey = await readPrivateKey(join(copy, 'keys', 'hub-sign.pem'));
  const body = { seq: newHead.seq, hash: newHead.hash };
  await writeFile(join(copy, 'audit-head.json'), JSON.stringify({ ...body, signature: sign(null, Buffer.from(canonicalJson(body)), folderKey).toString('base64') }));
  // ...and, able to append to the witness (a shared syslog, say) but not to rewrite it, adds a
  // checkpoint at the cut and witnesses a record in place of the first one cut, signed with that key.
  const witness = join(await tempDir(t), 'appended.witness');
  await cp(audit.witnessFile, witness);
  const line = (entry: Record<string, unknown>) => `${JSON.stringify({ ...entry, sig: sign(null, Buffer.from(canonicalJson(entry)), folderKey).toString('base64') })}\n`;
  await appendFile(witness, line({ kind: 'checkpoint', seq: newHead.seq, hash: newHead.hash, at: Date.now() }));
  await appendFile(witness, line({ kind: 'record', seq: keep + 1, hash: 'f'.repeat(64) }));
  t.ok((await readFile(witness, 'utf8')).length > (await readFile(audit.witnessFile, 'utf8')).length);
  await verifyFails(t, copy, ['--public-key', audit.publicKeyFile, '--witness', witness], [
    /the witness has a line the hub did not write \(line \d+: not signed by the audit key\)/,
    new RegExp(`the chain ends at record ${keep} but the witness confirms records up to ${all.length}: 3 committed record\\(s\\) were cut from the end`),
  ]);
});

t.test('attack 6: rewriting a record, emptying the witness and letting the hub start a new one fails verify', async (t) => {
  const { copy, db, audit } = await realDataFolder(t);
  db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 3').run('someone-else');
  rechain(db, 3);
  // The hub starts a new witness over whatever head it finds: the forged chain is anchored afresh.
  await writeFile(audit.witnessFile, '');
  const restarted = await run(['account', 'create', '--data', copy, ...audit.args, '--username', 'f.six', '--display-name', 'f.six', '--role', 'officer']);
  t.equal(restarted.code, 0, restarted.err);
  await verifyFails(t, copy, audit.verifyArgs, [/record 1: record 1 says a witness was started at record 0, but this witness starts at record \d+: the witness was emptied or replaced/]);
});

t.test('attack 7: a chain rewritten from its first record and re-witnessed from scratch passes on the hub alone, and fails against a head kept outside it', async (t) => {
  const { copy, db, audit } = await realDataFolder(t);
  const anchor = (await run(['audit', 'verify', '--data', copy, ...audit.verifyArgs])).json() as { head: string };
  t.match(anchor.head, /^\d+:[0-9a-f]{64}$/, 'audit verify prints the head as --expect-head takes it');
  // The record of the first witness goes too, so no trace of it is left in the chain.
  db.prepare('DELETE FROM audit_log WHERE seq = 1').run();
  db.prepare('UPDATE audit_log SET seq = seq - 1').run();
  rechain(db, 1);
  await writeFile(audit.witnessFile, '');
  t.equal((await run(['account', 'create', '--data', copy, ...audit.args, '--username', 'f.six', '--display-name', 'f.six', '--role', 'officer'])).code, 0);
  const alone = await run(['audit', 'verify', '--data', copy, ...audit.verifyArgs]);
  t.equal(alone.code, 0, 'by design: with the whole witness replaced, only something kept outside the hub can tell (docs/hub.md, Limits)');
  await verifyFails(t, copy, [...audit.verifyArgs, '--expect-head', anchor.head], [
    new RegExp(`record ${anchor.head.split(':')[0]}: record ${anchor.head.split(':')[0]} differs from the head recorded outside the hub \\(recorded ${anchor.head.split(':')[1]!.slice(0, 12)}, database [0-9a-f]{12}\\): the chain was rewritten`),
  ]);
  const bad = await run(['audit', 'verify', '--data', copy, ...audit.verifyArgs, '--expect-head', '12']);
  t.equal(bad.code, 64);
  t.match(bad.err, /ALPR_ERR_USAGE: --expect-head: SEQ:HASH/);
});

t.test('attack 8: swapping two records\' contents and recomputing every hash fails verify, naming both', async (t) => {
  const { copy, db, audit, records } = await realDataFolder(t);
  const all = records();
  const [a, b] = [all[3]!, all[5]!];
  const put = db.prepare('UPDATE audit_log SET at = ?, actor = ?, action = ?, outcome = ?, detail = ? WHERE seq = ?');
  put.run(b.at, b.actor, b.action, b.outcome, JSON.stringify(b.detail), a.seq);
  put.run(a.at, a.actor, a.action, a.outcome, JSON.stringify(a.detail), b.seq);
  rechain(db, a.seq);
  await verifyFails(t, copy, audit.verifyArgs, [new RegExp(`record ${a.seq}: record ${a.seq} differs from the witness`), new RegExp(`record ${b.seq}: record ${b.seq} differs from the witness`)]);
});

t.test('attack 9: another hub\'s database in place of this one\'s fails verify', async (t) => {
  const ours = await realDataFolder(t);
  const theirs = await realDataFolder(t);
  await cp(join(theirs.copy, 'hub.db'), join(ours.copy, 'hub.db'));
  await verifyFails(t, ours.copy, ours.audit.verifyArgs, [/record 1: record 1 differs from the witness/]);
});

t.test('attack 10: cutting the end of the chain and taking its commit lines out of the witness fails verify on the signed checkpoint', async (t) => {
  const { copy, db, audit, signedHeadSeq } = await realDataFolder(t);
  const keep = signedHeadSeq - 1;
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
  // Without their commit lines the cut records look like appends that never committed.
  const lines = (await readFile(audit.witnessFile, 'utf8')).split('\n').filter((l) => !(l.includes('"kind":"commit"') && JSON.parse(l).seq > keep));
  await writeFile(audit.witnessFile, lines.join('\n'));
  await verifyFails(t, copy, audit.verifyArgs, [new RegExp(`record ${signedHeadSeq}: the chain ends at record ${keep} but the witness has a signed checkpoint of record ${signedHeadSeq}: records were cut from the end`)]);
});
