import t from 'tap';
import { DAY, onBothStores, START } from '../../helpers/hubHarness.js';
import { AlprError } from '../../../core/index.js';

const lawful = { purpose: 'violent_crime' as const, offense: '13A', caseNumber: '26-004871', description: 'shooting at Lake and Harlem, suspect vehicle seen leaving' };

onBothStores(t, 'an officer with a stated purpose finds reads, and the search is audited with every parameter', async (t, h) => {
  await h.addReads([{ plate: 'ABC1234' }, { plate: 'ABC1234', capturedAt: START - 2 * DAY }, { plate: 'XYZ9876' }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'abc-1234', mode: 'exact' });
  t.equal(res.hits.length, 2);
  const record = await h.services.audit.get(res.searchId);
  t.equal(record?.action, 'reads.search');
  t.equal(record?.actor, u.account.userId);
  t.equal(record?.detail.caseNumber, '26-004871');
  t.equal(record?.detail.purpose, 'violent_crime');
  t.equal(record?.detail.offense, '13A');
  t.equal(record?.detail.purposeKind, 'investigative');
  t.equal(record?.detail.description, lawful.description);
  t.equal(record?.detail.resultCount, 2);
  t.same((record?.detail.query as { plate: string }).plate, 'abc-1234');
});

onBothStores(t, 'a colour filter narrows a plate search to reads of those colours, unknown only when asked; the audit keeps it; a colour outside the list is refused and audited', async (t, h) => {
  await h.addReads([{ plate: 'COL1234', vehicleColour: 'red' }, { plate: 'COL1234', vehicleColour: 'grey', capturedAt: START - 2 * DAY }, { plate: 'COL1234', vehicleColour: 'unknown', capturedAt: START - 3 * DAY }]);
  const u = await h.user('officer');
  const red = await h.services.search.search(u.account, { ...lawful, plate: 'COL1234', mode: 'exact', colours: ['red'] });
  t.same(red.hits.map((r) => r.vehicleColour), ['red'], 'only the red read');
  const either = await h.services.search.search(u.account, { ...lawful, plate: 'COL1234', mode: 'exact', colours: ['grey', 'unknown'] });
  t.same(either.hits.map((r) => r.vehicleColour), ['grey', 'unknown'], 'grey, and the read whose colour the camera was not sure of, because unknown was asked for');
  const all = await h.services.search.search(u.account, { ...lawful, plate: 'COL1234', mode: 'exact' });
  t.same(all.hits.map((r) => r.vehicleColour), ['red', 'grey', 'unknown'], 'no filter: every colour');
  t.same(((await h.services.audit.get(red.searchId))?.detail.query as { colours: string[] }).colours, ['red'], 'the audit record holds the colour asked for');
  await t.rejects(h.services.search.search(u.account, { ...lawful, plate: 'COL1234', mode: 'exact', colours: ['purple' as 'red'] }), { code: 'ALPR_ERR_INVALID_INPUT', message: /^colours: one or more of white, black/ });
  await t.rejects(h.services.search.search(u.account, { ...lawful, plate: 'COL1234', mode: 'exact', colours: [] }), { code: 'ALPR_ERR_INVALID_INPUT' });
  const refused = (await h.services.audit.query({ action: 'reads.search', limit: 10 })).filter((r) => r.outcome === 'refused');
  t.same(refused.map((r) => r.detail.code), ['ALPR_ERR_INVALID_INPUT', 'ALPR_ERR_INVALID_INPUT'], 'both refusals are in the audit chain');
  t.equal((await h.services.reviews.open()).length, 0, 'a bad filter is a form error, not a suspension');
});

