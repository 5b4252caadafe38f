import PDFDocument from 'pdfkit';
import { layoutBars } from './chartLayout.js';
import type { BarChart, ReportDocument, ReportTable } from './reportDocument.js';
import { coverage, type ReportSeal } from './reportSeal.js';

type Pdf = PDFKit.PDFDocument;

const BLUE = '#1f4e79';
const GREY = '#555555';
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const ROW = 15;

const bottom = (pdf: Pdf) => pdf.page.height - MARGIN.bottom;
const width = (pdf: Pdf) => pdf.page.width - MARGIN.left - MARGIN.right;

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

/** A horizontal bar chart drawn as vector shapes (the same layout as the HTML's SVG). */
function drawChart(pdf: Pdf, chart: BarChart): void {
  const bars = layoutBars(chart);
  pdf.font('Helvetica').fontSize(8);
  const labelW = Math.min(160, Math.max(30, ...bars.map((b) => pdf.widthOfString(b.label) + 10)));
  const barW = width(pdf) - labelW - 60;
  ensureRoom(pdf, 22 + Math.min(bars.length, 8) * 12);
  pdf.font('Helvetica-Bold').fontSize(10).fillColor('#000').text(chart.title, MARGIN.left, pdf.y);
  pdf.moveDown(0.3);
  if (bars.length === 0) {
    pdf.font('Helvetica-Oblique').fontSize(9).text('No data.');
    return;
  }
  for (const b of bars) {
    ensureRoom(pdf, 12);
    const y = pdf.y;
    pdf.font('Helvetica').fontSize(8).fillColor('#000').text(b.label, MARGIN.left, y + 1, { width: labelW - 6, align: 'right', lineBreak: false, ellipsis: true });
    const w = Math.max(0, b.fraction * barW);
    if (w > 0) pdf.rect(MARGIN.left + labelW, y, w, 9).fill(BLUE);
    pdf.fillColor('#000').text(b.shown, MARGIN.left + labelW + w + 4, y + 1, { lineBreak: false });
    pdf.x = MARGIN.left;
    pdf.y = y + 12;
  }
  pdf.moveDown(0.6);
}

/**
 * Column widths from the text itself: every column as wide as its widest cell where the page
 * allows; otherwise number and short columns keep theirs and long text shares the rest (and wraps).
 */
function columnWidths(pdf: Pdf, t: ReportTable, numeric: boolean[]): number[] {
  const natural = t.columns.map((c, i) => {
    pdf.font('Helvetica-Bold').fontSize(8);
    let w = pdf.widthOfString(c);
    pdf.font('Helvetica');
    for (const r of t.rows) w = Math.max(w, pdf.widthOfString(cellText(r[i] ?? '')));
    return w + 8;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width(pdf)) return natural.map((w) => (w / total) * width(pdf));
  // Numbers and short codes (an ORI, a site) keep their width; long text shares what is left.
  const keeps = natural.map((w, i) => numeric[i] || w < 70);
  const fixed = natural.reduce((n, w, i) => n + (keeps[i] ? w : 0), 0);
  const text = total - fixed;
  return natural.map((w, i) => (keeps[i] ? w : Math.max(40, (w / text) * (width(pdf) - fixed))));
}

const cellText = (c: string | number) => (typeof c === 'number' ? c.toLocaleString('en-US') : c);

/** A row's height: text wraps within its column and the row grows to the tallest cell. */
function rowHeight(pdf: Pdf, cells: string[], widths: number[], header: boolean): number {
  pdf.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  return Math.max(ROW, ...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 6 }) + 7));
}

function drawRow(pdf: Pdf, cells: string[], widths: number[], header: boolean, numeric: boolean[]): void {
  const height = rowHeight(pdf, cells, widths, header);
  const y = pdf.y;
  if (header) pdf.rect(MARGIN.left, y, width(pdf), height).fill('#e8eef5');
  pdf.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#000');
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    pdf.text(cell, x + 3, y + 4, { width: widths[i]! - 6, align: numeric[i] ? 'right' : 'left' });
    x += widths[i]!;
  });
  pdf.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + width(pdf), y + height).lineWidth(0.5).strokeColor('#cccccc').stroke();
  pdf.x = MARGIN.left;
  pdf.y = y + height;
}

