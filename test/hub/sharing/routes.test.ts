import t from 'tap';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../hub/api/server.js';
import { signEvidence, verifyEvidenceFile } from '../../../hub/evidence/evidenceService.js';
import { verifyEvidence } from '../../../hub/evidence/evidenceVerify.js';
import { createPublicKey } from 'node:crypto';
import { captureLogger } from '../../helpers/index.js';
import { DAY, START, harness, onBothStores, type Harness } from '../../helpers/hubHarness.js';
import { DECLARATION, partner } from '../../helpers/sharing.js';

type Tap = import('tap').Test;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function listening(t: Tap, h: Harness): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/**
 * On `on`, an administrator registers `other` (its hub's address and key) with a declaration, and
 * the Chief approves an agreement, all over the API. Returns the agency id.
 */
async function registerPartner(t: Tap, on: { app: FastifyInstance; h: Harness }, other: { h: Harness; url: string; name: string; state: string }, access: 'online' | 'request' = 'online'): Promise<string> {
  const admin = await on.h.user('admin');
  const chief = await on.h.user('chief');
  const officer = await on.h.user('officer');
  const body = {
    name: other.name, ori: other.h.services.sharing.ori, state: other.state, level: 'local', contact: 'Records unit, 555-0100',
    hubUrl: other.url, hubPublicKeyPem: other.h.services.sharing.publicKeyPem,
  };
  t.equal((await on.app.inject({ method: 'POST', url: '/api/v1/sharing/agencies', headers: bearer(officer.token), payload: body })).statusCode, 403, 'an officer cannot register an agency');
  t.equal((await on.app.inject({ method: 'POST', url: '/api/v1/sharing/agencies', headers: bearer(admin.token), payload: { ...body, level: 'county' } })).statusCode, 400, 'level is checked');
  const registered = await on.app.inject({ method: 'POST', url: '/api/v1/sharing/agencies', headers: bearer(admin.token), payload: body });
  t.equal(registered.statusCode, 201, registered.body);
  const agencyId = registered.json().agencyId as string;
  const declaration = { documentBase64: DECLARATION.toString('base64'), signerName: 'Chief of the partner', signerTitle: 'Chief of Police', signedAt: on.h.clock.now() - DAY, expiresAt: on.h.clock.now() + 365 * DAY };
  const declared = await on.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/declarations`, headers: bearer(admin.token), payload: declaration });
  t.equal(declared.statusCode, 201, declared.body);
  const agreement = { siteIds: ['site-1'], purposes: ['violent_crime', 'stolen_vehicle'], access, reference: 'CHIEF-MEMO-26-014', expiresAt: START + 365 * DAY };
  t.equal((await on.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/agreements`, headers: bearer(admin.token), payload: agreement })).statusCode, 403, 'only the Chief approves an agreement');
  t.equal((await on.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/agreements`, headers: bearer(chief.token), payload: { ...agreement, purposes: ['other_felony'] } })).statusCode, 400);
  const approved = await on.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/agreements`, headers: bearer(chief.token), payload: agreement });
  t.equal(approved.statusCode, 201, approved.body);
  return agencyId;
}

const search = { caseNumber: '26-004512', offense: '120', purpose: 'violent_crime', description: 'armed robbery on Harlem Avenue, suspect car', query: { plate: 'ABC1234', mode: 'exact' } };

