import t from 'tap';
import { readdir, readFile } from 'node:fs/promises';
import { AlprError } from '../../../core/index.js';
import type { ImportRun } from '../../../hub/hotlists/hotlistService.js';
import { NCIC_MAPPING, parseImportMapping } from '../../../hub/hotlists/importMapping.js';
import { migrateHotlistSchema } from '../../../hub/hotlists/hotlistSchema.js';
import { DAY, failAudit, onBothStores, type Harness } from '../../helpers/hubHarness.js';

const fixture = () => readFile(new URL('../../fixtures/hotlists/leads-extract.csv', import.meta.url), 'utf8');
/** The fixture without some of its records (as a later extract after they were cleared at the source). */
const without = (text: string, ...nics: string[]) => text.split('\n').filter((l) => !nics.some((n) => l.startsWith(`${n},`))).join('\n');

onBothStores(t, 'an NCIC/LEADS extract is imported through its column mapping; prohibited, unmapped, bad and expired rows are refused and counted', async (t, h) => {
  const run = await h.services.hotlists.importExtract(await fixture(), NCIC_MAPPING, 'test', 'fixture');
  t.equal(run.status, 'applied');
  t.equal(run.rowsRead, 12);
  t.equal(run.added, 8);
  t.same(run.refused, { immigration: 1, not_allowed: 1, invalid: 1, expired: 1 });
  const [stolen] = await h.services.hotlists.find((await h.user('detective')).account, 'abc-1234');
  t.match(stolen, { entryId: 'ncic:V123456789', plate: 'ABC1234', state: 'IL', plateType: 'PC', vehicleMake: 'HOND', vehicleColour: 'BLU', vehicleType: '4D', category: 'stolen_vehicle', action: 'ARMED AND DANGEROUS, DO NOT APPROACH ALONE' });
  t.equal((await h.services.hotlists.get('ncic:V223456789'))!.plate, 'XYZ789', 'spaces are taken out of plates');
  t.equal((await h.services.hotlists.get('ncic:V153456789'))!.state, '', 'state UN is unknown');
  t.equal((await h.services.hotlists.get('ncic:W423456789'))!.expiresAt, Date.UTC(2027, 0, 1, 23, 59, 59, 999));
  t.equal(await h.services.hotlists.get('ncic:I823456789'), null, 'the Immigration Violator File never enters the list');
  const summary = await h.services.hotlists.summary();
  t.equal(summary.refusedEntries, 1, 'the prohibited entry is counted');
  const audit = await h.services.audit.query({ action: 'hotlist.import', limit: 5 });
  t.match(audit[0]!.detail, { added: 8, refused: { immigration: 1 }, status: 'applied' });
});

onBothStores(t, 'entries cleared at the source disappear at the next import, and devices get them as removals', async (t, h) => {
  const hotlists = h.services.hotlists;
  const first = await hotlists.importExtract(await fixture(), NCIC_MAPPING, 'test', 'fixture');
  const again = await hotlists.importExtract(await fixture(), NCIC_MAPPING, 'test', 'fixture');
  t.equal(again.unchanged, 8);
  t.equal(again.version, first.version, 'an extract that changes nothing leaves the version alone');
  const second = await hotlists.importExtract(without(await fixture(), 'V223456789'), NCIC_MAPPING, 'test', 'fixture');
  t.equal(second.removed, 1);
  t.equal((await hotlists.match('XYZ789', 'WI')).length, 0, 'the cleared plate no longer hits');
  const delta = await hotlists.changesSince(first.version!);
  t.same(delta.removedEntryIds, ['ncic:V223456789']);
  t.same(delta.upserts, []);
  const snapshot = await hotlists.changesSince(0);
  t.equal(snapshot.snapshot, true);
  t.equal(snapshot.upserts.length, 7);
});

