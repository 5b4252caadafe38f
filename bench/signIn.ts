import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlprError, ManualClock, silentLogger } from '../core/index.js';
import { base32Decode, totp } from '../hub/accounts/totp.js';
import { createHubServices, SqliteStore, ImageCipher, type HubServices } from '../hub/index.js';
import { newSigningKeys } from '../sync/index.js';
import { machine, percentile, round } from './machine.js';

/**
 * How long a failed sign-in takes, by why it failed (issue 8: unknown names once answered in
 * 300-640 ms and deactivated ones in 6-18 ms, which told an attacker which usernames exist).
 * SQLite store, the production scrypt cost (N=2^15, r=8). `--attempts` rounds, one sign-in of
 * each kind per round, one at a time, each round from its own address (five failures in a row
 * from one address would lock the names there, twenty any name); every 2 rounds (4 failures on the
 * active account) the accounts are unlocked and the unknown name changes, so that none is refused
 * as locked.
 * Figures: median and p95 ms per kind, and the largest gap between two kinds' medians.
 */
const PASSWORD = 'correct horse battery staple cobalt';
const WRONG = 'a wrong passphrase of some length';

async function account(services: HubServices, clock: ManualClock, username: string): Promise<Buffer> {
  const { activationToken } = await services.accounts.create({ username, displayName: username, role: 'officer' }, 'bench', 'host');
  const { otpauthUri } = await services.accounts.activate(activationToken, PASSWORD);
  const secret = base32Decode(new URL(otpauthUri).searchParams.get('secret')!);
  clock.advance(30_000);
  await services.accounts.confirmTotp(username, PASSWORD, totp(secret, clock.now()));
  return secret;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { attempts: { type: 'string', default: '20' } }, strict: true });
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 200) throw new AlprError('ALPR_ERR_USAGE', '--attempts: 1-200');
  const dir = await mkdtemp(join(tmpdir(), 'alpr-bench-signin-'));
  const clock = new ManualClock(Date.UTC(2026, 10, 1, 12));
  const imageKey = randomBytes(32);
  const store = new SqliteStore({ path: join(dir, 'hub.db'), images: new ImageCipher(imageKey), now: () => clock.now() });
  try {
    await store.migrate();
    const services = await createHubServices({ store, clock, logger: silentLogger(), keys: { imageKey, sign: newSigningKeys() } });
    const activeSecret = await account(services, clock, 'active.user');
    await account(services, clock, 'gone.user');
    await services.accounts.deactivate((await services.accounts.byUsername('gone.user'))!.userId, 'bench', 'separated from the department');
    await services.accounts.create({ username: 'pending.user', displayName: 'pending', role: 'officer' }, 'bench', 'host');
    const ids = (await services.accounts.list()).map((a) => a.userId);
    const farCode = () => totp(activeSecret, clock.now() + 3600_000);
    const kinds: Record<string, (i: number) => [string, string, string]> = {
      wrong_password: () => ['active.user', WRONG, farCode()],
      wrong_code: () => ['active.user', PASSWORD, farCode()],
      deactivated: () => ['gone.user', PASSWORD, farCode()],
      not_activated: () => ['pending.user', PASSWORD, farCode()],
      unknown: (i) => [`no.such.user${Math.floor(i / 2)}`, PASSWORD, farCode()],
    };
    // Round robin over the kinds, so that load from elsewhere on the machine falls on all alike.
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let i = 0; i < attempts; i++) {
      if (i % 2 === 0) for (const userId of ids) await services.accounts.unlock(userId, 'bench');
      for (const [kind, credentials] of Object.entries(kinds)) {
        const began = performance.now();
        const code = await services.accounts.signIn(...credentials(i), { ip: `198.51.100.${i + 1}` }).then(() => 'ok', (err: AlprError) => err.code);
        times[kind]!.push(performance.now() - began);
        if (code !== 'ALPR_ERR_AUTH_FAILED') throw new AlprError('ALPR_ERR_INTERNAL', `${kind}: expected ALPR_ERR_AUTH_FAILED, got ${code}`);
      }
    }
    const figures: Record<string, number> = {};
    const medians: number[] = [];
    for (const [kind, list] of Object.entries(times)) {
      list.sort((a, b) => a - b);
      figures[`${kind}_ms_median`] = round(percentile(list, 50), 1);
      figures[`${kind}_ms_p95`] = round(percentile(list, 95), 1);
      medians.push(percentile(list, 50));
      process.stderr.write(`${kind}: median ${figures[`${kind}_ms_median`]} ms\n`);
    }
    figures.max_median_gap_ms = round(Math.max(...medians) - Math.min(...medians), 1);
    process.stdout.write(`${JSON.stringify({ benchmark: 'signIn', attempts, ...figures, machine: machine() })}\n`);
    return 0;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
