import t from 'tap';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../hub/cli.js';
import { auditFiles } from '../../helpers/auditFiles.js';
import { runCli } from '../../helpers/cliRunner.js';
import { tempDir } from '../../helpers/index.js';

const run = (args: string[]) => runCli(main, args);

t.test('alpr-hub report writes a signed month\'s report into the data folder, and report verify checks it', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  const made = await run(['report', 'transparency', '--month', '2026-10', '--data', data, ...audit.args]);
  t.equal(made.code, 0, made.err);
  const printed = made.json();
  t.equal(printed.manifest, join(data, 'reports', '2026-10', 'transparency-2026-10.manifest.json'));
  t.same((await readdir(join(data, 'reports', '2026-10'))).sort(), ['transparency-2026-10.csv', 'transparency-2026-10.html', 'transparency-2026-10.json', 'transparency-2026-10.manifest.json', 'transparency-2026-10.pdf']);
  const again = await run(['report', 'transparency', '--month', '2026-10', '--data', data, ...audit.args]);
  t.equal(again.code, 0, again.err);
  t.equal(again.json().generatedAt, JSON.parse(await readFile(printed.manifest, 'utf8')).generatedAt, 'run again, it keeps the month\'s report rather than signing a second one over it');

  const ok = await run(['report', 'verify', printed.files.pdf, '--data', data]);
  t.equal(ok.code, 0, ok.out + ok.err);
  t.match(ok.json(), { kind: 'transparency', month: '2026-10', problems: 0, files: 4 });

  await appendFile(printed.files.csv, 'x,y,1,z,999\r\n');
  const tampered = await run(['report', 'verify', printed.files.csv, '--data', data]);
  t.equal(tampered.code, 1);
  t.match(tampered.out, /transparency-2026-10\.csv was changed after the report was signed/);
  t.match(tampered.err, /^ALPR_ERR_REPORT_VERIFY/);

  const other = await tempDir(t);
  const otherAudit = await auditFiles(t);
  t.equal((await run(['report', 'monthly', '--month', '2026-10', '--data', other, ...otherAudit.args])).code, 0);
  const foreign = await run(['report', 'verify', printed.manifest, '--data', other]);
  t.equal(foreign.code, 1, 'another hub\'s key does not verify this hub\'s report');
  t.match(foreign.out, /signature does not verify/);
});

t.test('alpr-hub report refuses bad usage before touching anything', async (t) => {
  const data = await tempDir(t);
  const audit = await auditFiles(t);
  for (const args of [['report', 'weekly', '--month', '2026-10'], ['report', 'monthly'], ['report', 'monthly', '--month', '2026-13'], ['report', 'monthly', '--month', 'last'], ['report', 'verify']]) {
    const r = await run([...args, '--data', data, ...audit.args]);
    t.equal(r.code, 64, `${args.join(' ')}: ${r.err.trim()}`);
  }
  t.same(await readdir(data), [], 'no keys, database or reports were made');
  t.equal((await run(['report', 'verify', join(data, 'notes.txt'), '--data', data])).code, 64);
});
