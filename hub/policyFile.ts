import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import { AlprError } from '../core/index.js';
import { NCIC_MAPPING, parseImportMapping } from './hotlists/importMapping.js';
import { DEFAULT_HUB_POLICY, type HubPolicyOptions } from './hubServices.js';
import { parseOpenCases, type CaseNumberRules } from './policy/caseNumbers.js';
import { loadMapOutline } from './sites/mapOutline.js';
import type { ReportOptions } from './reports/reportContext.js';

/**
 * The department's local policy settings for `alpr-hub serve --policy FILE` (YAML or JSON,
 * snake_case): caps, the session cap, how long a felony approval lasts, extra prohibited terms, the
 * case number and reference formats, the open-case list and the console's map outline. Everything not given keeps the default, which
 * follows General Order 4.68; the 30-day retention and the account rules are not loosened here.
 */
export const PolicyFileSchema = Type.Object({
  max_results_per_query: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Most reads one search returns (default 100).' })),
  max_queries_per_hour: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Searches per account per rolling hour (default 30).' })),
  max_reads_per_export: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Reads one search may give to evidence, over all the exports that cite it (default 10).' })),
  max_exported_reads_per_hour: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Reads one account may export to evidence in an hour (default 30).' })),
  max_sessions_per_account: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Open sessions one account may hold; one more sign-in ends the oldest, audited (default 3).' })),
  felony_approval_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Days an approved other-felony request may be cited (default 30).' })),
  ori: Type.Optional(Type.String({ pattern: '^[A-Z]{2}[A-Z0-9]{7}$', description: 'This department\'s NCIC ORI: partner hubs address their signed requests to it (default IL0160000).' })),
  max_future_skew_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600, description: 'Reads captured more than this far ahead of the hub\'s clock are refused at ingest (default 300).' })),
  prohibited_terms: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 80 }), Type.Array(Type.String({ minLength: 2, maxLength: 80 }), { maxItems: 500 }),
    { description: 'Category -> more terms that refuse a search; they add to the built-in screen (hub/policy/screen/lexicon.ts), never replace it.' })),
  case_number_pattern: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'Regular expression a case or CAD run number must match (default ^(?:CAD-)?\\d{2}-\\d{6}$).' })),
  reference_pattern: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'Regular expression a personnel complaint, administrative investigation or audit number must match (default ^(?:PC|IA|AUD)-\\d{2}-\\d{3,6}$).' })),
  open_cases_file: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'File of open case numbers, one a line (# comments); when set, a search for any other case is refused. Read at start.' })),
  map_outline_file: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'GeoJSON outline (streets, boundary) the console draws the sites over, since no map tiles are fetched (docs/hub.md). Read at start.' })),
  hotlists: Type.Optional(Type.Object({
    internal_default_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Expiry of an internal hot-list entry when none is given (default 30).' })),
    internal_max_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Longest expiry a detective or analyst may set (default 90).' })),
    sources: Type.Optional(Type.Array(Type.Object({
      location: Type.String({ minLength: 1, description: 'Drop-folder file path or http(s) URL of the extract.' }),
      every_minutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'How often it is imported.' }),
      mapping: Type.Optional(Type.Unknown({ description: 'Column mapping (docs/hotlists.md); NCIC/LEADS field codes when omitted.' })),
    }, { additionalProperties: false }), { maxItems: 20 })),
  }, { additionalProperties: false, description: 'Hot lists (docs/hotlists.md).' })),
  reports: Type.Optional(Type.Object({
    census_file: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'The agency\'s census CSV for the disparate-impact section (docs/reports.md); read when a report is made.' })),
    suppress_below: Type.Optional(Type.Integer({ minimum: 2, maximum: 100, description: 'Transparency data: counts from 1 to this minus one are published as "<N" (default 5).' })),
    anomaly_distinct_plates: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'A user searching more distinct plates than this in a month is listed (default 25).' })),
    anomaly_wildcard_known_chars: Type.Optional(Type.Integer({ minimum: 3, maximum: 8, description: 'Wildcards with fewer known characters are "sweeping" (default 4).' })),
    off_shift: Type.Optional(Type.Object({
      time_zone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone of the hours (default America/Chicago).' }),
      from_hour: Type.Integer({ minimum: 0, maximum: 23 }), to_hour: Type.Integer({ minimum: 0, maximum: 23 }),
    }, { additionalProperties: false, description: 'Searches in these local hours are listed as off-shift (default 0 to 6).' })),
  }, { additionalProperties: false, description: 'The oversight reports (docs/reports.md).' })),
}, { additionalProperties: false });

export type PolicyFile = Static<typeof PolicyFileSchema>;

