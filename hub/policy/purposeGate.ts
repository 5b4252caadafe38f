import { AlprError } from '../../core/index.js';
import type { Role } from './permissions.js';

/** Section V.B: what ALPR data may be searched for. */
export const INVESTIGATIVE_PURPOSES = ['violent_crime', 'stolen_vehicle', 'stolen_plate', 'missing_person', 'endangered_person', 'other_felony'] as const;
/** Section IX, last paragraph: exempt from the case number, and only for admin and auditor roles. */
export const ADMINISTRATIVE_PURPOSES = ['administrative', 'audit'] as const;
export const PURPOSES = [...INVESTIGATIVE_PURPOSES, ...ADMINISTRATIVE_PURPOSES] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface StatedPurpose {
  purpose: Purpose;
  /** Case number or CAD run number (required for investigative purposes). */
  caseNumber?: string;
  description: string;
  /** For `other_felony`: the written request the Chief approved in the hub. */
  felonyRequestId?: string;
}

/**
 * Terms that point to uses the order prohibits. Matched on word starts in the lower-cased
 * description and case number, so "deport" also catches "deportation". Sites can replace the
 * list in config; these defaults cover the order's own words.
 */
export const DEFAULT_PROHIBITED_TERMS: Readonly<Record<string, readonly string[]>> = {
  // V.E
  'traffic enforcement': ['traffic', 'speeding', 'speed camera', 'red light', 'parking', 'moving violation', 'expired registration', 'expired plate',
    'expired tag', 'unpaid ticket', 'citation', 'toll', 'seatbelt', 'seat belt', 'failure to yield', 'illegal turn', 'tailgat'],
  'immigration enforcement': ['immigration', 'immigrant', 'ice detainer', 'ice warrant', 'ice request', 'deport', 'undocumented', 'illegal alien',
    'visa overstay', 'overstay', 'border patrol', 'citizenship', 'removal order', 'green card', 'dhs hold'],
  // V.F
  'reproductive health care': ['abortion', 'reproductive', 'planned parenthood', 'family planning', 'pregnan', 'miscarriage', 'contracepti',
    'fertility clinic', 'ivf', 'gender-affirming', 'gender affirming'],
  // V.C
  'protected activity or class': ['protest', 'demonstration', 'rally', 'religio', 'mosque', 'church', 'synagogue', 'temple', 'political',
    'union meeting', 'ethnicity', 'race of', 'sexual orientation', 'gender identity', 'lawful assembly'],
};

export interface GateDecision {
  /** The prohibited categories the text matched; empty when the purpose is allowed. */
  prohibited: Array<{ category: string; term: string }>;
}

const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/;

/**
 * The purpose gate every search passes (General Order 4.68 V.B-F, IX). `check` throws
 * ALPR_ERR_PURPOSE_REQUIRED for what is missing, and returns the prohibited terms it found so the
 * caller can audit and flag the refusal before throwing ALPR_ERR_PURPOSE_PROHIBITED.
 */
export class PurposeGate {
  private readonly matchers: Array<{ category: string; term: string; regex: RegExp }>;

  constructor(terms: Readonly<Record<string, readonly string[]>> = DEFAULT_PROHIBITED_TERMS) {
    this.matchers = Object.entries(terms).flatMap(([category, list]) =>
      list.map((term) => ({ category, term, regex: new RegExp(`(^|[^a-z0-9])${term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })));
  }

  /** Structural checks: purpose allowed for the role, case number and description present. */
  checkShape(role: Role, stated: StatedPurpose): void {
    const { purpose } = stated;
    if (!(PURPOSES as readonly string[]).includes(purpose)) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `purpose must be one of ${PURPOSES.join(', ')}`);
    }
    const administrative = (ADMINISTRATIVE_PURPOSES as readonly string[]).includes(purpose);
    if (administrative && role !== 'admin' && role !== 'auditor') {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', `the ${purpose} purpose is reserved for admin and auditor roles; state a case or CAD number and an investigative purpose`);
    }
    if (!administrative && (role === 'admin' || role === 'auditor')) {
      throw new AlprError('ALPR_ERR_FORBIDDEN', `the ${role} role may run administrative and audit queries only`);
    }
    if (!administrative && !(stated.caseNumber && CASE_NUMBER.test(stated.caseNumber))) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an investigative search needs a case number or CAD run number (4-32 letters, digits or dashes)');
    }
    if (typeof stated.description !== 'string' || stated.description.trim().length < 10) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'describe why the search is needed (at least 10 characters)');
    }
    if (purpose === 'other_felony' && !stated.felonyRequestId) {
      throw new AlprError('ALPR_ERR_PURPOSE_REQUIRED', 'an other-felony search needs the id of a written request the Chief approved');
    }
  }

  /** Term screening of everything the user wrote. */
  screen(stated: StatedPurpose): GateDecision {
    const text = ` ${stated.description} ${stated.caseNumber ?? ''} `.toLowerCase();
    const prohibited = this.matchers.filter((m) => m.regex.test(text)).map(({ category, term }) => ({ category, term }));
    return { prohibited };
  }

  static refusalMessage(decision: GateDecision): string {
    const categories = [...new Set(decision.prohibited.map((p) => p.category))];
    return `General Order 4.68 prohibits using ALPR data for ${categories.join(' or ')} (matched: ${decision.prohibited.map((p) => `"${p.term}"`).join(', ')}). `
      + 'The search was refused, recorded in the audit log and flagged for review by an administrator.';
  }
}
