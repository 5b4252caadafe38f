import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../audit/auditLog.js';
import type { ChainPoint } from '../audit/auditWitness.js';
import type { ReportKind } from './reportDocument.js';

/** What every rendering of a report states: when, and from which audit chain head. */
export interface ReportSeal {
  generatedAt: string;
  auditHead: ChainPoint;
  /** Set on a report of a month that had not ended: it covers the month up to this time only. */
  through?: string;
}

/** How every rendering names what a report covers: "2026-11", or "2026-11 so far, through 2026-11-30 07:40 UTC". */
export function coverage(month: string, seal: Pick<ReportSeal, 'through'>): string {
  return seal.through ? `${month} so far, through ${seal.through.slice(0, 16).replace('T', ' ')} UTC` : month;
}

/**
 * The signed manifest beside a report's files (`<kind>-<month>.manifest.json`): the SHA-256 of
 * each file and the audit chain head the report was computed from, signed with the hub's Ed25519
 * signing key (hub/hubKeys.ts), the key appliances already trust for acks and config pushes.
 */
export interface ReportManifest {
  format: 'alpr-report/1';
  kind: ReportKind;
  month: string;
  generatedAt: string;
  generatedBy: string;
  auditHead: ChainPoint;
  /** Present only on a "so far" report (the month had not ended): the time it covers the month up to. */
  through?: string;
  files: Array<{ name: string; sha256: string; bytes: number }>;
  /** Ed25519 over the canonical JSON of every other field, base64. */
  signature: string;
}

/** The chain head of an empty chain: nothing to be computed from, and trivially in the chain. */
export const GENESIS_HEAD: ChainPoint = { seq: 0, hash: '0'.repeat(64) };

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function signManifest(unsigned: Omit<ReportManifest, 'signature'>, privateKey: KeyObject): ReportManifest {
  return { ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64') };
}

export function manifestSignatureValid(manifest: ReportManifest, publicKey: KeyObject): boolean {
  const { signature, ...unsigned } = manifest;
  if (typeof signature !== 'string') return false;
  try {
    return verify(null, Buffer.from(canonicalJson(unsigned)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
