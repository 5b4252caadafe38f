import t from 'tap';
import { AuditBursts } from '../../../hub/audit/auditBursts.js';
import { eventually } from '../../helpers/index.js';
import { onBothStores } from '../../helpers/hubHarness.js';

onBothStores(t, 'a burst is written at its first event and counted once its window closes', async (t, h) => {
  const bursts = new AuditBursts({ audit: h.services.audit, clock: h.clock, options: { windowMs: 60_000, maxOpen: 10 }, onError: (err) => t.fail(String(err)) });
  const before = (await h.services.audit.head())?.seq ?? 0;
  const refusal = { actor: 'anonymous', action: 'auth.tokenRefused', outcome: 'refused' as const, detail: { ip: '10.0.0.9' } };
  for (let i = 0; i < 7; i++) await bursts.note('ip:10.0.0.9', refusal);
  const mid = await h.services.audit.query({ afterSeq: before, limit: 10 });
  t.same(mid.map((r) => r.detail.count), [1], 'the first event is in the chain at once');
  h.clock.advance(60_000);
  await eventually(async () => (await h.services.audit.query({ afterSeq: before, limit: 10 })).length === 2);
  const records = await h.services.audit.query({ afterSeq: before, limit: 10 });
  t.match(records[1], { action: 'auth.tokenRefused', outcome: 'refused', detail: { ip: '10.0.0.9', count: 6 } });
  await bursts.note('ip:10.0.0.9', refusal);
  t.equal((await h.services.audit.query({ afterSeq: before, limit: 10 })).length, 3, 'after the window a new burst starts with its own first record');
  await bursts.flush();
});

onBothStores(t, 'more sources than bursts kept at once share one overflow burst per action, still counted', async (t, h) => {
  const bursts = new AuditBursts({ audit: h.services.audit, clock: h.clock, options: { windowMs: 60_000, maxOpen: 3 }, onError: (err) => t.fail(String(err)) });
  const before = (await h.services.audit.head())?.seq ?? 0;
  for (let i = 0; i < 50; i++) await bursts.note(`ip:10.0.0.${i}`, { actor: 'anonymous', action: 'auth.tokenRefused', outcome: 'refused', detail: { ip: `10.0.0.${i}` } });
  await bursts.flush();
  const records = await h.services.audit.query({ afterSeq: before, limit: 100 });
  t.equal(records.length, 5, 'three sources, the overflow burst and its count: bounded');
  t.equal(records.reduce((n, r) => n + Number(r.detail.count), 0), 50, 'every event is counted');
  t.ok(records.some((r) => r.detail.overflow === true));
});

onBothStores(t, 'a signed-in member\'s refusal keeps its actor while made-up addresses fill the bursts', async (t, h) => {
  const bursts = new AuditBursts({ audit: h.services.audit, clock: h.clock, options: { windowMs: 60_000, maxOpen: 3 }, onError: (err) => t.fail(String(err)) });
  const before = (await h.services.audit.head())?.seq ?? 0;
  for (let i = 0; i < 20; i++) await bursts.note(`ip:10.0.1.${i}`, { actor: 'anonymous', action: 'http.request', outcome: 'refused', detail: { ip: `10.0.1.${i}` } });
  await bursts.note('request||officer-7|GET /api/v1/audit|ALPR_ERR_SEARCH_SUSPENDED', { actor: 'officer-7', action: 'http.request', outcome: 'refused', detail: { code: 'ALPR_ERR_SEARCH_SUSPENDED' } });
  await bursts.note('request||officer-7|GET /api/v1/audit|ALPR_ERR_SEARCH_SUSPENDED', { actor: 'officer-7', action: 'http.request', outcome: 'refused', detail: { code: 'ALPR_ERR_SEARCH_SUSPENDED' } });
  await bursts.flush();
  const records = await h.services.audit.query({ afterSeq: before, limit: 100 });
  const mine = records.filter((r) => r.actor === 'officer-7');
  t.equal(mine.length, 2, 'the member\'s first attempt and the count of the rest, under its name');
  t.equal(mine.reduce((n, r) => n + Number(r.detail.count), 0), 2);
  t.equal(records.filter((r) => r.detail.overflow === true).reduce((n, r) => n + Number(r.detail.count), 0), 17, 'the addresses beyond the three kept share the overflow');
});