onBothStores(t, 'an import that would drop more than the allowed share is held for review, then applied or rejected by a reviewer', async (t, h) => {
  const hotlists = h.services.hotlists;
  const text = await fixture();
  await hotlists.importExtract(text, NCIC_MAPPING, 'test', 'fixture');
  const before = await hotlists.version();
  const truncated = without(text, 'V123456789', 'V223456789', 'L323456789', 'W423456789');
  const held = await hotlists.importExtract(truncated, NCIC_MAPPING, 'system', '/drop/leads.csv');
  t.equal(held.status, 'held');
  t.equal(held.removed, 4);
  t.equal(await hotlists.version(), before, 'nothing of a held import is applied');
  t.equal((await hotlists.match('ABC1234', 'IL')).length, 1, 'the list keeps matching as it was');
  const { account: admin } = await h.user('admin');
  await t.rejects(hotlists.decideImport(admin, held.importId, { apply: true, note: 'checked with LEADS', csv: 'another file' }), { code: 'ALPR_ERR_CONFLICT' }, 'only the extract that was held can be applied');
  const applied = await hotlists.decideImport(admin, held.importId, { apply: true, note: 'LEADS confirms the purge of these records' });
  t.equal(applied.status, 'applied');
  t.equal((await hotlists.match('ABC1234', 'IL')).length, 0);
  await t.rejects(hotlists.decideImport(admin, held.importId, { apply: false, note: 'twice' }), { code: 'ALPR_ERR_CONFLICT' });
  const heldAgain = await hotlists.importExtract(without(text, 'M523456789', 'A623456789', 'P723456789', 'V153456789'), { ...NCIC_MAPPING, maxDropShare: 0.1 }, 'system', 'x');
  t.equal(heldAgain.status, 'held');
  t.equal((await hotlists.decideImport(admin, heldAgain.importId, { apply: false, note: 'truncated extract, ask LEADS' })).status, 'rejected');
  t.equal((await hotlists.match('MSS4321', null)).length, 1);
});

/** A held import under its own source: the fixture imported, then an extract that drops half of it (four records, ABC1234 among them). */
async function holdOne(h: Harness, source: string): Promise<ImportRun> {
  const text = await fixture();
  const mapping = { ...NCIC_MAPPING, source };
  await h.services.hotlists.importExtract(text, mapping, 'test', 'fixture');
  const held = await h.services.hotlists.importExtract(without(text, 'V123456789', 'V223456789', 'L323456789', 'W423456789'), mapping, 'system', '/drop/leads.csv');
  if (held.status !== 'held') throw new Error(`expected a held import, got ${held.status}`);
  return held;
}

const decisionsOf = async (h: Harness, importId: string) => (await h.services.audit.query({ action: 'hotlist.import.decide', limit: 100 })).filter((r) => r.detail.importId === importId);

onBothStores(t, 'two reviewers deciding a held import at once: exactly one decision is applied and audited, the other gets ALPR_ERR_CONFLICT', async (t, h) => {
  // On PostgreSQL the second reviewer is served by another hub process (its own pool and connections) on the same store.
  const other = h.engine === 'pg' ? await h.peer() : h.services;
  const first = (await h.user('admin')).account;
  const second = (await h.user('admin')).account;
  for (const [name, applySecond] of [['apply and apply', true], ['apply and reject', false]] as const) {
    const held = await holdOne(h, applySecond ? 'race-a' : 'race-b');
    const before = await h.services.hotlists.version();
    const results = await Promise.allSettled([
      h.services.hotlists.decideImport(first, held.importId, { apply: true, note: 'LEADS confirms the purge' }),
      other.hotlists.decideImport(second, held.importId, { apply: applySecond, note: 'checked it myself' }),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AlprError] : []));
    t.equal(won.length, 1, `${name}: exactly one decision wins`);
    t.equal(lost.length, 1, `${name}: the other is refused`);
    t.match(lost[0], { code: 'ALPR_ERR_CONFLICT', message: /decided already/ }, `${name}: as a conflict naming the decision that won`);
    const stored = (await h.services.hotlists.importRun(held.importId))!;
    t.match(stored, { status: won[0]!.status, decidedBy: won[0]!.decidedBy }, `${name}: the stored decision is the winner's`);
    const decisions = await decisionsOf(h, held.importId);
    t.equal(decisions.length, 1, `${name}: one decision in the audit chain`);
    t.match(decisions[0], { actor: won[0]!.decidedBy, detail: { status: won[0]!.status } });
    t.equal(await h.services.hotlists.version(), before + (won[0]!.status === 'applied' ? 1 : 0), `${name}: the list moved once, or not at all for a rejection`);
  }
  t.same((await h.services.audit.verify()).problems, [], 'the chain is intact');
});

