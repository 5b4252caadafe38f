import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, systemClock } from '../core/index.js';
import { base32Decode, Hub, loadMapOutline, totp, type HubOptions } from '../hub/index.js';

export const DEMO_PASSWORD = 'demo lantern harbour violet ferry';
/** The console's map outline for the demo's area, hand-drawn (map tiles cannot be fetched here). */
export const DEMO_MAP_OUTLINE = new URL('./mapOutline.geojson', import.meta.url).pathname;

/** The authenticator app, played by the demo: a TOTP code for the secret in an otpauth URI. */
export class DemoAuthenticator {
  private lastStep = 0;
  constructor(readonly otpauthUri: string) {}

  /** A code for a 30-second step the hub has not seen from this account (codes are single-use). */
  code(): string {
    const step = Math.max(Math.floor(Date.now() / 30_000) - 1, this.lastStep + 1);
    if (step > Math.floor(Date.now() / 30_000) + 1) throw new Error('wait for the next 30-second TOTP step');
    this.lastStep = step;
    return totp(base32Decode(new URL(this.otpauthUri).searchParams.get('secret')!), step * 30_000);
  }
}

/** The hub with the embedded defaults (or PostgreSQL / an external broker when given). */
/**
 * The demo keeps the audit key and witness in `auditDir`, beside the hub's data folder and not in
 * it, standing in for /etc/alpr and the witness host of a real deployment.
 */
export function demoAuditFiles(auditDir: string): { keyFile: string; witnessFile: string } {
  return { keyFile: join(auditDir, 'audit-key.pem'), witnessFile: join(auditDir, 'audit.witness') };
}

export async function startDemoHub(o: { dataDir: string; auditDir: string; pgUrl: string | null; brokerUrl: string | null; httpPort: number; verbose: boolean; policy?: HubOptions['policy'] }): Promise<Hub> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const logger = createLogger({ name: 'alpr-hub', level: o.verbose ? 'info' : 'warn', ...(o.verbose ? {} : { destination: sink as never }) });
  const hub = new Hub({
    dataDir: o.dataDir, audit: demoAuditFiles(o.auditDir), pgUrl: o.pgUrl, pgSchema: 'alpr_demo', brokerUrl: o.brokerUrl, brokerUsername: 'hub', brokerPassword: process.env.ALPR_HUB_BROKER_PASSWORD ?? '',
    sharedGroup: o.brokerUrl ? 'alpr-demo' : null, mqttHost: '127.0.0.1', mqttPort: 0, deviceBrokerUrl: null, httpHost: '127.0.0.1', httpPort: o.httpPort,
    policy: { mapOutline: await loadMapOutline(DEMO_MAP_OUTLINE), ...o.policy }, clock: systemClock, logger,
  });
  await hub.start();
  return hub;
}

/** JSON over HTTP to the hub API, as any client would. */
export function hubApi(baseUrl: string) {
  return async <T = Record<string, any>>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const json = (await res.json()) as T & { code?: string; message?: string };
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${json.code}: ${json.message}`);
    return json;
  };
}

/** An account made the way a department makes one: created, activated, TOTP confirmed. */
export async function account(api: ReturnType<typeof hubApi>, services: NonNullable<Hub['services']>, role: 'admin' | 'officer' | 'detective' | 'auditor' | 'chief', certifiedAt: number, adminSession?: string) {
  const username = `demo.${role}.${Date.now().toString(36)}`;
  const dates = { trainingCompletedAt: certifiedAt, policySignedAt: certifiedAt, leadsCertifiedAt: certifiedAt };
  const activationToken = adminSession
    ? (await api<{ activationToken: string }>('POST', '/api/v1/accounts', { username, displayName: `Demo ${role}`, role, ...dates }, adminSession)).activationToken
    : (await services.accounts.create({ username, displayName: `Demo ${role}`, role, ...dates }, 'cli:demo', 'host')).activationToken;
  const { otpauthUri } = await api<{ otpauthUri: string }>('POST', '/api/v1/auth/activate', { activationToken, password: DEMO_PASSWORD });
  const authenticator = new DemoAuthenticator(otpauthUri);
  const confirmed = await api<{ userId: string }>('POST', '/api/v1/auth/mfa/confirm', { username, password: DEMO_PASSWORD, code: authenticator.code() });
  const session = role !== 'officer' ? (await api<{ token: string }>('POST', '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, code: authenticator.code() })).token : '';
  return { username, userId: confirmed.userId, authenticator, session };
}
