import t from 'tap';
import { can, PERMISSION_MATRIX, PERMISSIONS, requirePermission, ROLES, type Permission, type Role } from '../../../hub/policy/permissions.js';

/**
 * The expected matrix written out cell by cell from General Order 4.68 section IX and issue #5.
 * A change to the code's matrix must be made here too, on purpose.
 */
const Y = true;
const n = false;
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  //                            officer dispatcher analyst detective admin auditor chief
  'reads.search':               { officer: Y, dispatcher: Y, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'reads.searchAdministrative': { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: Y, chief: n },
  'reads.viewImage':            { officer: Y, dispatcher: Y, analyst: Y, detective: Y, admin: Y, auditor: Y, chief: n },
  'reads.viewAllHeld':          { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: Y, chief: n },
  'evidence.export':            { officer: Y, dispatcher: n, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'felony.request':             { officer: Y, dispatcher: n, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'felony.approve':             { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: n, chief: Y },
  'hotlists.manage':            { officer: n, dispatcher: n, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'hotlists.import':            { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'alerts.respond':             { officer: Y, dispatcher: Y, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'accounts.manage':            { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'sites.manage':               { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'sites.approve':              { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: n, chief: Y },
  'retention.manage':           { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'reviews.manage':             { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'audit.read':                 { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: Y, chief: Y },
  'audit.export':               { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: Y, chief: n },
  'sharing.register':           { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: n, chief: n },
  'sharing.approve':            { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: n, chief: Y },
  'sharing.fileRequest':        { officer: n, dispatcher: n, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'sharing.searchPartners':     { officer: Y, dispatcher: n, analyst: Y, detective: Y, admin: n, auditor: n, chief: n },
  'sharing.ledger':             { officer: n, dispatcher: n, analyst: n, detective: n, admin: n, auditor: Y, chief: Y },
  'reports.read':               { officer: n, dispatcher: n, analyst: n, detective: n, admin: Y, auditor: Y, chief: Y },
};

t.test('every cell of the permission matrix is as the order says', async (t) => {
  t.same(Object.keys(EXPECTED).sort(), [...PERMISSIONS].sort(), 'the expected table covers every permission');
  for (const permission of PERMISSIONS) {
    for (const role of ROLES) {
      t.equal(can(role, permission), EXPECTED[permission][role], `${role} ${EXPECTED[permission][role] ? 'may' : 'may not'} ${permission}`);
    }
  }
});

t.test('a missing permission is a typed refusal naming role and permission', async (t) => {
  t.throws(() => requirePermission('dispatcher', 'evidence.export'), { code: 'ALPR_ERR_FORBIDDEN', message: /dispatcher.*evidence\.export/ });
  t.doesNotThrow(() => requirePermission('chief', 'sites.approve'));
  t.ok(Object.isFrozen(PERMISSION_MATRIX) || ROLES.every((r) => Array.isArray(PERMISSION_MATRIX[r])));
});
