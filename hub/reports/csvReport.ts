import type { ReportDocument } from './reportDocument.js';

const field = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Every table of the report in one CSV, long format (one cell a line: section, table, row,
 * column, value), so tables of different shapes load into one spreadsheet or data frame.
 */
export function renderCsv(doc: ReportDocument): string {
  const lines = ['section,table,row,column,value'];
  for (const s of doc.sections) {
    for (const t of s.tables) {
      t.rows.forEach((row, r) => row.forEach((cell, c) => lines.push([s.heading, t.title, r + 1, t.columns[c]!, cell].map(field).join(','))));
    }
    for (const chart of s.charts) {
      chart.bars.forEach((b, r) => lines.push([s.heading, chart.title, r + 1, b.label, b.shown ?? b.value].map(field).join(',')));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
