import t from 'tap';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../hub/cli.js';
import { tempDir } from '../helpers/index.js';
import { runCli } from '../helpers/cliRunner.js';
import { auditFiles } from '../helpers/auditFiles.js';

const run = (args: string[]) => runCli(main, args);

t.test('alpr-hub account create bootstraps an account and prints its one-time activation token', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  const r = await run(['account', 'create', '--data', data, ...audit.args, '--username', 'first.admin', '--display-name', 'First Admin', '--role', 'admin']);
  t.equal(r.code, 0, r.err);
  const printed = JSON.parse(r.out) as { username: string; activationToken: string };
  t.equal(printed.username, 'first.admin');
  t.match(printed.activationToken, /^[A-Za-z0-9_-]{20,}$/);
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'x'])).code, 64, 'missing options are a usage error');
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'boss', '--display-name', 'B', '--role', 'emperor'])).code, 1);
  t.equal((await run(['frobnicate', '--data', data])).code, 64);
  t.equal((await run(['--no-such-flag'])).code, 64);
});

t.test('alpr-hub audit verify passes an intact chain with only the database, the public key and the witness, and writes nothing', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  for (const name of ['a.one', 'b.two']) t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', name, '--display-name', name, '--role', 'officer'])).code, 0);
  const db = new Database(join(data, 'hub.db'), { readonly: true });
  t.teardown(() => db.close());
  const count = () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const before = count();
  const ok = await run(['audit', 'verify', '--data', data, ...audit.verifyArgs]);
  t.equal(ok.code, 0, ok.out + ok.err);
  t.match(ok.json(), { problems: 0, records: before, witnessedTo: before });
  t.ok(ok.json().checkpoints >= 2, 'each command signed a checkpoint into the witness');
  t.equal(count(), before, 'verification appended nothing to the chain it checked');

  const missing = await run(['audit', 'verify', '--data', data, '--public-key', audit.publicKeyFile, '--witness', join(data, 'no-such.witness')]);
  t.equal(missing.code, 1, 'no witness, no pass');
  t.match(missing.err, /ALPR_ERR_AUDIT_CHAIN: the audit witness .* cannot be read/);
});

t.test('the hub refuses an audit key or witness inside the data folder', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  const inKey = await run(['account', 'create', '--data', data, '--audit-key', join(data, 'audit-key.pem'), '--audit-witness', audit.witnessFile, '--username', 'a.one', '--display-name', 'A', '--role', 'officer']);
  t.equal(inKey.code, 78, 'a config error: exit 78 (docs/errors.md)');
  t.match(inKey.err, /ALPR_ERR_CONFIG_INVALID: the audit key .* is inside the data folder/);
  const inWitness = await run(['account', 'create', '--data', data, '--audit-key', audit.keyFile, '--audit-witness', join(data, 'sub', 'audit.witness'), '--username', 'a.one', '--display-name', 'A', '--role', 'officer']);
  t.equal(inWitness.code, 78);
  t.match(inWitness.err, /ALPR_ERR_CONFIG_INVALID: the audit witness .* is inside the data folder/);
  const elsewhere = await tempDir(t);
  await symlink(data, join(elsewhere, 'looks-elsewhere'));
  const linked = await run(['account', 'create', '--data', data, '--audit-key', audit.keyFile, '--audit-witness', join(elsewhere, 'looks-elsewhere', 'audit.witness'), '--username', 'a.one', '--display-name', 'A', '--role', 'officer']);
  t.equal(linked.code, 78, 'a symbolic link into the data folder is inside it');
  t.match(linked.err, /the audit witness .* is inside the data folder/);
});

t.test('alpr-hub account set-role is where the chief role is granted, with a reason, audited', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'new.chief', '--display-name', 'New Chief', '--role', 'chief'])).code, 0, 'the host may create a chief account');
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'dep.admin', '--display-name', 'Deputy', '--role', 'admin'])).code, 0);
  t.equal((await run(['account', 'set-role', '--data', data, ...audit.args, '--username', 'dep.admin', '--role', 'chief'])).code, 64, 'a reason is required');
  const r = await run(['account', 'set-role', '--data', data, ...audit.args, '--username', 'dep.admin', '--role', 'chief', '--reason', 'interim chief, village order 26-3']);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { username: 'dep.admin', role: 'chief' });
  t.equal((await run(['account', 'set-role', '--data', data, ...audit.args, '--username', 'nobody.here', '--role', 'officer', '--reason', 'no such account'])).code, 1);
  const db = new Database(join(data, 'hub.db'), { readonly: true });
  t.teardown(() => db.close());
  const change = db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'account.roleChange'").get() as { actor: string; detail: string };
  t.match(change.actor, /^cli:/);
  t.match(JSON.parse(change.detail), { from: 'admin', to: 'chief', reason: 'interim chief, village order 26-3', via: 'host' });
});

