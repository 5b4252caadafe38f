import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { AlprError, ManualClock, silentLogger } from '../../core/index.js';
import { createHubServices, ImageCipher, PgStore, SqliteStore, type HubRead, type HubServices, type HubStore, type HubPolicyOptions } from '../../hub/index.js';
import { base32Decode, totp } from '../../hub/accounts/totp.js';

export { base32Decode };
import type { Account } from '../../hub/accounts/accountService.js';
import { newSigningKeys } from '../../sync/index.js';
import { PG_URL, serviceAvailable, tempDir } from './index.js';

type Tap = import('tap').Test;

export const START = Date.UTC(2026, 10, 1, 12);
export const DAY = 86_400_000;
export const PASSWORD = 'correct horse battery staple cobalt';

export interface Harness {
  engine: 'sqlite' | 'pg';
  services: HubServices;
  store: HubStore;
  clock: ManualClock;
  /** Where held hot-list extracts are kept until a reviewer decides. */
  spoolDir: string;
  /** The hub's keys, as an insider who can read its data folder holds them. */
  keys: { sign: { privateKey: KeyObject; publicKey: KeyObject } };
  /** Creates an account, activates it, enrolls TOTP and signs in: a ready user. */
  user(role: string, overrides?: { username?: string; certified?: boolean }): Promise<{ account: Account; token: string; secret: Buffer; username: string }>;
  /** A TOTP code for the user that the hub has not seen yet (moves the clock one step). */
  code(secret: Buffer): string;
  /** PostgreSQL only: a second hub (its own pool and services) on the same schema, as another hub process would be. */
  peer(): Promise<HubServices>;
  /** Stores reads straight into the store (as ingest would). */
  addReads(reads: Array<Partial<HubRead>>): Promise<HubRead[]>;
}

export function hubRead(overrides: Partial<HubRead> = {}): HubRead {
  return {
    id: randomUUID(), deviceId: 'pole-1', siteId: 'site-1', cameraId: 'cam0', capturedAt: START - DAY, receivedAt: START,
    plate: 'ABC1234', confidence: 0.9, charConfidences: [0.9], region: 'IL', regionConfidence: 0.7, lowConfidence: false,
    corners: [{ x: 1, y: 2 }, { x: 3, y: 2 }, { x: 3, y: 4 }, { x: 1, y: 4 }], vehicleColour: 'silver', crop: Buffer.from('crop-jpeg'), context: Buffer.from('context-jpeg'),
    ...overrides,
  };
}

/**
 * A store on a fresh database; on PostgreSQL `reopen()` opens another pool on the same schema, as
 * a second hub process would. (SQLite serves one hub process: it has none.)
 */
export async function makeStore(t: Tap, engine: 'sqlite' | 'pg', images: ImageCipher, now: () => number): Promise<(HubStore & { reopen?(): Promise<HubStore> }) | null> {
  if (engine === 'sqlite') {
    const dir = await tempDir(t);
    const store = new SqliteStore({ path: join(dir, 'hub.db'), images, now });
    await store.migrate();
    t.teardown(() => store.close());
    return store;
  }
  if (!(await serviceAvailable(t, 'postgres'))) return null;
  const schema = `alpr_test_${randomBytes(4).toString('hex')}`;
  const open = async () => {
    const store = new PgStore({ connectionString: PG_URL, schema, images, now });
    await store.migrate();
    return store;
  };
  const store = Object.assign(await open(), { reopen: async () => {
    const other = await open();
    t.teardown(() => other.close());
    return other;
  } });
  t.teardown(async () => {
    await store.close();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });
  return store;
}

/** Hub services on a fresh store of the given engine, with a manual clock and a cheap KDF. */
export async function harness(t: Tap, engine: 'sqlite' | 'pg', policy: Partial<HubPolicyOptions> = {}): Promise<Harness | null> {
  const clock = new ManualClock(START);
  const imageKey = randomBytes(32);
  const store = await makeStore(t, engine, new ImageCipher(imageKey), () => clock.now());
  if (!store) return null;
  const keys = { imageKey, sign: newSigningKeys() };
  const dataDir = await tempDir(t);
  const spoolDir = join(dataDir, 'hotlist-imports');
  const services = await createHubServices({ store, clock, logger: silentLogger(), keys, policy: { passwordCost: { logN: 10 }, ...policy }, spoolDir, reportsDir: join(dataDir, 'reports') });
  await services.devices.enroll({ deviceId: 'pole-1', publicKey: randomBytes(32), siteId: await ensureSite(services), }, 'test').catch(() => undefined);
  let n = 0;
  const code = (secret: Buffer) => {
    clock.advance(30_000);
    return totp(secret, clock.now());
  };
  return {
    engine, services, store, clock, code, keys, spoolDir,
    async peer() {
      if (!store.reopen) throw new Error('a SQLite hub is one process; peers need PostgreSQL');
      // Its own reports folder, as another hub process on another host would have.
      return createHubServices({ store: await store.reopen(), clock, logger: silentLogger(), keys, policy: { passwordCost: { logN: 10 }, ...policy }, spoolDir, reportsDir: join(dataDir, 'peer-reports') });
    },
    async user(role, overrides = {}) {
      const username = overrides.username ?? `${role}${++n}`;
      const certified = overrides.certified ?? true;
      const dates = certified ? { trainingCompletedAt: START - 10 * DAY, policySignedAt: START - 10 * DAY, leadsCertifiedAt: START - 10 * DAY } : {};
      const { activationToken } = await services.accounts.create({ username, displayName: `Test ${role}`, role, ...dates }, 'test-admin', role === 'chief' || role === 'auditor' ? 'host' : 'api');
      const { otpauthUri } = await services.accounts.activate(activationToken, PASSWORD);
      const secret = base32Decode(new URL(otpauthUri).searchParams.get('secret')!);
      await services.accounts.confirmTotp(username, PASSWORD, code(secret));
      const { token, account } = await services.accounts.signIn(username, PASSWORD, code(secret));
      return { account, token, secret, username };
    },
    async addReads(partials) {
      const reads = partials.map((p) => hubRead(p));
      await store.ingestBatch('pole-1', Math.floor(Math.random() * 1e9), reads);
      return reads;
    },
  };
}

async function ensureSite(services: HubServices): Promise<string> {
  await services.sites.approve({ siteId: 'site-1', name: 'Harlem and North', approvalRef: 'CHIEF-2026-001', latitude: 41.887, longitude: -87.806, cameras: ['cam0', 'cam1'] }, 'chief');
  return 'site-1';
}

/** Runs `fn` as a subtest on each engine (PostgreSQL skipped with a reason where unreachable). */
export function onBothStores(t: Tap, name: string, fn: (tt: Tap, h: Harness) => Promise<void>, policy: Partial<HubPolicyOptions> = {}): void {
  for (const engine of ['sqlite', 'pg'] as const) {
    t.test(`${engine}: ${name}`, async (tt) => {
      const h = await harness(tt, engine, policy);
      if (h) await fn(tt, h);
    });
  }
}

/**
 * Makes appending an audit record of `action` fail, as the hub failing (a crash, a full disk)
 * between a change and its record would, until the returned function restores it.
 */
export function failAudit(h: Harness, action: string): () => void {
  const audit = h.services.audit;
  const append = audit.append.bind(audit);
  audit.append = async (entry, db) => {
    if (entry.action === action) throw new AlprError('ALPR_ERR_STORE', `the ${action} audit record could not be written`);
    return append(entry, db);
  };
  return () => void (audit.append = append);
}
