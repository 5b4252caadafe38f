import { join } from 'node:path';
import { errorMessage } from '../core/index.js';
import type { Hub } from '../hub/index.js';
import { account, DEMO_PASSWORD, hubApi, startDemoHub } from './demoHub.js';

const DAY = 86_400_000;
/** Stands for the scanned declaration the outside agency's chief signed (625 ILCS 5/2-130). */
const DECLARATION = Buffer.from(`%PDF-1.4\n% Maywood Police Department declares it will not use Oak Park ALPR data for immigration enforcement or to investigate reproductive health care.\n%%EOF\n`);

/**
 * Section VII.D and IX.1 in the demo: a second hub on this machine plays an outside agency's. Its
 * officer searches this hub hub to hub: refused without a declaration on file, answered and
 * recorded on both hubs with one, refused again once the Chief revokes the agency.
 */
export async function demoSharing(o: { hub: Hub; adminSession: string; plate: string; dataDir: string; say: (line: string) => void }): Promise<{ ok: boolean; names: Array<[string, string]> }> {
  const { say } = o;
  const here = o.hub.services!;
  const api = hubApi(o.hub.httpUrl);
  const partner = await startDemoHub({ dataDir: join(o.dataDir, 'partner-hub'), auditDir: join(o.dataDir, 'partner-audit'), pgUrl: null, brokerUrl: null, httpPort: 0, verbose: false, policy: { ori: 'IL0161100' } });
  try {
    const there = partner.services!;
    const theirApi = hubApi(partner.httpUrl);
    const year = Date.now() - 30 * DAY;
    const chief = await account(api, here, 'chief', year);
    const register = (ori: string, name: string, url: string, key: string) => ({ name, ori, state: 'IL', level: 'local', contact: 'Records unit, 555-0100', hubUrl: url, hubPublicKeyPem: key });
    const agreement = (siteId: string) => ({ siteIds: [siteId], purposes: ['stolen_vehicle', 'violent_crime'], access: 'online', reference: `DEMO-SHARING-${siteId}`, expiresAt: Date.now() + 90 * DAY });
    // This department's admin registers Maywood's hub; the Chief approves the agreement.
    const maywood = await api<{ agencyId: string }>('POST', '/api/v1/sharing/agencies', register(there.sharing.ori, 'Maywood Police Department', partner.httpUrl, there.sharing.publicKeyPem), o.adminSession);
    await api('POST', `/api/v1/sharing/agencies/${maywood.agencyId}/agreements`, agreement('demo-site'), chief.session);
    // Maywood's hub does the same for Oak Park, so that its officers may search here.
    await there.sites.approve({ siteId: 'maywood-1', name: 'Maywood demo site', approvalRef: 'MAYWOOD-CHIEF-1', latitude: 41.88, longitude: -87.84, cameras: ['cam0'] }, 'cli:demo');
    const theirAdmin = await account(theirApi, there, 'admin', year);
    const theirChief = await account(theirApi, there, 'chief', year);
    const oakPark = await theirApi<{ agencyId: string }>('POST', '/api/v1/sharing/agencies', register(here.sharing.ori, 'Oak Park Police Department', o.hub.httpUrl, here.sharing.publicKeyPem), theirAdmin.session);
    await theirApi('POST', `/api/v1/sharing/agencies/${oakPark.agencyId}/agreements`, agreement('maywood-1'), theirChief.session);
    const officer = await account(theirApi, there, 'officer', year, theirAdmin.session);
    const session = (await theirApi<{ token: string }>('POST', '/api/v1/auth/sign-in', { username: officer.username, password: DEMO_PASSWORD, code: officer.authenticator.code() })).token;
    const search = () => theirApi<{ hits: unknown[]; ledgerSeq: number }>('POST', `/api/v1/sharing/agencies/${oakPark.agencyId}/search`,
      { caseNumber: '26-000871', offense: '240', purpose: 'stolen_vehicle', description: 'car stolen in Maywood, seen heading east', query: { plate: o.plate, mode: 'exact' } }, session);
    const refused = async (): Promise<string | null> => search().then(() => null, (err: unknown) => errorMessage(err).replace(/^.*ALPR_ERR_PARTNER_HUB: /, ''));

    const withoutDeclaration = await refused();
    say(`   Maywood's officer searches this hub from Maywood's hub, no declaration on file: ${withoutDeclaration ?? 'ANSWERED (wrong)'}`);
    await api('POST', `/api/v1/sharing/agencies/${maywood.agencyId}/declarations`, { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief of the Maywood PD', signerTitle: 'Chief of Police', signedAt: Date.now() - DAY, expiresAt: Date.now() + 365 * DAY }, o.adminSession);
    const answer = await search();
    const outbound = await there.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
    say(`   with the signed declaration recorded: answered, ${answer.hits.length} read(s); ledger here sharing.search #${answer.ledgerSeq}, at Maywood sharing.outboundSearch #${outbound.at(-1)?.seq}`);
    await api('POST', `/api/v1/sharing/agencies/${maywood.agencyId}/revoke`, { reason: 'demo: the Chief ends the agreement' }, chief.session);
    const afterRevocation = await refused();
    say(`   the Chief revokes Maywood's access; the next search: ${afterRevocation ?? 'ANSWERED (wrong)'}`);
    const ok = withoutDeclaration !== null && /declaration/.test(withoutDeclaration) && answer.hits.length > 0 && afterRevocation !== null && /revoked/.test(afterRevocation);
    return { ok, names: [[chief.userId, chief.username]] };
  } finally {
    await partner.stop();
  }
}
