import t from 'tap';
import { existsSync } from 'node:fs';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onBothStores } from '../../helpers/hubHarness.js';
import { withReportLock } from '../../../hub/reports/reportLock.js';
import { ReportService } from '../../../hub/reports/reportService.js';
import { ReportStore } from '../../../hub/reports/reportStore.js';
import { verifyReport } from '../../../hub/reports/reportVerify.js';

t.test('a report\'s lock lets one writer in at a time, takes over a stale lock, gives up on a held one, and is gone after its work', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'report-lock-'));
  const order: string[] = [];
  let release!: () => void;
  const first = withReportLock(dir, 'cpoc-2026-11', async () => {
    order.push('first in');
    await new Promise<void>((resolve) => (release = resolve));
    order.push('first out');
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const second = withReportLock(dir, 'cpoc-2026-11', async () => order.push('second in'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.same(order, ['first in'], 'the second writer waits while the first holds the lock');
  release();
  await Promise.all([first, second]);
  t.same(order, ['first in', 'first out', 'second in']);
  t.notOk(existsSync(join(dir, '.cpoc-2026-11.lock')), 'the lock is removed after its work');

  // A lock left by a process that died mid-write, older than the stale limit, is taken over.
  const lock = join(dir, '.monthly-2026-11.lock');
  await writeFile(lock, '{"pid":1}\n');
  const old = (Date.now() - 20 * 60_000) / 1000;
  await utimes(lock, old, old);
  t.equal(await withReportLock(dir, 'monthly-2026-11', async () => 'written'), 'written', 'a stale lock is taken over');

  // A fresh lock held by another process: after the wait, a typed refusal, and the holder's lock stays.
  await writeFile(lock, '{"pid":1}\n');
  await t.rejects(withReportLock(dir, 'monthly-2026-11', async () => 'written', { waitMs: 300 }), { code: 'ALPR_ERR_CONFLICT' });
  t.ok(existsSync(lock), 'the holder\'s lock is not removed by the writer that gave up');

  await t.rejects(withReportLock(dir, 'transparency-2026-11', async () => {
    throw new Error('disk full');
  }), /disk full/);
  t.notOk(existsSync(join(dir, '.transparency-2026-11.lock')), 'a failed generation leaves no lock behind');
});

onBothStores(t, 'two hub processes writing one reports folder at once sign one report, whose files match its manifest', async (t, h) => {
  h.clock.setWall(Date.UTC(2026, 11, 2, 9));
  const dir = dirname(h.services.reports.folder('2026-11')!);
  // Another process's ReportService on the same folder: nothing shared with this one but the files.
  const other = new ReportService({
    audit: h.services.audit, accounts: h.services.accounts, alerts: h.services.alerts, store: new ReportStore(h.store), options: h.services.policy.reports,
    clock: h.clock, signingKey: h.keys.sign.privateKey, verifyKey: h.keys.sign.publicKey, dir,
  });
  const manifests = await Promise.all([h.services.reports.whole('cpoc', '2026-11', 'system'), other.whole('cpoc', '2026-11', 'system')]);
  t.equal(manifests[0].signature, manifests[1].signature, 'the second waits for the first and finds its report');
  t.equal((await h.services.audit.query({ action: 'report.generate', limit: 10 })).length, 1, 'one report generated and audited');
  t.same((await verifyReport(join(dir, '2026-11', 'cpoc-2026-11.pdf'), h.services.reports.verifyKey, h.services.audit)).problems, [], 'the files on disk are the ones the manifest signs');
});
