import t from 'tap';
import { createPublicKey, verify } from 'node:crypto';
import { canonicalJson } from '../../../hub/audit/auditLog.js';
import type { AuditRecord } from '../../../hub/index.js';
import { signPayload } from '../../../hub/sharing/signedRequest.js';
import { DAY, START, onBothStores, type Harness } from '../../helpers/hubHarness.js';
import { partner } from '../../helpers/sharing.js';

const ledger = async (h: Harness): Promise<AuditRecord[]> => h.services.audit.query({ action: 'sharing.search', limit: 100 });
const last = async (h: Harness): Promise<AuditRecord> => (await ledger(h)).at(-1)!;
/** The shape the CPOC report is built from (issue 20). */
const cpoc = (r: AuditRecord) => {
  const { agencyName, agencyOri, purpose, offense, caseNumber, outcome, readsReleased } = r.detail;
  return { agencyName, agencyOri, purpose, offense, caseNumber, outcome, readsReleased };
};

onBothStores(t, 'an approved agency with a current declaration is answered with its reads, signed by this hub, and the search is in the ledger', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const answer = await h.services.sharing.outside.answerSigned(p.request());
  t.same(answer.payload.hits.map((x) => x.id), [read!.id]);
  t.equal(answer.payload.fromOri, h.services.sharing.ori);
  t.notOk('crop' in answer.payload.hits[0]!, 'no images in an answer');
  t.equal(answer.payload.hits[0]!.vehicleColour, 'silver', 'the answer carries the read\'s colour, which the partner\'s officer verifies as ours does');
  t.ok(verify(null, Buffer.from(canonicalJson(answer.payload)), createPublicKey(h.services.sharing.publicKeyPem), Buffer.from(answer.signature, 'base64')), 'the answer is signed with this hub\'s key');
  const record = await last(h);
  t.equal(record.outcome, 'ok');
  t.equal(record.actor, 'agency:IL0161100');
  t.same(cpoc(record), { agencyName: 'Maywood Police Department', agencyOri: 'IL0161100', purpose: 'violent_crime', offense: '120', caseNumber: 'MPD-26-00871', outcome: 'answered', readsReleased: 1 });
  t.same(record.detail.officer, { id: 'mpd-4471', name: 'Det. R. Alvarez' }, 'the searching officer is named in the ledger');
  t.equal(record.detail.channel, 'online');
  t.equal(answer.payload.ledgerSeq, record.seq);
});

onBothStores(t, 'declarations: none, expired, and an out-of-state agency without one are refused and recorded; a current one is answered', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const none = await partner(h, { declaration: false });
  await t.rejects(h.services.sharing.outside.answerSigned(none.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /no current signed declaration.*2-130/ });
  let record = await last(h);
  t.equal(record.outcome, 'refused');
  t.same(cpoc(record), { agencyName: 'Maywood Police Department', agencyOri: 'IL0161100', purpose: 'violent_crime', offense: '120', caseNumber: 'MPD-26-00871', outcome: 'refused', readsReleased: 0 });
  t.match(record.detail.refusalReason, /declaration/);

  const expired = await partner(h, { declaration: 'expired', name: 'Forest Park Police Department', ori: 'IL0161200' });
  await t.rejects(h.services.sharing.outside.answerSigned(expired.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /declaration/ });
  t.equal((await last(h)).detail.agencyOri, 'IL0161200');

  const indiana = await partner(h, { declaration: false, name: 'Hammond Police Department', ori: 'IN0450300', state: 'IN' });
  await t.rejects(h.services.sharing.outside.answerSigned(indiana.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /Hammond.*declaration/ });
  await h.services.sharing.agencies.recordDeclaration(indiana.agency.agencyId, {
    documentBase64: Buffer.alloc(200, 1).toString('base64'), signerName: 'Chief J. Hammond', signerTitle: 'Chief of Police', signedAt: h.clock.now() - DAY, expiresAt: h.clock.now() + 30 * DAY,
  }, 'admin-1');
  const answered = await h.services.sharing.outside.answerSigned(indiana.request());
  t.equal(answered.payload.hits.length, 1, 'once its declaration is on file, the out-of-state agency is answered');
  h.clock.advance(31 * DAY);
  await t.rejects(h.services.sharing.outside.answerSigned(indiana.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /declaration/ }, 'and refused again once it expires');
});

