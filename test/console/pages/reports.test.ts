import t from 'tap';
import { consoleRig } from '../../helpers/consoleRig.js';
import { MONTH, seedMonth } from '../../helpers/reportMonth.js';

t.test('the auditor opens the signed report of a seeded month and sees its figures and charts', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  await seedMonth(h);
  h.clock.setWall(Date.UTC(2026, 11, 2, 9));
  const auditor = await h.user('auditor');
  await rig.signIn(auditor);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel('Report').selectOption('cpoc');
  await page.getByLabel('Month', { exact: true }).fill(MONTH);
  await page.getByRole('button', { name: 'Open report' }).click();
  await page.getByRole('heading', { name: `Oversight committee, CPOC (VII.F-G) · ${MONTH}` }).waitFor();

  const stops = page.locator('dl.figures', { has: page.getByText('Stops', { exact: true }) }).first();
  t.match(await stops.innerText(), /Stops\s+1/, 'the one stop on a confirmed alert is shown');
  const agencies = page.locator('table', { hasText: 'Maywood Police Department' });
  t.match(await agencies.innerText(), /IL0160300/, 'the outside agencies are listed by name and ORI');
  t.match(await agencies.innerText(), /Lake County Sheriff \(Indiana\)/, 'the refused agency too');
  const chart = page.locator('figure.chart').first();
  const canvas = chart.locator('canvas[role="img"]');
  const drawn = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, inked: c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0) }));
  t.ok(drawn.width > 0 && drawn.inked, 'the figures are drawn as charts (Chart.js on a canvas)');
  const name = await canvas.getAttribute('aria-label');
  await chart.locator('summary').click();
  const firstFigure = /^[^:]+: (.+?) (\S+?)(;|$)/.exec(name ?? '');
  t.ok(firstFigure, `the chart is named with its figures: ${name}`);
  t.match(await chart.locator('table').innerText(), `${firstFigure![1]}\t${firstFigure![2]}`, 'and the same figures are a table, for screen readers and copying');
  const pdf = page.getByRole('link', { name: 'PDF' });
  t.equal(await pdf.getAttribute('href'), `/api/v1/reports/cpoc/${MONTH}/pdf`, 'the signed PDF is linked');
  await rig.check('report-cpoc');

  await page.getByLabel('Report').selectOption('transparency');
  await page.getByRole('button', { name: 'Open report' }).click();
  await page.getByRole('heading', { name: `Transparency portal data (VII.E) · ${MONTH}` }).waitFor();
  await page.getByRole('img', { name: /^Reads per day:/ }).waitFor();
  await rig.check('report-transparency');
  const generated = await h.services.audit.query({ action: 'report.generate', limit: 10 });
  t.equal(generated.length, 2, 'each report opened was written once, as the audit records');
});

t.test('the current month opens as the hub\'s signed report so far, said as such, with its codes in words', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  await seedMonth(h);
  h.clock.setWall(Date.UTC(2026, 10, 20, 15));
  const auditor = await h.user('auditor');
  await rig.signIn(auditor);
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel('Month', { exact: true }).fill(MONTH);
  await page.getByRole('button', { name: 'Open report' }).click();
  await page.getByRole('heading', { name: `Monthly user audit (VII.E) · ${MONTH} so far` }).waitFor();
  t.match(await page.locator('.notice').innerText(), /The month has not ended: this report covers it up to Nov 20, 2026/, 'the page says the figures are the month so far, and up to when');
  const report = page.locator('article');
  const searches = report.locator('table', { hasText: 'Purpose' }).first();
  t.match(await searches.innerText(), /violent crime/, 'a purpose is shown in words');
  const labels = await report.locator('canvas[role="img"]').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label')).join(' '));
  t.notMatch(`${await report.innerText()} ${labels}`, /\b[a-z]+_[a-z_]+\b/, 'no stored code (violent_crime, stop_made) is shown raw, in a table or a chart');
  await rig.check('report-so-far');
});

t.test('the page refuses a month that has not begun, with the hub\'s reason', async (t) => {
  const rig = await consoleRig(t);
  if (!rig) return;
  const { h, page } = rig;
  await rig.signIn(await h.user('chief'));
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByLabel('Month', { exact: true }).fill('2026-12');
  await page.getByRole('button', { name: 'Open report' }).click();
  await page.getByRole('alert').getByText(/2026-12 has not begun/).waitFor();
  t.pass('the refusal is shown plainly');
});
