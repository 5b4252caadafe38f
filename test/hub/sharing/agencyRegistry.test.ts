import t from 'tap';
import { generateKeyPairSync } from 'node:crypto';
import { newSigningKeys } from '../../../sync/index.js';
import { DAY, START, harness, onBothStores } from '../../helpers/hubHarness.js';
import { DECLARATION } from '../../helpers/sharing.js';

const pem = () => newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString();
const agency = { name: 'Berwyn Police Department', ori: 'IL0161400', state: 'IL', level: 'local', contact: 'Records, 708-555-0144' };

onBothStores(t, 'bad agency records, declarations and agreements are refused with a typed error naming the field, and nothing is stored', async (t, h) => {
  const { agencies } = h.services.sharing;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  for (const [bad, message] of [
    [{ ori: 'IL016140' }, /^ori:/], [{ ori: 'il0161400' }, /^ori:/], [{ state: 'Illinois' }, /^state:/], [{ level: 'county' }, /^level:/], [{ name: 'B' }, /^name:/],
    [{ hubUrl: 'https://hub.berwyn.example' }, /both or neither/], [{ hubUrl: 'ftp://hub', hubPublicKeyPem: pem() }, /^hubUrl:/],
    // Link-local (a cloud's metadata service) and unspecified addresses, however written, are no partner's:
    // IPv4-mapped, IPv4-compatible and NAT64 IPv6 forms reach the same IPv4 host.
    ...['http://169.254.169.254', 'http://2852039166', 'http://0xA9FEA9FE:80', 'http://[::ffff:169.254.169.254]', 'http://[fe80::1]', 'http://0.0.0.0:8080', 'http://[::]',
      'http://[0:0:0:0:0:ffff:a9fe:a9fe]', 'http://[::ffff:0.0.0.0]', 'http://[::169.254.169.254]', 'http://[64:ff9b::169.254.169.254]', 'http://[fd00:ec2::254]', 'http://100.100.100.200']
      .map((hubUrl) => [{ hubUrl, hubPublicKeyPem: pem() }, /^hubUrl: .* is a link-local, metadata-service or unspecified address/] as const),
    [{ hubUrl: 'https://hub.berwyn.example', hubPublicKeyPem: rsa }, /Ed25519/], [{ hubUrl: 'https://hub.berwyn.example', hubPublicKeyPem: 'not a key' }, /Ed25519/],
  ] as const) {
    await t.rejects(agencies.register({ ...agency, ...bad } as never, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT', message }, JSON.stringify(bad).slice(0, 60));
  }
  t.same(await agencies.list(), []);
  const registered = await agencies.register(agency, 'admin-1');
  t.equal(registered.status, 'registered');
  await t.rejects(agencies.register({ ...agency, name: 'Berwyn PD again' }, 'admin-1'), { code: 'ALPR_ERR_CONFLICT', message: /IL0161400/ }, 'an ORI is registered once');

  const declaration = { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief M. Example', signerTitle: 'Chief of Police', signedAt: START - DAY, expiresAt: START + 365 * DAY };
  await t.rejects(agencies.recordDeclaration(registered.agencyId, { ...declaration, documentBase64: 'c2hvcnQ=' }, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /documentBase64/ });
  await t.rejects(agencies.recordDeclaration(registered.agencyId, { ...declaration, signedAt: START + DAY }, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /signedAt/ });
  await t.rejects(agencies.recordDeclaration(registered.agencyId, { ...declaration, expiresAt: START - 1 }, 'admin-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /expiresAt/ });
  await t.rejects(agencies.recordDeclaration('00000000-0000-4000-8000-000000000000', declaration, 'admin-1'), { code: 'ALPR_ERR_NOT_FOUND' });
  const recorded = await agencies.recordDeclaration(registered.agencyId, declaration, 'admin-1');
  t.match(recorded.documentSha256, /^[0-9a-f]{64}$/);
  t.same(await agencies.currentDeclaration(registered.agencyId), recorded);

  const agreement = { siteIds: ['site-1'], purposes: ['violent_crime'], access: 'request', reference: 'CHIEF-MEMO-1', expiresAt: START + 30 * DAY };
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, siteIds: ['site-9'] }, 'chief-1'), { code: 'ALPR_ERR_SITE_NOT_APPROVED', message: /site-9/ });
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, purposes: ['other_felony'] }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /^purposes:/ });
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, purposes: ['traffic_enforcement'] }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /^purposes:/ });
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, access: 'online' }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /hub address/ });
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, windowFrom: START, windowTo: START - DAY }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /windowFrom/ });
  await t.rejects(agencies.approveAgreement(registered.agencyId, { ...agreement, expiresAt: START - 1 }, 'chief-1'), { code: 'ALPR_ERR_INVALID_INPUT', message: /expiresAt/ });
  t.equal(await agencies.currentAgreement(registered.agencyId), null);
  t.equal((await agencies.get(registered.agencyId))!.status, 'registered', 'no refused agreement approved the agency');
  const first = await agencies.approveAgreement(registered.agencyId, agreement, 'chief-1');
  const second = await agencies.approveAgreement(registered.agencyId, { ...agreement, purposes: ['violent_crime', 'stolen_vehicle'], reference: 'CHIEF-MEMO-2' }, 'chief-1');
  t.equal((await agencies.currentAgreement(registered.agencyId))!.agreementId, second.agreementId, 'a new agreement replaces the old');
  t.not(first.agreementId, second.agreementId);
  h.clock.advance(31 * DAY);
  t.equal(await agencies.currentAgreement(registered.agencyId), null, 'an agreement past its expiry is not in force');
  const audited = await h.services.audit.query({ action: 'sharing.agreementApprove', limit: 10 });
  t.equal(audited.length, 2);
  t.equal(audited[0]!.actor, 'chief-1');
});

t.test('partner hubs on loopback, private networks and host names stay allowed at registration (a name is checked when it is resolved, at send time)', async (t) => {
  const h = await harness(t, 'sqlite');
  if (!h) return;
  const urls = ['http://127.0.0.1:8443', 'https://[::1]', 'https://10.20.0.5', 'https://192.168.1.10', 'https://[::ffff:10.20.0.5]', 'https://[fd12:3456::1]', 'https://hub.berwyn.example'];
  for (const [i, hubUrl] of urls.entries()) {
    const registered = await h.services.sharing.agencies.register({ ...agency, ori: `IL016150${i}`, hubUrl, hubPublicKeyPem: pem() }, 'admin-1');
    t.equal(registered.hubUrl, new URL(hubUrl).origin, hubUrl);
  }
});
