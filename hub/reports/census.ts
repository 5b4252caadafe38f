import { readFile } from 'node:fs/promises';
import { AlprError, errorMessage } from '../../core/index.js';
import { parseCsv } from '../hotlists/csv.js';

/** One census tract in a site's area (docs/reports.md documents the columns). */
export interface CensusTract {
  siteId: string;
  tract: string;
  population: number;
  /** Residents per group, keyed by the column name without its `pop_` prefix. */
  groups: Record<string, number>;
}

export interface CensusTable {
  source: string;
  groups: string[];
  tracts: CensusTract[];
}

const MAX_BYTES = 16 * 1024 * 1024;

function refuse(source: string, message: string, cause?: unknown): never {
  throw new AlprError('ALPR_ERR_CENSUS_TABLE', `census table ${source}: ${message}`, cause === undefined ? {} : { cause });
}

/**
 * The agency's census CSV: `site_id,tract,population,pop_<group>...`, one row per tract in a
 * site's area. Every count is a whole number and the groups of a tract add up to at most its
 * population (groups need not cover everyone: "other" may be left out).
 */
export function parseCensus(csv: string, source: string): CensusTable {
  let records: string[][];
  try {
    records = [...parseCsv(csv)];
  } catch (err) {
    refuse(source, errorMessage(err), err);
  }
  const header = records.shift()?.map((h) => h.trim());
  if (!header || header[0] !== 'site_id' || header[1] !== 'tract' || header[2] !== 'population') refuse(source, 'the header must start site_id,tract,population');
  const groupColumns = header.slice(3);
  if (groupColumns.length === 0 || groupColumns.some((c) => !/^pop_[a-z][a-z0-9_]{0,40}$/.test(c))) refuse(source, 'after population come one or more group columns named pop_<group> (lower case)');
  if (new Set(groupColumns).size !== groupColumns.length) refuse(source, 'a group column appears twice');
  const groups = groupColumns.map((c) => c.slice(4));
  const seen = new Set<string>();
  const tracts = records.map((record, i) => {
    const line = i + 2;
    if (record.length !== header.length) refuse(source, `line ${line} has ${record.length} fields, the header ${header.length}`);
    const [siteId, tract] = [record[0]!.trim(), record[1]!.trim()];
    if (!siteId || !tract) refuse(source, `line ${line}: site_id and tract must not be empty`);
    if (seen.has(`${siteId}\t${tract}`)) refuse(source, `line ${line}: tract ${tract} is listed twice for site ${siteId}`);
    seen.add(`${siteId}\t${tract}`);
    const count = (value: string, column: string) => {
      if (!/^\d{1,9}$/.test(value.trim())) refuse(source, `line ${line}, ${column}: a whole number of residents, not ${JSON.stringify(value)}`);
      return Number(value);
    };
    const population = count(record[2]!, 'population');
    const byGroup = Object.fromEntries(groups.map((g, k) => [g, count(record[3 + k]!, `pop_${g}`)]));
    if (Object.values(byGroup).reduce((a, b) => a + b, 0) > population) refuse(source, `line ${line}: the groups add up to more than the population`);
    return { siteId, tract, population, groups: byGroup };
  });
  if (tracts.length === 0) refuse(source, 'no tracts');
  return { source, groups, tracts };
}

export async function readCensus(path: string): Promise<CensusTable> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_BYTES) refuse(path, `larger than ${MAX_BYTES} bytes`);
    text = buffer.toString('utf8');
  } catch (err) {
    if (err instanceof AlprError) throw err;
    refuse(path, 'cannot be read', err);
  }
  return parseCensus(text, path);
}
