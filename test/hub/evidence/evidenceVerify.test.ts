import t from 'tap';
import { generateKeyPairSync } from 'node:crypto';
import { signEvidence, type EvidenceFile } from '../../../hub/evidence/evidenceService.js';
import { verifyEvidence } from '../../../hub/evidence/evidenceVerify.js';
import { onBothStores, type Harness } from '../../helpers/hubHarness.js';

const lawful = { purpose: 'stolen_vehicle' as const, offense: '240', caseNumber: '26-004512', description: 'stolen silver sedan, owner report 11/20' };

async function exported(h: Harness, caseNumber: string, plate: string) {
  const [read] = await h.addReads([{ plate }]);
  const u = await h.user('officer');
  const res = await h.services.search.search(u.account, { ...lawful, caseNumber, plate, mode: 'exact' });
  return h.services.evidence.export(u.account, { readIds: [read!.id], searchId: res.searchId, description: 'vehicle at scene two hours after theft' });
}

/** What an insider holding the data folder can do: edit the body and sign it again with the hub's own key. */
const resigned = (h: Harness, file: EvidenceFile, edit: (body: EvidenceFile['body']) => void) => {
  const body = structuredClone(file.body);
  edit(body);
  return signEvidence(body, { signingKey: h.keys.sign.privateKey, verifyKey: h.keys.sign.publicKey });
};

onBothStores(t, 'an evidence file verifies only as the export the audit chain records, even re-signed with the hub key', async (t, h) => {
  const key = h.keys.sign.publicKey;
  const file = await exported(h, '26-004512', 'EVD0001');
  const other = await exported(h, '26-004871', 'EVD0002');
  const clean = await verifyEvidence(file, key, h.services.audit);
  t.same(clean.problems, []);
  t.match(clean, { exportId: file.body.exportId, caseNumber: '26-004512', reads: 1, auditSeq: Number });

  const plate = resigned(h, file, (b) => void (b.reads[0]!.plate = 'EVD0003'));
  t.match((await verifyEvidence(plate, key, h.services.audit)).problems, [/content \(its SHA-256\) differs from what audit record \d+ says was exported/], 'a changed plate, re-signed, is found');

  const asOtherCase = resigned(h, file, (b) => void (b.caseNumber = '26-004871'));
  t.match((await verifyEvidence(asOtherCase, key, h.services.audit)).problems, [/case number \(file 26-004871, recorded 26-004512\) differs/], 'one case\'s export passed as another\'s is found');

  const swappedReads = resigned(h, file, (b) => void (b.reads = other.body.reads));
  t.match((await verifyEvidence(swappedReads, key, h.services.audit)).problems, [/reads differs/]);

  const invented = resigned(h, file, (b) => void (b.exportId = '00000000-0000-4000-8000-000000000000'));
  t.match((await verifyEvidence(invented, key, h.services.audit)).problems, [/records no export 00000000-0000-4000-8000-000000000000/]);

  const outsider = generateKeyPairSync('ed25519');
  const selfSigned = signEvidence(structuredClone(file.body), { signingKey: outsider.privateKey, verifyKey: outsider.publicKey });
  t.match((await verifyEvidence(selfSigned, key, h.services.audit)).problems, [/signature does not verify with the hub's signing key/], 'the key a file carries is not trusted');
});

onBothStores(t, 'an export recorded before exports kept their content hash is reported as unverifiable, not passed', async (t, h) => {
  const file = await exported(h, '26-004512', 'EVD0009');
  const [record] = await h.services.audit.query({ action: 'evidence.export', limit: 1 });
  // As an earlier release recorded it: the same export, without the body's SHA-256.
  const { bodySha256: _dropped, ...older } = record!.detail;
  const legacy = resigned(h, file, (b) => void (b.exportId = '00000000-0000-4000-8000-000000000009'));
  await h.services.audit.append({ actor: record!.actor, action: 'evidence.export', detail: { ...older, exportId: '00000000-0000-4000-8000-000000000009' } });
  t.match((await verifyEvidence(legacy, h.keys.sign.publicKey, h.services.audit)).problems, [/written before exports recorded their content's SHA-256/]);
});
