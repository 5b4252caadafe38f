import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPolicyFile } from '../../hub/policyFile.js';
import { tempDir } from '../helpers/index.js';

t.test('a policy file sets caps and adds terms to the screen; mistakes are named and refused', async (t) => {
  const dir = await tempDir(t);
  const good = join(dir, 'policy.yaml');
  await writeFile(good, 'max_results_per_query: 50\nprohibited_terms:\n  traffic enforcement: [jaywalking, parking]\n');
  const policy = await loadPolicyFile(good);
  t.equal(policy.search?.maxResultsPerQuery, 50);
  t.equal(policy.search?.maxQueriesPerHour, 30, 'what is left out keeps its default');
  t.same(policy.prohibitedTerms, { 'traffic enforcement': ['jaywalking', 'parking'] });
  const bad = join(dir, 'bad.yaml');
  await writeFile(bad, 'max_results_per_query: 0\nretention_days: 90\n');
  await t.rejects(loadPolicyFile(bad), { code: 'ALPR_ERR_CONFIG_INVALID', message: /max_results_per_query/ });
  await writeFile(bad, 'max_results_per_query: [');
  await t.rejects(loadPolicyFile(bad), { code: 'ALPR_ERR_CONFIG_PARSE' });
});

t.test('a policy file sets the session cap and how long a felony approval lasts', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'policy.yaml');
  await writeFile(file, 'max_sessions_per_account: 1\nfelony_approval_days: 14\n');
  const policy = await loadPolicyFile(file);
  t.equal(policy.accounts?.maxSessionsPerAccount, 1);
  t.equal(policy.accounts?.sessionLifetimeMs, 12 * 3600_000, 'the 12-hour lifetime is not a policy-file setting');
  t.equal(policy.felonyApprovalValidMs, 14 * 86_400_000);
  await writeFile(file, 'felony_approval_days: 365\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /felony_approval_days/ });
  await writeFile(file, 'max_sessions_per_account: 0\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /max_sessions_per_account/ });
});

t.test('a policy file sets the case number and reference formats and imports the open-case list', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'open-cases.txt'), '# exported from the records system\nOP-2026-00412\nop-2026-00413\n');
  const file = join(dir, 'policy.yaml');
  await writeFile(file, 'case_number_pattern: "OP-\\\\d{4}-\\\\d{5}"\nreference_pattern: "^IAD-\\\\d{4}$"\nopen_cases_file: open-cases.txt\n');
  const { caseNumbers } = await loadPolicyFile(file);
  t.ok(caseNumbers?.casePattern.test('OP-2026-00412'));
  t.notOk(caseNumbers?.casePattern.test('XOP-2026-00412'), 'a pattern is anchored at both ends');
  t.ok(caseNumbers?.referencePattern.test('IAD-0042'));
  t.same([...caseNumbers!.openCases!], ['OP-2026-00412', 'OP-2026-00413'], 'the list is read relative to the policy file, upper-cased');
  await writeFile(file, 'case_number_pattern: "([0-9"\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /case_number_pattern/ });
  await writeFile(file, 'open_cases_file: missing.txt\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_NOT_FOUND', message: /open-case list/ });
});

t.test('the policy file sets how far ahead of the hub a read may be dated; out of range is refused', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'policy.yaml');
  t.equal((await loadPolicyFile(await writeFile(file, 'max_results_per_query: 50\n').then(() => file))).maxFutureSkewMs, 300_000, 'five minutes unless set');
  await writeFile(file, 'max_future_skew_seconds: 120\n');
  t.equal((await loadPolicyFile(file)).maxFutureSkewMs, 120_000);
  await writeFile(file, 'max_future_skew_seconds: 86400\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /max_future_skew_seconds/ });
});

t.test('a policy file sets the reports\' census table, suppression and anomaly hours; a bad time zone is refused', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'policy.yaml');
  await writeFile(file, 'reports:\n  census_file: census.csv\n  suppress_below: 10\n  off_shift: { time_zone: America/New_York, from_hour: 23, to_hour: 5 }\n');
  const policy = await loadPolicyFile(file);
  t.same(policy.reports, {
    suppressBelow: 10, censusFile: join(dir, 'census.csv'),
    anomalies: { distinctPlates: 25, wildcardKnownChars: 4, offShift: { timeZone: 'America/New_York', fromHour: 23, toHour: 5 } },
  }, 'the census file is found beside the policy file; what is left out keeps its default');
  await writeFile(file, 'reports:\n  off_shift: { time_zone: Mars/Olympus, from_hour: 0, to_hour: 6 }\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /off_shift\/time_zone/ });
  await writeFile(file, 'reports:\n  suppress_below: 1\n');
  await t.rejects(loadPolicyFile(file), { code: 'ALPR_ERR_CONFIG_INVALID', message: /suppress_below/ });
});