export async function loadPolicyFile(path: string): Promise<Partial<HubPolicyOptions>> {
  let raw: unknown;
  try {
    raw = parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_PARSE', `policy file ${path} cannot be read as YAML or JSON`, { cause });
  }
  const problems = [...Value.Errors(PolicyFileSchema, raw ?? {})].map((e) => `${e.path || '/'}: ${e.message}`);
  if (problems.length) throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid policy file ${path}:\n  ${problems.join('\n  ')}`);
  const p = (raw ?? {}) as PolicyFile;
  const search = DEFAULT_HUB_POLICY.search;
  const rules = DEFAULT_HUB_POLICY.caseNumbers;
  const caseNumbers: CaseNumberRules = {
    casePattern: p.case_number_pattern === undefined ? rules.casePattern : compilePattern(path, 'case_number_pattern', p.case_number_pattern),
    referencePattern: p.reference_pattern === undefined ? rules.referencePattern : compilePattern(path, 'reference_pattern', p.reference_pattern),
    openCases: p.open_cases_file === undefined ? null : await readOpenCases(resolve(dirname(path), p.open_cases_file)),
  };
  return {
    search: { ...search, maxResultsPerQuery: p.max_results_per_query ?? search.maxResultsPerQuery, maxQueriesPerHour: p.max_queries_per_hour ?? search.maxQueriesPerHour },
    maxReadsPerExport: p.max_reads_per_export ?? DEFAULT_HUB_POLICY.maxReadsPerExport,
    maxExportedReadsPerHour: p.max_exported_reads_per_hour ?? DEFAULT_HUB_POLICY.maxExportedReadsPerHour,
    accounts: { ...DEFAULT_HUB_POLICY.accounts, maxSessionsPerAccount: p.max_sessions_per_account ?? DEFAULT_HUB_POLICY.accounts.maxSessionsPerAccount },
    felonyApprovalValidMs: p.felony_approval_days === undefined ? DEFAULT_HUB_POLICY.felonyApprovalValidMs : p.felony_approval_days * 86_400_000,
    ori: p.ori ?? DEFAULT_HUB_POLICY.ori,
    maxFutureSkewMs: p.max_future_skew_seconds === undefined ? DEFAULT_HUB_POLICY.maxFutureSkewMs : p.max_future_skew_seconds * 1000,
    ...(p.prohibited_terms ? { prohibitedTerms: p.prohibited_terms } : {}),
    hotlists: {
      ...DEFAULT_HUB_POLICY.hotlists,
      internalDefaultDays: p.hotlists?.internal_default_days ?? DEFAULT_HUB_POLICY.hotlists.internalDefaultDays,
      internalMaxDays: p.hotlists?.internal_max_days ?? DEFAULT_HUB_POLICY.hotlists.internalMaxDays,
      sources: (p.hotlists?.sources ?? []).map((s) => ({ location: s.location, everyMinutes: s.every_minutes, mapping: s.mapping === undefined ? NCIC_MAPPING : parseImportMapping(s.mapping) })),
    },
    caseNumbers,
    reports: reportOptions(path, p.reports),
    mapOutline: p.map_outline_file === undefined ? DEFAULT_HUB_POLICY.mapOutline : await loadMapOutline(resolve(dirname(path), p.map_outline_file)),
  };
}

function reportOptions(path: string, r: PolicyFile['reports']): ReportOptions {
  const d = DEFAULT_HUB_POLICY.reports;
  const offShift = r?.off_shift ? { timeZone: r.off_shift.time_zone, fromHour: r.off_shift.from_hour, toHour: r.off_shift.to_hour } : d.anomalies.offShift;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: offShift.timeZone });
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid policy file ${path}:\n  /reports/off_shift/time_zone: not an IANA time zone`, { cause });
  }
  return {
    suppressBelow: r?.suppress_below ?? d.suppressBelow,
    censusFile: r?.census_file === undefined ? d.censusFile : resolve(dirname(path), r.census_file),
    anomalies: { distinctPlates: r?.anomaly_distinct_plates ?? d.anomalies.distinctPlates, wildcardKnownChars: r?.anomaly_wildcard_known_chars ?? d.anomalies.wildcardKnownChars, offShift },
  };
}

/** A pattern from the file, anchored whole (a pattern that matches part of a number would let junk around it through). */
function compilePattern(path: string, key: string, source: string): RegExp {
  try {
    return new RegExp(`^(?:${source.replace(/^\^/, '').replace(/\$$/, '')})$`);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid policy file ${path}:\n  /${key}: not a regular expression`, { cause });
  }
}

async function readOpenCases(file: string): Promise<Set<string>> {
  try {
    return parseOpenCases(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_NOT_FOUND', `open-case list ${file} cannot be read`, { cause });
  }
}
