import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, EXIT, errorMessage, exitCodeFor } from '../core/index.js';
import { targetFor } from './arch.js';
import { buildPackage } from './buildPackage.js';
import { exec } from './exec.js';

const USAGE = 'usage: npm run package -- --arch arm64|x64 [--out DIR] [--version X.Y.Z]   (docs/install.md)';
const REPO = resolve(new URL('..', import.meta.url).pathname);

/** SOURCE_DATE_EPOCH when set, else the time of the commit being built: two builds of one commit get the same times. */
async function sourceDateEpoch(): Promise<number> {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined) {
    if (!/^\d+$/.test(fromEnv)) throw new AlprError('ALPR_ERR_USAGE', `SOURCE_DATE_EPOCH=${fromEnv}: expected whole seconds since 1970`);
    return Number(fromEnv);
  }
  return Number((await exec('git', ['log', '-1', '--format=%ct'], { cwd: REPO })).trim());
}

/** `npm run package -- --arch arm64`: the appliance as a Debian package; prints its path as JSON on stdout. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { arch: { type: 'string' }, out: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const target = targetFor(values.arch);
    const version = values.version ?? (JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    if (!/^[0-9][A-Za-z0-9.+~-]*$/.test(version)) throw new AlprError('ALPR_ERR_USAGE', `--version ${version}: not a Debian version`);
    const built = await buildPackage({
      repo: REPO, target, version, epoch: await sourceDateEpoch(), outDir: resolve(values.out ?? join(REPO, 'dist')),
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${JSON.stringify(built)}\n`);
    return EXIT.ok;
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n${err instanceof AlprError && err.code === 'ALPR_ERR_USAGE' ? `${USAGE}\n` : ''}`);
    return exitCodeFor(err);
  }
}
