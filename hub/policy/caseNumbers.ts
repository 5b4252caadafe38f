import { AlprError } from '../../core/index.js';

export interface CaseNumberRules {
  /** The agency's case and CAD run number format (the policy file's `case_number_pattern`). */
  casePattern: RegExp;
  /** Personnel complaint, administrative investigation and audit numbers (`reference_pattern`). */
  referencePattern: RegExp;
  /** Cases open now (`open_cases_file`); null when the agency keeps no such list in the hub. */
  openCases: ReadonlySet<string> | null;
}

/**
 * Oak Park's formats: a case report number is the two-digit year and a six-digit serial
 * (26-004512), a CAD run number the same behind "CAD-"; a personnel complaint (PC), internal or
 * administrative investigation (IA) or audit (AUD) number is its prefix, the year and a serial.
 */
export const DEFAULT_CASE_NUMBER_RULES: CaseNumberRules = {
  casePattern: /^(?:CAD-)?\d{2}-\d{6}$/,
  referencePattern: /^(?:PC|IA|AUD)-\d{2}-\d{3,6}$/,
  openCases: null,
};

/**
 * Why a number that fits the pattern is still no number: its serial is all zeros, one repeated
 * digit (1111, 007777), or a straight run (1234, 012345, 9876); or the whole thing is one
 * character repeated. Returns the reason, or null.
 */
export function junkReason(value: string): string | null {
  if (/^(.)\1*$/.test(value.replace(/-/g, ''))) return 'it is one character repeated';
  const serial = (value.match(/\d+/g) ?? []).at(-1) ?? '';
  const significant = serial.replace(/^0+/, '');
  if (serial && !significant) return 'its serial number is all zeros';
  if (significant.length >= 3 && /^(\d)\1+$/.test(significant)) return `its serial number ${serial} is one digit repeated`;
  if (significant.length >= 3) {
    const steps = [...significant].slice(1).map((d, i) => Number(d) - Number(significant[i]));
    if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return `its serial number ${serial} is a run of consecutive digits`;
  }
  return null;
}

/** Section IX: the case or CAD number every investigative query carries, checked, not just present. */
export function checkCaseNumber(rules: CaseNumberRules, caseNumber: string | undefined): string {
  const value = String(caseNumber ?? '').trim().toUpperCase();
  if (!value) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an investigative search needs a case number or CAD run number');
  if (!rules.casePattern.test(value)) {
    throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `case number ${JSON.stringify(value)} is not in this agency's format (${rules.casePattern.source})`);
  }
  const junk = junkReason(value);
  if (junk) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `case number ${value} is not a real case number: ${junk}`);
  if (rules.openCases && !rules.openCases.has(value)) {
    throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `case ${value} is not on the list of open cases; a closed or unknown case cannot be searched`);
  }
  return value;
}

/** Section IX, last paragraph: administrative and audit queries skip the case number, not a reference. */
export function checkReference(rules: CaseNumberRules, reference: string | undefined): string {
  const value = String(reference ?? '').trim().toUpperCase();
  if (!rules.referencePattern.test(value)) {
    throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED',
      `an administrative or audit query needs the personnel complaint, administrative investigation or audit number it serves (format ${rules.referencePattern.source})`);
  }
  const junk = junkReason(value);
  if (junk) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `reference ${value} is not a real reference: ${junk}`);
  return value;
}

/** One case number a line; blank lines and lines starting with # skipped. */
export function parseOpenCases(text: string): Set<string> {
  return new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.toUpperCase()));
}
