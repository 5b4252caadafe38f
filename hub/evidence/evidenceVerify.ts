import type { KeyObject } from 'node:crypto';
import { canonicalJson, recordHash, type AuditLog } from '../audit/auditLog.js';
import { evidenceBodySha256, verifyEvidenceFile, type EvidenceFile } from './evidenceService.js';

export interface EvidenceVerification {
  exportId: string | null;
  caseNumber: string | null;
  reads: number;
  /** The audit record of the export (or, for an outside agency, of its sharing ledger entry). */
  auditSeq: number | null;
  problems: string[];
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Checks an evidence file against the hub's signing key and the audit chain. The key the file
 * carries proves nothing (anyone can sign with a key of their own), and the hub's own key lives in
 * its data folder, so the file must also be the export the witnessed chain records: the same case,
 * search, reads, exporter and recipient, and (for exports recorded with it) the same body hash.
 */
export async function verifyEvidence(file: EvidenceFile, publicKey: KeyObject, audit: AuditLog): Promise<EvidenceVerification> {
  const body = file && typeof file === 'object' ? file.body : undefined;
  const problems: string[] = [];
  const result: EvidenceVerification = {
    exportId: typeof body?.exportId === 'string' ? body.exportId : null, caseNumber: typeof body?.caseNumber === 'string' ? body.caseNumber : null,
    reads: Array.isArray(body?.reads) ? body.reads.length : 0, auditSeq: null, problems,
  };
  if (body?.format !== 'alpr-evidence/1' || !result.exportId || !Array.isArray(body.reads) || !body.recipient || !body.exportedBy || typeof file.signature !== 'string') {
    problems.push('the file is not an alpr-evidence/1 evidence file (format, exportId, reads, recipient, exportedBy, signature)');
    return result;
  }
  if (!verifyEvidenceFile(file, publicKey)) problems.push('the signature does not verify with the hub\'s signing key: the file was changed, or signed with another key (the key it carries proves nothing)');
  const readIds = body.reads.map((r) => r?.id);
  const record = body.recipient.agency === null ? await audit.findFirst('evidence.export', (r) => r.outcome === 'ok' && r.detail.exportId === result.exportId) : await audit.get(Number(body.searchId));
  const differs = (what: string) => problems.push(`the file's ${what} differs from what audit record ${record!.seq} says was exported: it was changed and re-signed, or passed off as another export`);
  if (body.recipient.agency === null) {
    if (!record) {
      problems.push(`the audit chain records no export ${result.exportId}: the file was not exported by this hub`);
      return result;
    }
    const d = record.detail;
    if (record.actor !== body.exportedBy.userId) differs('exporter');
    if (d.caseNumber !== body.caseNumber) differs(`case number (file ${body.caseNumber}, recorded ${String(d.caseNumber)})`);
    if (d.searchId !== body.searchId) differs('search');
    if (d.description !== body.description) differs('description');
    if (!sameJson(d.readIds, readIds)) differs('reads');
    if (!sameJson(d.recipient, body.recipient)) differs('recipient');
    if (typeof d.bodySha256 !== 'string') problems.push(`audit record ${record.seq} was written before exports recorded their content's SHA-256: the file's plates, times and images cannot be checked against it`);
    else if (d.bodySha256 !== evidenceBodySha256(body)) differs('content (its SHA-256)');
  } else {
    // A release to an outside agency is recorded as its sharing ledger entry, which the file names as its search.
    const d = record?.detail;
    if (!record || record.action !== 'sharing.search' || record.outcome !== 'ok' || d?.channel !== 'file') {
      problems.push(`audit record ${String(body.searchId)} is not a written request answered for an outside agency: the file was not released by this hub`);
      return result;
    }
    if (d!.caseNumber !== body.caseNumber) differs(`case number (file ${body.caseNumber}, recorded ${String(d!.caseNumber)})`);
    if (d!.handledBy !== body.exportedBy.userId) differs('exporter');
    if (!sameJson(d!.recipient, body.recipient)) differs('recipient');
    const answered = new Set(Array.isArray(d!.readIds) ? d!.readIds : []);
    if (!readIds.every((id) => answered.has(id))) differs('reads');
    // The file itself, as released: its hash, its reads, and the ledger entry it was released under.
    const release = await audit.findFirst('sharing.fileRelease', (r) => r.outcome === 'ok' && r.detail.exportId === result.exportId);
    if (!release) problems.push(`the audit chain records no release of file ${result.exportId}: the file was not released by this hub as it is`);
    else {
      if (release.detail.searchSeq !== record!.seq) problems.push(`release record ${release.seq} puts file ${result.exportId} under ledger entry ${String(release.detail.searchSeq)}, not ${record!.seq}`);
      if (!sameJson(release.detail.readIds, readIds)) problems.push(`the file's reads differ from what release record ${release.seq} says was released`);
      if (release.detail.bodySha256 !== evidenceBodySha256(body)) problems.push(`the file's content (its SHA-256) differs from what release record ${release.seq} says was released: it was changed and re-signed`);
      if (recordHash(release) !== release.hash) problems.push(`audit record ${release.seq}, which records this release, was changed: run audit verify`);
    }
  }
  result.auditSeq = record!.seq;
  if (recordHash(record!) !== record!.hash) problems.push(`audit record ${record!.seq}, which records this export, was changed: run audit verify`);
  return result;
}
