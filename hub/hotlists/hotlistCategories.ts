/**
 * What a hot list may carry (General Order 4.68 I, V.B, IX.2): stolen vehicles and plates, wanted
 * and missing or endangered persons, AMBER alerts, protection orders and, for internal lists,
 * vehicles tied to another felony case. Never immigration, reproductive health care or protected
 * activity (V.C-F): such entries are refused at import and at entry, and counted.
 */
export const HOTLIST_CATEGORIES = ['stolen_vehicle', 'stolen_plate', 'wanted_person', 'missing_person', 'amber', 'protection_order', 'felony_vehicle'] as const;
export type HotlistCategory = (typeof HOTLIST_CATEGORIES)[number];

/**
 * Internal categories whose entries name the offense of their case, gated as a search for it is
 * (V.B): a vehicle tied to a felony, and a person wanted on a warrant, since a warrant can be for
 * anything (a burglary needs the Chief's approval, a traffic warrant is never an ALPR purpose).
 * The other categories are V.B purposes by themselves (stolen vehicles and plates, missing and
 * endangered persons, the protected party of a protection order).
 */
const OFFENSE_NAMED_CATEGORIES: readonly string[] = ['felony_vehicle', 'wanted_person'];

export function namesOffense(category: string): boolean {
  return OFFENSE_NAMED_CATEGORIES.includes(category);
}

/** Categories an import file or a detective may name that the order forbids a list to carry. */
export const PROHIBITED_CATEGORIES = ['immigration', 'reproductive_health', 'protected_activity'] as const;
export type ProhibitedCategory = (typeof PROHIBITED_CATEGORIES)[number];

export function isHotlistCategory(value: string): value is HotlistCategory {
  return (HOTLIST_CATEGORIES as readonly string[]).includes(value);
}

export function isProhibitedCategory(value: string): value is ProhibitedCategory {
  return (PROHIBITED_CATEGORIES as readonly string[]).includes(value);
}

/** Defaults when a source names none: who goes first on an officer's screen and what to do. */
export const CATEGORY_DEFAULTS: Readonly<Record<HotlistCategory, { priority: number; action: string }>> = {
  amber: { priority: 1, action: 'AMBER alert: notify dispatch at once, follow the child abduction protocol' },
  missing_person: { priority: 1, action: 'Missing or endangered person: check welfare, notify dispatch' },
  wanted_person: { priority: 2, action: 'Wanted person: confirm the warrant through LEADS before any stop' },
  protection_order: { priority: 3, action: 'Protection order: confirm through LEADS, check the protected party' },
  stolen_vehicle: { priority: 3, action: 'Stolen vehicle: confirm through LEADS, high-risk stop procedures' },
  stolen_plate: { priority: 4, action: 'Stolen plate: confirm through LEADS; the vehicle may not be the plate\'s' },
  felony_vehicle: { priority: 3, action: 'Vehicle of interest in a felony case: notify the case detective, do not stop on this alert alone' },
};

/** Plate types as NCIC codes them (LIT field), the few the appliance tells apart. */
export const PLATE_TYPES = ['PC', 'TK', 'MC', 'TL', 'CO', 'GV', 'DL', 'PS', ''] as const;
