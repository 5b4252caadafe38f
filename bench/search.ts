import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, VEHICLE_COLOURS } from '../core/index.js';
import { ImageCipher, PgStore, searchReads, SqliteStore, type HubRead, type HubStore, type MatchMode } from '../hub/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * Plate search at city scale (issue #5): N reads (default 10,000,000: 30 days of a 100-camera
 * city) loaded through the stores' own ingest, then per store:
 * - exact_p99_ms, wildcard_p99_ms, fuzzy_p99_ms: searchReads() over the full 30 days, limit 100,
 *   one query at a time (exact: known plates; wildcard: prefix, suffix and middle patterns with
 *   3-4 known characters; fuzzy: a plate with one character changed);
 * - purge_day_s: purgeReadsBefore() deleting the oldest whole day (N/30 reads, no holds).
 * Plates come from a pool of N/10 distinct plates drawn with a skew (some cars pass daily).
 */
const PG_URL = process.env.ALPR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DIGITS = '0123456789';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

function platePool(n: number, r: () => number): string[] {
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  const set = new Set<string>();
  while (set.size < n) {
    const shape = r();
    // Illinois-like passenger plates, vanity-free: AB 12345, ABC 1234, 1234567-style mixes.
    const plate = shape < 0.6 ? `${pick(LETTERS)}${pick(LETTERS)}${pick(LETTERS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}`
      : shape < 0.9 ? `${pick(LETTERS)}${pick(LETTERS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}`
        : `${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(DIGITS)}${pick(LETTERS)}${pick(LETTERS)}`;
    set.add(plate);
  }
  return [...set];
}

async function load(store: HubStore, pool: string[], reads: number, start: number, r: () => number): Promise<number> {
  const began = performance.now();
  const batch = 5000;
  const crop = Buffer.alloc(64, 1);
  const context = Buffer.alloc(256, 2);
  const p = { x: 0, y: 0 };
  for (let done = 0, seq = 1; done < reads; seq++) {
    const n = Math.min(batch, reads - done);
    const rows: HubRead[] = [];
    for (let i = 0; i < n; i++) {
      const k = done + i;
      // Skewed: the square favours the start of the pool (regular commuters).
      const plate = pool[Math.floor(r() * r() * pool.length)]!;
      rows.push({
        id: randomUUID(), deviceId: `pole-${k % 100}`, siteId: `site-${k % 100}`, cameraId: 'cam0', capturedAt: start + Math.floor((k / reads) * 30 * DAY),
        receivedAt: start + Math.floor((k / reads) * 30 * DAY) + 1000, plate, confidence: 0.5 + r() / 2, charConfidences: [0.9], region: 'IL', regionConfidence: 0.7, lowConfidence: false,
        corners: [p, p, p, p], vehicleColour: VEHICLE_COLOURS[k % VEHICLE_COLOURS.length]!, crop, context,
      });
    }
    await store.ingestBatch(`pole-${seq % 100}`, seq, rows);
    done += n;
    if (seq % 100 === 0) process.stderr.write(`  ${store.engine}: ${done} reads loaded (${Math.round(done / ((performance.now() - began) / 1000))}/s)\n`);
  }
  return (performance.now() - began) / 1000;
}

async function timeQueries(store: HubStore, queries: Array<{ plate: string; mode: MatchMode }>, from: number, to: number): Promise<{ p99: number; p50: number; meanHits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const res = await searchReads(store, { ...q, from, to, limit: 100, heldOnly: null });
    times.push(performance.now() - t0);
    hits += res.hits.length;
  }
  times.sort((a, b) => a - b);
  return { p99: round(percentile(times, 99), 2), p50: round(percentile(times, 50), 2), meanHits: round(hits / queries.length, 1) };
}

function workload(pool: string[], r: () => number) {
  const pick = () => pool[Math.floor(r() * pool.length)]!;
  const exact = Array.from({ length: 500 }, () => ({ plate: pick(), mode: 'exact' as const }));
  const wildcard = Array.from({ length: 300 }, (_, i) => {
    const p = pick();
    const plate = i % 3 === 0 ? `${p.slice(0, 3)}*` : i % 3 === 1 ? `*${p.slice(-4)}` : `?${p.slice(1, 2)}?${p.slice(3, 5)}*`;
    return { plate, mode: 'wildcard' as const };
  });
  const fuzzy = Array.from({ length: 300 }, () => {
    const p = pick();
    const at = Math.floor(r() * p.length);
    return { plate: p.slice(0, at) + (DIGITS + LETTERS)[Math.floor(r() * 33)] + p.slice(at + 1), mode: 'fuzzy' as const };
  });
  return { exact, wildcard, fuzzy };
}