onBothStores(t, 'scope: sites, purposes, time window and access outside the agreement are refused, not trimmed', async (t, h) => {
  await h.services.sites.approve({ siteId: 'site-2', name: 'Madison and Oak Park', approvalRef: 'CHIEF-2026-002', latitude: 41.88, longitude: -87.79, cameras: ['cam0'] }, 'chief');
  await h.services.devices.enroll({ deviceId: 'pole-2', publicKey: Buffer.alloc(32, 7), siteId: 'site-2' }, 'test');
  await h.addReads([{ plate: 'ABC1234', siteId: 'site-1', capturedAt: START - 3 * DAY }, { plate: 'ABC1234', siteId: 'site-1', capturedAt: START - 20 * DAY }]);
  await h.addReads([{ plate: 'ABC1234', siteId: 'site-2', deviceId: 'pole-2' }]);
  const p = await partner(h, { siteIds: ['site-1'], purposes: ['stolen_vehicle', 'violent_crime'], windowFrom: START - 10 * DAY });
  const { outside } = h.services.sharing;

  const answer = await outside.answerSigned(p.request());
  t.same(answer.payload.hits.map((x) => x.siteId), ['site-1'], 'only the agreement\'s site and window: the read at site-2 and the one 20 days old are not searched');
  await t.rejects(outside.answerSigned(p.request({ query: { plate: 'ABC1234', mode: 'exact', siteIds: ['site-2'] } })), { code: 'ALPR_ERR_SHARING_REFUSED', message: /does not cover site site-2/ });
  await t.rejects(outside.answerSigned(p.request({ offense: 'NCIC-MP', purpose: 'missing_person', description: 'missing teenager, last seen in this car' })), { code: 'ALPR_ERR_SHARING_REFUSED', message: /does not cover the missing_person purpose/ });
  await t.rejects(outside.answerSigned(p.request({ query: { plate: 'ABC1234', mode: 'exact', from: START - 25 * DAY, to: START } })), { code: 'ALPR_ERR_SHARING_REFUSED', message: /covers reads captured from/ });
  await t.rejects(outside.answerSigned(p.request({ offense: '220', purpose: 'violent_crime' })), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /offense 220/ }, 'the offense must allow the purpose, as for searches here');
  const refused = (await ledger(h)).filter((r) => r.outcome === 'refused');
  t.equal(refused.length, 4, 'each refusal is in the ledger');

  const byFile = await partner(h, { access: 'request', name: 'Cicero Police Department', ori: 'IL0161300' });
  await t.rejects(outside.answerSigned(byFile.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /only by written request/ });
});

