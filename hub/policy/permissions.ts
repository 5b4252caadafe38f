import { AlprError } from '../../core/index.js';

export const ROLES = ['officer', 'dispatcher', 'analyst', 'detective', 'admin', 'auditor', 'chief'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'reads.search', // investigative search, purpose-gated (section IX: officers, dispatchers, analysts; detectives as officers)
  'reads.searchAdministrative', // administrative and audit queries, exempt from the case number (section IX, last paragraph)
  'reads.viewImage', // a plate or context image, a separate audited call (V.H: verify before acting)
  'reads.viewAllHeld', // held reads past the 30 days under any case (VI; others see only their own case's holds)
  'evidence.export', // download a read (or a capped few) for a case; places a hold (VI)
  'felony.request', // ask the Chief to approve an other-felony search (V.B)
  'felony.approve', // the Chief's written approval (V.B)
  'hotlists.manage', // internal hot lists (IX.2: detectives and analysts)
  'hotlists.import', // state and national hot-file imports, and the review of a held import (IV: the system administrator)
  'alerts.respond', // see live hot-list alerts, open their images and record the verification (V.G-H)
  'accounts.manage', // create, deactivate, change role, record training and certifications (IV, VIII, IX)
  'sites.manage', // names and cameras of approved sites, retiring a site (IV)
  'sites.approve', // approving a site or its relocation (V, last paragraph: the Chief)
  'retention.manage', // run the purge, release evidence holds (VI)
  'reviews.manage', // review searches the purpose gate flagged (VII.H)
  'audit.read', // read and verify the audit chain (VII.E)
  'audit.export', // export the audit log (VII.E-G)
  'sharing.register', // record outside agencies and their signed declarations (VII.D; 625 ILCS 5/2-130)
  'sharing.approve', // approve sharing agreements, revoke an agency, decide its reviews (VII.D, VII.I: the Chief)
  'sharing.fileRequest', // answer an outside agency's written request (VII.D: Investigations or Records)
  'sharing.searchPartners', // search partner agencies' hubs (IX.1: officers; IX.2: detectives and analysts as officers)
  'sharing.ledger', // read the sharing ledger (VII.E-F)
  'reports.read', // the monthly user audit, the CPOC report and the transparency data (VII.E-G: the system administrator audits, the Chief reports)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The permission matrix: one row per role, the only place the hub decides who may do what.
 * docs/hub.md prints the same table and test/hub/policy/permissions.test.ts checks every cell.
 */
export const PERMISSION_MATRIX: Readonly<Record<Role, readonly Permission[]>> = {
  officer: ['reads.search', 'reads.viewImage', 'evidence.export', 'felony.request', 'alerts.respond', 'sharing.searchPartners'],
  dispatcher: ['reads.search', 'reads.viewImage', 'alerts.respond'],
  analyst: ['reads.search', 'reads.viewImage', 'evidence.export', 'felony.request', 'hotlists.manage', 'alerts.respond', 'sharing.searchPartners', 'sharing.fileRequest'],
  detective: ['reads.search', 'reads.viewImage', 'evidence.export', 'felony.request', 'hotlists.manage', 'alerts.respond', 'sharing.searchPartners', 'sharing.fileRequest'],
  admin: ['reads.searchAdministrative', 'reads.viewImage', 'accounts.manage', 'sites.manage', 'retention.manage', 'reviews.manage', 'audit.read', 'hotlists.import', 'sharing.register', 'reports.read'],
  auditor: ['reads.searchAdministrative', 'reads.viewImage', 'reads.viewAllHeld', 'audit.read', 'audit.export', 'sharing.ledger', 'reports.read'],
  chief: ['felony.approve', 'sites.approve', 'audit.read', 'sharing.approve', 'sharing.ledger', 'reports.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSION_MATRIX[role].includes(permission);
}

export function requirePermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new AlprError('ALPR_ERR_FORBIDDEN', `the ${role} role does not have the ${permission} permission`, { details: { role, permission } });
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