onBothStores(t, 'a reviewer applying an import that another decided while the extract was being read is told it was decided, not to send the extract again', async (t, h) => {
  const hotlists = h.services.hotlists;
  const [first, second] = [(await h.user('admin')).account, (await h.user('admin')).account];
  const held = await holdOne(h, 'ncic');
  const importRun = hotlists.importRun.bind(hotlists);
  let rival: Promise<ImportRun> | null = null;
  // The second reviewer's rejection lands right after the first reviewer's check that the import is held.
  hotlists.importRun = async (importId, db) => {
    const run = await importRun(importId, db);
    if (!rival) await (rival = hotlists.decideImport(second, importId, { apply: false, note: 'truncated extract, ask LEADS' }));
    return run;
  };
  t.teardown(() => void (hotlists.importRun = importRun));
  await t.rejects(hotlists.decideImport(first, held.importId, { apply: true, note: 'LEADS confirms the purge' }), { code: 'ALPR_ERR_CONFLICT', message: `import ${held.importId} is rejected by ${second.userId}, not held: it was decided already` });
  t.equal((await importRun(held.importId))!.status, 'rejected');
});

onBothStores(t, 'a decision whose audit record cannot be written is not applied: the import stays held, the list as it was, and it can be decided again', async (t, h) => {
  const hotlists = h.services.hotlists;
  const audit = h.services.audit;
  const { account: admin } = await h.user('admin');
  const held = await holdOne(h, 'ncic');
  const before = await hotlists.version();
  const append = audit.append.bind(audit);
  // The hub failing (a crash, a full disk) between applying the decision and recording it.
  audit.append = async (entry, db) => {
    if (entry.action === 'hotlist.import.decide') throw new AlprError('ALPR_ERR_STORE', 'the audit record could not be written');
    return append(entry, db);
  };
  await t.rejects(hotlists.decideImport(admin, held.importId, { apply: true, note: 'LEADS confirms the purge' }), { code: 'ALPR_ERR_STORE' });
  audit.append = append;
  t.equal((await hotlists.importRun(held.importId))!.status, 'held', 'the import is still held');
  t.equal(await hotlists.version(), before, 'nothing of it was applied');
  t.equal((await hotlists.match('ABC1234', 'IL')).length, 1, 'the list keeps matching as it was');
  t.equal((await decisionsOf(h, held.importId)).length, 0);
  const applied = await hotlists.decideImport(admin, held.importId, { apply: true, note: 'LEADS confirms the purge' });
  t.equal(applied.status, 'applied', 'the kept extract is applied on a second try');
  t.equal((await hotlists.match('ABC1234', 'IL')).length, 0);
  t.equal((await decisionsOf(h, held.importId)).length, 1);
});

onBothStores(t, 'the service itself refuses a held-import decision to a role without hotlists.import, whoever calls it', async (t, h) => {
  const hotlists = h.services.hotlists;
  const held = await holdOne(h, 'ncic');
  const before = await hotlists.version();
  for (const role of ['detective', 'chief']) {
    const { account } = await h.user(role);
    await t.rejects(hotlists.decideImport(account, held.importId, { apply: true, note: 'LEADS confirms the purge' }), { code: 'ALPR_ERR_FORBIDDEN', message: /hotlists\.import/ }, `a ${role} cannot apply it`);
    await t.rejects(hotlists.decideImport(account, held.importId, { apply: false, note: 'not wanted' }), { code: 'ALPR_ERR_FORBIDDEN' }, `nor reject it`);
  }
  t.equal((await hotlists.importRun(held.importId))!.status, 'held');
  t.equal(await hotlists.version(), before);
  t.equal((await decisionsOf(h, held.importId)).length, 0);
  const { account: admin } = await h.user('admin');
  t.equal((await hotlists.decideImport(admin, held.importId, { apply: false, note: 'truncated extract, ask LEADS' })).status, 'rejected', 'an administrator can');
});