onBothStores(t, 'hub to hub: an officer of a partner agency searches this hub from her own; both hubs record it, and revocation stops it', async (t, here) => {
  const there = await harness(t, 'sqlite', { ori: 'IN0450300' });
  if (!there) return;
  const [read] = await here.addReads([{ plate: 'ABC1234' }]);
  await here.addReads([{ plate: 'ABC1234', deviceId: 'berwyn-cam-7' }]);
  const ours = await listening(t, here);
  const theirs = await listening(t, there);
  // Each hub registers the other: this hub answers the partner; the partner's hub lets its officers search here.
  const partnerHere = await registerPartner(t, { app: ours.app, h: here }, { h: there, url: theirs.url, name: 'Hammond Police Department', state: 'IN' });
  const usThere = await registerPartner(t, { app: theirs.app, h: there }, { h: here, url: ours.url, name: 'Oak Park Police Department', state: 'IL' });

  const officer = await there.user('officer');
  const dispatcher = await there.user('dispatcher');
  t.equal((await theirs.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${usThere}/search`, headers: bearer(dispatcher.token), payload: search })).statusCode, 403, 'a dispatcher does not search partner hubs (IX.1)');
  const answered = await theirs.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${usThere}/search`, headers: bearer(officer.token), payload: search });
  t.equal(answered.statusCode, 200, answered.body);
  t.same(answered.json().hits.map((x: { id: string }) => x.id), [read!.id], 'only this department\'s read crosses');
  t.equal(answered.json().hits[0].vehicleColour, 'silver', 'with its colour, through both hubs\' HTTP answers (the partner checked the signature over it)');
  t.same(answered.json().referrals, [{ origin: 'berwyn-cam-7', count: 1 }]);

  const inbound = await here.services.audit.query({ action: 'sharing.search', limit: 10 });
  t.equal(inbound.length, 1);
  t.match(inbound[0]!.detail, { agencyName: 'Hammond Police Department', agencyOri: 'IN0450300', outcome: 'answered', readsReleased: 1, officer: { id: officer.account.userId, name: officer.account.displayName } });
  const outbound = await there.services.audit.query({ action: 'sharing.outboundSearch', limit: 10 });
  t.equal(outbound.length, 1);
  t.match(outbound[0]!.detail, { agencyOri: 'IL0160000', outcome: 'answered', readsReceived: 1, partnerLedgerSeq: inbound[0]!.seq });
  t.equal(outbound[0]!.actor, officer.account.userId);

  const prohibited = await theirs.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${usThere}/search`, headers: bearer(officer.token), payload: { ...search, description: 'ICE detainer on the driver' } });
  t.equal(prohibited.json().code, 'ALPR_ERR_PURPOSE_PROHIBITED', 'the partner\'s own gate refuses first');
  t.equal((await here.services.audit.query({ action: 'sharing.search', limit: 10 })).length, 1, 'and nothing was sent here');

  const chief = await here.user('chief');
  const revoked = await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${partnerHere}/revoke`, headers: bearer(chief.token), payload: { reason: 'agreement ended by the Chief' } });
  t.equal(revoked.statusCode, 200, revoked.body);
  const other = await there.user('detective');
  const refused = await theirs.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${usThere}/search`, headers: bearer(other.token), payload: search });
  t.equal(refused.statusCode, 502);
  t.match(refused.json().message, /ALPR_ERR_SHARING_REFUSED.*revoked/);
  t.match((await here.services.audit.query({ action: 'sharing.search', limit: 10 })).at(-1)!.detail, { outcome: 'refused', refusalReason: /revoked/ });

  const auditor = await here.user('auditor');
  t.equal((await ours.app.inject({ method: 'GET', url: '/api/v1/sharing/ledger', headers: bearer(officer.token) })).statusCode, 401, 'another hub\'s session means nothing here');
  const ledger = await ours.app.inject({ method: 'GET', url: '/api/v1/sharing/ledger', headers: bearer(auditor.token) });
  t.equal(ledger.statusCode, 200, ledger.body);
  t.same(ledger.json().map((r: { detail: { outcome: string } }) => r.detail.outcome), ['answered', 'refused']);
  const admin = await here.user('admin');
  t.equal((await ours.app.inject({ method: 'GET', url: '/api/v1/sharing/ledger', headers: bearer(admin.token) })).statusCode, 403, 'the ledger is for auditors and the Chief');
});

onBothStores(t, 'a written request from an agency without online access: released as a signed evidence file naming the recipient, recorded in the ledger', async (t, here) => {
  const [read] = await here.addReads([{ plate: 'ABC1234' }]);
  const ours = await listening(t, here);
  const admin = await here.user('admin');
  const chief = await here.user('chief');
  const detective = await here.user('detective');
  const officer = await here.user('officer');
  const agency = await ours.app.inject({ method: 'POST', url: '/api/v1/sharing/agencies', headers: bearer(admin.token), payload: { name: 'Illinois State Police', ori: 'IL0849800', state: 'IL', level: 'state', contact: 'ISP District Chicago, 555-0199' } });
  t.equal(agency.statusCode, 201, agency.body);
  const agencyId = agency.json().agencyId as string;
  const request = { officer: { id: 'isp-2231', name: 'Sgt. K. Novak' }, caseNumber: 'ISP-26-11873', offense: '240', purpose: 'stolen_vehicle', description: 'stolen pickup seen on the expressway', query: { plate: 'ABC1234', mode: 'exact' } };
  const online = await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/agreements`, headers: bearer(chief.token), payload: { siteIds: ['site-1'], purposes: ['stolen_vehicle'], access: 'online', reference: 'CHIEF-MEMO-26-020', expiresAt: START + 90 * DAY } });
  t.equal(online.statusCode, 400, 'online access needs a partner hub on record');
  t.equal((await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/agreements`, headers: bearer(chief.token), payload: { siteIds: ['site-1'], purposes: ['stolen_vehicle'], access: 'request', reference: 'CHIEF-MEMO-26-020', expiresAt: START + 90 * DAY } })).statusCode, 201);
  t.equal((await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/file-requests`, headers: bearer(officer.token), payload: request })).statusCode, 403, 'written requests go to Investigations');
  const undeclared = await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/file-requests`, headers: bearer(detective.token), payload: request });
  t.equal(undeclared.statusCode, 403);
  t.equal(undeclared.json().code, 'ALPR_ERR_SHARING_REFUSED');
  await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/declarations`, headers: bearer(admin.token), payload: { documentBase64: DECLARATION.toString('base64'), signerName: 'Col. P. Reyes', signerTitle: 'Deputy Director', signedAt: here.clock.now() - DAY, expiresAt: here.clock.now() + 365 * DAY } });
  const released = await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/file-requests`, headers: bearer(detective.token), payload: request });
  t.equal(released.statusCode, 201, released.body);
  const file = released.json();
  t.same(file.body.recipient, { name: 'Sgt. K. Novak', agency: 'Illinois State Police', ori: 'IL0849800' });
  t.same(file.body.reads.map((r: { id: string }) => r.id), [read!.id]);
  t.equal(file.body.reads[0].vehicleColour, 'silver', 'the file carries the colour the appliance judged');
  t.ok(verifyEvidenceFile(file, createPublicKey(here.services.sharing.publicKeyPem)), 'the file verifies with this hub\'s key');
  const [, record] = await here.services.audit.query({ action: 'sharing.search', limit: 10 });
  t.match(record!.detail, { agencyName: 'Illinois State Police', agencyOri: 'IL0849800', outcome: 'answered', readsReleased: 1, channel: 'file', handledBy: detective.account.userId, readIds: [read!.id], recipient: { name: 'Sgt. K. Novak', agency: 'Illinois State Police', ori: 'IL0849800' } });
  t.ok(record!.detail.declarationId, 'the declaration it was released under is named');
  t.equal(file.body.searchId, record!.seq);
  t.same((await verifyEvidence(file, here.keys.sign.publicKey, here.services.audit)).problems, [], 'the released file verifies against its ledger entry');
  const forged = signEvidence({ ...structuredClone(file.body), caseNumber: 'ISP-26-99999' }, { signingKey: here.keys.sign.privateKey, verifyKey: here.keys.sign.publicKey });
  t.match((await verifyEvidence(forged, here.keys.sign.publicKey, here.services.audit)).problems, [/case number \(file ISP-26-99999, recorded ISP-26-11873\) differs/], 'passed off as another case, re-signed with the hub key, it is found');
  // Whoever holds the data folder re-signs a released file after changing what it shows.
  const resign = (body: typeof file.body) => signEvidence(body, { signingKey: here.keys.sign.privateKey, verifyKey: here.keys.sign.publicKey });
  const altered = structuredClone(file.body);
  Object.assign(altered.reads[0], { plate: 'ZZZ9999', capturedAt: altered.reads[0].capturedAt + 3600_000, siteId: 'site-2' });
  altered.description = 'a different request';
  t.match((await verifyEvidence(resign(altered), here.keys.sign.publicKey, here.services.audit)).problems, [/content \(its SHA-256\) differs from what release record \d+ says was released/], 'a plate, time, site or description changed in a released file is found');
  t.match((await verifyEvidence(resign({ ...structuredClone(file.body), reads: [] }), here.keys.sign.publicKey, here.services.audit)).problems, [/reads differ from what release record/], 'so is a file emptied of its reads');
  t.match((await verifyEvidence(resign({ ...structuredClone(file.body), exportId: '00000000-0000-4000-8000-000000000001' }), here.keys.sign.publicKey, here.services.audit)).problems, [/records no release of file 00000000-0000-4000-8000-000000000001/], 'and one passed off under the ledger entry with another export id');

  // A prohibited search here suspends the detective (VII.H): it releases nothing to anyone until reviewed.
  const prohibited = await ours.app.inject({ method: 'POST', url: '/api/v1/search', headers: bearer(detective.token), payload: { plate: 'ABC1234', mode: 'exact', purpose: 'stolen_vehicle', offense: '240', caseNumber: '26-004512', description: 'help ICE agents locate this pickup' } });
  t.equal(prohibited.json().code, 'ALPR_ERR_PURPOSE_PROHIBITED');
  const suspended = await ours.app.inject({ method: 'POST', url: `/api/v1/sharing/agencies/${agencyId}/file-requests`, headers: bearer(detective.token), payload: request });
  t.match({ status: suspended.statusCode, ...suspended.json() }, { status: 403, code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended after a refused search .* it cannot use the ALPR system/ }, 'a suspended detective cannot release reads by written request (refused by the API\'s central check in auth())');
  t.equal((await here.services.audit.query({ action: 'sharing.search', limit: 10 })).length, 2, 'no third ledger entry: nothing was searched');
  const spoofed = await ours.app.inject({ method: 'POST', url: '/api/v1/federation/search', payload: { payload: { version: 1, fromOri: 'IL0849800', toOri: 'IL0160000', nonce: 'n0000000000000001', sentAt: here.clock.now(), officer: request.officer, caseNumber: 'X-1', offense: '240', purpose: 'stolen_vehicle', description: 'stolen pickup again', query: request.query }, signature: 'AAAA' } });
  t.equal(spoofed.statusCode, 401, 'an agency with no hub on record cannot search online');
  t.equal(spoofed.json().code, 'ALPR_ERR_FEDERATION_REQUEST');
  const [unattributed] = await here.services.audit.query({ action: 'sharing.requestRefused', limit: 5 });
  t.match(unattributed, { actor: 'anonymous', outcome: 'refused', detail: { route: '/api/v1/federation/search', code: 'ALPR_ERR_FEDERATION_REQUEST' } }, 'the request audit records the unverifiable request');
});

onBothStores(t, 'a partner hub\'s signed request the schema refuses is refused 400 in the ledger under its agency, with its reason and its nonce spent, and its replay is refused as a replay; unsigned copies are recorded under no agency', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const p = await partner(h);
  const auditor = await h.user('auditor');
  const send = (body: object) => app.inject({ method: 'POST', url: '/api/v1/federation/search', payload: body });
  const ledger = async (): Promise<Array<{ actor: string; outcome: string; detail: Record<string, unknown> }>> => (await app.inject({ method: 'GET', url: '/api/v1/sharing/ledger', headers: bearer(auditor.token) })).json();
  const underAgency = async () => h.services.audit.query({ actor: 'agency:IL0161100', action: 'sharing.requestRefused', limit: 10 });
  const badQuery = { plate: 'ABC1234', mode: 'exact', radiusKm: 5 } as never;

  // Copies of a partner's request, changed or without its signature, with bodies the schema refuses.
  const good = p.request();
  for (const [copy, why] of [[{ payload: { ...good.payload, query: badQuery }, signature: good.signature }, 'changed after signing'], [{ payload: good.payload, signature: `${good.signature}!!!!` }, 'with characters added to its signature']] as const) {
    const refused = await send(copy);
    t.match({ status: refused.statusCode, ...refused.json() }, { status: 401, code: 'ALPR_ERR_FEDERATION_REQUEST', message: /not signed by a partner hub/ }, `a copy ${why} is refused as unverified, whatever its body`);
  }
  // Only the payload is signed: faults in the envelope around it are anyone's on the way, a plain 400.
  for (const [copy, why] of [[{ payload: good.payload }, 'with no signature'], [{ ...good, extra: 0 }, 'with another key beside the payload'], [{ payload: good.payload, signature: `${good.signature}${'='.repeat(200)}` }, 'with a signature padded past its length']] as const) {
    const refused = await send(copy);
    t.match({ status: refused.statusCode, ...refused.json() }, { status: 400, code: 'ALPR_ERR_INVALID_INPUT', message: /envelope/ }, `a copy ${why} is refused for its envelope`);
  }
  t.same(await ledger(), [], 'none of the copies is in the ledger');
  t.same(await underAgency(), [], 'nor recorded under the agency');
  t.match(await h.services.audit.query({ actor: 'anonymous', action: 'sharing.requestRefused', limit: 10 }), [{ outcome: 'refused', detail: { code: 'ALPR_ERR_FEDERATION_REQUEST' } }], 'the request audit records the unverified ones, as before');
  const answered = await send(good);
  t.equal(answered.statusCode, 200, answered.body);
  t.equal(answered.json().payload.hits.length, 1, 'the partner\'s own request is answered: the copies did not spend its nonce');

  const malformed = p.request({ query: badQuery });
  const refused = await send(malformed);
  t.match({ status: refused.statusCode, ...refused.json() }, { status: 400, code: 'ALPR_ERR_INVALID_INPUT', message: /payload\/query\/radiusKm/ }, 'a signed request the schema refuses gets the schema\'s reason');
  const entries = await ledger();
  t.same(entries.map((r) => r.detail.outcome), ['answered', 'refused'], 'it is in the ledger as refused, after the answered one');
  t.match(entries[1], {
    actor: 'agency:IL0161100', outcome: 'refused',
    detail: { agencyName: 'Maywood Police Department', agencyOri: 'IL0161100', caseNumber: 'MPD-26-00871', channel: 'online', nonce: malformed.payload.nonce, code: 'ALPR_ERR_INVALID_INPUT', refusalReason: refused.json().message, readsReleased: 0 },
  }, 'under its agency, with the reason it was refused');

  const replayed = await send(malformed);
  t.match({ status: replayed.statusCode, ...replayed.json() }, { status: 401, code: 'ALPR_ERR_FEDERATION_REQUEST', message: /replay/ }, 'the same signed request again is refused as a replay: its nonce was spent');
  t.equal((await ledger()).length, 2, 'and is no second search in the ledger');
  t.match(await underAgency(), [{ outcome: 'refused', detail: { nonce: malformed.payload.nonce, reason: /replay/ } }], 'the replay is recorded under the agency');

  const noNonce = await send(p.request({ nonce: 'n1' }));
  t.match({ status: noNonce.statusCode, ...noNonce.json() }, { status: 401, code: 'ALPR_ERR_FEDERATION_REQUEST', message: /nonce/ }, 'a signed request with no nonce that could be spent is refused before it is read');
  t.match((await underAgency()).map((r) => r.detail.reason), [/replay/, /nonce/], 'and recorded under the agency like a replay');
  t.same((await h.services.audit.verify()).problems, [], 'the audit chain still verifies');
});