/** A table with its header repeated at the top of each page it runs onto. */
function drawTable(pdf: Pdf, t: ReportTable): void {
  ensureRoom(pdf, 14 + 3 * ROW);
  pdf.font('Helvetica-Bold').fontSize(10).fillColor('#000').text(t.title, MARGIN.left, pdf.y);
  pdf.moveDown(0.2);
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number'));
  const widths = columnWidths(pdf, t, numeric);
  drawRow(pdf, t.columns, widths, true, numeric);
  if (t.rows.length === 0) {
    pdf.font('Helvetica-Oblique').fontSize(8).text(t.empty, MARGIN.left + 3, pdf.y + 4);
  }
  for (const row of t.rows) {
    const cells = row.map(cellText);
    if (pdf.y + rowHeight(pdf, cells, widths, false) > bottom(pdf)) {
      pdf.addPage();
      drawRow(pdf, t.columns, widths, true, numeric);
    }
    drawRow(pdf, cells, widths, false, numeric);
  }
  pdf.moveDown(0.8);
}

/** Header rule and footer (report, audit head, page n of m) on every page, once all pages exist. */
function stampPages(pdf: Pdf, doc: ReportDocument, seal: ReportSeal): void {
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    pdf.font('Helvetica').fontSize(7.5).fillColor(GREY);
    pdf.text(`Oak Park Police Department · ${doc.title} · ${coverage(doc.month, seal)}`, MARGIN.left, 36, { width: width(pdf), lineBreak: false });
    pdf.moveTo(MARGIN.left, 48).lineTo(pdf.page.width - MARGIN.right, 48).lineWidth(1).strokeColor(BLUE).stroke();
    const footer = `Signed by the hub · audit chain record ${seal.auditHead.seq}, SHA-256 ${seal.auditHead.hash.slice(0, 16)}… · verify with: alpr-hub report verify`;
    pdf.text(footer, MARGIN.left, pdf.page.height - 44, { width: width(pdf) - 60, lineBreak: false });
    pdf.text(`page ${i + 1} of ${range.count}`, pdf.page.width - MARGIN.right - 60, pdf.page.height - 44, { width: 60, align: 'right', lineBreak: false });
    pdf.page.margins = margins;
  }
}

/** The report as a PDF: standard fonts only (no font files, nothing downloaded), charts as vector drawing. */
export function renderPdf(doc: ReportDocument, seal: ReportSeal): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'LETTER', margins: MARGIN, bufferPages: true, info: { Title: `${doc.title} ${doc.month}`, Author: 'Oak Park Police Department ALPR hub', Subject: doc.clause } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica').fontSize(10).fillColor(GREY).text(doc.clause);
  pdf.moveDown(0.3);
  pdf.font('Helvetica-Bold').fontSize(20).fillColor(BLUE).text(doc.title);
  pdf.font('Helvetica').fontSize(12).fillColor('#000').text(`${coverage(doc.month, seal)} · generated ${seal.generatedAt.slice(0, 16).replace('T', ' ')} UTC`);
  pdf.moveDown(1);
  for (const s of doc.sections) {
    // A heading never ends a page: it keeps its first lines or its table's first rows.
    ensureRoom(pdf, 110);
    pdf.font('Helvetica-Bold').fontSize(13).fillColor(BLUE).text(s.heading, MARGIN.left, pdf.y);
    pdf.moveTo(MARGIN.left, pdf.y + 1).lineTo(MARGIN.left + width(pdf), pdf.y + 1).lineWidth(0.5).strokeColor('#999999').stroke();
    pdf.moveDown(0.4);
    for (const p of s.paragraphs) {
      pdf.font('Helvetica').fontSize(9.5).fillColor('#000').text(p, MARGIN.left, pdf.y, { width: width(pdf), align: 'left' });
      pdf.moveDown(0.5);
    }
    for (const c of s.charts) drawChart(pdf, c);
    for (const t of s.tables) drawTable(pdf, t);
    pdf.moveDown(0.5);
  }
  stampPages(pdf, doc, seal);
  pdf.end();
  return done;
}
