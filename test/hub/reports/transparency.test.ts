import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NCIC_MAPPING } from '../../../hub/hotlists/importMapping.js';
import { onBothStores, type Harness } from '../../helpers/hubHarness.js';
import { pdfText, popplerAvailable } from '../../helpers/pdfPages.js';
import { MONTH, seedMonth } from '../../helpers/reportMonth.js';

onBothStores(t, 'the transparency data names no plate, user, case, CAD number, read or outside agency seeded in its month', async (t, h) => {
  if (!(await popplerAvailable(t))) return;
  const seeded = await seedMonth(h);
  const report = await h.services.reports.generate('transparency', MONTH, 'test');
  const files = (await readdir(report.dir)).filter((f) => f.startsWith('transparency-'));
  t.same(files.sort(), ['transparency-2026-11.csv', 'transparency-2026-11.html', 'transparency-2026-11.json', 'transparency-2026-11.manifest.json', 'transparency-2026-11.pdf']);
  const identifiers = [...seeded.plates, ...seeded.usernames, ...seeded.displayNames, ...seeded.userIds, ...seeded.caseNumbers, ...seeded.cadNumbers, ...seeded.agencies, ...seeded.readIds];
  for (const file of files) {
    const text = file.endsWith('.pdf') ? await pdfText(join(report.dir, file)) : await readFile(join(report.dir, file), 'utf8');
    t.ok(text.length > 200, `${file} has content`);
    const leaked = identifiers.filter((id) => text.toLowerCase().includes(id.toLowerCase()));
    t.same(leaked, [], `${file} holds none of the month's identifiers`);
  }
  // The same month's internal monthly audit does name them: the scan above would see a leak.
  const monthly = await h.services.reports.generate('monthly', MONTH, 'test');
  t.match(await readFile(monthly.files.html, 'utf8'), 'ofc.garcia');
});

t.test('a published total never gives back a suppressed count by subtraction: it is exact only when the hidden parts stay ambiguous', async (t) => {
  const { publishTotal } = await import('../../../hub/reports/transparency.js');
  t.equal(publishTotal([100, 40, 0], 5), 140, 'nothing hidden: exact');
  t.equal(publishTotal([100, 3], 5), '101-104', 'one hidden day: 103 would give it back as 3');
  t.equal(publishTotal([3], 5), '1-4');
  t.equal(publishTotal([100, 1, 1], 5), '102-108', 'two hidden parts that must both be 1');
  t.equal(publishTotal([100, 4, 4], 5), '102-108', 'two hidden parts that must both be 4');
  t.equal(publishTotal([100, 1, 3], 5), 104, 'two hidden parts summing to 4 could be 1+3, 2+2 or 3+1: exact total kept');
  t.equal(publishTotal([0, 0], 5), 0);
});

/** `n` alerts on one listed plate in the month, each disposed by an officer as `dispositions` says in turn. */
async function alertsDisposed(h: Harness, dispositions: Array<'confirmed' | 'misread' | 'entry_invalid'>): Promise<void> {
  const s = h.services;
  await s.hotlists.importExtract(await readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8'), NCIC_MAPPING, 'test', 'fixture');
  const officer = await h.user('officer');
  const t0 = h.clock.now() - 3600_000;
  const reads = await h.addReads(dispositions.map((_, i) => ({ plate: 'ABC1234', region: 'IL', siteId: 'site-1', cameraId: 'cam0', capturedAt: t0 + i * 1000 })));
  for (const [i, disposition] of dispositions.entries()) {
    const [alert] = await s.alerts.raise(reads[i]!, await s.hotlists.match('ABC1234', 'IL'), 'hub');
    if (disposition === 'confirmed') {
      await s.alerts.viewImages(officer.account, alert!.alertId);
      await s.alerts.dispose(officer.account, alert!.alertId, { disposition, action: 'no_stop' });
    } else {
      await s.alerts.dispose(officer.account, alert!.alertId, { disposition });
    }
  }
}

async function transparencyOf(h: Harness) {
  const report = await h.services.reports.generate('transparency', MONTH, 'test');
  return { data: JSON.parse(await readFile(report.files.json, 'utf8')).data, html: await readFile(report.files.html, 'utf8') };
}

onBothStores(t, 'the false-hit rate is withheld when it would give back a suppressed count: 20 alerts, 19 misreads and the one confirmed', async (t, h) => {
  await alertsDisposed(h, [...Array<'misread'>(19).fill('misread'), 'confirmed']);
  const { data, html } = await transparencyOf(h);
  // Published, 95.0% of the 20 raised (all disposed) would be 19 false hits and exactly 1 confirmed.
  t.same(data.alerts, {
    raised: 20, confirmed: '<5', stops: 0,
    falseHitRatePercent: 'withheld (the false hits or the other dispositions number 1 to 4, which the rate would give back)',
  });
  t.match(html, '<tr><td>false-hit rate (%)</td><td>withheld (the false hits or the other dispositions number 1 to 4, which the rate would give back)</td></tr>', 'the page says why it is withheld');
});

onBothStores(t, 'the false-hit rate is published when neither the false hits nor the other dispositions are suppressed: 20 alerts, 10 and 10', async (t, h) => {
  await alertsDisposed(h, [...Array<'misread'>(10).fill('misread'), ...Array<'confirmed'>(10).fill('confirmed')]);
  const { data } = await transparencyOf(h);
  t.same(data.alerts, { raised: 20, confirmed: 10, stops: 0, falseHitRatePercent: 50 });
});

t.test('the false-hit rate is published only when the false hits and the other dispositions are each 0 or at least the threshold', async (t) => {
  const { falseHitRate } = await import('../../../hub/reports/transparency.js');
  t.equal(falseHitRate(19, 20, 5), 'withheld (the false hits or the other dispositions number 1 to 4, which the rate would give back)', '1 other disposition');
  t.match(falseHitRate(1, 20, 5), /^withheld/, '1 false hit');
  t.match(falseHitRate(16, 20, 5), /^withheld/, '4 other dispositions');
  t.equal(falseHitRate(15, 20, 5), 75, '15 and 5');
  t.equal(falseHitRate(10, 20, 5), 50);
  t.equal(falseHitRate(0, 20, 5), 0, 'no false hits: none is hidden');
  t.equal(falseHitRate(20, 20, 5), 100, 'all false: the other dispositions are 0, published as 0 anyway');
  t.equal(falseHitRate(2, 4, 5), 'withheld (fewer than 5 alerts disposed)');
  t.equal(falseHitRate(0, 0, 5), 'withheld (fewer than 5 alerts disposed)');
  t.equal(falseHitRate(7, 14, 8), 'withheld (the false hits or the other dispositions number 1 to 7, which the rate would give back)', 'the threshold is the policy\'s');
});
