import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, ManualClock, silentLogger } from '../core/index.js';
import type { Account } from '../hub/accounts/accountService.js';
import { createHubServices, ImageCipher, PgStore, SqliteStore, type HubRead, type HubServices, type HubStore } from '../hub/index.js';
import { DEFAULT_REPORT_OPTIONS } from '../hub/reports/reportContext.js';
import { REPORT_KINDS } from '../hub/reports/reportDocument.js';
import { NCIC_MAPPING } from '../hub/hotlists/importMapping.js';
import { newSigningKeys } from '../sync/index.js';
import { machine, round } from './machine.js';

/**
 * The month's three reports (issue 20) over a seeded month: `--reads` (default 1,000,000) reads at
 * 20 sites spread over October 2026, and `--actions` (default 10,000) audited actions: alerts
 * raised and disposed through the alert service, and searches, image views, exports, holds,
 * felony approvals and outside-agency searches appended in the shapes those services write.
 * Figures: seconds to build each report (compute, render PDF/HTML/CSV/JSON, sign) on one store.
 */
const MONTH = '2026-10';
const FROM = Date.UTC(2026, 9, 1);
const DAYS = 31;
const DAY = 86_400_000;
const PG_URL = process.env.ALPR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const plate = (r: () => number) => Array.from({ length: 7 }, () => CHARS[Math.floor(r() * CHARS.length)]).join('');

async function loadReads(store: HubStore, count: number, r: () => number): Promise<HubRead[]> {
  const began = performance.now();
  const crop = Buffer.alloc(64, 1);
  const context = Buffer.alloc(256, 2);
  const p = { x: 0, y: 0 };
  const sample: HubRead[] = [];
  for (let done = 0, seq = 1; done < count; seq++) {
    const rows: HubRead[] = [];
    for (let i = 0; i < Math.min(5000, count - done); i++) {
      const k = done + i;
      const at = FROM + Math.floor((k / count) * DAYS * DAY);
      rows.push({
        id: randomUUID(), deviceId: `pole-${k % 20}`, siteId: `site-${k % 20}`, cameraId: `cam${k % 2}`, capturedAt: at, receivedAt: at + 1000, plate: plate(r),
        confidence: 0.9, charConfidences: [0.9], region: 'IL', regionConfidence: 0.7, lowConfidence: false, corners: [p, p, p, p], vehicleColour: 'silver', crop, context,
      });
    }
    await store.ingestBatch(`pole-${seq % 20}`, seq, rows);
    if (sample.length < 1000) sample.push(...rows.slice(0, 100));
    done += rows.length;
    if (seq % 40 === 0) process.stderr.write(`  ${store.engine}: ${done} reads loaded (${Math.round(done / ((performance.now() - began) / 1000))}/s)\n`);
  }
  return sample;
}

/** A hot list of the sampled reads' plates, imported as a LEADS extract (NCIC field codes). */
function extract(reads: HubRead[]): string {
  return ['NIC,FILE,LIC,LIS,LIT,VMA,VCO,VST,EXP,MIS', ...reads.map((read, i) => `B${i},VEH,${read.plate},IL,PC,HOND,BLU,4D,,`)].join('\n');
}

