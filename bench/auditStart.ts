import { randomBytes, sign } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger, systemClock } from '../core/index.js';
import { AuditLog, canonicalJson, recordHash, type AuditRecord } from '../hub/audit/auditLog.js';
import { openAuditTrail } from '../hub/audit/auditTrail.js';
import { migratePolicySchema } from '../hub/db/policySchema.js';
import { ImageCipher, PgStore, SqliteStore, type HubStore } from '../hub/index.js';
import { machine, round } from './machine.js';

/**
 * What checking the audit chain at the hub's start costs: a chain of N records (default 100,000)
 * is written straight into a fresh store, with its witness (a signed record and commit line per
 * record and a signed checkpoint every 1,000, as a hub running for a while leaves it), then:
 * - full_verify_s: `audit verify` (every record's hash and link, and the whole witness);
 * - chain_only_s: the same without the witness (hashes and links only);
 * - start_check_s: the check the hub runs at start (AuditLog.verifyAtStart: the hashes and links,
 *   and the witness from its last checkpoint).
 * `--store pg` (default) or `sqlite`; PostgreSQL at ALPR_BENCH_PG_URL or 127.0.0.1:5432.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { records: { type: 'string', default: '100000' }, store: { type: 'string', default: 'pg' } } });
  const count = Number(values.records);
  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-auditstart-'));
  await mkdir(join(root, 'data'));
  const schema = `alpr_bench_${randomBytes(4).toString('hex')}`;
  const images = new ImageCipher(randomBytes(32));
  const store: HubStore = values.store === 'pg'
    ? new PgStore({ connectionString: process.env.ALPR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', schema, images, now: Date.now })
    : new SqliteStore({ path: join(root, 'data', 'hub.db'), images, now: Date.now });
  try {
    await store.migrate();
    await migratePolicySchema(store.sql);
    const trail = await openAuditTrail(join(root, 'data'), { keyFile: join(root, 'key', 'audit-key.pem'), witnessFile: join(root, 'witness', 'audit.witness') }, silentLogger());
    const line = (entry: Record<string, unknown>) => `${JSON.stringify({ ...entry, sig: sign(null, Buffer.from(canonicalJson(entry)), trail.key.privateKey).toString('base64') })}\n`;
    process.stderr.write(`writing ${count} records to ${store.engine}\n`);
    let prevHash = '0'.repeat(64);
    await appendFile(trail.witness.path, line({ kind: 'start', seq: 0, hash: prevHash, at: Date.now() }));
    for (let from = 1; from <= count; from += 1000) {
      const batch: AuditRecord[] = [];
      let witness = '';
      for (let seq = from; seq < Math.min(from + 1000, count + 1); seq++) {
        const base = { seq, at: Date.now(), actor: `user-${seq % 50}`, action: 'reads.search', outcome: 'ok' as const, detail: { seq, caseNumber: '26-000123', readIds: [randomBytes(16).toString('hex')] }, prevHash };
        const record = { ...base, hash: recordHash(base) };
        batch.push(record);
        prevHash = record.hash;
        witness += line({ kind: 'record', seq, hash: record.hash }) + line({ kind: 'commit', seq, hash: record.hash });
      }
      await store.sql.tx(async (tx) => {
        await tx.run(`INSERT INTO audit_log (seq, at, actor, action, outcome, detail, prev_hash, hash) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          batch.flatMap((r) => [r.seq, r.at, r.actor, r.action, r.outcome, JSON.stringify(r.detail), r.prevHash, r.hash]));
      });
      const last = batch.at(-1)!;
      await appendFile(trail.witness.path, witness + line({ kind: 'checkpoint', seq: last.seq, hash: last.hash, at: Date.now() }));
    }
    const timed = async <T>(what: () => Promise<T>): Promise<{ value: T; s: number }> => {
      const t0 = performance.now();
      const value = await what();
      return { value, s: round((performance.now() - t0) / 1000) };
    };
    const figures: Record<string, unknown> = { machine: machine(), store: store.engine, records: count };
    const full = await timed(() => new AuditLog({ sql: store.sql, clock: systemClock, trail }).verify());
    if (full.value.problems.length > 0) throw new Error(`verify found ${full.value.problems.length} problems on an untouched chain: ${full.value.problems[0]!.message}`);
    figures.full_verify_s = full.s;
    figures.chain_only_s = (await timed(() => new AuditLog({ sql: store.sql, clock: systemClock }).verify())).s;
    const start = await timed(() => new AuditLog({ sql: store.sql, clock: systemClock, trail }).verifyAtStart());
    if (start.value.problems.length > 0) throw new Error(`the start check failed on an untouched chain: ${start.value.problems[0]!.message}`);
    figures.start_check_s = start.s;
    await trail.witness.close();
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  } finally {
    if (store.engine === 'pg') await store.sql.run(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store.close();
    await rm(root, { recursive: true, force: true });
  }
}
