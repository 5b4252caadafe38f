import t from 'tap';
import { checkCaseNumber, checkReference, DEFAULT_CASE_NUMBER_RULES, junkReason, parseOpenCases } from '../../../hub/policy/caseNumbers.js';

t.test('a number that fits the format but carries no case is named for what it is', async (t) => {
  t.match(junkReason('0000'), /one character repeated/);
  t.match(junkReason('26-000000'), /all zeros/);
  t.match(junkReason('26-001111'), /one digit repeated/);
  t.match(junkReason('26-012345'), /consecutive digits/);
  t.match(junkReason('26-987654'), /consecutive digits/);
  t.equal(junkReason('26-004512'), null);
  t.equal(junkReason('26-000010'), null, 'a low serial early in the year is a real case');
});

t.test('case numbers follow the agency format, are upper-cased, and must be open where a list is kept', async (t) => {
  t.equal(checkCaseNumber(DEFAULT_CASE_NUMBER_RULES, ' cad-26-018342 '), 'CAD-26-018342');
  t.throws(() => checkCaseNumber(DEFAULT_CASE_NUMBER_RULES, '2026-4512'), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not in this agency's format/ });
  t.throws(() => checkCaseNumber(DEFAULT_CASE_NUMBER_RULES, '26-123456'), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a real case number/ });
  const rules = { ...DEFAULT_CASE_NUMBER_RULES, openCases: parseOpenCases('26-004512\n') };
  t.equal(checkCaseNumber(rules, '26-004512'), '26-004512');
  t.throws(() => checkCaseNumber(rules, '26-004513'), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not on the list of open cases/ });
  t.equal(checkReference(DEFAULT_CASE_NUMBER_RULES, 'ia-26-0031'), 'IA-26-0031');
  t.throws(() => checkReference(DEFAULT_CASE_NUMBER_RULES, 'AUD-26-1111'), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a real reference/ });
});