onBothStores(t, 'internal entries need a case number, an allowed category, a reason that passes the purpose screen and an expiry within the maximum', async (t, h) => {
  const hotlists = h.services.hotlists;
  const { account } = await h.user('detective');
  const entry = { plate: 'FEL0001', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-004411', reason: 'vehicle used in the armed robbery of the bank on Lake St', vehicleMake: 'KIA' };
  const at = h.clock.now();
  const added = await hotlists.addInternal(account, entry);
  t.equal(added.expiresAt, at + 30 * DAY, 'the default expiry is 30 days');
  t.equal(added.enteredBy, account.userId);
  t.equal((await hotlists.match('FEL0001', 'IL'))[0]!.entry.vehicleMake, 'KIA');
  await t.rejects(hotlists.addInternal(account, { ...entry, caseNumber: '' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED' });
  for (const caseNumber of ['ABCD', '26-000000']) {
    await t.rejects(hotlists.addInternal(account, { ...entry, caseNumber }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /case number/ }, `${caseNumber}: the case number is checked as a search checks it (format, junk)`);
  }
  await t.rejects(hotlists.addInternal(account, { ...entry, category: 'immigration' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  await t.rejects(hotlists.addInternal(account, { ...entry, category: 'parking' }), { code: 'ALPR_ERR_INVALID_INPUT' });
  await t.rejects(hotlists.addInternal(account, { ...entry, reason: 'owner is an undocumented immigrant, locate for deportation' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  await t.rejects(hotlists.addInternal(account, { ...entry, expiresAt: at + 91 * DAY }), { code: 'ALPR_ERR_INVALID_INPUT' }, 'past the 90-day maximum');
  await t.rejects(hotlists.addInternal(account, { ...entry, expiresAt: at - 1 }), { code: 'ALPR_ERR_INVALID_INPUT' }, 'in the past');
  t.equal((await hotlists.summary()).refusedEntries, 2, 'prohibited entries are counted');
  const refusals = await h.services.audit.query({ action: 'hotlist.entry.add', limit: 20 });
  t.equal(refusals.filter((r) => r.outcome === 'refused').length, 8, 'every refusal is audited');

  await t.rejects(hotlists.renewInternal(account, added.entryId, at + 60 * DAY, 'keep it: ICE asked us to keep watching the owner'), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' }, 'a renewal\'s reason is screened too');
  t.equal((await hotlists.get(added.entryId))!.expiresAt, at + 30 * DAY, 'and the refused renewal changed nothing');
  const renewed = await hotlists.renewInternal(account, added.entryId, at + 60 * DAY, 'suspect still at large');
  t.equal(renewed.expiresAt, at + 60 * DAY);
  t.match((await h.services.audit.query({ action: 'hotlist.entry.renew', limit: 10 })).find((r) => r.outcome === 'ok')!.detail, { entryId: added.entryId, previousExpiry: at + 30 * DAY, reason: 'suspect still at large' });
  h.clock.advance(61 * DAY);
  t.equal((await hotlists.match('FEL0001', 'IL')).length, 0, 'an expired entry stops matching');
  t.equal(await hotlists.expire(), 1);
  t.equal((await hotlists.get(added.entryId))!.removedReason, 'expired');
  await t.rejects(hotlists.removeInternal(account, added.entryId, 'closed case'), { code: 'ALPR_ERR_NOT_FOUND' });
});

onBothStores(t, 'only the member who listed a plate renews its entry; any member may remove it', async (t, h) => {
  const hotlists = h.services.hotlists;
  const owner = await h.user('detective');
  const colleague = await h.user('analyst');
  const added = await hotlists.addInternal(owner.account, { plate: 'FEL0031', state: 'IL', category: 'stolen_vehicle', caseNumber: '26-004411', reason: 'silver Camry taken from the Lake St lot' });
  const far = h.clock.now() + 80 * DAY;
  await t.rejects(hotlists.renewInternal(colleague.account, added.entryId, far, 'still missing'), { code: 'ALPR_ERR_FORBIDDEN', message: /listed by another member/ }, 'a colleague cannot renew it');
  t.equal((await hotlists.get(added.entryId))!.expiresAt, added.expiresAt, 'the refused renewal changed nothing');
  const refusal = (await h.services.audit.query({ action: 'hotlist.entry.renew', limit: 10 })).find((r) => r.outcome === 'refused');
  t.match(refusal, { actor: colleague.account.userId, detail: { entryId: added.entryId, enteredBy: owner.account.userId } }, 'the refusal is audited');
  t.equal((await hotlists.renewInternal(owner.account, added.entryId, far, 'still missing')).expiresAt, far, 'the owner can');
  const removed = await hotlists.removeInternal(colleague.account, added.entryId, 'car recovered on Harlem at 02:10');
  t.equal(removed.removed, true, 'a colleague can stop the watching');
  t.equal((await hotlists.match('FEL0031', 'IL')).length, 0);
});

onBothStores(t, 'a felony_vehicle entry names its offense; one for a felony that is not violent needs the Chief\'s approved request for its case, and ends with it (V.B)', async (t, h) => {
  const hotlists = h.services.hotlists;
  const requester = await h.user('detective');
  const other = await h.user('detective');
  const chief = await h.user('chief');
  const burglary = { plate: 'FEL0020', state: 'IL', category: 'felony_vehicle', offense: '220', caseNumber: '26-000731', reason: 'van seen at three residential burglaries' };
  const { offense: _offense, ...unnamed } = burglary;
  await t.rejects(hotlists.addInternal(requester.account, unnamed), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /offense/ }, 'no offense: refused');
  await t.rejects(hotlists.addInternal(requester.account, { ...burglary, offense: 'XYZ' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /offense/ }, 'an offense outside the list: refused');
  await t.rejects(hotlists.addInternal(requester.account, { ...burglary, offense: 'IMMIGRATION' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' }, 'a prohibited offense: refused as a prohibited use');
  await t.rejects(hotlists.addInternal(requester.account, burglary), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a violent crime.*Chief/ }, 'a burglary without an approval: refused');
  const pending = await h.services.felony.submit({ caseNumber: '26-000731', description: 'string of residential burglaries, van seen at three scenes' }, requester.account.userId);
  await t.rejects(hotlists.addInternal(requester.account, { ...burglary, felonyRequestId: pending.requestId }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not approved/ }, 'a request not yet approved: refused');
  const approved = await h.services.felony.decide(pending.requestId, true, chief.account.userId, 'approved in writing');
  const cite = { ...burglary, felonyRequestId: approved.requestId };
  await t.rejects(hotlists.addInternal(other.account, cite), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID' }, 'a detective the approval does not name: refused');
  await t.rejects(hotlists.addInternal(requester.account, { ...cite, caseNumber: '26-000745' }), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /approved for case 26-000731/ }, 'under another case: refused');
  t.equal((await hotlists.match('FEL0020', 'IL')).length, 0, 'no refused entry is on the list');
  const refused = (await h.services.audit.query({ action: 'hotlist.entry.add', limit: 20 })).filter((r) => r.outcome === 'refused');
  t.equal(refused.length, 7, 'every refusal is audited');

  const listed = await hotlists.addInternal(requester.account, { ...cite, expiresAt: h.clock.now() + 60 * DAY });
  t.match(listed, { offense: '220', felonyRequestId: approved.requestId }, 'listed under the approval');
  t.equal(listed.expiresAt, approved.expiresAt, 'it ends when the approval does, whatever expiry was asked');
  await t.rejects(hotlists.renewInternal(other.account, listed.entryId, h.clock.now() + 60 * DAY, 'burglaries continue'), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID' }, 'renewed only by whom the approval names');
  t.equal((await hotlists.renewInternal(requester.account, listed.entryId, h.clock.now() + 60 * DAY, 'burglaries continue')).expiresAt, approved.expiresAt, 'and not past the approval');
  h.clock.advance(31 * DAY);
  await t.rejects(hotlists.renewInternal(requester.account, listed.entryId, h.clock.now() + 10 * DAY, 'burglaries continue'), { code: 'ALPR_ERR_FELONY_APPROVAL_INVALID', message: /expired/ }, 'an expired approval renews nothing');
  t.equal((await hotlists.match('FEL0020', 'IL')).length, 0, 'the entry stopped matching with the approval');

  const robbery = await hotlists.addInternal(other.account, { ...burglary, plate: 'FEL0021', offense: '120', caseNumber: '26-004411', reason: 'getaway car of the armed robbery on Lake St' });
  t.match(robbery, { offense: '120', felonyRequestId: null }, 'a violent crime is listed on the detective\'s word');
});

onBothStores(t, 'a wanted_person entry names the offense its warrant is for, gated as a search for it is (V.B)', async (t, h) => {
  const hotlists = h.services.hotlists;
  const { account } = await h.user('detective');
  const warrant = { plate: 'WNT0001', state: 'IL', category: 'wanted_person', caseNumber: '26-004412', reason: 'registered owner has an outstanding arrest warrant' };
  await t.rejects(hotlists.addInternal(account, warrant), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /wanted_person entry names the offense/ }, 'no offense: refused');
  await t.rejects(hotlists.addInternal(account, { ...warrant, offense: 'TRAFFIC' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' }, 'a traffic warrant: refused as traffic enforcement');
  await t.rejects(hotlists.addInternal(account, { ...warrant, offense: '26A' }), { code: 'ALPR_ERR_PURPOSE_REQUIRED', message: /not a violent crime.*Chief/ }, 'a fraud warrant needs the Chief\'s approval');
  t.equal((await hotlists.match('WNT0001', 'IL')).length, 0, 'none of those is listed');
  const listed = await hotlists.addInternal(account, { ...warrant, offense: '13A' });
  t.match(listed, { category: 'wanted_person', offense: '13A' }, 'a warrant for aggravated assault is listed on the detective\'s word');
  const order = await hotlists.addInternal(account, { plate: 'POF0001', state: 'IL', category: 'protection_order', caseNumber: '26-004413', reason: 'respondent of an order of protection, petitioner lives on Lake St' });
  t.equal(order.offense, null, 'a protection order names none: protecting the petitioner is a V.B purpose by itself');
});

onBothStores(t, 'a hub whose hot-list table predates the offense columns gains them on start, its entries kept', async (t, h) => {
  const { account } = await h.user('detective');
  const kept = await h.services.hotlists.addInternal(account, { plate: 'FEL0030', state: 'IL', category: 'stolen_vehicle', caseNumber: '26-004411', reason: 'stolen from the lot on Lake St' });
  for (const column of ['offense', 'felony_request_id']) await h.store.sql.run(`ALTER TABLE hotlist_entries DROP COLUMN ${column}`);
  await migrateHotlistSchema(h.store.sql);
  await migrateHotlistSchema(h.store.sql);
  t.match(await h.services.hotlists.get(kept.entryId), { plate: 'FEL0030', offense: null, felonyRequestId: null }, 'the old entry reads, with no offense');
  const added = await h.services.hotlists.addInternal(account, { plate: 'FEL0031', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-004411', reason: 'getaway car of the armed robbery on Lake St' });
  t.equal((await h.services.hotlists.get(added.entryId))!.offense, '120', 'a new entry stores its offense');
});

onBothStores(t, 'the hub matches exact and one-look-alike plates, with the state when both know it', async (t, h) => {
  await h.services.hotlists.importExtract(await fixture(), NCIC_MAPPING, 'test', 'fixture');
  const near = await h.services.hotlists.match('BOS125', 'IL');
  t.equal(near.length, 1);
  t.equal(near[0]!.nearMatch, true);
  t.equal((await h.services.hotlists.match('ABC1234', 'WI')).length, 0, 'another state is not a hit');
  t.equal((await h.services.hotlists.match('UNK5555', 'OH')).length, 1, 'an entry of unknown state hits any state');
});

t.test('a mapping file is checked: unknown keys and missing columns are typed errors', async (t) => {
  t.throws(() => parseImportMapping({ ...NCIC_MAPPING, extra: 1 }), { code: 'ALPR_ERR_INVALID_INPUT' });
  t.throws(() => parseImportMapping({ source: 'x', columns: {}, categories: {} }), { code: 'ALPR_ERR_INVALID_INPUT', message: /columns/ });
  t.equal(parseImportMapping({ source: 'leads', columns: NCIC_MAPPING.columns, categories: {} }).maxDropShare, 0.2, 'defaults fill in');
});

onBothStores(t, 'a detective suspended after a refused search, or whose certification lapsed, cannot add, find, renew or remove internal entries', async (t, h) => {
  const hotlists = h.services.hotlists;
  const entry = { plate: 'FEL0002', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-004411', reason: 'vehicle used in the armed robbery of the bank on Lake St' };
  const { account } = await h.user('detective');
  const added = await hotlists.addInternal(account, entry);
  const lapsed = (await h.user('detective', { certified: false })).account;
  await t.rejects(hotlists.addInternal(lapsed, { ...entry, plate: 'FEL0003' }), { code: 'ALPR_ERR_ACCOUNT_LAPSED' }, 'untrained: no entry (V.A)');
  await t.rejects(hotlists.find(lapsed, 'FEL0002'), { code: 'ALPR_ERR_ACCOUNT_LAPSED' });
  await t.rejects(h.services.search.search(account, { plate: 'FEL0002', mode: 'exact', purpose: 'violent_crime', offense: '120', caseNumber: '26-004411', description: 'find the protesters at the rally downtown' }), { code: 'ALPR_ERR_PURPOSE_PROHIBITED' });
  await t.rejects(hotlists.addInternal(account, { ...entry, plate: 'FEL0004' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED', message: /suspended after a refused search .* it cannot look up or change hot-list entries/ },
    'suspended: no new plate for every camera to watch');
  await t.rejects(hotlists.find(account, 'FEL0002'), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  await t.rejects(hotlists.renewInternal(account, added.entryId, undefined, 'still wanted'), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  await t.rejects(hotlists.removeInternal(account, added.entryId, 'closed case'), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  t.equal((await hotlists.match('FEL0003', 'IL')).length + (await hotlists.match('FEL0004', 'IL')).length, 0, 'neither refused entry matches');
  t.equal((await hotlists.get(added.entryId))!.removed, false, 'the earlier entry is untouched');
});

onBothStores(t, 'a hot-list import, internal entry, renewal, removal or expiry whose audit record cannot be written is not made', async (t, h) => {
  const hotlists = h.services.hotlists;
  const text = await fixture();
  const importsBefore = (await hotlists.imports()).length;
  let restore = failAudit(h, 'hotlist.import');
  await t.rejects(hotlists.importExtract(text, NCIC_MAPPING, 'test', 'fixture'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal(await hotlists.version(), 0, 'an unrecorded import changes no version');
  t.equal((await hotlists.match('ABC1234', 'IL')).length, 0, 'nor the list');
  t.equal((await hotlists.imports()).length, importsBefore, 'nor is the import run stored');
  t.equal((await hotlists.summary()).refusedEntries, 0, 'nor its prohibited rows counted');
  await hotlists.importExtract(text, NCIC_MAPPING, 'test', 'fixture');

  const { account } = await h.user('detective');
  const entry = { plate: 'FEL0001', state: 'IL', category: 'felony_vehicle', offense: '120', caseNumber: '26-004411', reason: 'vehicle used in the armed robbery of the bank on Lake St' };
  const before = await hotlists.version();
  restore = failAudit(h, 'hotlist.entry.add');
  await t.rejects(hotlists.addInternal(account, entry), { code: 'ALPR_ERR_STORE' });
  await t.rejects(hotlists.addInternal(account, { ...entry, category: 'immigration' }), { code: 'ALPR_ERR_STORE' }, 'a refusal that cannot be recorded');
  restore();
  t.equal((await hotlists.match('FEL0001', 'IL')).length, 0, 'an unrecorded entry is not on the list');
  t.equal(await hotlists.version(), before);
  t.equal((await hotlists.summary()).refusedEntries, 1, 'an unrecorded refusal is not counted either');

  const added = await hotlists.addInternal(account, entry);
  restore = failAudit(h, 'hotlist.entry.renew');
  await t.rejects(hotlists.renewInternal(account, added.entryId, h.clock.now() + 60 * DAY, 'suspect still at large'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await hotlists.get(added.entryId))!.expiresAt, added.expiresAt, 'an unrecorded renewal keeps the old expiry');
  restore = failAudit(h, 'hotlist.entry.remove');
  await t.rejects(hotlists.removeInternal(account, added.entryId, 'closed case'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await hotlists.get(added.entryId))!.removed, false, 'an unrecorded removal leaves the entry live');
  h.clock.advance(31 * DAY);
  restore = failAudit(h, 'hotlist.expire');
  await t.rejects(hotlists.expire(), { code: 'ALPR_ERR_STORE' });
  restore();
  t.equal((await hotlists.get(added.entryId))!.removed, false, 'an unrecorded expiry removes nothing');
  t.equal(await hotlists.version(), before + 1, 'only the recorded entry moved the version');
  t.equal(await hotlists.expire(), 1, 'the expiry runs again and is recorded');
  t.match((await h.services.audit.query({ action: 'hotlist.expire', limit: 5 })).map((r) => r.detail), [{ entries: 1 }]);
  t.same((await h.services.audit.verify()).problems, []);
});

onBothStores(t, 'a held import whose audit record cannot be written leaves no import run and no spooled extract', async (t, h) => {
  const hotlists = h.services.hotlists;
  const text = await fixture();
  await hotlists.importExtract(text, NCIC_MAPPING, 'test', 'fixture');
  const restore = failAudit(h, 'hotlist.import');
  await t.rejects(hotlists.importExtract(without(text, 'V123456789', 'V223456789', 'L323456789', 'W423456789'), NCIC_MAPPING, 'system', '/drop/leads.csv'), { code: 'ALPR_ERR_STORE' });
  restore();
  t.same((await hotlists.imports()).map((r) => r.status), ['applied'], 'only the first import is stored');
  t.same(await readdir(h.spoolDir).catch(() => []), [], 'no extract is left in the spool folder');
});

onBothStores(t, 'an administrator suspended after a refused search, or whose certification lapsed, cannot decide a held import', async (t, h) => {
  const hotlists = h.services.hotlists;
  const held = await holdOne(h, 'ncic');
  const lapsed = (await h.user('admin', { certified: false })).account;
  await t.rejects(hotlists.decideImport(lapsed, held.importId, { apply: true, note: 'LEADS confirms the purge' }), { code: 'ALPR_ERR_ACCOUNT_LAPSED' });
  const { account: suspended } = await h.user('admin');
  await h.services.reviews.raise(suspended.userId, 'refused search', 1);
  await t.rejects(hotlists.decideImport(suspended, held.importId, { apply: false, note: 'not wanted' }), { code: 'ALPR_ERR_SEARCH_SUSPENDED' });
  t.equal((await hotlists.importRun(held.importId))!.status, 'held');
  t.equal((await decisionsOf(h, held.importId)).length, 0);
});

onBothStores(t, 'two imports of one source at once: the second is diffed against the list the first left, not the list both started from', async (t, h) => {
  // On PostgreSQL the second import runs in another hub process on the same store.
  const other = h.engine === 'pg' ? await h.peer() : h.services;
  const text = await fixture();
  const runs = await Promise.all([h.services.hotlists.importExtract(text, NCIC_MAPPING, 'test', 'a'), other.hotlists.importExtract(text, NCIC_MAPPING, 'test', 'b')]);
  t.same(runs.map((r) => [r.added, r.unchanged]).sort(), [[0, 8], [8, 0]], 'one adds the eight entries, the other finds them unchanged');
  t.equal(await h.services.hotlists.version(), 1, 'the list moved once');
  t.same((await h.services.audit.query({ action: 'hotlist.import', limit: 5 })).map((r) => r.detail.added).sort(), [0, 8], 'and the audit chain says so');
});
