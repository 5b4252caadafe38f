import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onBothStores } from '../../helpers/hubHarness.js';
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
