/**
 * What a report says, independent of its format: the HTML page, the PDF and the CSV are all
 * rendered from one document, so they cannot tell the committee different things.
 */
export const REPORT_KINDS = ['monthly', 'cpoc', 'transparency'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type Cell = string | number;

export interface ReportTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Said under the table when it has no rows ("No outside agency searched ..."). */
  empty: string;
}

export interface BarChart {
  title: string;
  /** `shown` replaces the number printed beside a bar (a suppressed count reads "<5" and draws no bar). */
  bars: Array<{ label: string; value: number; shown?: string }>;
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  charts: BarChart[];
  tables: ReportTable[];
}

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  month: string;
  /** The policy clause the report answers, e.g. "General Order 4.68 VII.E". */
  clause: string;
  sections: ReportSection[];
}

export function section(heading: string, parts: Partial<Omit<ReportSection, 'heading'>>): ReportSection {
  return { heading, paragraphs: parts.paragraphs ?? [], charts: parts.charts ?? [], tables: parts.tables ?? [] };
}

/** "1 search", "2 searches": figures in sentences. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
