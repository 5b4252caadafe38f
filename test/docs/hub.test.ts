import t from 'tap';
import { readFile } from 'node:fs/promises';
import { PERMISSION_MATRIX, PERMISSIONS, ROLES } from '../../hub/policy/permissions.js';

t.test('the permission table in docs/hub.md is the matrix in the code', async (t) => {
  const doc = await readFile(new URL('../../docs/hub.md', import.meta.url), 'utf8');
  const header = doc.split('\n').find((l) => l.startsWith('| permission |'))!;
  t.same(header.split('|').slice(2, -1).map((c) => c.trim()), [...ROLES]);
  for (const permission of PERMISSIONS) {
    const row = doc.split('\n').find((l) => l.startsWith(`| ${permission} |`));
    t.ok(row, `${permission} has a row`);
    const cells = row!.split('|').slice(2, -1).map((c) => c.trim() === 'yes');
    t.same(cells, ROLES.map((r) => PERMISSION_MATRIX[r].includes(permission)), permission);
  }
});
