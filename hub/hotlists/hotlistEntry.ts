import type { HotlistCategory } from './hotlistCategories.js';

/** One hot-list entry as the hub keeps it. */
export interface HotlistRecord {
  entryId: string;
  /** `ncic`, `leads`, ... for imported lists; `internal` for the department's own. */
  source: string;
  plate: string;
  /** Issuing state, '' when unknown. */
  state: string;
  plateType: string;
  vehicleMake: string;
  vehicleColour: string;
  vehicleType: string;
  priority: number;
  action: string;
  category: HotlistCategory;
  caseNumber: string | null;
  reason: string | null;
  /** NIBRS offense code of a felony_vehicle entry; null for other entries. */
  offense: string | null;
  /** The Chief-approved felony request an entry for a non-violent felony was listed under (V.B); else null. */
  felonyRequestId: string | null;
  enteredBy: string;
  enteredAt: number;
  expiresAt: number | null;
  removed: boolean;
  removedAt: number | null;
  removedReason: string | null;
  changedVersion: number;
}

/** Plates as the recognizer reads them: upper case letters and digits, no spaces or dashes. */
export function normalisePlate(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-.·]/g, '');
}

export const PLATE_PATTERN = /^[A-Z0-9]{2,10}$/;
export const STATE_PATTERN = /^[A-Z]{2}$/;

/** What decides whether an imported entry changed between two extracts. */
export function entryFingerprint(e: Pick<HotlistRecord, 'plate' | 'state' | 'plateType' | 'vehicleMake' | 'vehicleColour' | 'vehicleType' | 'priority' | 'action' | 'category' | 'expiresAt'>): string {
  return [e.plate, e.state, e.plateType, e.vehicleMake, e.vehicleColour, e.vehicleType, e.priority, e.action, e.category, e.expiresAt ?? ''].join('\u001f');
}