onBothStores(t, 'a written request releases at most the export limit of reads, and counts against its member\'s hourly cap', async (t, h) => {
  await h.addReads(Array.from({ length: 11 }, (_, i) => ({ plate: `ABC12${String(i).padStart(2, '0')}`, capturedAt: START - i * 60_000 })));
  const p = await partner(h, { access: 'request', name: 'Cicero Police Department', ori: 'IL0161300' });
  const detective = await h.user('detective');
  const { outside } = h.services.sharing;
  const written = (plate: string, mode: 'exact' | 'wildcard') => ({ officer: { id: 'cpd-118', name: 'Det. L. Ruiz' }, caseNumber: 'CPD-26-00412', offense: '240', purpose: 'stolen_vehicle',
    description: 'stolen van, partial plate from a witness', query: { plate, mode } });
  await t.rejects(outside.answerFile(detective.account, p.agency.agencyId, written('AB!!', 'exact') as never), { code: 'ALPR_ERR_INVALID_INPUT' }, 'a plate the search refuses is refused');
  t.match(await last(h), { action: 'sharing.search', outcome: 'refused', actor: detective.account.userId, detail: { channel: 'file', code: 'ALPR_ERR_INVALID_INPUT' } }, 'and is in the ledger (VII.F counts refusals)');
  await t.rejects(outside.answerFile(detective.account, p.agency.agencyId, written('ABC12*', 'wildcard') as never), { code: 'ALPR_ERR_RATE_LIMITED', message: /matches 11 reads.*at most 10/ }, 'eleven reads with their images: refused, to be narrowed');
  t.match(await last(h), { outcome: 'refused', actor: detective.account.userId, detail: { channel: 'file', readsReleased: 0 } }, 'the refusal is in the ledger');
  const file = await outside.answerFile(detective.account, p.agency.agencyId, written('ABC1203', 'exact') as never);
  t.equal(file.body.reads.length, 1, 'a narrowed request is answered');
  const cap = h.services.policy.search.maxQueriesPerHour;
  for (let i = 1; i < cap; i++) await outside.answerFile(detective.account, p.agency.agencyId, written('ABC1203', 'exact') as never);
  await t.rejects(outside.answerFile(detective.account, p.agency.agencyId, written('ABC1204', 'exact') as never), { code: 'ALPR_ERR_RATE_LIMITED', message: new RegExp(`handled ${cap} written requests in the past hour`) }, 'the member\'s cap holds for written requests');
  h.clock.advance(3600_000);
  t.equal((await outside.answerFile(detective.account, p.agency.agencyId, written('ABC1204', 'exact') as never)).body.reads.length, 1, 'an hour later it is answered');
});

onBothStores(t, 'no re-sharing: reads that did not come from this department\'s devices are withheld and the requester is referred', async (t, h) => {
  const [ours] = await h.addReads([{ plate: 'ABC1234' }]);
  const [theirs] = await h.addReads([{ plate: 'ABC1234', deviceId: 'berwyn-cam-7' }]);
  const p = await partner(h);
  const answer = await h.services.sharing.outside.answerSigned(p.request());
  t.same(answer.payload.hits.map((x) => x.id), [ours!.id], 'only this department\'s read');
  t.same(answer.payload.referrals, [{ origin: 'berwyn-cam-7', count: 1 }]);
  const record = await last(h);
  t.same(record.detail.readIds, [ours!.id]);
  t.notOk(JSON.stringify(record.detail.readIds).includes(theirs!.id));
  t.equal(record.detail.readsReleased, 1);
});

onBothStores(t, 'revocation: a request in flight when the Chief revokes is refused, and so is every later one', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const { outside, agencies } = h.services.sharing;
  t.equal((await outside.answerSigned(p.request())).payload.hits.length, 1);
  // The revocation lands while the search runs (between reading the reads and committing the answer).
  const getDevice = h.store.getDevice.bind(h.store);
  let revoked = false;
  h.store.getDevice = async (id) => {
    if (!revoked) {
      revoked = true;
      await agencies.revoke(p.agency.agencyId, 'found using data for personal use (VII.I)', 'chief-1');
    }
    return getDevice(id);
  };
  await t.rejects(outside.answerSigned(p.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /revoked/ });
  t.ok(revoked);
  t.same(cpoc(await last(h)), { agencyName: 'Maywood Police Department', agencyOri: 'IL0161100', purpose: 'violent_crime', offense: '120', caseNumber: 'MPD-26-00871', outcome: 'refused', readsReleased: 0 });
  await t.rejects(outside.answerSigned(p.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /revoked/ });
  await t.rejects(agencies.approveAgreement(p.agency.agencyId, { siteIds: ['site-1'], purposes: ['violent_crime'], access: 'online', reference: 'CHIEF-X-9', expiresAt: START + DAY }, 'chief-1'), { code: 'ALPR_ERR_CONFLICT' }, 'revocation is final');
});

