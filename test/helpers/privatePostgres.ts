import { execFile } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './mosquitto.js';

const run = promisify(execFile);

export interface PrivatePostgres {
  url: string;
  /** Stops the server the way a crash would (`pg_ctl stop -m immediate`: no checkpoint, WAL replay on start). */
  crash(): Promise<void>;
  start(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort((a, b) => Number(a) - Number(b)).at(-1);
  return version && existsSync(join(root, version, 'bin', 'initdb')) ? join(root, version, 'bin') : null;
}

/**
 * A throwaway PostgreSQL cluster of this test's own (initdb in a temp folder, another port), for
 * tests that stop or crash the server: the shared one on 5432 is never touched. Skips with the
 * reason when the binaries are missing (fails instead under ALPR_REQUIRE_SERVICES=1). As root,
 * the cluster belongs to the postgres user, which initdb requires.
 */
export async function startPrivatePostgres(t: import('tap').Test): Promise<PrivatePostgres | null> {
  const bin = binDir();
  const asRoot = userInfo().uid === 0;
  if (!bin || (asRoot && !existsSync('/usr/sbin/runuser'))) {
    const reason = 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin';
    if (process.env.ALPR_REQUIRE_SERVICES === '1') t.fail(`${reason} (ALPR_REQUIRE_SERVICES=1)`);
    else t.plan(0, `skipped: ${reason}`);
    return null;
  }
  const dir = await mkdtemp(join(tmpdir(), 'alpr-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const pgUid = asRoot ? Number((await run('id', ['-u', 'postgres'])).stdout.trim()) : null;
  if (pgUid !== null) chownSync(dir, pgUid, -1);
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  // Stopped before its folder goes, so no server is left running on a deleted cluster.
  t.teardown(async () => {
    await as('pg_ctl', ['stop', '-m', 'immediate', '-D', data]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);
  // fsync off: the faults here kill the server process, not the machine, so the page cache survives.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      await as('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', options]);
    },
    crash: async () => {
      await as('pg_ctl', ['stop', '-m', 'immediate', '-D', data]);
    },
  };
  await pg.start();
  return pg;
}
