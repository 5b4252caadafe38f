import type { ReportDocument } from './reportDocument.js';

/**
 * A spreadsheet reads a cell starting with = + - @ (or a tab or carriage return before one) as a
 * formula: a display name, an agency's name or a partner's stated purpose written as
 * `=HYPERLINK(...)` would run when the auditor opens the file. Such text gets a leading
 * apostrophe (OWASP's advice), so it shows as written; numbers are numbers and stay as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const field = (v: string | number) => {
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
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