onBothStores(t, 'signatures and replays: a wrong key, a changed request, another hub\'s address, a stale time or a spent nonce are refused', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const { outside } = h.services.sharing;
  const other = await partner(h, { name: 'Berwyn Police Department', ori: 'IL0161400' });
  const signedByOther = signPayload(p.request().payload, other.keys.privateKey);
  await t.rejects(outside.answerSigned(signedByOther), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /not signed by a partner hub/ }, 'signed by another hub\'s key');
  const changed = p.request();
  await t.rejects(outside.answerSigned({ ...changed, payload: { ...changed.payload, query: { plate: 'XYZ*', mode: 'wildcard' } } }), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /not signed by a partner hub/ }, 'changed after signing');
  await t.rejects(outside.answerSigned({ ...changed, signature: `${changed.signature}!!` }), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /not signed by a partner hub/ }, 'a signature with characters base64 skips: refused, not read as the signature');
  await t.rejects(outside.answerSigned(p.request({ toOri: 'IL0999999' })), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /addressed to IL0999999/ });
  await t.rejects(outside.answerSigned(p.request({ fromOri: 'IL0000001' })), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /not signed by a partner hub/ }, 'an ORI not registered gets the same answer as a bad signature');
  const stale = p.request({ sentAt: h.clock.now() - 6 * 60_000 });
  await t.rejects(outside.answerSigned(stale), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /5 minutes/ });
  const once = p.request();
  t.equal((await outside.answerSigned(once)).payload.hits.length, 1);
  await t.rejects(outside.answerSigned(once), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /replay/ }, 'the same request again');
  h.clock.advance(3 * 60_000);
  await t.rejects(outside.answerSigned(once), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /replay/ }, 'and again later, still inside the clock window');
  const refusals = await h.services.audit.query({ action: 'sharing.requestRefused', limit: 100 });
  // A request no registered key signed is not attributable: the HTTP request audit records it (routes.test.ts).
  t.equal(refusals.length, 4, 'requests signed by the partner\'s key but misaddressed, stale or replayed are recorded against the agency');
  t.match(refusals.map((r) => r.detail.reason), [/addressed to/, /5 minutes/, /replay/, /replay/]);
  t.equal((await ledger(h)).length, 1, 'only the verified request is a search in the ledger');
});

const PROHIBITED: Array<[string, string, string]> = [
  ['IMMIGRATION', 'violent_crime', 'locate the owner of this vehicle'],
  ['120', 'violent_crime', 'Assist ICE with a detainer on the driver'],
  ['120', 'violent_crime', 'immigration status check on the registered owner'],
  ['120', 'violent_crime', 'ICE detainer pending for subject, locate vehicle'],
  ['100', 'missing_person', 'vehicle seen at the abortion clinic on Lake St'],
  ['120', 'violent_crime', 'la migra pidió ayuda para localizar el coche'],
  ['240', 'stolen_vehicle', 'deportation proceedings against the owner'],
  ['240', 'stolen_vehicle', 'mifepristone shipment delivered by this van'],
  ['120', 'violent_crime', 'HSI asked us to find the overstay'],
];

