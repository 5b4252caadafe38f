import t from 'tap';
import { canonicalPlate, editDistance } from '../../../hub/search/plateText.js';
import { searchReads, type ReadQuery } from '../../../hub/search/readSearch.js';
import type { HubRead } from '../../../hub/store/index.js';
import { DAY, onBothStores, START } from '../../helpers/hubHarness.js';

/** A small deterministic PRNG so that a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomReads(n: number, seed: number): Array<Partial<HubRead>> {
  const r = rng(seed);
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  // A small plate pool with near-duplicates, so that fuzzy and wildcard searches have work to do.
  const pool: string[] = [];
  for (let i = 0; i < 60; i++) pool.push(Array.from({ length: 5 + Math.floor(r() * 3) }, () => pick('ABC018OSZ25')).join(''));
  return Array.from({ length: n }, () => ({
    plate: pool[Math.floor(r() * pool.length)]!, capturedAt: START - Math.floor(r() * 10 * DAY), siteId: 'site-1',
    cameraId: pick('01') === '0' ? 'cam0' : 'cam1', confidence: Math.round(r() * 100) / 100, region: pick('IW') === 'I' ? 'IL' : 'WI',
  }));
}

/** The reference: every read checked one by one in plain code. */
function bruteForce(reads: HubRead[], q: ReadQuery): string[] {
  const match = (p: string): boolean => {
    if (q.mode === 'exact') return p === q.plate;
    if (q.mode === 'wildcard') return new RegExp(`^${q.plate.replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(p);
    return editDistance(canonicalPlate(p), canonicalPlate(q.plate)) <= 1;
  };
  return reads.filter((r) => match(r.plate) && r.capturedAt >= q.from && r.capturedAt < q.to
    && (!q.cameraIds || q.cameraIds.includes(r.cameraId)) && (q.region === undefined || r.region === q.region)
    && (q.minConfidence === undefined || r.confidence >= q.minConfidence)).map((r) => r.id).sort();
}

onBothStores(t, 'exact, wildcard and fuzzy search agree with a brute-force reference on random data', async (t, h) => {
  const reads = await h.addReads(randomReads(1500, 42));
  const r = rng(7);
  const plates = [...new Set(reads.map((x) => x.plate))];
  let compared = 0;
  for (let i = 0; i < 90; i++) {
    const base = plates[Math.floor(r() * plates.length)]!;
    const mode = (['exact', 'wildcard', 'fuzzy'] as const)[i % 3]!;
    let plate = base;
    const shapes = [`${base.slice(0, 3)}*`, `*${base.slice(1, 2)}?${base.slice(-2)}`, `?${base.slice(1, 2)}?${base.slice(3, 5)}*`, `*${base.slice(-3)}`, `${base.slice(0, 1)}?${base.slice(2)}`];
    if (mode === 'wildcard') plate = shapes[Math.floor(i / 3) % shapes.length]!;
    if (mode === 'fuzzy') plate = base.slice(0, 2) + ALPHABET[Math.floor(r() * 36)] + base.slice(3);
    const q: ReadQuery = {
      plate, mode, from: START - Math.floor(r() * 10) * DAY, to: START, limit: 10_000, heldOnly: null,
      ...(i % 4 === 0 ? { cameraIds: ['cam1'] } : {}), ...(i % 5 === 0 ? { region: 'IL' } : {}), ...(i % 6 === 0 ? { minConfidence: 0.5 } : {}),
    };
    if (mode === 'wildcard' && plate.replace(/[*?]/g, '').length < 3) continue;
    const got = await searchReads(h.store, q);
    t.same(got.hits.map((x) => x.id).sort(), bruteForce(reads, q), `${mode} ${plate}`);
    t.equal(got.truncated, false);
    compared++;
  }
  t.ok(compared > 40);
});

onBothStores(t, 'a capped wildcard over many plates and days returns exactly the newest matches', async (t, h) => {
  const reads = await h.addReads(randomReads(1500, 99));
  let truncated = 0;
  const plates = [...new Set(reads.map((r) => r.plate))].slice(0, 4);
  for (const pattern of plates.flatMap((p) => [`${p.slice(0, 3)}*`, `*${p.slice(-3)}`, `?${p.slice(1, 2)}?${p.slice(3, 5)}*`, `${p.slice(0, 1)}?${p.slice(2)}`])) {
    const q: ReadQuery = { plate: pattern, mode: 'wildcard', from: START - 10 * DAY, to: START, limit: 7, heldOnly: null };
    const got = await searchReads(h.store, q);
    const all = bruteForce(reads, { ...q, limit: 1e9 });
    const newest = reads.filter((r) => all.includes(r.id)).sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : 1)).slice(0, 7).map((r) => r.id);
    t.same(got.hits.map((x) => x.id), newest, `${pattern}: the 7 newest of ${all.length}`);
    t.equal(got.truncated, all.length > 7);
    if (all.length > 7) truncated++;
  }
  t.ok(truncated > 0, 'some patterns match more reads than the cap');
  // Many plates across many days: the search walks the days newest first and stops early.
  const many = await h.addReads(Array.from({ length: 200 }, (_, i) => ({ plate: `WLD${String(i % 25).padStart(3, '0')}`, capturedAt: START - (i % 9) * DAY - i * 1000 })));
  const got = await searchReads(h.store, { plate: 'WLD*', mode: 'wildcard', from: START - 10 * DAY, to: START + 1, limit: 30, heldOnly: null });
  const newest = [...many].sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : 1)).slice(0, 30).map((r) => r.id);
  t.same(got.hits.map((x) => x.id), newest, '25 plates over 9 days: the 30 newest, in order');
  t.equal(got.truncated, true);
});

onBothStores(t, 'results are capped, newest first, and the cap is reported', async (t, h) => {
  await h.addReads(Array.from({ length: 30 }, (_, i) => ({ plate: 'CAP123', capturedAt: START - i * 60_000 })));
  const got = await searchReads(h.store, { plate: 'CAP123', mode: 'exact', from: START - DAY, to: START + 1, limit: 10, heldOnly: null });
  t.equal(got.hits.length, 10);
  t.equal(got.truncated, true);
  t.same(got.hits.map((x) => x.capturedAt), Array.from({ length: 10 }, (_, i) => START - i * 60_000));
});

onBothStores(t, 'fuzzy results put the asked-for plate before its look-alikes', async (t, h) => {
  await h.addReads([{ plate: 'B0B123' }, { plate: '8OB123' }, { plate: 'BOB12' }, { plate: 'BOB123' }, { plate: 'XYZ999' }]);
  const got = await searchReads(h.store, { plate: 'BOB123', mode: 'fuzzy', from: 0, to: START + 1, limit: 10, heldOnly: null });
  t.equal(got.hits.length, 4, 'the unrelated plate is not a match');
  t.equal(got.hits[0]?.plate, 'BOB123', 'the plate asked for comes first');
  t.same(got.hits.slice(1, 3).map((x) => x.plate).sort(), ['8OB123', 'B0B123'], 'then OCR look-alikes');
  t.equal(got.hits[3]?.plate, 'BOB12', 'the true edit ranks last');
  t.same(got.hits.map((x) => x.closeness), [...got.hits.map((x) => x.closeness)].sort((a, b) => a - b));
});

onBothStores(t, 'malformed and injection patterns are refused before touching the database', async (t, h) => {
  for (const [plate, mode] of [["' OR 1=1 --", 'exact'], ['*', 'wildcard'], ['A*', 'wildcard'], ['%ABC%', 'wildcard'], ['AB', 'fuzzy'], ['ABCDEFGHIJKLMNOP', 'exact']] as const) {
    await t.rejects(searchReads(h.store, { plate, mode, from: 0, to: START, limit: 10, heldOnly: null }), { code: 'ALPR_ERR_INVALID_INPUT' }, `${mode} ${plate}`);
  }
});

onBothStores(t, 'a sweeping wildcard with no anchored end and no run of 3 is refused; anchored ones and runs of 3 still find their plates', async (t, h) => {
  await h.addReads([{ plate: 'A1B2C3D' }, { plate: 'XY12345' }, { plate: 'QQ99123' }]);
  const q = { from: 0, to: START + 1, limit: 10, heldOnly: null, mode: 'wildcard' } as const;
  for (const plate of ['*1*2*3*', '*1?2?3*', '???12?3*', '*A?B2*', '*99*2?']) {
    await t.rejects(searchReads(h.store, { ...q, plate }), { code: 'ALPR_ERR_INVALID_INPUT', message: /start or end with 2 known characters/ }, `${plate} is refused`);
  }
  const found = async (plate: string) => (await searchReads(h.store, { ...q, plate })).hits.map((x) => x.plate).sort();
  t.same(await found('XY1*'), ['XY12345']);
  t.same(await found('*123'), ['QQ99123']);
  t.same(await found('?Y?23*'), ['XY12345']);
  t.same(await found('A1*3D'), ['A1B2C3D']);
  t.same(await found('*B2C*'), ['A1B2C3D'], 'a run of 3 anywhere in a plate of up to 8 characters');
  t.same(await found('*123*'), ['QQ99123', 'XY12345']);
});

onBothStores(t, 'a wildcard stops after examining its cap of plate-index rows and says the answer is incomplete', async (t, h) => {
  // 25,000 plates under one two-character prefix, straight into the index.
  await h.store.sql.run(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 24999)
    INSERT INTO plate_index (plate, canon, rev, last_seen) SELECT 'AB' || CAST(100000 + i AS TEXT), 'AB' || CAST(100000 + i AS TEXT), CAST(100000 + i AS TEXT) || 'BA', ? FROM n`, [START]);
  const [read] = await h.addReads([{ plate: 'AB100007' }]);
  const q = { from: 0, to: START + 1, limit: 10, heldOnly: null, mode: 'wildcard' } as const;
  const sweeping = await searchReads(h.store, { ...q, plate: 'AB*7' });
  t.equal(sweeping.incomplete, true, 'the walk stopped at the cap, and the answer says so');
  const narrow = await searchReads(h.store, { ...q, plate: 'AB1000*7' });
  t.equal(narrow.incomplete, false);
  t.same(narrow.hits.map((x) => x.id), [read!.id], 'a narrower pattern walks to the end');
});
