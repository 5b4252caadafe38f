import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AlprError } from '../../core/index.js';
import { recordHash, type AuditLog } from '../audit/auditLog.js';
import { REPORT_KINDS } from './reportDocument.js';
import { manifestName } from './reportService.js';
import { coverage, manifestSignatureValid, sha256, type ReportManifest } from './reportSeal.js';

export interface ReportVerification {
  manifest: string;
  kind: string | null;
  month: string | null;
  /**
   * What the report covers as its own pages say it: the month, or "<month> so far, through <time>"
   * for one written before its month ended, which shares the whole month's file names.
   */
  covers: string | null;
  auditHead: { seq: number; hash: string } | null;
  files: number;
  problems: string[];
}

/** The manifest of a report file: the file itself, or `<kind>-<month>.manifest.json` beside it. */
export function manifestPathFor(file: string): string {
  if (file.endsWith('.manifest.json')) return file;
  const match = /^([a-z]+-\d{4}-\d{2})\.[a-z]+$/.exec(basename(file));
  if (!match) throw new AlprError('ALPR_ERR_USAGE', `${file} is not a report file (<kind>-<YYYY-MM>.pdf, .html, .csv, .json or .manifest.json)`);
  return join(dirname(file), `${match[1]}.manifest.json`);
}

/**
 * Checks a report against the hub's signing key and the audit chain: the manifest's signature,
 * every file's SHA-256, and that the chain head the report names is a record of this chain
 * (same sequence number, same hash, and the record matches its hash). Reads only.
 */
export async function verifyReport(file: string, publicKey: KeyObject, audit: AuditLog): Promise<ReportVerification> {
  const path = manifestPathFor(file);
  let manifest: ReportManifest;
  let manifestText: string;
  try {
    manifestText = await readFile(path, 'utf8');
    manifest = JSON.parse(manifestText) as ReportManifest;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_REPORT_VERIFY', `the report manifest ${path} cannot be read as JSON`, { cause });
  }
  const problems: string[] = [];
  const head = manifest && typeof manifest === 'object' && manifest.auditHead && Number.isInteger(manifest.auditHead.seq) && typeof manifest.auditHead.hash === 'string' ? manifest.auditHead : null;
  const result: ReportVerification = {
    manifest: path, kind: typeof manifest?.kind === 'string' ? manifest.kind : null, month: typeof manifest?.month === 'string' ? manifest.month : null,
    covers: typeof manifest?.month === 'string' ? coverage(manifest.month, { through: typeof manifest.through === 'string' ? manifest.through : undefined }) : null,
    auditHead: head, files: Array.isArray(manifest?.files) ? manifest.files.length : 0, problems,
  };
  if (manifest?.format !== 'alpr-report/1' || !(REPORT_KINDS as readonly string[]).includes(String(manifest.kind)) || !Array.isArray(manifest.files) || !head) {
    problems.push('the manifest is not an alpr-report/1 manifest (format, kind, files, auditHead)');
    return result;
  }
  // The name is what a reader takes the report to cover; the signed kind and month are what it does.
  const expectedName = manifestName(manifest.kind, String(manifest.month));
  if (basename(path) !== expectedName) problems.push(`the manifest is named ${basename(path)} but is signed as ${expectedName}: it was renamed to pass as another report`);
  if (!manifestSignatureValid(manifest, publicKey)) problems.push('the signature does not verify with the hub\'s signing key: the manifest was changed or not signed by this hub');
  const names = new Set<string>();
  for (const f of manifest.files) {
    if (typeof f?.name !== 'string' || f.name !== basename(f.name)) {
      problems.push('the manifest lists a file outside its folder');
      continue;
    }
    names.add(f.name);
    const data = await readFile(join(dirname(path), f.name)).catch(() => null);
    if (!data) problems.push(`${f.name} is missing`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.name} was changed after the report was signed (SHA-256 differs)`);
  }
  if (basename(file) !== basename(path) && !names.has(basename(file))) problems.push(`${basename(file)} is not listed in the manifest`);
  if (head.seq > 0) {
    const record = await audit.get(head.seq);
    if (!record) problems.push(`the audit chain has no record ${head.seq}: the report's audit head is not in this chain`);
    else if (record.hash !== head.hash || recordHash(record) !== record.hash) problems.push(`audit record ${head.seq} does not have the hash the report was computed from: the report does not belong to this chain, or the record was changed`);
  }
  await checkGenerated(audit, manifest, sha256(manifestText), problems);
  return result;
}

/**
 * The hub's signing key lives in its data folder, so whoever can write the folder can also re-sign
 * a changed report. What they cannot change unseen is the witnessed audit chain, where the hub
 * recorded the SHA-256 of every manifest it wrote: a manifest the chain does not name was not
 * written by this hub's report command, whatever its signature says.
 */
async function checkGenerated(audit: AuditLog, manifest: ReportManifest, manifestSha256: string, problems: string[]): Promise<void> {
  const page = 1000;
  for (let afterSeq = 0; ;) {
    const records = await audit.query({ action: 'report.generate', afterSeq, limit: page });
    const found = records.find((r) => r.outcome === 'ok' && r.detail.manifestSha256 === manifestSha256);
    if (found) {
      if (recordHash(found) !== found.hash || found.detail.kind !== manifest.kind || found.detail.month !== manifest.month) {
        problems.push(`audit record ${found.seq}, which records this report's generation, was changed: run audit verify`);
      }
      return;
    }
    if (records.length < page) break;
    afterSeq = records.at(-1)!.seq;
  }
  problems.push(`the audit chain records no generation of this manifest (SHA-256 ${manifestSha256.slice(0, 12)}): it was changed and re-signed, or not written by this hub`);
}
