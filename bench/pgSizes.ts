import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ImageCipher, PgStore, type HubRead } from '../hub/index.js';
import { trafficPlate } from './trafficPlates.js';

/**
 * PostgreSQL's footprint per million reads (docs/scaling.md): N reads as a busy camera network
 * sends them (batches of 500 from 100 devices, plates from a skewed pool of 100,000, a 200 B crop
 * and a 2 KB context encrypted at rest, one capture day) ingested through the store into a schema
 * of their own, then the heap (TOAST included) and index sizes of the day partitions, the images
 * and the plate index, scaled to one million reads. The schema is dropped afterwards.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { reads: { type: 'string', default: '200000' }, pg: { type: 'string', default: process.env.ALPR_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' } } });
  const count = Number(values.reads);
  const schema = `alpr_bench_sizes_${randomBytes(3).toString('hex')}`;
  const store = new PgStore({ connectionString: values.pg, schema, images: new ImageCipher(randomBytes(32)), now: Date.now });
  await store.migrate();
  try {
    const devices = Array.from({ length: 100 }, (_, i) => `size-${String(i).padStart(3, '0')}`);
    for (const deviceId of devices) await store.upsertDevice({ deviceId, publicKey: randomBytes(32), siteId: 'bench-site', status: 'active', enrolledAt: Date.now() });
    const crop = randomBytes(200);
    const context = randomBytes(2000);
    const day = Date.UTC(2026, 10, 1);
    const make = (deviceId: string): HubRead => ({ id: randomUUID(), deviceId, siteId: 'bench-site', cameraId: 'cam0', capturedAt: day + Math.floor(Math.random() * 86_400_000), receivedAt: Date.now(),
      plate: trafficPlate(100_000), confidence: 0.9, charConfidences: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], region: 'IL', regionConfidence: 0.8,
      lowConfidence: false, corners: [{ x: 1, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 4 }, { x: 1, y: 4 }], vehicleColour: 'silver', crop, context });
    const batches = Math.ceil(count / 500);
    const started = performance.now();
    let next = 0;
    // Four batches in flight, as four hub ingest chains would have them.
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let b = next++; b < batches; b = next++) {
        const deviceId = devices[b % devices.length]!;
        await store.ingestBatch(deviceId, Math.floor(b / devices.length) + 1, Array.from({ length: 500 }, () => make(deviceId)));
        if (b % 100 === 0) process.stderr.write(`${b * 500} reads\n`);
      }
    }));
    const stored = batches * 500;
    const readsPerS = stored / ((performance.now() - started) / 1000);
    await store.sql.run('ANALYZE');
    const rows = await store.sql.all<{ parent: string; heap: string; indexes: string }>(`
      SELECT COALESCE(p.relname, c.relname) AS parent, SUM(pg_table_size(c.oid))::text AS heap, SUM(pg_indexes_size(c.oid))::text AS indexes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
      WHERE n.nspname = ? AND c.relkind = 'r' GROUP BY 1`, [schema]);
    const perMillion = (bytes: number) => Math.round((bytes * (1_000_000 / stored)) / 1024 / 1024);
    const size = (table: string, kind: 'heap' | 'indexes') => Number(rows.find((r) => r.parent === table)?.[kind] ?? 0);
    const total = rows.reduce((sum, r) => sum + Number(r.heap) + Number(r.indexes), 0);
    process.stderr.write(`${rows.map((r) => `${r.parent}: heap ${r.heap} B, indexes ${r.indexes} B`).join('\n')}\n`);
    process.stdout.write(`${JSON.stringify({
      reads: stored, ingest_reads_per_s: Math.round(readsPerS),
      reads_heap_mb_per_million: perMillion(size('reads', 'heap')), reads_index_mb_per_million: perMillion(size('reads', 'indexes')),
      images_heap_mb_per_million: perMillion(size('read_images', 'heap')), images_index_mb_per_million: perMillion(size('read_images', 'indexes')),
      plate_index_mb_per_million: perMillion(size('plate_index', 'heap') + size('plate_index', 'indexes')), total_mb_per_million: perMillion(total),
    })}\n`);
    return 0;
  } finally {
    await store.sql.run(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store.close();
  }
}
