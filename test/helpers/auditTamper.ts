import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, systemClock } from '../../core/index.js';
import { recordHash, type AuditRecord } from '../../hub/audit/auditLog.js';
import { openAuditTrail } from '../../hub/audit/auditTrail.js';
import { main } from '../../hub/cli.js';
import { createHubServices, loadOrCreateHubKeys, SqliteStore, ImageCipher } from '../../hub/index.js';
import { auditFiles } from './auditFiles.js';
import { runCli } from './cliRunner.js';
import { tempDir } from './index.js';

/** What an insider who can write the database and the data folder starts from, for the audit tamper tests. */
const run = (args: string[]) => runCli(main, args);

type Tap = import('tap').Test;

/**
 * A real data folder: accounts made with the CLI (each command signs a checkpoint into the
 * witness), then more records appended the way a running hub does between its minute checkpoints.
 */
export async function realDataFolder(t: Tap) {
  const data = await tempDir(t, 'alpr-hub-data-');
  const audit = await auditFiles(t);
  for (const name of ['a.one', 'b.two', 'c.three']) {
    const r = await run(['account', 'create', '--data', data, ...audit.args, '--username', name, '--display-name', name, '--role', 'officer']);
    t.equal(r.code, 0, r.err);
  }
  const signedHead = (await run(['audit', 'verify', '--data', data, ...audit.verifyArgs])).json() as { records: number };
  const keys = await loadOrCreateHubKeys(join(data, 'keys'));
  const trail = await openAuditTrail(data, audit, silentLogger());
  const store = new SqliteStore({ path: join(data, 'hub.db'), images: new ImageCipher(keys.imageKey), now: Date.now });
  await store.migrate();
  const services = await createHubServices({ store, clock: systemClock, logger: silentLogger(), keys, auditTrail: trail, policy: { passwordCost: { logN: 10 } } });
  await services.sites.approve({ siteId: 'site-1', name: 'Harlem and North', approvalRef: 'CHIEF-2026-001', latitude: 41.887, longitude: -87.806, cameras: ['cam0'] }, 'chief');
  for (const name of ['d.four', 'e.five']) await services.accounts.create({ username: name, displayName: name, role: 'officer' }, 'admin');
  await store.close();
  await trail.witness.close();

  const copy = await tempDir(t, 'alpr-hub-copy-');
  await cp(data, copy, { recursive: true });
  const db = new Database(join(copy, 'hub.db'));
  t.teardown(() => db.close());
  const intact = await run(['audit', 'verify', '--data', copy, ...audit.verifyArgs]);
  t.equal(intact.code, 0, `the untouched copy verifies: ${intact.out}`);
  return { copy, db, audit, signedHeadSeq: signedHead.records, records: () => rows(db) };
}

export function rows(db: Database.Database): AuditRecord[] {
  return (db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, any>>).map((r) => ({
    seq: Number(r.seq), at: Number(r.at), actor: r.actor, action: r.action, outcome: r.outcome, detail: JSON.parse(r.detail), prevHash: r.prev_hash, hash: r.hash,
  }));
}

/** What the attacker does after any change: recompute every hash from `fromSeq` on, so the chain is internally perfect. */
export function rechain(db: Database.Database, fromSeq: number): void {
  const all = rows(db);
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = all.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const r of all.filter((x) => x.seq >= fromSeq)) {
    const hash = recordHash({ ...r, prevHash: prev });
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

