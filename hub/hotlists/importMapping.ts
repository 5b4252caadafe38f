import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AlprError } from '../../core/index.js';

/**
 * How the columns of a state or national hot-file extract map onto hot-list entries. The default
 * below reads the NCIC/LEADS field codes (docs/hotlists.md); an agency whose extract differs
 * writes its own mapping file. Written once: TypeBox gives both the type and the validator.
 */
export const ImportMappingSchema = Type.Object({
  source: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,31}$', description: 'Name of the list source; entry ids are `<source>:<record id>`.' }),
  columns: Type.Object({
    recordId: Type.String({ description: 'Column with the source\'s own record id (NCIC: NIC), stable across extracts.' }),
    file: Type.String({ description: 'Column naming the file or list type the record comes from (mapped through `categories`).' }),
    plate: Type.String({ description: 'Plate number (NCIC: LIC).' }),
    state: Type.String({ description: 'Plate issuing state (NCIC: LIS); empty or "UN" when unknown.' }),
    plateType: Type.Optional(Type.String({ description: 'Plate type (NCIC: LIT).' })),
    make: Type.Optional(Type.String({ description: 'Vehicle make (NCIC: VMA).' })),
    colour: Type.Optional(Type.String({ description: 'Vehicle colour (NCIC: VCO).' })),
    vehicleType: Type.Optional(Type.String({ description: 'Vehicle style (NCIC: VST).' })),
    expires: Type.Optional(Type.String({ description: 'Expiry date of the record, YYYYMMDD or ISO 8601; empty when none.' })),
    action: Type.Optional(Type.String({ description: 'Caution or action text for the officer (NCIC: MIS).' })),
  }, { additionalProperties: false }),
  categories: Type.Record(Type.String(), Type.String(), { description: 'Value of the `file` column -> hot-list category, or a prohibited category (immigration, reproductive_health, protected_activity) to refuse and count. Unmapped values are refused as not allowed.' }),
  maxDropShare: Type.Number({ minimum: 0, maximum: 1, default: 0.2, description: 'An import that would remove more than this share of the source\'s live entries is held for review instead of applied.' }),
}, { additionalProperties: false });

export type ImportMapping = Static<typeof ImportMappingSchema>;

/** NCIC/LEADS hot-file extract (test/fixtures/hotlists/leads-extract.csv is an example). */
export const NCIC_MAPPING: ImportMapping = {
  source: 'ncic',
  columns: { recordId: 'NIC', file: 'FILE', plate: 'LIC', state: 'LIS', plateType: 'LIT', make: 'VMA', colour: 'VCO', vehicleType: 'VST', expires: 'EXP', action: 'MIS' },
  categories: {
    VEH: 'stolen_vehicle', LIC: 'stolen_plate', WNT: 'wanted_person', MIS: 'missing_person', AMB: 'amber', POF: 'protection_order',
    IVF: 'immigration', // NCIC's Immigration Violator File: the order forbids immigration enforcement (V.E)
  },
  maxDropShare: 0.2,
};

export function parseImportMapping(value: unknown): ImportMapping {
  const withDefaults = Value.Default(ImportMappingSchema, structuredClone(value));
  if (!Value.Check(ImportMappingSchema, withDefaults)) {
    const problems = [...Value.Errors(ImportMappingSchema, withDefaults)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
    throw new AlprError('ALPR_ERR_INVALID_INPUT', `hot-list import mapping is invalid: ${problems.join('; ')}`);
  }
  // Internal entries (IX.2) are entered by detectives and analysts one by one, each with a case
  // number, a screened reason and an expiry. An import diffs against its source's live entries, so
  // a mapping named 'internal' would remove every case entry the file does not list, and one that
  // files rows as felony_vehicle would list plates for a case nobody named.
  if (withDefaults.source === INTERNAL_SOURCE) throw new AlprError('ALPR_ERR_INVALID_INPUT', `hot-list import mapping is invalid: /source: '${INTERNAL_SOURCE}' is the detectives' own list, never an import`);
  const internalOnly = Object.entries(withDefaults.categories).filter(([, category]) => category === 'felony_vehicle').map(([file]) => file);
  if (internalOnly.length > 0) throw new AlprError('ALPR_ERR_INVALID_INPUT', `hot-list import mapping is invalid: /categories: felony_vehicle entries are internal (a case number and a reason each), not imported (${internalOnly.slice(0, 5).join(', ')})`);
  return withDefaults;
}

/** The source of entries made through POST /api/v1/hotlists/entries. */
export const INTERNAL_SOURCE = 'internal';
