import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { AlprError, type VehicleColour } from '../../core/index.js';
import { canonicalJson } from '../audit/auditLog.js';
import type { MatchMode } from '../search/readSearch.js';

/** What an officer of one hub asks another (hub to hub, IX.1): who, for what case, and the query. */
export interface FederatedRequest {
  version: 1;
  fromOri: string;
  toOri: string;
  /** Single use: the answering hub refuses a nonce it has seen from the same agency. */
  nonce: string;
  sentAt: number;
  officer: { id: string; name: string };
  caseNumber: string;
  offense: string;
  purpose: string;
  description: string;
  query: { plate: string; mode: MatchMode; from?: number; to?: number; siteIds?: string[] };
}

/** One read as an answer releases it: the facts, never images. */
export interface ReleasedRead {
  id: string;
  plate: string;
  capturedAt: number;
  siteId: string;
  cameraId: string;
  confidence: number;
  region: string | null;
  /** Absent in answers from partner hubs that predate it: read as 'unknown'. */
  vehicleColour?: VehicleColour;
}

/** The answering hub's signed reply: only its own reads; records held for another agency are referred. */
export interface FederatedAnswer {
  version: 1;
  fromOri: string;
  toOri: string;
  requestNonce: string;
  answeredAt: number;
  /** The `sharing.search` record this answer is in the answering hub's ledger. */
  ledgerSeq: number;
  hits: ReleasedRead[];
  truncated: boolean;
  /** Records matched that came from another agency: not passed on (VII.D); ask that agency. */
  referrals: Array<{ origin: string; count: number }>;
}

export interface Signed<T> {
  payload: T;
  /** base64 Ed25519 signature over canonicalJson(payload). */
  signature: string;
}

/** How far a request's time may be from the answering hub's clock. */
export const MAX_REQUEST_SKEW_MS = 5 * 60_000;

/** A request's nonce (the route's schema and checkFreshness both hold it to this). */
export const NONCE_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
const NONCE = new RegExp(NONCE_PATTERN);

export function signPayload<T>(payload: T, key: KeyObject): Signed<T> {
  return { payload, signature: sign(null, Buffer.from(canonicalJson(payload)), key).toString('base64') };
}

export function signatureValid(signed: Signed<unknown>, publicKeyPem: string): boolean {
  // Canonical base64 only: Node's decoder skips characters outside the alphabet, so "sig!!!!" would
  // verify as "sig", and a request changed on its way would still pass as the partner's.
  const signature = typeof signed.signature === 'string' ? Buffer.from(signed.signature, 'base64') : null;
  if (!signature || signature.toString('base64') !== signed.signature) return false;
  try {
    return verify(null, Buffer.from(canonicalJson(signed.payload)), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * Checks a verified request's address, time and nonce against this hub; the nonce is spent by the
 * caller in the same transaction as the ledger record. The payload is the one the partner signed,
 * not yet held to the route's schema (answerSigned checks the signature first): a time that is
 * not a number is refused here (compared with the clock as NaN, it passed), and so is a nonce
 * that could not be spent, so that every request that gets further can be told from its replays.
 */
export function checkFreshness<T extends Partial<Record<keyof FederatedRequest, unknown>>>(request: T, ownOri: string, now: number): asserts request is T & Pick<FederatedRequest, 'toOri' | 'sentAt' | 'nonce'> {
  if (request.toOri !== ownOri) throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', `the request is addressed to ${String(request.toOri)}, not this hub (${ownOri})`);
  if (typeof request.sentAt !== 'number') throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'sentAt: the request\'s time (epoch milliseconds) is missing: it could not be told from a replay');
  if (Math.abs(now - request.sentAt) > MAX_REQUEST_SKEW_MS) {
    throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'the request is more than 5 minutes from this hub\'s clock: stale, replayed or a clock out of step');
  }
  if (typeof request.nonce !== 'string' || !NONCE.test(request.nonce)) {
    throw new AlprError('ALPR_ERR_FEDERATION_REQUEST', 'nonce: the request has no single-use nonce of 16 to 64 letters, digits, - or _: it could not be told from a replay');
  }
}