onBothStores(t, 'searches without a case number or with a prohibited purpose are refused, audited, and a prohibited one suspends the account', async (t, h) => {
  const u = await h.user('officer');
  const colleague = await h.user('officer');
  await t.rejects(h.services.search.search(u.account, { ...lawful, caseNumber: undefined, plate: 'ABC1234', mode: 'exact' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  t.equal((await h.services.reviews.open()).length, 0, 'a missing case number is a form error, not a suspension');
  await t.rejects(h.services.search.search(u.account, { ...lawful, description: 'driver keeps speeding past the school', plate: 'ABC1234', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED', message: /traffic enforcement/ });
  await t.rejects(h.services.search.search(colleague.account, { ...lawful, purpose: 'missing_person', offense: 'NCIC-MP', description: 'check imigration status of owner', plate: 'ABC1234', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED', message: /immigration/ });
  const refused = (await h.services.audit.query({ action: 'reads.search', limit: 10 })).filter((r) => r.outcome === 'refused');
  t.equal(refused.length, 3, 'every refusal is in the audit chain');
  const flags = await h.services.reviews.open();
  t.equal(flags.length, 2, 'prohibited purposes are flagged for review');
  t.same(flags.map((f) => f.suspension), ['suspended', 'suspended']);
  await t.rejects(h.services.search.search(u.account, { ...lawful, plate: 'ABC1234', mode: 'exact' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended after a refused search .* until a supervisor reviews it: it cannot search reads/ },
    'the suspended account cannot search, even with a lawful purpose');
  const admin = await h.user('admin');
  const lifted = await h.services.reviews.decide(flags[0]!.flagId, 'lift', 'spoke with officer; retrained on V.E', admin.account.userId);
  t.equal(lifted.reviewedBy, admin.account.userId);
  t.equal(lifted.suspension, 'lifted');
  t.ok(await h.services.search.search(u.account, { ...lawful, plate: 'ABC1234', mode: 'exact' }), 'a lifted suspension restores search access');
  t.equal((await h.services.reviews.open()).length, 1);
});

onBothStores(t, 'other-felony searches need a request the Chief approved for the same case', async (t, h) => {
  await h.addReads([{ plate: 'FEL0001' }]);
  const officer = await h.user('detective');
  const felony = { purpose: 'other_felony' as const, offense: '220', caseNumber: '26-000731', description: 'burglary ring using a rented van', plate: 'FEL0001', mode: 'exact' as const };
  const request = await h.services.felony.submit({ caseNumber: '26-000731', description: 'string of residential burglaries, van seen at three scenes' }, officer.account.userId);
  await t.rejects(h.services.search.search(officer.account, { ...felony, felonyRequestId: request.requestId }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not approved/ });
  await h.services.felony.decide(request.requestId, true, 'chief-1', 'approved in writing');
  await t.rejects(h.services.search.search(officer.account, { ...felony, caseNumber: '26-000732', felonyRequestId: request.requestId }), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /approved for case/ });
  const res = await h.services.search.search(officer.account, { ...felony, felonyRequestId: request.requestId });
  t.equal(res.hits.length, 1);
  await t.rejects(h.services.felony.decide(request.requestId, false, 'chief-1', 'changed mind'), { code: 'ALPR_ERR_CONFLICT' });
});

onBothStores(t, 'roles without search, lapsed accounts and misplaced purposes cannot search', async (t, h) => {
  const chief = await h.user('chief');
  await t.rejects(h.services.search.search(chief.account, { ...lawful, plate: 'ABC1234', mode: 'exact' }), { code: 'ALPR_ERR_FORBIDDEN' });
  const lapsed = await h.user('officer', { certified: false });
  await t.rejects(h.services.search.search(lapsed.account, { ...lawful, plate: 'ABC1234', mode: 'exact' }), { code: 'ALPR_ERR_ACCOUNT_LAPSED' });
  const admin = await h.user('admin');
  await t.rejects(h.services.search.search(admin.account, { ...lawful, plate: 'ABC1234', mode: 'exact' }), { code: 'ALPR_ERR_FORBIDDEN' });
  const res = await h.services.search.search(admin.account, { purpose: 'administrative', reference: 'AUD-26-0417', description: 'monthly audit sample per VII.E', plate: 'ABC1234', mode: 'exact' });
  t.equal(res.hits.length, 0, 'an administrative query runs with an audit reference instead of a case number');
});

onBothStores(t, 'results per query and searches per hour are capped', async (t, h) => {
  await h.addReads(Array.from({ length: 8 }, () => ({ plate: 'MANY001' })));
  const u = await h.user('analyst');
  const first = await h.services.search.search(u.account, { ...lawful, plate: 'MANY001', mode: 'exact', limit: 1000 });
  t.equal(first.hits.length, 5, 'the per-query cap applies whatever limit is asked');
  t.equal(first.truncated, true);
  await h.services.search.search(u.account, { ...lawful, plate: 'MANY001', mode: 'exact' });
  await t.rejects(h.services.search.search(u.account, { ...lawful, plate: 'MANY001', mode: 'exact' }), { code: 'ALPR_ERR_RATE_LIMITED' });
  h.clock.advance(3600_000);
  t.ok(await h.services.search.search(u.account, { ...lawful, plate: 'MANY001', mode: 'exact' }), 'the hour rolls on');
}, { search: { maxResultsPerQuery: 5, maxQueriesPerHour: 2, retentionMs: 30 * DAY } });

onBothStores(t, 'searches sent at once, to one hub process or two, stop at the hourly cap', async (t, h) => {
  await h.addReads([{ plate: 'RUSH001' }]);
  const u = await h.user('officer');
  // Two processes on PostgreSQL (where several hubs share one database); SQLite serves one.
  const hubs = h.engine === 'pg' ? [h.services, await h.peer()] : [h.services];
  const answers = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => hubs[i % hubs.length]!.search.search(u.account, { ...lawful, plate: 'RUSH001', mode: 'exact' })));
  t.equal(answers.filter((a) => a.status === 'fulfilled').length, 4, 'four of twelve are answered');
  t.same([...new Set(answers.flatMap((a) => (a.status === 'rejected' ? [(a.reason as { code: string }).code] : [])))], ['ALPR_ERR_RATE_LIMITED'], 'the rest are refused as over the cap');
  const records = (await h.services.audit.query({ action: 'reads.search', limit: 100 })).filter((r) => r.actor === u.account.userId);
  t.equal(records.filter((r) => r.outcome === 'ok').length, 4, 'four searches in the audit chain');
  t.equal(records.filter((r) => r.outcome === 'refused').length, 8, 'and eight refusals');
}, { search: { maxResultsPerQuery: 5, maxQueriesPerHour: 4, retentionMs: 30 * DAY } });

onBothStores(t, 'an image is opened only through the user\'s own search that returned it, and the view is audited', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'IMG0001' }]);
  const u = await h.user('officer');
  const other = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'IMG0001', mode: 'exact' });
  const seen = await h.services.search.viewImages(u.account, read!.id, res.searchId);
  t.same(seen.crop, Buffer.from('crop-jpeg'));
  await t.rejects(h.services.search.viewImages(other.account, read!.id, res.searchId), { code: 'ALPR_ERR_NOT_FOUND' }, 'not through someone else\'s search');
  const views = await h.services.audit.query({ action: 'reads.viewImage', limit: 5 });
  t.equal(views.length, 1);
  t.equal(views[0]?.detail.caseNumber, lawful.caseNumber);
});

onBothStores(t, 'administrative queries carry a checked reference, are recorded as such, and never open images', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'ADM0001' }]);
  const admin = await h.user('admin');
  const auditor = await h.user('auditor');
  await t.rejects(h.services.search.search(admin.account, { purpose: 'administrative', description: 'checking something for a friend', plate: 'ADM0001', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /complaint.*audit number/ });
  await t.rejects(h.services.search.search(admin.account, { purpose: 'administrative', reference: 'PC-26-1111', description: 'checking something for a friend', plate: 'ADM0001', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a real reference/ });
  const res = await h.services.search.search(admin.account, { purpose: 'administrative', reference: 'pc-26-0142', description: 'personnel complaint 0142: officer misuse alleged', plate: 'ADM0001', mode: 'exact' });
  t.equal(res.hits.length, 1, 'the query lists the read');
  const record = await h.services.audit.get(res.searchId);
  t.same([record?.detail.purposeKind, record?.detail.reference], ['administrative', 'PC-26-0142'], 'the audit record says what kind of query it was and cites its reference');
  await t.rejects(h.services.search.viewImages(admin.account, read!.id, res.searchId), { code: 'ALPR_ERR_FORBIDDEN', message: /administrative or audit query/ });
  const audit = await h.services.search.search(auditor.account, { purpose: 'audit', reference: 'AUD-26-0007', description: 'monthly user audit per VII.E', plate: 'ADM0001', mode: 'exact' });
  t.equal((await h.services.audit.get(audit.searchId))?.detail.purposeKind, 'audit');
  await t.rejects(h.services.search.viewImages(auditor.account, read!.id, audit.searchId), { code: 'ALPR_ERR_FORBIDDEN' });
  t.equal((await h.services.audit.query({ action: 'reads.viewImage', limit: 5 })).length, 0, 'no image was opened');
});

