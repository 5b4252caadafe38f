import t from 'tap';
import { ManualClock } from '../../../core/index.js';
import { Readiness } from '../../../hub/ops/readiness.js';

t.test('ready only while every probe passes and the process is not draining', async (t) => {
  let broker = true;
  const readiness = new Readiness({ clock: new ManualClock(0), probes: [{ name: 'store', check: async () => true }, { name: 'broker', check: () => broker }] });
  t.same(await readiness.report(), { ready: true, draining: false, checks: { store: true, broker: true } });
  broker = false;
  t.same(await readiness.report(), { ready: false, draining: false, checks: { store: true, broker: false } }, 'a broker that is down makes the process not ready');
  broker = true;
  readiness.drain();
  t.same(await readiness.report(), { ready: false, draining: true, checks: { store: true, broker: true } }, 'a draining process is never ready again');
});

t.test('a probe that throws or hangs counts as down instead of hanging the endpoint', async (t) => {
  const clock = new ManualClock(0);
  const readiness = new Readiness({ clock, probes: [{ name: 'store', check: () => new Promise<boolean>(() => undefined) }, { name: 'broker', check: () => { throw new Error('gone'); } }] });
  const pending = readiness.report();
  await new Promise((resolve) => setImmediate(resolve));
  clock.advance(2_000);
  t.same(await pending, { ready: false, draining: false, checks: { store: false, broker: false } });
});

t.test('a failing probe that says why has its reason in the report; a passing one, or one without a reason, adds none', async (t) => {
  let chain: { ok: boolean; reason?: string } = { ok: false, reason: 'ALPR_ERR_AUDIT_CHAIN: record 2 does not match its hash' };
  const readiness = new Readiness({ clock: new ManualClock(0), probes: [{ name: 'store', check: () => true }, { name: 'auditChain', check: () => chain }] });
  t.same(await readiness.report(), { ready: false, draining: false, checks: { store: true, auditChain: false }, reasons: { auditChain: 'ALPR_ERR_AUDIT_CHAIN: record 2 does not match its hash' } });
  chain = { ok: false };
  t.same(await readiness.report(), { ready: false, draining: false, checks: { store: true, auditChain: false } });
  chain = { ok: true, reason: 'ignored when passing' };
  t.same(await readiness.report(), { ready: true, draining: false, checks: { store: true, auditChain: true } });
});