async function measure(store: HubStore, reads: number, skipLoad: boolean) {
  const r = rng(468);
  const pool = platePool(Math.max(1000, Math.round(reads / 10)), r);
  const start = Date.UTC(2026, 9, 1);
  if (!skipLoad) {
    // Loading is setup, not what is measured: the real ingest path, but without an fsync per
    // batch and with a large page cache, so that 10 M reads load in minutes rather than hours.
    if (store.engine === 'sqlite') {
      await store.sql.run('PRAGMA synchronous = OFF');
      await store.sql.run('PRAGMA cache_size = -2000000');
    }
    const seconds = await load(store, pool, reads, start, r);
    if (store.engine === 'sqlite') {
      await store.sql.run('PRAGMA synchronous = FULL');
      await store.sql.run('PRAGMA cache_size = -65536');
      await store.sql.run('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    process.stderr.write(`${store.engine}: loaded ${reads} reads in ${seconds.toFixed(0)} s\n`);
  } else {
    process.stderr.write(`${store.engine}: reusing the ${await store.countReads()} reads kept by an earlier run (--keep)\n`);
  }
  // Steady state, as a running hub has it: statistics current and, on PostgreSQL, the freshly
  // loaded partitions vacuumed (otherwise autovacuum would be working through them mid-measurement).
  await store.sql.run(store.engine === 'pg' ? 'VACUUM ANALYZE' : 'ANALYZE');
  const inStore = await store.countReads();
  const w = workload(pool, rng(7));
  const range = { from: start, to: start + 30 * DAY };
  // Warm the caches the way a running hub has them warm: with other searches than the measured ones.
  const warm = workload(pool, rng(11));
  for (const set of [warm.exact, warm.wildcard, warm.fuzzy]) await timeQueries(store, set, range.from, range.to);
  const exact = await timeQueries(store, w.exact, range.from, range.to);
  const wildcard = await timeQueries(store, w.wildcard, range.from, range.to);
  const fuzzy = await timeQueries(store, w.fuzzy, range.from, range.to);
  process.stderr.write(`${store.engine}: exact ${JSON.stringify(exact)} wildcard ${JSON.stringify(wildcard)} fuzzy ${JSON.stringify(fuzzy)}\n`);
  // The oldest whole day left (an earlier --keep run may have purged day one already).
  const oldest = Number((await store.sql.get<{ t: number | string }>('SELECT min(captured_at) AS t FROM reads'))!.t);
  const t0 = performance.now();
  const report = await store.purgeReadsBefore(Math.floor(oldest / DAY) * DAY + DAY);
  const purgeSeconds = (performance.now() - t0) / 1000;
  process.stderr.write(`${store.engine}: purged ${report.deleted} reads (one day) in ${purgeSeconds.toFixed(2)} s\n`);
  return { reads_in_store: inStore, exact_p99_ms: exact.p99, wildcard_p99_ms: wildcard.p99, fuzzy_p99_ms: fuzzy.p99, purge_day_s: round(purgeSeconds, 2),
    exact_p50_ms: exact.p50, wildcard_p50_ms: wildcard.p50, fuzzy_p50_ms: fuzzy.p50, purged_reads: report.deleted, distinct_plates: pool.length };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '10000000' }, stores: { type: 'string', default: 'sqlite,pg' }, keep: { type: 'string' } } });
  const reads = Number(values.reads);
  if (!Number.isInteger(reads) || reads < 1000) throw new AlprError('ALPR_ERR_USAGE', '--reads: a whole number, at least 1000');
  const root = values.keep ?? await mkdtemp(join(tmpdir(), 'alpr-bench-search-'));
  const images = new ImageCipher(randomBytes(32));
  const result: Record<string, unknown> = { benchmark: 'search', reads };
  try {
    for (const engine of values.stores.split(',')) {
      if (engine === 'sqlite') {
        const path = join(root, 'search.db');
        const store = new SqliteStore({ path, images, now: Date.now });
        await store.migrate();
        const existing = await store.countReads();
        result.sqlite = await measure(store, reads, existing > 0);
        await store.close();
      } else if (engine === 'pg') {
        const schema = values.keep ? 'alpr_bench_search' : `alpr_bench_${randomBytes(3).toString('hex')}`;
        const store = new PgStore({ connectionString: PG_URL, schema, images, now: Date.now, poolSize: 2 });
        try {
          await store.migrate();
          const existing = await store.countReads();
          result.pg = await measure(store, reads, existing > 0);
        } catch (err) {
          process.stderr.write(`PostgreSQL unavailable: ${String(err)}\n`);
          result.pg = null;
        } finally {
          if (!values.keep) await store.sql.run(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
          await store.close();
        }
      }
    }
    result.machine = machine();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    if (!values.keep) await rm(root, { recursive: true, force: true });
  }
}
