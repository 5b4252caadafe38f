import { randomBytes } from 'node:crypto';
import { base32Decode, totp, type HubServices } from '../../hub/index.js';

const STEP_MS = 30_000;

/**
 * What the fleet needs set up at the hub before any appliance enrolls, done on the hub machine as
 * a department does it: the Chief approves the site (host side), an admin account is created,
 * activated with a password, its authenticator (TOTP) confirmed, and the admin signs in. Returns
 * the site and the admin's session, which issues the enrollment tokens over the API.
 */
export async function prepareFleetSite(services: HubServices, siteId: string): Promise<{ siteId: string; session: string }> {
  await services.sites.approve({ siteId, name: `Fleet benchmark site ${siteId}`, approvalRef: `FLEET-${siteId}`, latitude: 41.88, longitude: -87.8, cameras: ['cam0'] }, 'cli:fleet');
  const username = `fleet.admin.${randomBytes(3).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const certified = Date.now() - 30 * 86_400_000;
  const { activationToken } = await services.accounts.create({ username, displayName: 'Fleet benchmark admin', role: 'admin', trainingCompletedAt: certified, policySignedAt: certified, leadsCertifiedAt: certified }, 'cli:fleet', 'host');
  const { otpauthUri } = await services.accounts.activate(activationToken, password);
  const secret = base32Decode(new URL(otpauthUri).searchParams.get('secret')!);
  // The authenticator's previous step, then its current one: each code is taken once.
  await services.accounts.confirmTotp(username, password, totp(secret, Date.now() - STEP_MS));
  const { token } = await services.accounts.signIn(username, password, totp(secret, Date.now()));
  return { siteId, session: token };
}
