import t from 'tap';
import { createPublicKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../hub/cli.js';
import { signEvidence } from '../../../hub/evidence/evidenceService.js';
import { readPrivateKey } from '../../../sync/index.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { runCli } from '../../helpers/cliRunner.js';
import { tempDir } from '../../helpers/index.js';

const run = (args: string[]) => runCli(main, args);

t.test('alpr-hub evidence verify refuses a file signed with the hub key from the data folder that the audit chain never exported', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  // Any command run on the hub makes its keys and database: the data folder an insider would copy the key from.
  t.equal((await run(['report', 'transparency', '--month', '2026-10', '--data', data, ...audit.args])).code, 0);
  const signingKey = await readPrivateKey(join(data, 'keys', 'hub-sign.pem'));
  const forged = signEvidence({
    format: 'alpr-evidence/1', exportId: '00000000-0000-4000-8000-000000000001', caseNumber: '26-004512', description: 'vehicle at scene two hours after theft',
    exportedBy: { userId: 'u-1', username: 'ofc.garcia', displayName: 'Officer Garcia' }, exportedAt: '2026-10-05T10:00:00.000Z', searchId: 1,
    recipient: { name: 'Officer Garcia', agency: null, ori: null }, reads: [],
  }, { signingKey, verifyKey: createPublicKey(signingKey) });
  const file = join(data, 'export.json');
  await writeFile(file, JSON.stringify(forged));
  const res = await run(['evidence', 'verify', file, '--data', data]);
  t.equal(res.code, 1, res.out + res.err);
  t.match(res.out, /the audit chain records no export 00000000-0000-4000-8000-000000000001/);
  t.match(res.json(), { exportId: '00000000-0000-4000-8000-000000000001', caseNumber: '26-004512', problems: 1 });
  t.match(res.err, /^ALPR_ERR_EVIDENCE_VERIFY/);

  const usage = await run(['evidence', 'verify', '--data', data]);
  t.not(usage.code, 0);
  t.match(usage.err, /ALPR_ERR_USAGE: evidence verify needs the FILE/);
});
