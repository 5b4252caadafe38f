/**
 * The offense a search is for, from a fixed vocabulary: the FBI's NIBRS offense codes (the
 * field's standard, so a search lines up with the case's incident report), plus the two kinds of
 * person searches NIBRS does not count as offenses (NCIC's missing and endangered person files),
 * plus the two uses General Order 4.68 V.E names and forbids, so that choosing one is refused and
 * reviewed rather than mislabelled. Each maps to the section V.B purposes it may be searched under;
 * offenses outside the list (simple assault, disorderly conduct, the Group B misdemeanors) are not
 * ALPR purposes at all.
 */
export type InvestigativePurpose = 'violent_crime' | 'stolen_vehicle' | 'stolen_plate' | 'missing_person' | 'endangered_person' | 'other_felony';

export interface OffenseCategory {
  code: string;
  name: string;
  /** The V.B purposes this offense may be searched under; empty for a prohibited use. */
  purposes: readonly InvestigativePurpose[];
  /** For a use the order forbids: which (V.E). */
  prohibited?: string;
}

const violent = ['violent_crime'] as const;
const felony = ['other_felony'] as const;

export const OFFENSE_CATEGORIES: readonly OffenseCategory[] = [
  // NIBRS Group A, crimes against persons: the violent crimes of V.B
  { code: '09A', name: 'Murder and nonnegligent manslaughter', purposes: violent },
  { code: '09B', name: 'Negligent manslaughter', purposes: violent },
  { code: '100', name: 'Kidnapping/abduction', purposes: ['violent_crime', 'missing_person', 'endangered_person'] },
  { code: '11A', name: 'Rape', purposes: violent },
  { code: '11B', name: 'Sodomy', purposes: violent },
  { code: '11C', name: 'Sexual assault with an object', purposes: violent },
  { code: '11D', name: 'Fondling', purposes: violent },
  { code: '120', name: 'Robbery', purposes: violent },
  { code: '13A', name: 'Aggravated assault', purposes: violent },
  { code: '64A', name: 'Human trafficking, commercial sex acts', purposes: violent },
  { code: '64B', name: 'Human trafficking, involuntary servitude', purposes: violent },
  // vehicles and plates
  { code: '240', name: 'Motor vehicle theft', purposes: ['stolen_vehicle'] },
  { code: '23G', name: 'Theft of motor vehicle parts or accessories (license plates)', purposes: ['stolen_plate'] },
  { code: '280', name: 'Stolen property offenses (a stolen vehicle or plate received or held)', purposes: ['stolen_vehicle', 'stolen_plate'] },
  // other significant felonies: only with the Chief's written approval (V.B)
  { code: '200', name: 'Arson', purposes: felony },
  { code: '210', name: 'Extortion/blackmail', purposes: felony },
  { code: '220', name: 'Burglary/breaking and entering', purposes: felony },
  { code: '23F', name: 'Theft from motor vehicle', purposes: felony },
  { code: '23H', name: 'All other larceny (felony theft)', purposes: felony },
  { code: '250', name: 'Counterfeiting/forgery', purposes: felony },
  { code: '26A', name: 'False pretenses/swindle/confidence game', purposes: felony },
  { code: '26B', name: 'Credit card/automated teller machine fraud', purposes: felony },
  { code: '26C', name: 'Impersonation', purposes: felony },
  { code: '26E', name: 'Wire fraud', purposes: felony },
  { code: '26F', name: 'Identity theft', purposes: felony },
  { code: '270', name: 'Embezzlement', purposes: felony },
  { code: '290', name: 'Destruction/damage/vandalism of property (felony criminal damage)', purposes: felony },
  { code: '35A', name: 'Drug/narcotic violations (manufacture, delivery, trafficking)', purposes: felony },
  { code: '370', name: 'Pornography/obscene material (child sexual abuse material)', purposes: felony },
  { code: '510', name: 'Bribery', purposes: felony },
  { code: '520', name: 'Weapon law violations', purposes: felony },
  { code: '13C', name: 'Intimidation (felony threats)', purposes: felony },
  // person searches that are not offenses (NCIC missing person and endangered person files)
  { code: 'NCIC-MP', name: 'Missing person (not an offense)', purposes: ['missing_person', 'endangered_person'] },
  { code: 'NCIC-EP', name: 'Endangered person: AMBER or Silver alert, suicide risk, welfare (not an offense)', purposes: ['endangered_person', 'missing_person'] },
  // V.E: never
  { code: 'TRAFFIC', name: 'Traffic violation (not a NIBRS offense): prohibited by V.E', purposes: [], prohibited: 'traffic enforcement' },
  { code: 'IMMIGRATION', name: 'Immigration violation (not a NIBRS offense): prohibited by V.E', purposes: [], prohibited: 'immigration enforcement' },
];

export function offenseCategory(code: string): OffenseCategory | undefined {
  return OFFENSE_CATEGORIES.find((o) => o.code === code);
}
