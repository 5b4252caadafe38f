import { AlprError } from '../../core/index.js';
import { checkCaseNumber, checkReference, DEFAULT_CASE_NUMBER_RULES, type CaseNumberRules } from './caseNumbers.js';
import { offenseCategory, type InvestigativePurpose } from './offenses.js';
import type { Role } from './permissions.js';
import { PurposeScreen, type ScreenFinding } from './screen/purposeScreen.js';

/** Section V.B: what ALPR data may be searched for. */
export const INVESTIGATIVE_PURPOSES = ['violent_crime', 'stolen_vehicle', 'stolen_plate', 'missing_person', 'endangered_person', 'other_felony'] as const satisfies readonly InvestigativePurpose[];
/** Section IX, last paragraph: exempt from the case number, and only for admin and auditor roles. */
export const ADMINISTRATIVE_PURPOSES = ['administrative', 'audit'] as const;
export const PURPOSES = [...INVESTIGATIVE_PURPOSES, ...ADMINISTRATIVE_PURPOSES] as const;
export type Purpose = (typeof PURPOSES)[number];
/** What the audit record says a search was, so reports can list administrative and audit queries apart. */
export type PurposeKind = 'investigative' | 'administrative' | 'audit';

export interface StatedPurpose {
  purpose: Purpose;
  /** NIBRS offense code (hub/policy/offenses.ts), required for investigative purposes. */
  offense?: string;
  /** Case number or CAD run number (required for investigative purposes). */
  caseNumber?: string;
  /** Personnel complaint, administrative investigation or audit number (required for administrative and audit queries). */
  reference?: string;
  description: string;
  /** For `other_felony`: the written request the Chief approved in the hub. */
  felonyRequestId?: string;
}

export interface GateDecision {
  /** The prohibited uses found: a prohibited offense category, or what the screen read in the text. */
  prohibited: ScreenFinding[];
}

export function purposeKind(purpose: Purpose): PurposeKind {
  return purpose === 'administrative' || purpose === 'audit' ? purpose : 'investigative';
}

/**
 * The purpose gate every search passes (General Order 4.68 V.B-F, IX). The structured part is the
 * primary control: an offense category from a fixed vocabulary that must allow the stated purpose,
 * a case number in the agency's format (and open, where the hub has the list), or for an
 * administrative query a complaint or audit reference. The description is still required and is
 * screened for prohibited uses as a second line of defence.
 */
export class PurposeGate {
  private readonly screener: PurposeScreen;

  constructor(private readonly options: { extraTerms?: Readonly<Record<string, readonly string[]>>; caseNumbers?: CaseNumberRules } = {}) {
    this.screener = new PurposeScreen(options.extraTerms ?? {});
  }

  private get rules(): CaseNumberRules {
    return this.options.caseNumbers ?? DEFAULT_CASE_NUMBER_RULES;
  }

  /**
   * Structural checks: purpose allowed for the role, offense category allowing it, case number or
   * reference, description. Throws ALPR_ERR_PURPOSE_REQUIRED for what is missing or malformed and
   * returns the normalised case number or reference; a prohibited offense category is not thrown
   * here but returned by `screen`, so the caller can audit, suspend and flag it.
   */
  checkShape(role: Role, stated: StatedPurpose): { caseNumber?: string; reference?: string } {
    const { purpose } = stated;
    if (!(PURPOSES as readonly string[]).includes(purpose)) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `purpose must be one of ${PURPOSES.join(', ')}`);
    }
    const administrative = purposeKind(purpose) !== 'investigative';
    if (administrative && role !== 'admin' && role !== 'auditor') {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `the ${purpose} purpose is reserved for admin and auditor roles; state a case or CAD number and an investigative purpose`);
    }
    if (!administrative && (role === 'admin' || role === 'auditor')) {
      throw new AlprError('ALPR_ERR_FORBIDDEN', `the ${role} role may run administrative and audit queries only`);
    }
    if (typeof stated.description !== 'string' || stated.description.trim().length < 10) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'describe why the search is needed (at least 10 characters)');
    }
    if (administrative) {
      if (stated.offense !== undefined || stated.caseNumber !== undefined) {
        throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an administrative or audit query cites a complaint or audit reference, not an offense or case number');
      }
      return { reference: checkReference(this.rules, stated.reference) };
    }
    if (stated.reference !== undefined) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an investigative search cites a case number, not an administrative reference');
    const offense = offenseCategory(String(stated.offense ?? ''));
    if (!offense) throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'offense: the NIBRS offense code of the case (see GET /api/v1/offenses)');
    if (!offense.prohibited && !(offense.purposes as readonly string[]).includes(purpose)) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `offense ${offense.code} (${offense.name}) may be searched only as ${offense.purposes.join(' or ')}`
        + (offense.purposes.includes('other_felony') ? ', with a written request the Chief approved' : ''));
    }
    const caseNumber = checkCaseNumber(this.rules, stated.caseNumber);
    if (purpose === 'other_felony' && !stated.felonyRequestId) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an other-felony search needs the id of a written request the Chief approved');
    }
    return { caseNumber };
  }

  /**
   * A case or CAD run number in the agency's format, not junk, and open where the hub has the list
   * (ALPR_ERR_PURPOSE_REQUIRED otherwise): for what else cites a case (hot-list entries, felony
   * requests), as a search does. Returns it normalised.
   */
  checkCaseNumber(caseNumber: string | undefined): string {
    return checkCaseNumber(this.rules, caseNumber);
  }

  /** A prohibited offense category, then the screen over everything the user wrote. */
  screen(stated: StatedPurpose): GateDecision {
    const offense = stated.offense === undefined ? undefined : offenseCategory(stated.offense);
    const prohibited: ScreenFinding[] = offense?.prohibited ? [{ category: offense.prohibited, term: `offense ${offense.code}`, matched: offense.name }] : [];
    for (const finding of this.screener.screen(`${stated.description} ${stated.caseNumber ?? ''} ${stated.reference ?? ''}`)) {
      if (!prohibited.some((p) => p.category === finding.category)) prohibited.push(finding);
    }
    return { prohibited };
  }

  static refusalMessage(decision: GateDecision): string {
    const categories = [...new Set(decision.prohibited.map((p) => p.category))];
    return `General Order 4.68 prohibits using ALPR data for ${categories.join(' or ')} (matched: ${decision.prohibited.map((p) => `"${p.matched}"`).join(', ')}). `
      + 'The search was refused and recorded in the audit log; this account\'s search access is suspended until a supervisor reviews it.';
  }
}