onBothStores(t, 'prohibited purposes in many phrasings are refused, suspend the agency for the Chief\'s review, and the review can revoke it', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const { outside, reviews, agencies } = h.services.sharing;
  for (const [offense, purpose, description] of PROHIBITED) {
    await t.rejects(outside.answerSigned(p.request({ offense, purpose, description })), { code: 'ALPR_ERR_PURPOSE_PROHIBITED', message: /prohibit sharing/ }, description);
    const record = await last(h);
    t.equal(record.detail.outcome, 'refused');
    t.equal((await agencies.get(p.agency.agencyId))!.status, 'suspended');
    await t.rejects(outside.answerSigned(p.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /suspended pending the Chief's review/ }, 'nothing more is answered while the review is open');
    const [review] = await reviews.open();
    t.equal(review!.auditSeq, record.seq);
    await reviews.decide(review!.reviewId, 'reinstate', 'the officer named a burglary case; a misunderstanding', 'chief-1');
  }
  t.equal((await outside.answerSigned(p.request())).payload.hits.length, 1, 'reinstated, a proper request is answered');
  await t.rejects(outside.answerSigned(p.request({ description: 'ICE asked for the van\'s whereabouts' })), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  const [review] = await reviews.open();
  await reviews.decide(review!.reviewId, 'revoke', 'second immigration request this month (VII.I)', 'chief-1');
  t.equal((await agencies.get(p.agency.agencyId))!.status, 'revoked');
  await t.rejects(outside.answerSigned(p.request()), { code: 'ALPR_ERR_SHARING_REFUSED', message: /revoked/ });
  t.ok((await h.services.audit.query({ action: 'sharing.revoke', limit: 5 })).length === 1);
});

onBothStores(t, 'a partner hub sending its searches all at once, to one hub process or two, is still answered at most max_queries_per_hour times', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const cap = h.services.policy.search.maxQueriesPerHour;
  const hubs = h.engine === 'pg' ? [h.services, await h.peer()] : [h.services];
  const answers = await Promise.allSettled(Array.from({ length: cap + 10 }, (_, i) => hubs[i % hubs.length]!.sharing.outside.answerSigned(p.request({ officer: { id: `mpd-${i}`, name: `Officer ${i}` } }))));
  t.equal(answers.filter((a) => a.status === 'fulfilled').length, cap, `${cap} answered`);
  t.same([...new Set(answers.flatMap((a) => (a.status === 'rejected' ? [(a.reason as { code: string }).code] : [])))], ['ALPR_ERR_RATE_LIMITED'], 'the rest refused as over the cap');
  const records = await ledger(h);
  t.equal(records.filter((r) => r.outcome === 'ok').length, cap, 'the ledger holds the answered ones');
  t.equal(records.filter((r) => r.outcome === 'refused' && r.detail.readsReleased === 0).length, 10, 'and each refusal, with no reads released');
});

onBothStores(t, 'no mass download from outside: a partner hub runs at most max_queries_per_hour searches an hour, whichever officers it names; the next is refused and recorded', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }]);
  const p = await partner(h);
  const cap = h.services.policy.search.maxQueriesPerHour;
  for (let i = 0; i < cap; i++) {
    const answer = await h.services.sharing.outside.answerSigned(p.request({ officer: { id: `mpd-${i}`, name: `Officer ${i}` } }));
    t.equal(answer.payload.hits.length, 1, `search ${i + 1} answered`);
    h.clock.advance(1000);
  }
  await t.rejects(h.services.sharing.outside.answerSigned(p.request()), { code: 'ALPR_ERR_RATE_LIMITED', message: new RegExp(`run ${cap} searches here in the past hour; the limit is ${cap}`) });
  t.match(await last(h), { outcome: 'refused', detail: { code: 'ALPR_ERR_RATE_LIMITED', readsReleased: 0 } });
  h.clock.advance(3600_000);
  t.equal((await h.services.sharing.outside.answerSigned(p.request())).payload.hits.length, 1, 'an hour later it is answered again');
});

onBothStores(t, 'a signed request the schema refused is ledgered with its fields cut to the schema\'s longest, and its nonce spent', async (t, h) => {
  const p = await partner(h);
  const { outside } = h.services.sharing;
  const huge = p.request({ description: 'x'.repeat(60_000), caseNumber: 'c'.repeat(5_000) });
  await t.rejects(outside.answerSigned(huge, 'body/payload/description must NOT have more than 500 characters'), { code: 'ALPR_ERR_INVALID_INPUT' });
  const [record] = await h.services.audit.query({ action: 'sharing.search', limit: 5 });
  t.equal(record!.outcome, 'refused');
  t.ok(String(record!.detail.description).length < 600, `the description is kept cut (${String(record!.detail.description).length} characters of 60,000)`);
  t.match(record!.detail.description, /^x{500}\.\.\. \(60000 characters\)$/, 'it says how long it was');
  t.ok(String(record!.detail.caseNumber).length < 600, 'so is the case number');
  await t.rejects(outside.answerSigned(huge), { code: 'ALPR_ERR_FEDERATION_REQUEST', message: /replay/ }, 'its nonce is spent');
});
