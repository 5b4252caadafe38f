import t from 'tap';
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { DEFAULT_REPORT_OPTIONS } from '../../../hub/reports/reportContext.js';
import { harness } from '../../helpers/hubHarness.js';
import { tempDir } from '../../helpers/index.js';
import { pdfText, popplerAvailable, renderPages } from '../../helpers/pdfPages.js';
import { MONTH, seedMonth } from '../../helpers/reportMonth.js';

/** The share of a page's pixels that are not near-white: ink. */
async function inkShare(png: string): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i++) if (data[i]! < 200) ink++;
  return ink / (info.width * info.height);
}

t.test('every page of each report renders to an image with text, charts and tables on it', async (t) => {
  if (!(await popplerAvailable(t))) return;
  const censusFile = fileURLToPath(new URL('../../fixtures/reports/census-example.csv', import.meta.url));
  const h = (await harness(t, 'sqlite', { reports: { ...DEFAULT_REPORT_OPTIONS, censusFile } }))!;
  await seedMonth(h);
  for (const kind of ['monthly', 'cpoc', 'transparency'] as const) {
    const report = await h.services.reports.generate(kind, MONTH, 'test');
    const pages = await renderPages(report.files.pdf, await tempDir(t));
    t.ok(pages.length >= 1, `${kind}: ${pages.length} pages`);
    for (const [i, page] of pages.entries()) {
      const ink = await inkShare(page);
      t.ok(ink > 0.005, `${kind} page ${i + 1} is not empty (${(ink * 100).toFixed(2)}% ink)`);
    }
    const text = await pdfText(report.files.pdf);
    t.match(text, report.manifest.auditHead.hash.slice(0, 16), `${kind}: every page names the audit head it was computed from`);
    t.match(text, /page 1 of \d+/);
    // To look at the pages: ALPR_KEEP_REPORT_PAGES=DIR keeps them there.
    for (const [i, page] of pages.entries()) if (process.env.ALPR_KEEP_REPORT_PAGES) await copyFile(page, `${process.env.ALPR_KEEP_REPORT_PAGES}/${kind}-page${i + 1}.png`);
  }
  const monthly = await h.services.reports.generate('monthly', MONTH, 'test');
  t.match(await pdfText(monthly.files.pdf), /ofc\.garcia \(officer\)/, 'the monthly audit names the users (it is internal)');
});
