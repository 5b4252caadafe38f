import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger, systemClock } from '../core/index.js';
import { AuditLog } from '../hub/audit/auditLog.js';
import { openAuditTrail } from '../hub/audit/auditTrail.js';
import { migratePolicySchema } from '../hub/db/policySchema.js';
import { ImageCipher, SqliteStore } from '../hub/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * What the audit witness costs on this machine's disk (SQLite store): one audit append at a time,
 * as a search or a sign-in makes it, with and without the witness (a signed, fsynced line each):
 * - append_p50_ms / append_p99_ms, appends_per_s: with the witness;
 * - plain_*: the same without it (the chain's own hashes only);
 * - verify_s_per_10k: `audit verify` against the witness, per 10,000 records.
 */
async function appends(log: AuditLog, count: number, budgetMs: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count && performance.now() - started < budgetMs; i++) {
    const t0 = performance.now();
    await log.append({ actor: `user-${i % 50}`, action: 'reads.search', detail: { i, plate: 'ABC1234', caseNumber: '26-000123', readIds: [randomBytes(16).toString('hex')] } });
    latencies.push(performance.now() - t0);
  }
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { appends: { type: 'string', default: '3000' } } });
  const count = Number(values.appends);
  const root = await mkdtemp(join(tmpdir(), 'alpr-bench-audit-'));
  try {
    const figures: Record<string, unknown> = { machine: machine(), appends: count };
    for (const witnessed of [false, true]) {
      const dir = join(root, witnessed ? 'witnessed' : 'plain');
      await mkdir(dir);
      const store = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(randomBytes(32)), now: Date.now });
      await store.migrate();
      await migratePolicySchema(store.sql);
      const trail = witnessed ? await openAuditTrail(dir, { keyFile: join(root, 'key', 'audit-key.pem'), witnessFile: join(root, 'witness', 'audit.witness') }, silentLogger()) : undefined;
      const log = new AuditLog({ sql: store.sql, clock: systemClock, trail });
      await log.openTrail();
      process.stderr.write(`${witnessed ? 'with' : 'without'} the witness: ${count} appends\n`);
      const { latencies, seconds } = await appends(log, count, 120_000);
      const prefix = witnessed ? '' : 'plain_';
      figures[`${prefix}append_p50_ms`] = round(percentile(latencies, 50));
      figures[`${prefix}append_p99_ms`] = round(percentile(latencies, 99));
      figures[`${prefix}appends_per_s`] = round(latencies.length / seconds, 1);
      if (witnessed) {
        const t0 = performance.now();
        const { records, problems } = await log.verify();
        if (problems.length > 0) throw new Error(`verify found ${problems.length} problems on an untouched chain`);
        figures.verify_s_per_10k = round(((performance.now() - t0) / 1000) * (10_000 / records));
      }
      await store.close();
      await trail?.witness.close();
    }
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