t.test('alpr-hub account set-certifications renews the auditor\'s dates on the host, which the API may not, audited', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'the.auditor', '--display-name', 'Auditor', '--role', 'auditor'])).code, 0);
  t.equal((await run(['account', 'set-certifications', '--data', data, ...audit.args, '--username', 'the.auditor'])).code, 64, 'at least one date is required');
  t.equal((await run(['account', 'set-certifications', '--data', data, ...audit.args, '--username', 'the.auditor', '--leads-certified', '12/01/2026'])).code, 64, 'a date is YYYY-MM-DD');
  const today = new Date().toISOString().slice(0, 10);
  const r = await run(['account', 'set-certifications', '--data', data, ...audit.args, '--username', 'the.auditor', '--training-completed', today, '--policy-signed', today, '--leads-certified', today]);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { username: 'the.auditor', role: 'auditor', lapsed: [] }, 'nothing has lapsed any more');
  const db = new Database(join(data, 'hub.db'), { readonly: true });
  t.teardown(() => db.close());
  const record = db.prepare("SELECT actor, outcome, detail FROM audit_log WHERE action = 'account.certifications'").get() as { actor: string; outcome: string; detail: string };
  t.match(record, { actor: /^cli:/, outcome: 'ok' });
  t.match(JSON.parse(record.detail), { leadsCertifiedAt: Date.parse(today), via: 'host' });
});

t.test('alpr-hub account deactivate ends an auditor account on the host, with a reason, audited', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  t.equal((await run(['account', 'create', '--data', data, ...audit.args, '--username', 'the.auditor', '--display-name', 'Auditor', '--role', 'auditor'])).code, 0);
  t.equal((await run(['account', 'deactivate', '--data', data, ...audit.args, '--username', 'the.auditor'])).code, 64, 'a reason is required');
  const r = await run(['account', 'deactivate', '--data', data, ...audit.args, '--username', 'the.auditor', '--reason', 'retired, village order 26-4']);
  t.equal(r.code, 0, r.err);
  t.match(JSON.parse(r.out), { username: 'the.auditor', role: 'auditor', status: 'deactivated' });
  const db = new Database(join(data, 'hub.db'), { readonly: true });
  t.teardown(() => db.close());
  const record = db.prepare("SELECT actor, outcome, detail FROM audit_log WHERE action = 'account.deactivate'").get() as { actor: string; outcome: string; detail: string };
  t.match(record, { actor: /^cli:/, outcome: 'ok' });
  t.match(JSON.parse(record.detail), { reason: 'retired, village order 26-4', via: 'host' });
});

t.test('alpr-hub serve refuses an --ingest-amqp-url or --broker-fallback-urls it cannot use, with a usage error, before it starts anything', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  const serve = (...args: string[]) => run(['serve', '--data', data, ...audit.args, '--http-port', '0', ...args]);
  const alone = await serve('--ingest-amqp-url', 'amqp://127.0.0.1:5672');
  t.equal(alone.code, 64);
  t.match(alone.err, /--ingest-amqp-url needs --broker-url/);
  const withSecret = await serve('--broker-url', 'mqtt://127.0.0.1:1', '--ingest-amqp-url', 'amqp://127.0.0.1:1,amqp://hub:secret@127.0.0.1:2');
  t.equal(withSecret.code, 64);
  t.match(withSecret.err, /no credentials in the URL/);
  t.notMatch(withSecret.err, /secret/, 'the password is not repeated back');
  const notAmqp = await serve('--broker-url', 'mqtt://127.0.0.1:1', '--ingest-amqp-url', 'mqtt://127.0.0.1:1883');
  t.equal(notAmqp.code, 64);
  t.match(notAmqp.err, /is not amqp:\/\/host:port/);
  const fallbackAlone = await serve('--broker-fallback-urls', 'mqtt://127.0.0.1:1884');
  t.equal(fallbackAlone.code, 64);
  t.match(fallbackAlone.err, /--broker-fallback-urls needs --broker-url/);
});

t.test('alpr-hub serve refuses a --device-status-every-ms the appliances could not have, with a usage error, before it starts anything', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  for (const value of ['500', '60s', '86400001']) {
    const refused = await run(['serve', '--data', data, ...audit.args, '--http-port', '0', '--device-status-every-ms', value]);
    t.equal(refused.code, 64, value);
    t.match(refused.err, /--device-status-every-ms: whole milliseconds, 1000 to 86400000/);
  }
});

t.test('alpr-hub serve refuses a --trust-proxy that is not a list of addresses or blocks, with a usage error, before it starts anything', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  for (const value of ['true', 'loopback', '10.0.0.0/33', 'fe80::/129', '10.0.0.5/24/1', '10.0.0.5,', 'proxy.example']) {
    const refused = await run(['serve', '--data', data, ...audit.args, '--http-port', '0', '--trust-proxy', value]);
    t.equal(refused.code, 64, value);
    t.match(refused.err, /--trust-proxy: .* is not an address or address\/prefix/);
  }
});
