import t from 'tap';
import type { AddressInfo } from 'node:net';
import { buildApi } from '../../../hub/api/server.js';
import { newSigningKeys } from '../../../sync/index.js';
import { captureLogger } from '../../helpers/index.js';
import { DAY, START, harness, type Harness } from '../../helpers/hubHarness.js';
import { DECLARATION } from '../../helpers/sharing.js';
import { DEFAULT_SEARCH_LIMITS } from '../../../hub/search/searchService.js';

type Tap = import('tap').Test;
const search = { caseNumber: '26-004512', offense: '240', purpose: 'stolen_vehicle', description: 'stolen car, last seen heading west', query: { plate: 'ABC1234', mode: 'exact' as const } };

/** Registers `ori` on `h` with the given hub address and key, a declaration and an online agreement. */
async function approve(h: Harness, ori: string, hubUrl: string, hubPublicKeyPem: string): Promise<string> {
  const { agencies } = h.services.sharing;
  const agency = await agencies.register({ name: `Agency ${ori}`, ori, state: 'IL', level: 'local', contact: 'Records, 555-0100', hubUrl, hubPublicKeyPem }, 'admin-1');
  await agencies.recordDeclaration(agency.agencyId, { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief X', signerTitle: 'Chief of Police', signedAt: START - DAY, expiresAt: START + 365 * DAY }, 'admin-1');
  await agencies.approveAgreement(agency.agencyId, { siteIds: ['site-1'], purposes: ['stolen_vehicle'], access: 'online', reference: `MEMO-${ori}`, expiresAt: START + 90 * DAY }, 'chief-1');
  return agency.agencyId;
}

async function serve(t: Tap, h: Harness): Promise<string> {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

t.test('an answer not signed by the partner\'s registered key is refused and recorded; the officer sees none of it', async (t) => {
  const here = await harness(t, 'sqlite');
  const there = await harness(t, 'sqlite', { ori: 'IL0161100' });
  if (!here || !there) return;
  await there.addReads([{ plate: 'ABC1234' }]);
  const thereUrl = await serve(t, there);
  // Here, the partner is on record with a key its hub does not hold (a hub impersonating it would answer like this).
  const partnerId = await approve(here, there.services.sharing.ori, thereUrl, newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
  await approve(there, here.services.sharing.ori, 'http://127.0.0.1:9', here.services.sharing.publicKeyPem);
  const officer = await here.user('officer');
  await t.rejects(here.services.sharing.partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_HUB', message: /not signed by its registered hub key/ });
  const [record] = await here.services.audit.query({ action: 'sharing.outboundSearch', limit: 5 });
  t.match(record, { actor: officer.account.userId, outcome: 'refused', detail: { outcome: 'refused', readsReceived: 0, agencyOri: 'IL0161100' } });
  t.notOk(record!.detail.readIds, 'no read ids from an unverified answer are kept');
});

t.test('an officer searches partner hubs at most max_queries_per_hour times an hour; the next is refused here, recorded, and never sent', async (t) => {
  const here = await harness(t, 'sqlite', { search: { ...DEFAULT_SEARCH_LIMITS, maxQueriesPerHour: 2 } });
  const there = await harness(t, 'sqlite', { ori: 'IL0161100' });
  if (!here || !there) return;
  await there.addReads([{ plate: 'ABC1234' }]);
  const partnerId = await approve(here, there.services.sharing.ori, await serve(t, there), there.services.sharing.publicKeyPem);
  await approve(there, here.services.sharing.ori, 'http://127.0.0.1:9', here.services.sharing.publicKeyPem);
  const officer = await here.user('officer');
  // Six sent at once: they take turns at the count, so two go out.
  const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => here.services.sharing.partners.search(officer.account, partnerId, search)));
  t.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 2, 'two are answered');
  t.ok(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'ALPR_ERR_RATE_LIMITED'), 'the rest are refused as over the limit');
  await t.rejects(here.services.sharing.partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_RATE_LIMITED', message: /searched partner hubs 2 times in the past hour; the limit is 2/ });
  t.equal((await there.services.audit.query({ action: 'sharing.search', limit: 10 })).length, 2, 'the partner received two requests, not seven');
  const records = await here.services.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
  t.same(records.map((r) => r.detail.code ?? r.detail.outcome).sort(), ['ALPR_ERR_RATE_LIMITED', 'ALPR_ERR_RATE_LIMITED', 'ALPR_ERR_RATE_LIMITED', 'ALPR_ERR_RATE_LIMITED', 'ALPR_ERR_RATE_LIMITED', 'answered', 'answered'], 'each refusal is recorded');
  const colleague = await here.user('officer');
  t.equal((await here.services.sharing.partners.search(colleague.account, partnerId, search)).hits.length, 1, 'the cap is the officer\'s own');
});

t.test('an unreachable partner, a partner not approved, and a prohibited purpose are refused before or without an answer, each recorded', async (t) => {
  const here = await harness(t, 'sqlite');
  if (!here) return;
  const { agencies, partners } = here.services.sharing;
  const down = await approve(here, 'IL0161500', 'http://127.0.0.1:9', newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const officer = await here.user('officer');
  await t.rejects(partners.search(officer.account, down, search), { code: 'ALPR_ERR_PARTNER_HUB', message: /cannot be reached/ });
  const pending = await agencies.register({ name: 'Not yet approved PD', ori: 'IL0161600', state: 'IL', level: 'local', contact: 'Records, 555-0100', hubUrl: 'http://127.0.0.1:9', hubPublicKeyPem: newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString() }, 'admin-1');
  await t.rejects(partners.search(officer.account, pending.agencyId, search), { code: 'ALPR_ERR_SHARING_REFUSED', message: /not an approved partner/ });
  await t.rejects(partners.search(officer.account, down, { ...search, caseNumber: '26-1' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' }, 'this hub\'s case number format applies to its own officers');
  await t.rejects(partners.search(officer.account, down, { ...search, description: 'help Border Patrol find this van' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  await t.rejects(partners.search(officer.account, down, search), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended after a refused search .* it cannot search partner agencies' hubs/ },
    'a prohibited purpose suspends the officer as a local search would');
  const dispatcher = await here.user('dispatcher');
  await t.rejects(partners.search(dispatcher.account, down, search), { code: 'ALPR_ERR_FORBIDDEN' });
  const records = await here.services.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
  t.same(records.map((r) => r.detail.code), ['ALPR_ERR_PARTNER_HUB', 'ALPR_ERR_SHARING_REFUSED', 'ALPR_ERR_PURPOSE_REQUIRED', 'ALPR_ERR_PURPOSE_PROHIBITED', 'ALPR_ERR_SEARCH_SUSPENDED', 'ALPR_ERR_FORBIDDEN']);
  t.ok(records.every((r) => r.outcome === 'refused'));
});

t.test('a partner hub answering with a redirect is not followed: the address it names is never called, and the search is refused and recorded', async (t) => {
  const here = await harness(t, 'sqlite');
  if (!here) return;
  const { createServer } = await import('node:http');
  const listen = async (handler: Parameters<typeof createServer>[1]) => {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.teardown(() => server.close());
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  let internalCalls = 0;
  const internal = await listen((_req, res) => {
    internalCalls++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"an internal service answered"}');
  });
  for (const status of [302, 307, 308]) {
    const partner = await listen((_req, res) => res.writeHead(status, { location: `${internal}/api/v1/accounts` }).end());
    const partnerId = await approve(here, `IL0161${status}`, partner, newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const officer = await here.user('officer');
    await t.rejects(here.services.sharing.partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_HUB', message: new RegExp(`redirect \\(HTTP ${status}\\), which is not followed`) }, `HTTP ${status}`);
  }
  t.equal(internalCalls, 0, 'the address in Location was never called');
  const records = await here.services.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
  t.same(records.map((r) => [r.outcome, r.detail.code]), [['refused', 'ALPR_ERR_PARTNER_HUB'], ['refused', 'ALPR_ERR_PARTNER_HUB'], ['refused', 'ALPR_ERR_PARTNER_HUB']]);
});

t.test('a partner hub answering more than 1 MiB is cut off unread, with or without a Content-Length, and the search is refused and recorded', async (t) => {
  const here = await harness(t, 'sqlite');
  if (!here) return;
  const { createServer } = await import('node:http');
  const { MAX_ANSWER_BYTES } = await import('../../../hub/sharing/partnerClient.js');
  let sent = 0;
  const huge = (declared: boolean) => createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(64 * MAX_ANSWER_BYTES) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // Streams up to 64 MiB unless the hub stops reading (then the socket closes and writes fail).
    const more = () => {
      while (sent < 64 * MAX_ANSWER_BYTES && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end();
    };
    more();
  });
  for (const declared of [true, false]) {
    sent = 0;
    const server = huge(declared);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.teardown(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const partnerId = await approve(here, declared ? 'IL0161801' : 'IL0161802', url, newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const officer = await here.user('officer');
    await t.rejects(here.services.sharing.partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_HUB', message: /larger than 1 MiB; it was not read/ }, declared ? 'declared' : 'chunked');
    t.ok(sent < 16 * MAX_ANSWER_BYTES, `the hub stopped reading early (${Math.round(sent / 1024)} KiB sent)`);
  }
  const records = await here.services.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
  t.same(records.map((r) => r.detail.code), ['ALPR_ERR_PARTNER_HUB', 'ALPR_ERR_PARTNER_HUB']);
});

t.test('a partner hub\'s name is resolved at send time and refused when any address is link-local, metadata or unspecified (mapped forms too); the socket connects to the checked address', async (t) => {
  const here = await harness(t, 'sqlite');
  if (!here) return;
  const { createServer } = await import('node:http');
  const { PartnerClient } = await import('../../../hub/sharing/partnerClient.js');
  const { PurposeGate } = await import('../../../hub/policy/purposeGate.js');
  const { DEFAULT_CASE_NUMBER_RULES } = await import('../../../hub/policy/caseNumbers.js');
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"not a signed answer"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const port = (server.address() as AddressInfo).port;
  // A stub resolver: the answers a hostile or re-pointed DNS would give, in order (no real DNS is asked).
  const answers: string[][] = [];
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    return (answers.shift() ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const { services } = here;
  const partners = new PartnerClient({
    audit: services.audit, clock: here.clock, accounts: services.accounts, agencies: services.sharing.agencies, reviews: services.reviews, sql: services.store.sql,
    gate: new PurposeGate({ extraTerms: {}, caseNumbers: DEFAULT_CASE_NUMBER_RULES }), ownOri: services.sharing.ori, signingKey: here.keys.sign.privateKey, limits: services.policy.search, resolve,
  });
  // Registered by name: nothing is resolved at registration, so the name can be pointed anywhere later.
  const partnerId = await approve(here, 'IL0161901', `http://partner-hub.invalid:${port}`, newSigningKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const officer = await here.user('officer');
  const bad = [['169.254.169.254'], ['169.254.1.1'], ['0.0.0.0'], ['fe80::1'], ['::ffff:169.254.169.254'], ['::ffff:a9fe:a9fe'], ['64:ff9b::a9fe:a9fe'], ['::ffff:0:a9fe:a9fe'], ['64:ff9b:1::a9fe:a9fe'], ['64:ff9b:1:a9fe:a9:fe00::'], ['fd00:ec2::254'], ['::'],
    // One bad address among good ones is enough: the socket could be made to try it.
    ['127.0.0.1', '169.254.169.254']];
  for (const addresses of bad) {
    answers.push(addresses);
    await t.rejects(partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_ADDRESS', message: /resolves to .* never a partner hub's: nothing was sent/ }, addresses.join(', '));
  }
  t.equal(calls, 0, 'nothing reached the listening partner');
  // Loopback (and private networks) stay allowed: the request goes to the stub's address, since real DNS knows no .invalid name.
  answers.push(['127.0.0.1']);
  await t.rejects(partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_HUB', message: /not a signed answer/ });
  t.equal(calls, 1, 'the request reached the address the stub resolved');
  // DNS rebinding: the same name now resolves to the metadata service; each send resolves again and is refused.
  answers.push(['169.254.169.254']);
  await t.rejects(partners.search(officer.account, partnerId, search), { code: 'ALPR_ERR_PARTNER_ADDRESS' });
  t.equal(calls, 1);
  t.equal(asked.length, bad.length + 2, 'the name was resolved once per send, by the checked lookup only');
  t.ok(asked.every((name) => name === 'partner-hub.invalid'));
  const records = await services.audit.query({ action: 'sharing.outboundSearch', limit: 20 });
  t.equal(records.length, bad.length + 2);
  t.same(records.filter((r) => r.detail.code === 'ALPR_ERR_PARTNER_ADDRESS').length, bad.length + 1, 'each refusal is in the audit chain with its code');
  t.ok(records.every((r) => r.outcome === 'refused' && r.detail.readsReceived === 0));
});
