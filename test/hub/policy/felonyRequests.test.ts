import t from 'tap';
import { buildApi } from '../../../hub/api/server.js';
import { captureLogger } from '../../helpers/index.js';
import { DAY, onBothStores } from '../../helpers/hubHarness.js';

const felony = { purpose: 'other_felony' as const, offense: '220', caseNumber: '26-000731', description: 'burglary ring using a rented van', plate: 'FEL0001', mode: 'exact' as const };
const written = { caseNumber: '26-000731', description: 'string of residential burglaries, van seen at three scenes' };

onBothStores(t, 'an approved felony request covers its requester and the investigators the Chief named, and nobody else', async (t, h) => {
  await h.addReads([{ plate: 'FEL0001' }]);
  const requester = await h.user('detective');
  const partner = await h.user('analyst');
  const otherOfficer = await h.user('officer');
  const dispatcher = await h.user('dispatcher');
  const chief = await h.user('chief');
  const request = await h.services.felony.submit(written, requester.account.userId);
  const approved = await h.services.felony.decide(request.requestId, true, chief.account.userId, 'approved in writing', [partner.account.userId]);
  t.same(approved.investigators, [partner.account.userId]);
  t.equal(approved.expiresAt, h.clock.now() + 30 * DAY, 'valid for 30 days by default');
  const cite = { ...felony, felonyRequestId: request.requestId };

  t.equal((await h.services.search.search(requester.account, cite)).hits.length, 1, 'the requester may search');
  t.equal((await h.services.search.search(partner.account, cite)).hits.length, 1, 'a named investigator may search');
  for (const outsider of [otherOfficer, dispatcher]) {
    await t.rejects(h.services.search.search(outsider.account, cite), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /requester and the investigators/ }, `the ${outsider.account.role} who was not named is refused`);
  }
  await t.rejects(h.services.search.search(requester.account, { ...cite, caseNumber: '26-000745' }), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /approved for case 26-000731/ }, 'not under another case');
  const refused = (await h.services.audit.query({ action: 'reads.search', limit: 50 })).filter((r) => r.outcome === 'refused');
  t.same(refused.map((r) => [r.actor, r.detail.code]), [
    [otherOfficer.account.userId, 'ALPR_ERR_FELONY_APPROVAL_INVALID'], [dispatcher.account.userId, 'ALPR_ERR_FELONY_APPROVAL_INVALID'], [requester.account.userId, 'ALPR_ERR_FELONY_APPROVAL_INVALID'],
  ], 'every refusal is audited');
});

onBothStores(t, 'an approval expires: after 30 days it covers no search, for anyone', async (t, h) => {
  await h.addReads([{ plate: 'FEL0001', capturedAt: h.clock.now() - 3600_000 }]);
  const requester = await h.user('officer');
  const request = await h.services.felony.submit(written, requester.account.userId);
  await h.services.felony.decide(request.requestId, true, 'chief-1', 'approved');
  const cite = { ...felony, felonyRequestId: request.requestId };
  h.clock.advance(30 * DAY - 60_000);
  t.ok((await h.services.search.search(requester.account, cite)).searchId > 0, 'a minute before expiry it still covers the search');
  h.clock.advance(60_000);
  await t.rejects(h.services.search.search(requester.account, cite), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /expired/ });
  const [last] = (await h.services.audit.query({ action: 'reads.search', limit: 50 })).filter((r) => r.outcome === 'refused');
  t.equal(last?.detail.code, 'ALPR_ERR_FELONY_APPROVAL_INVALID', 'the refusal is audited');
});

onBothStores(t, 'the approval period comes from the hub policy', async (t, h) => {
  const requester = await h.user('detective');
  const request = await h.services.felony.submit(written, requester.account.userId);
  await h.services.felony.decide(request.requestId, true, 'chief-1', 'approved for a week');
  h.clock.advance(7 * DAY);
  await t.rejects(h.services.search.search(requester.account, { ...felony, felonyRequestId: request.requestId }), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /expired/ });
}, { felonyApprovalValidMs: 7 * DAY });

onBothStores(t, 'the Chief can only name active accounts, and a denial names nobody', async (t, h) => {
  const requester = await h.user('detective');
  const request = await h.services.felony.submit(written, requester.account.userId);
  await t.rejects(h.services.felony.decide(request.requestId, true, 'chief-1', 'ok', ['00000000-0000-4000-8000-000000000000']), { code: 'ALPR_ERR_INVALID_INPUT', message: /no active account/ });
  await t.rejects(h.services.felony.decide(request.requestId, false, 'chief-1', 'no', [requester.account.userId + 'x']), { code: 'ALPR_ERR_INVALID_INPUT' });
  t.equal((await h.services.felony.get(request.requestId))?.status, 'pending', 'a refused decision changes nothing');
  t.equal((await h.services.felony.decide(request.requestId, true, 'chief-1', 'ok')).status, 'approved');
  await t.rejects(h.services.felony.decide(request.requestId, false, 'chief-1', 'changed mind'), { code: 'ALPR_ERR_CONFLICT' });
});

onBothStores(t, 'over HTTP the Chief names investigators in the decision and the reply shows the binding', async (t, h) => {
  const app = await buildApi({ services: h.services, logger: captureLogger().logger });
  t.teardown(() => app.close());
  const requester = await h.user('detective');
  const partner = await h.user('officer');
  const chief = await h.user('chief');
  const request = await h.services.felony.submit(written, requester.account.userId);
  const url = `/api/v1/felony-requests/${request.requestId}/decision`;
  const headers = { authorization: `Bearer ${chief.token}` };
  const coerced = await app.inject({ method: 'POST', url, headers, payload: { approve: 'true', note: 'approved' } });
  t.equal(coerced.statusCode, 400, '"true" is not true');
  const res = await app.inject({ method: 'POST', url, headers, payload: { approve: true, note: 'approved in writing', investigators: [partner.account.userId] } });
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { status: 'approved', investigators: [partner.account.userId], expiresAt: h.clock.now() + 30 * DAY });
});

onBothStores(t, 'a felony request is screened as a search is: a prohibited use is refused, audited and suspends the account; its case number is checked', async (t, h) => {
  const requester = await h.user('detective');
  const userId = requester.account.userId;
  await t.rejects(h.services.felony.submit({ caseNumber: '26-000731', description: 'track where the owner drives for immigration purposes please' }, userId),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED' }, 'a prohibited use is refused');
  t.match((await h.services.audit.query({ action: 'felony.request', limit: 5 }))[0], { actor: userId, outcome: 'refused', detail: { prohibited: [{ category: 'immigration enforcement' }] } }, 'and audited');
  t.ok(await h.services.reviews.isSuspended(userId), 'the account is suspended for review, as for a search (VII.H)');
  t.same(await h.services.felony.list(), [], 'nothing reaches the Chief');

  const other = await h.user('officer');
  for (const caseNumber of ['ABCD', '26-000000']) {
    await t.rejects(h.services.felony.submit({ ...written, caseNumber }, other.account.userId), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /case number/ }, `${caseNumber}: not a case number a search could cite`);
  }
  t.equal((await h.services.felony.submit(written, other.account.userId)).status, 'pending', 'a lawful request goes to the Chief');
});
