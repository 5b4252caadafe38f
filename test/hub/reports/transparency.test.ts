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
