import { BarChart, type Bar } from './BarChart.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** "falseHitRatePercent" -> "False hit rate percent": the data's keys as headings. */
export const words = (key: string) => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/**
 * A value the hub stores as a code ("violent_crime", "stop_made") in words ("violent crime"); any
 * other label (a site, a user, an ORI, a date) is shown as it is.
 */
export const codeWords = (label: string) => (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(label) ? label.replace(/_/g, ' ') : label);

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A published figure: a count, or a suppressed count such as "<5" (transparency data). */
const isFigure = (v: Json) => typeof v === 'number' || (typeof v === 'string' && /^<\d+$/.test(v));
const barOf = (label: string, v: Json): Bar => ({ label: codeWords(label), value: typeof v === 'number' ? v : 0, shown: typeof v === 'number' ? v.toLocaleString('en-US') : String(v) });

function text(v: Json): string {
  if (v === null) return '—';
  if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (Array.isArray(v)) return v.map(text).join(', ') || '—';
  if (isObj(v)) return Object.entries(v).map(([k, x]) => `${codeWords(k)}: ${text(x)}`).join(', ') || '—';
  return codeWords(String(v));
}

/** Rows of one label and one figure ({day, reads}) chart as bars; any other rows are a table. */
function chartable(rows: Obj[]): { label: string; value: string } | null {
  const keys = Object.keys(rows[0] ?? {});
  if (keys.length !== 2) return null;
  const label = keys.find((k) => rows.every((r) => typeof r[k] === 'string' && !isFigure(r[k]!)));
  const value = keys.find((k) => rows.every((r) => isFigure(r[k]!)));
  return label && value ? { label, value } : null;
}

/** One level of nested columns ({reads: {share, ratio}}) is spread into "Reads share", "Reads ratio". */
function columnsOf(rows: Obj[]): Array<{ title: string; cell: (r: Obj) => Json }> {
  const columns: Array<{ title: string; cell: (r: Obj) => Json }> = [];
  for (const key of Object.keys(rows[0] ?? {})) {
    const first = rows.find((r) => isObj(r[key]!))?.[key];
    const spread = isObj(first ?? null) && Object.values(first as Obj).every((v) => !isObj(v) && !Array.isArray(v)) && Object.keys(first as Obj).length <= 4;
    if (spread) for (const sub of Object.keys(first as Obj)) columns.push({ title: `${words(key)} ${words(sub).toLowerCase()}`, cell: (r) => (isObj(r[key]!) ? (r[key] as Obj)[sub] ?? null : null) });
    else columns.push({ title: words(key), cell: (r) => r[key] ?? null });
  }
  return columns;
}

function Rows({ title, rows }: { title: string; rows: Json[] }) {
  if (rows.length === 0) return <p class="hint">{title}: none this month.</p>;
  if (!rows.every(isObj)) return <dl class="figures"><dt>{title}</dt><dd>{text(rows)}</dd></dl>;
  const chart = chartable(rows);
  if (chart) return <BarChart title={title} bars={rows.map((r) => barOf(String(r[chart.label]), r[chart.value]!))} />;
  const columns = columnsOf(rows);
  return (
    <div class="results">
      <table>
        <caption class="sr-only">{title}</caption>
        <thead><tr>{columns.map((c) => <th scope="col">{c.title}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr>{columns.map((c) => <td>{text(c.cell(r))}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

/**
 * Part of a report's data (the JSON the report was drawn from): figures as a list, tallies
 * (`byPurpose`, `byOffense`) and per-day series as bar charts, lists of records as tables.
 * Generic on purpose: the monthly, CPOC and transparency data differ, and a field the hub adds
 * later is shown rather than dropped.
 */
export function ReportPart({ title, value, level }: { title: string; value: Json; level: 2 | 3 | 4 }) {
  const Heading = `h${level}` as 'h2';
  if (Array.isArray(value)) return <section class="report-section"><Heading>{title}</Heading><Rows title={title} rows={value} /></section>;
  if (!isObj(value)) return <dl class="figures"><dt>{title}</dt><dd>{text(value)}</dd></dl>;
  const entries = Object.entries(value);
  // A long text (the disparate-impact method) reads as a paragraph, not as a figure.
  const prose = entries.filter(([, v]) => typeof v === 'string' && v.length > 80);
  const figures = entries.filter(([, v]) => !isObj(v) && !Array.isArray(v) && !prose.some(([, p]) => p === v));
  const nested = entries.filter(([, v]) => isObj(v) || Array.isArray(v));
  return (
    <section class="report-section">
      <Heading>{title}</Heading>
      {figures.length > 0 && <dl class="figures">{figures.map(([k, v]) => <><dt>{words(k)}</dt><dd>{text(v)}</dd></>)}</dl>}
      {prose.map(([k, v]) => <p class="report-prose"><strong>{words(k)}.</strong> {String(v)}</p>)}
      {nested.map(([k, v]) => {
        if (/^by[A-Z]/.test(k) && isObj(v) && Object.values(v).every(isFigure)) {
          return <BarChart title={words(k)} bars={Object.entries(v).map(([label, x]) => barOf(label, x))} />;
        }
        return <ReportPart title={words(k)} value={v} level={level < 4 ? ((level + 1) as 3 | 4) : 4} />;
      })}
    </section>
  );
}

export type { Json };
