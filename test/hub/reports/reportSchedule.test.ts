import t from 'tap';
import { silentLogger } from '../../../core/index.js';
import { ReportSchedule } from '../../../hub/reports/reportSchedule.js';
import { harness } from '../../helpers/hubHarness.js';

t.test('on the first of the month the schedule writes last month\'s three reports, once', async (t) => {
  const h = (await harness(t, 'sqlite'))!;
  h.clock.setWall(Date.UTC(2026, 10, 30, 23, 30));
  const schedule = new ReportSchedule({ reports: h.services.reports, audit: h.services.audit, clock: h.clock, logger: silentLogger(), checkEveryMs: 3600_000 });
  schedule.start();
  t.teardown(() => schedule.stop());
  const generated = async () => (await h.services.audit.query({ action: 'report.generate', limit: 20 })).map((r) => `${r.detail.kind} ${r.detail.month}`);
  t.same(await schedule.runDue(), ['monthly', 'cpoc', 'transparency'], 'on 30 November, October\'s reports were due');
  h.clock.advance(3600_000);
  await schedule.stop();
  const november = (await generated()).filter((g) => g.endsWith('2026-11'));
  t.same(november, ['monthly 2026-11', 'cpoc 2026-11', 'transparency 2026-11'], 'November\'s, after midnight on 1 December');
  for (const kind of ['monthly', 'cpoc', 'transparency'] as const) t.ok(await h.services.reports.existing(kind, '2026-11'), `${kind} is in the reports folder`);
  schedule.start();
  h.clock.advance(5 * 3600_000);
  await schedule.stop();
  t.equal((await generated()).length, 6, 'later checks find them written and write nothing');
});

t.test('pg: two hub processes on one database write each scheduled report once between them', async (t) => {
  const h = await harness(t, 'pg');
  if (!h) return;
  const peer = await h.peer();
  h.clock.setWall(Date.UTC(2026, 11, 1, 0, 30));
  const schedules = [h.services, peer].map((s) => new ReportSchedule({ reports: s.reports, audit: s.audit, clock: h.clock, logger: silentLogger(), lease: s.lease }));
  const written = (await Promise.all(schedules.map((s) => s.runDue()))).flat().sort();
  t.same(written, ['cpoc', 'monthly', 'transparency'], 'each report by one process or the other');
  t.equal((await h.services.audit.query({ action: 'report.generate', limit: 20 })).length, 3, 'three report.generate records, not six');
});