onBothStores(t, 'a prohibited offense category or a malformed case number does not spare the account its suspension', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'SUS0001' }]);
  const u = await h.user('officer');
  const earlier = await h.services.search.search(u.account, { ...lawful, plate: 'SUS0001', mode: 'exact' });
  await t.rejects(h.services.search.search(u.account, { ...lawful, offense: 'IMMIGRATION', caseNumber: '0000', description: 'vehicle of interest for a federal partner', plate: 'SUS0001', mode: 'exact' }),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED', message: /immigration enforcement/ });
  await t.rejects(h.services.search.viewImages(u.account, read!.id, earlier.searchId), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /it cannot open images or export reads from its earlier searches/ }, 'nor can it open images of an earlier search');
  const refused = (await h.services.audit.query({ action: 'reads.search', limit: 10 })).filter((r) => r.outcome === 'refused');
  t.same(refused.map((r) => r.detail.offense), ['IMMIGRATION']);
});

onBothStores(t, 'past the retention period a held read is found only by the member who placed the hold, under its case, and by auditors', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'HLD0001', capturedAt: START - DAY, receivedAt: START }]);
  const caseA = { ...lawful, caseNumber: '26-000100' };
  const caseB = { ...lawful, caseNumber: '26-000200' };
  const a = await h.user('officer');
  const b = await h.user('officer');
  const found = await h.services.search.search(a.account, { ...caseA, plate: 'HLD0001', mode: 'exact' });
  await h.services.evidence.export(a.account, { readIds: [read!.id], searchId: found.searchId, description: 'vehicle seen leaving the scene of the shooting' });

  h.clock.advance(START + 29 * DAY - 3600_000 - h.clock.now()); // an hour before the read's 30 days are up
  const early = await h.services.search.search(b.account, { ...caseB, plate: 'HLD0001', mode: 'exact', from: 0 });
  t.equal(early.hits.length, 1, 'within retention any lawful search finds it');
  h.clock.advance(2 * 3600_000);
  await h.services.retention.run('manual', 'admin-1');
  t.ok(await h.store.getRead(read!.id), 'the hold kept the read through the purge');

  const wide = await h.services.search.search(b.account, { ...caseB, plate: 'HLD0001', mode: 'exact', from: 0 });
  t.same(wide.hits, [], 'another case does not find it, however wide the time range');
  const wildcard = await h.services.search.search(b.account, { ...caseB, plate: 'HLD*', mode: 'wildcard', from: 0 });
  t.same(wildcard.hits, [], 'nor by wildcard');
  await t.rejects(h.services.search.viewImages(b.account, read!.id, early.searchId), { code: 'ALPR_ERR_NOT_FOUND' }, 'nor see its images through a search run before the 30 days were up');
  await t.rejects(h.services.evidence.export(b.account, { readIds: [read!.id], searchId: early.searchId, description: 'a second case wants the same read' }), { code: 'ALPR_ERR_NOT_FOUND' }, 'nor export it');

  const typed = await h.services.search.search(b.account, { ...caseA, plate: 'HLD0001', mode: 'exact', from: 0 });
  t.same(typed.hits, [], 'nor does someone else who types the hold\'s case number: it is a string anyone can guess');
  await t.rejects(h.services.search.viewImages(b.account, read!.id, typed.searchId), { code: 'ALPR_ERR_NOT_FOUND' });

  const own = await h.services.search.search(a.account, { ...caseA, plate: 'HLD0001', mode: 'exact', from: 0 });
  t.same(own.hits.map((x) => x.id), [read!.id], 'the member who placed the hold, under its case, still finds it');
  t.equal((await h.services.search.viewImages(a.account, read!.id, own.searchId)).crop.toString(), 'crop-jpeg', 'with its images');
  await h.services.evidence.export(a.account, { readIds: [read!.id], searchId: own.searchId, description: 'the same read again for the prosecutor' });
  t.equal((await h.services.evidence.activeHolds()).length, 1, 'exporting it again places no second hold to be released');

  const auditor = await h.user('auditor');
  const audit = { purpose: 'audit' as const, reference: 'AUD-26-0031', description: 'monthly audit of evidence holds (VII.E)' };
  t.equal((await h.services.search.search(auditor.account, { ...audit, plate: 'HLD0001', mode: 'exact', from: 0 })).hits.length, 1, 'an auditor finds it');
  const admin = await h.user('admin');
  const administrative = { purpose: 'administrative' as const, reference: 'PC-26-0143', description: 'personnel complaint 0143: misuse of a held read alleged' };
  t.same((await h.services.search.search(admin.account, { ...administrative, plate: 'HLD0001', mode: 'exact', from: 0 })).hits, [], 'an admin does not');
});

onBothStores(t, 'a search whose account is suspended while it waits for its turn is refused in its turn, not run on the suspension\'s heels', async (t, h) => {
  await h.addReads([{ plate: 'TRN1234' }]);
  const u = await h.user('officer');
  const { reviews } = h.services;
  // A refused search of the same account lands between this search's first check and its transaction.
  const check = reviews.refuseWhileSuspended.bind(reviews);
  let calls = 0;
  reviews.refuseWhileSuspended = async (userId, cannot, db) => {
    await check(userId, cannot, db);
    if (++calls === 1) await reviews.refuse(userId, 'reads.search', { test: true }, new AlprError('ALPR_ERR_PURPOSE_PROHIBITED', 'prohibited')).catch(() => undefined);
  };
  t.teardown(() => { reviews.refuseWhileSuspended = check; });
  await t.rejects(h.services.search.search(u.account, { ...lawful, plate: 'TRN1234', mode: 'exact' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED' }, 'refused in its turn');
  const records = await h.services.audit.query({ actor: u.account.userId, action: 'reads.search', limit: 10 });
  t.notOk(records.some((r) => r.outcome === 'ok'), 'no search ran: no reads went out');
});
