import { layoutBars } from './chartLayout.js';
import type { BarChart, ReportDocument, ReportTable } from './reportDocument.js';
import { coverage, type ReportSeal } from './reportSeal.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const ROW = 18;
const LABEL_W = 190;
const BAR_W = 420;

/** A horizontal bar chart as inline SVG: drawn by the hub, nothing fetched by the browser. */
export function barChartSvg(chart: BarChart): string {
  const bars = layoutBars(chart);
  const height = Math.max(1, bars.length) * ROW + 28;
  const rows = bars.map((b, i) => {
    const y = 24 + i * ROW;
    const w = Math.round(b.fraction * BAR_W);
    return `<text x="${LABEL_W - 6}" y="${y + 12}" text-anchor="end">${escape(b.label.slice(0, 32))}</text>`
      + `<rect x="${LABEL_W}" y="${y + 2}" width="${w}" height="${ROW - 5}" fill="#1f4e79"/>`
      + `<text x="${LABEL_W + w + 5}" y="${y + 12}">${escape(b.shown)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(chart.title)}" width="${LABEL_W + BAR_W + 70}" height="${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`
    + `<text x="0" y="14" font-weight="bold" font-size="12">${escape(chart.title)}</text>${bars.length ? rows : '<text x="0" y="36">No data.</text>'}</svg>`;
}

function table(t: ReportTable): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`;
  const body = t.rows.length
    ? t.rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escape(typeof c === 'number' ? c.toLocaleString('en-US') : c)}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${t.columns.length}" class="empty">${escape(t.empty)}</td></tr>`;
  return `<table><caption>${escape(t.title)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The report as one self-contained HTML page (inline CSS and SVG; the transparency page is published as it is). */
export function renderHtml(doc: ReportDocument, seal: ReportSeal): string {
  const sections = doc.sections.map((s) => `<section><h2>${escape(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}${s.charts.map((c) => `<figure>${barChartSvg(c)}</figure>`).join('')}${s.tables.map(table).join('')}</section>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.title)} — ${escape(coverage(doc.month, seal))}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;color:#1a1a1a;line-height:1.4}
header{border-bottom:3px solid #1f4e79;margin-bottom:1rem}h1{margin:0;color:#1f4e79}h2{color:#1f4e79;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:0.5rem 0 1rem;width:100%}caption{text-align:left;font-weight:bold;padding:0.25rem 0}
th,td{border:1px solid #ccc;padding:0.2rem 0.4rem;text-align:left;font-size:0.9rem}th{background:#e8eef5}td.n{text-align:right}td.empty{font-style:italic}
footer{margin-top:2rem;font-size:0.8rem;color:#555;border-top:1px solid #ccc}
</style></head><body>
<header><p>Oak Park Police Department · ${escape(doc.clause)}</p><h1>${escape(doc.title)}</h1><p>${escape(coverage(doc.month, seal))} · generated ${escape(seal.generatedAt)}</p></header>
${sections}
<footer><p>Computed from the audit chain up to record ${seal.auditHead.seq} (SHA-256 ${escape(seal.auditHead.hash)}) and signed by the hub. Check with <code>alpr-hub report verify</code>.</p></footer>
</body></html>
`;
}