/** Seeds `actions` audit records; returns how many were appended. */
async function seedActions(s: HubServices, clock: ManualClock, reads: HubRead[], actions: number, r: () => number): Promise<number> {
  const users: Account[] = [];
  for (let i = 0; i < 40; i++) {
    const { account } = await s.accounts.create({ username: `officer${i}`, displayName: `Officer ${i}`, role: 'officer', trainingCompletedAt: FROM - DAY, policySignedAt: FROM - DAY, leadsCertifiedAt: FROM - DAY }, 'bench', 'api');
    users.push(account);
  }
  await s.hotlists.importExtract(extract(reads), NCIC_MAPPING, 'bench', 'bench');
  const start = (await s.audit.head())?.seq ?? 0;
  const step = (DAYS * DAY) / actions;
  const alerts = Math.floor(actions / 10);
  for (let i = 0; i < alerts; i++) {
    clock.setWall(FROM + Math.floor(i * 10 * step));
    const read = reads[i % reads.length]!;
    const [alert] = await s.alerts.raise(read, await s.hotlists.match(read.plate, 'IL'), 'hub');
    const officer = users[i % users.length]!;
    clock.setWall(FROM + Math.floor(i * 10 * step) + 60_000 + Math.floor(r() * 600_000));
    if (i % 3 === 0) {
      await s.alerts.viewImages(officer, alert!.alertId);
      await s.alerts.dispose(officer, alert!.alertId, { disposition: 'confirmed', action: i % 2 ? 'stop_made' : 'no_stop', ...(i % 2 ? { cadNumber: `CAD-26-${1000 + i}` } : {}) });
    } else await s.alerts.dispose(officer, alert!.alertId, { disposition: i % 3 === 1 ? 'misread' : 'wrong_state' });
  }
  const purposes = ['violent_crime', 'stolen_vehicle', 'stolen_plate', 'missing_person', 'other_felony'];
  for (let i = 0; (((await s.audit.head())?.seq ?? 0) - start) < actions; i++) {
    clock.setWall(FROM + Math.floor(r() * DAYS * DAY));
    const actor = users[i % users.length]!.userId;
    const kind = i % 10;
    const read = reads[i % reads.length]!;
    if (kind < 6) {
      const refused = i % 97 === 0;
      await s.audit.append({ actor, action: 'reads.search', outcome: refused ? 'refused' : 'ok', detail: {
        purpose: purposes[i % purposes.length], offense: '13A', caseNumber: `26-${String(100000 + i).slice(-6)}`, description: 'bench search', purposeKind: 'investigative',
        query: { plate: i % 20 === 0 ? 'ABC*' : read.plate, mode: i % 20 === 0 ? 'wildcard' : 'exact' }, ...(refused ? { code: 'ALPR_ERR_PURPOSE_PROHIBITED' } : { resultCount: 1, truncated: false, incomplete: false, readIds: [read.id] }),
      } });
    } else if (kind < 8) await s.audit.append({ actor, action: 'reads.viewImage', detail: { readId: read.id, searchId: 1, caseNumber: '26-000001', purpose: 'violent_crime' } });
    else if (kind === 8) {
      await s.audit.append({ actor, action: 'hold.place', detail: { holdId: randomUUID(), readId: read.id, caseNumber: '26-000001', exportId: 'x' } });
      await s.audit.append({ actor, action: 'evidence.export', detail: { exportId: randomUUID(), caseNumber: '26-000001', description: 'bench', searchId: 1, readIds: [read.id] } });
    } else if (i % 3 === 0) await s.audit.append({ actor: 'agency:IL0160300', action: 'sharing.search', detail: { agencyName: 'Maywood Police Department', agencyOri: 'IL0160300', purpose: 'stolen_vehicle', outcome: 'answered' } });
    else await s.audit.append({ actor: 'chief-1', action: 'felony.approve', detail: { requestId: randomUUID(), caseNumber: '26-000002', note: 'bench' } });
  }
  return ((await s.audit.head())?.seq ?? 0) - start;
}

async function measure(store: HubStore, reads: number, actions: number, dir: string): Promise<Record<string, number>> {
  const clock = new ManualClock(FROM);
  const r = lcg(20);
  const services = await createHubServices({ store, clock, logger: silentLogger(), keys: { imageKey: randomBytes(32), sign: newSigningKeys() }, policy: { passwordCost: { logN: 10 }, reports: DEFAULT_REPORT_OPTIONS }, reportsDir: join(dir, 'reports') });
  const sample = await loadReads(store, reads, r);
  const auditRecords = await seedActions(services, clock, sample, actions, r);
  process.stderr.write(`  ${store.engine}: ${auditRecords} audited actions seeded\n`);
  clock.setWall(Date.UTC(2026, 10, 1, 0, 30));
  const figures: Record<string, number> = { reads: await store.countReads(), audit_records: auditRecords };
  for (const kind of REPORT_KINDS) {
    const began = performance.now();
    await services.reports.generate(kind, MONTH, 'bench');
    figures[`${kind}_s`] = round((performance.now() - began) / 1000, 2);
    process.stderr.write(`  ${store.engine}: ${kind} report built in ${figures[`${kind}_s`]} s\n`);
  }
  return figures;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '1000000' }, actions: { type: 'string', default: '10000' }, store: { type: 'string', default: 'sqlite' } } });
  const reads = Number(values.reads);
  const actions = Number(values.actions);
  if (!Number.isInteger(reads) || reads < 1000) throw new AlprError('ALPR_ERR_USAGE', '--reads: a whole number, at least 1000');
  if (!Number.isInteger(actions) || actions < 100) throw new AlprError('ALPR_ERR_USAGE', '--actions: a whole number, at least 100');
  if (values.store !== 'sqlite' && values.store !== 'pg') throw new AlprError('ALPR_ERR_USAGE', '--store: sqlite or pg');
  const dir = await mkdtemp(join(tmpdir(), 'alpr-bench-reports-'));
  const images = new ImageCipher(randomBytes(32));
  const schema = `alpr_bench_${randomBytes(3).toString('hex')}`;
  const store = values.store === 'sqlite' ? new SqliteStore({ path: join(dir, 'hub.db'), images, now: Date.now }) : new PgStore({ connectionString: PG_URL, schema, images, now: Date.now, poolSize: 2 });
  try {
    await store.migrate();
    const figures = await measure(store, reads, actions, dir);
    process.stdout.write(`${JSON.stringify({ benchmark: 'reports', store: store.engine, ...figures, machine: machine() })}\n`);
    return 0;
  } finally {
    if (store instanceof PgStore) await store.sql.run(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
