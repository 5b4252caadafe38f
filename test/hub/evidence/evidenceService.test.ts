import t from 'tap';
import { verifyEvidenceFile } from '../../../hub/evidence/evidenceService.js';
import { createPublicKey } from 'node:crypto';
import { DAY, onBothStores, START } from '../../helpers/hubHarness.js';

const lawful = { purpose: 'stolen_vehicle' as const, offense: '240', caseNumber: '26-004512', description: 'stolen silver sedan, owner report 11/20' };

onBothStores(t, 'an evidence export is signed, holds its reads through the purge until released, and is audited', async (t, h) => {
  const [old, other] = await h.addReads([{ plate: 'EVD0001', capturedAt: START - 2 * DAY }, { plate: 'EVD0001', capturedAt: START - 2 * DAY + 1000 }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0001', mode: 'exact' });
  const file = await h.services.evidence.export(u.account, { readIds: [old!.id], searchId: res.searchId, description: 'vehicle at scene two hours after theft' });
  t.equal(file.body.caseNumber, lawful.caseNumber);
  t.equal(file.body.reads[0]?.plate, 'EVD0001');
  t.equal(file.body.reads[0]?.vehicleColour, 'silver', 'the colour goes into evidence with the plate');
  t.equal(Buffer.from(file.body.reads[0]!.cropJpegBase64, 'base64').toString(), 'crop-jpeg');
  t.ok(verifyEvidenceFile(file, createPublicKey(file.publicKey)), 'the signature verifies');
  const tampered = structuredClone(file);
  tampered.body.reads[0]!.plate = 'EVD0002';
  t.notOk(verifyEvidenceFile(tampered, createPublicKey(file.publicKey)), 'an edited file does not verify');

  h.clock.advance(40 * DAY);
  const report = await h.services.retention.run('manual', 'admin-1');
  t.equal(report.keptOnHold, 1);
  t.ok(await h.store.getRead(old!.id), 'the held read outlives the purge');
  t.equal(await h.store.getRead(other!.id), null, 'its unheld neighbour is gone');
  const [hold] = await h.services.evidence.activeHolds();
  await h.services.evidence.releaseHold(hold!.holdId, 'admin-1', 'evidence booked, case closed');
  await h.services.retention.run('manual', 'admin-1');
  t.equal(await h.store.getRead(old!.id), null, 'released, it goes at the next purge');
  const actions = (await h.services.audit.query({ limit: 1000 })).map((r) => r.action);
  for (const a of ['evidence.export', 'hold.place', 'hold.release', 'retention.purge']) t.ok(actions.includes(a), `${a} is audited`);
});

onBothStores(t, 'exports are capped, need the exporting role and a search that returned the reads', async (t, h) => {
  const reads = await h.addReads(Array.from({ length: 4 }, () => ({ plate: 'EVD0002' })));
  const u = await h.user('officer');
  const dispatcher = await h.user('dispatcher');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0002', mode: 'exact' });
  await t.rejects(h.services.evidence.export(u.account, { readIds: reads.map((r) => r.id), searchId: res.searchId, description: 'all of them for the file' }), { code: 'ALPR_ERR_RATE_LIMITED' });
  await t.rejects(h.services.evidence.export(dispatcher.account, { readIds: [reads[0]!.id], searchId: res.searchId, description: 'for the report please' }), { code: 'ALPR_ERR_FORBIDDEN' });
  const [stray] = await h.addReads([{ plate: 'OTHER01' }]);
  await t.rejects(h.services.evidence.export(u.account, { readIds: [stray!.id], searchId: res.searchId, description: 'not in my results' }), { code: 'ALPR_ERR_NOT_FOUND' });
  t.same(await h.services.evidence.activeHolds(), [], 'nothing was held by the refused exports');
}, { maxReadsPerExport: 3 });

onBothStores(t, 'one search gives at most the cap to evidence over all its exports, and an account at most its hourly cap; a read exported again is not counted twice', async (t, h) => {
  const reads = await h.addReads(Array.from({ length: 6 }, () => ({ plate: 'EVD0011' })));
  const [elsewhere] = await h.addReads([{ plate: 'EVD0012' }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0011', mode: 'exact' });
  const ids = reads.map((r) => r.id);
  const description = 'vehicle at scene two hours after theft';
  await h.services.evidence.export(u.account, { readIds: ids.slice(0, 3), searchId: res.searchId, description });
  // The split the cap on one export alone allowed: the next three of the same search's results.
  await t.rejects(h.services.evidence.export(u.account, { readIds: ids.slice(3, 6), searchId: res.searchId, description }),
    { code: 'ALPR_ERR_RATE_LIMITED', message: /has given 3 reads to evidence already; one search gives at most 3/ });
  await t.rejects(h.services.evidence.export(u.account, { readIds: [ids[3]!], searchId: res.searchId, description }), { code: 'ALPR_ERR_RATE_LIMITED' }, 'one more is one too many');
  await h.services.evidence.export(u.account, { readIds: [ids[0]!], searchId: res.searchId, description: 'the same read again, for the prosecutor' });
  t.same((await h.services.evidence.activeHolds()).map((hold) => hold.readId).sort(), ids.slice(0, 3).sort(), 'only the first three are held');

  // Another search: its own cap is untouched, but the account has exported 3 of its 4 this hour.
  const other = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0012', mode: 'exact' });
  const more = await h.addReads([{ plate: 'EVD0012' }]);
  const again = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0012', mode: 'exact' });
  await h.services.evidence.export(u.account, { readIds: [elsewhere!.id], searchId: other.searchId, description });
  await t.rejects(h.services.evidence.export(u.account, { readIds: [more[0]!.id], searchId: again.searchId, description }),
    { code: 'ALPR_ERR_RATE_LIMITED', message: /would export 5 reads in the past hour; the limit is 4/ });
  h.clock.advance(3600_000 + 1000);
  await h.services.evidence.export(u.account, { readIds: [more[0]!.id], searchId: again.searchId, description });
  t.equal((await h.services.evidence.activeHolds()).length, 5, 'an hour on, it exports again');
}, { maxReadsPerExport: 3, maxExportedReadsPerHour: 4 });

onBothStores(t, 'two exports of one search sent at once cannot both pass its cap', async (t, h) => {
  const reads = await h.addReads(Array.from({ length: 4 }, () => ({ plate: 'EVD0013' })));
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0013', mode: 'exact' });
  const description = 'vehicle at scene two hours after theft';
  const results = await Promise.allSettled([
    h.services.evidence.export(u.account, { readIds: [reads[0]!.id, reads[1]!.id], searchId: res.searchId, description }),
    h.services.evidence.export(u.account, { readIds: [reads[2]!.id, reads[3]!.id], searchId: res.searchId, description }),
  ]);
  t.same(results.map((r) => r.status).sort(), ['fulfilled', 'rejected'], 'one passes, one is refused');
  t.match(results.find((r) => r.status === 'rejected'), { reason: { code: 'ALPR_ERR_RATE_LIMITED' } });
  t.equal((await h.services.evidence.activeHolds()).length, 2, 'two reads held, not four');
}, { maxReadsPerExport: 3 });

onBothStores(t, 'an export whose description names a prohibited use is refused, audited and suspends the account; a lapsed account exports nothing', async (t, h) => {
  const [read] = await h.addReads([{ plate: 'EVD0003' }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0003', mode: 'exact' });
  await t.rejects(h.services.evidence.export(u.account, { readIds: [read!.id], searchId: res.searchId, description: 'hand these to ICE for the deportation case' }),
    { code: 'ALPR_ERR_PURPOSE_PROHIBITED', message: /immigration.*The export was refused/s });
  t.same(await h.services.evidence.activeHolds(), [], 'no hold was placed');
  const [refused] = await h.services.audit.query({ action: 'evidence.export', limit: 5 });
  t.match(refused, { actor: u.account.userId, outcome: 'refused', detail: { code: 'ALPR_ERR_PURPOSE_PROHIBITED', readIds: [read!.id] } });
  t.equal(await h.services.reviews.isSuspended(u.account.userId), true, 'the account is suspended for review (VII.H)');
  await t.rejects(h.services.evidence.export(u.account, { readIds: [read!.id], searchId: res.searchId, description: 'vehicle at scene two hours after theft' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });

  const other = await h.user('officer');
  const found = await h.services.search.search(other.account, { ...lawful, plate: 'EVD0003', mode: 'exact' });
  const lapsed = await h.services.accounts.setCertifications(other.account.userId, { trainingCompletedAt: null }, 'admin-1');
  await t.rejects(h.services.evidence.export(lapsed, { readIds: [read!.id], searchId: found.searchId, description: 'vehicle at scene two hours after theft' }), { code: 'ALPR_ERR_ACCOUNT_LAPSED' },
    'training cleared after the search: its results cannot be exported');
});

onBothStores(t, 'a hold written into the database without an export does not keep its read past the purge, and the purge says so', async (t, h) => {
  const [kept, moved] = await h.addReads([{ plate: 'EVD0009', capturedAt: START - 2 * DAY }, { plate: 'EVD0010', capturedAt: START - 2 * DAY }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, plate: 'EVD0009', mode: 'exact' });
  await h.services.evidence.export(u.account, { readIds: [kept!.id], searchId: res.searchId, description: 'vehicle at scene two hours after theft' });
  // The insider's two ways: a hold of their own, and the real hold's row pointed at another read.
  await h.store.sql.run('INSERT INTO holds (hold_id, read_id, case_number, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)', ['forged-hold', moved!.id, '26-004512', u.account.userId, START]);
  h.clock.advance(40 * DAY);
  const report = await h.services.retention.run('manual', 'admin-1');
  t.equal(report.keptOnHold, 1, 'only the exported read is kept');
  t.ok(await h.store.getRead(kept!.id), 'the read an export placed on hold outlives the purge');
  t.equal(await h.store.getRead(moved!.id), null, 'the read held only by the forged row is gone');
  const [purge] = await h.services.audit.query({ action: 'retention.purge', limit: 1 });
  t.same(purge!.detail.unauditedHoldsReleased, ['forged-hold'], 'the purge record names the hold it released');
  const [release] = await h.services.audit.query({ action: 'hold.release', limit: 1 });
  t.match(release!.detail, { holdId: 'forged-hold', readId: moved!.id, reason: /no audit record places this hold/ });

  const [other] = await h.addReads([{ plate: 'EVD0011', capturedAt: h.clock.now() - 2 * DAY }]);
  const [real] = await h.services.evidence.activeHolds();
  await h.store.sql.run('UPDATE holds SET read_id = ? WHERE hold_id = ?', [other!.id, real!.holdId]);
  h.clock.advance(40 * DAY);
  await h.services.retention.run('manual', 'admin-1');
  t.equal(await h.store.getRead(other!.id), null, 'a real hold moved onto another read does not keep it');
});
