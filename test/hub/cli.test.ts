import t from 'tap';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../hub/cli.js';
import { tempDir } from '../helpers/index.js';
import { runCli } from '../helpers/cliRunner.js';
import { writeAuditHead, readAuditHead } from '../../hub/hubProcess.js';
import { loadOrCreateHubKeys } from '../../hub/hubKeys.js';

const run = (args: string[]) => runCli(main, args);

t.test('alpr-hub account create bootstraps an account and prints its one-time activation token', async (t) => {
  const data = await tempDir(t);
  const r = await run(['account', 'create', '--data', data, '--username', 'first.admin', '--display-name', 'First Admin', '--role', 'admin']);
  t.equal(r.code, 0, r.err);
  const printed = JSON.parse(r.out) as { username: string; activationToken: string };
  t.equal(printed.username, 'first.admin');
  t.match(printed.activationToken, /^[A-Za-z0-9_-]{20,}$/);
  t.equal((await run(['account', 'create', '--data', data, '--username', 'x'])).code, 64, 'missing options are a usage error');
  t.equal((await run(['account', 'create', '--data', data, '--username', 'boss', '--display-name', 'B', '--role', 'emperor'])).code, 1);
  t.equal((await run(['frobnicate', '--data', data])).code, 64);
  t.equal((await run(['--no-such-flag'])).code, 64);
});

t.test('alpr-hub audit verify passes an intact chain and fails a tampered, shortened or padded one', async (t) => {
  const data = await tempDir(t);
  for (const name of ['a.one', 'b.two', 'c.three', 'd.four']) await run(['account', 'create', '--data', data, '--username', name, '--display-name', name, '--role', 'officer']);
  const ok = await run(['audit', 'verify', '--data', data]);
  t.equal(ok.code, 0, ok.out + ok.err);
  t.match(ok.out, /"problems":0/);

  const keys = await loadOrCreateHubKeys(join(data, 'keys'));
  const db = new Database(join(data, 'hub.db'));
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  await writeAuditHead(data, keys, head);
  t.same(await readAuditHead(data, keys), head);

  db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2").run();
  const changed = await run(['audit', 'verify', '--data', data]);
  t.equal(changed.code, 1);
  t.match(changed.out, /record 2: .*changed/);

  const cut = await tempDir(t);
  for (const name of ['a.one', 'b.two', 'c.three']) await run(['account', 'create', '--data', cut, '--username', name, '--display-name', name, '--role', 'officer']);
  const cutKeys = await loadOrCreateHubKeys(join(cut, 'keys'));
  const cutDb = new Database(join(cut, 'hub.db'));
  await writeAuditHead(cut, cutKeys, cutDb.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string });
  cutDb.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
  cutDb.close();
  const shortened = await run(['audit', 'verify', '--data', cut]);
  t.equal(shortened.code, 1, 'records cut from the end are found against the signed head');
  t.match(shortened.out, /cut from the end/);
  db.close();
});

t.test('alpr-hub account set-role is where the chief role is granted, with a reason, audited', async (t) => {
  const data = await tempDir(t);
  t.equal((await run(['account', 'create', '--data', data, '--username', 'new.chief', '--display-name', 'New Chief', '--role', 'chief'])).code, 0, 'the host may create a chief account');
  t.equal((await run(['account', 'create', '--data', data, '--username', 'dep.admin', '--display-name', 'Deputy', '--role', 'admin'])).code, 0);
  t.equal((await run(['account', 'set-role', '--data', data, '--username', 'dep.admin', '--role', 'chief'])).code, 64, 'a reason is required');
  const r = await run(['account', 'set-role', '--data', data, '--username', 'dep.admin', '--role', 'chief', '--reason', 'interim chief, village order 26-3']);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { username: 'dep.admin', role: 'chief' });
  t.equal((await run(['account', 'set-role', '--data', data, '--username', 'nobody.here', '--role', 'officer', '--reason', 'no such account'])).code, 1);
  const db = new Database(join(data, 'hub.db'), { readonly: true });
  t.teardown(() => db.close());
  const change = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'account.roleChange'").get() as { actor: string; detail: string };
  t.match(change.actor, /^cli:/);
  t.match(JSON.parse(change.detail), { from: 'admin', to: 'chief', reason: 'interim chief, village order 26-3', via: 'host' });
});
