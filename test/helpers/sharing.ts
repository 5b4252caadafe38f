import { randomUUID } from 'node:crypto';
import { newSigningKeys } from '../../sync/index.js';
import { signPayload, type FederatedRequest, type Signed } from '../../hub/sharing/signedRequest.js';
import type { Agency } from '../../hub/sharing/agencyRegistry.js';
import { DAY, START, type Harness } from './hubHarness.js';

/** A made-up signed declaration (any file of 100 bytes or more stands for the scan). */
export const DECLARATION = Buffer.from(`%PDF-1.4\n% Declaration under 625 ILCS 5/2-130: the agency will not use ALPR data for immigration enforcement or to investigate reproductive health care.\n${'.'.repeat(80)}\n%%EOF\n`);

export interface PartnerOptions {
  name?: string;
  ori?: string;
  state?: string;
  level?: 'local' | 'state' | 'federal';
  /** true: a current declaration; 'expired': one signed a year ago that expired yesterday; false: none. */
  declaration?: boolean | 'expired';
  access?: 'online' | 'request';
  purposes?: string[];
  siteIds?: string[];
  windowFrom?: number;
  windowTo?: number;
  hubUrl?: string;
}

export interface Partner {
  agency: Agency;
  /** The partner hub's own signing key pair (its public half is on the agency record here). */
  keys: ReturnType<typeof newSigningKeys>;
  /** A request from the partner's officer, signed with the partner hub's key. */
  request(overrides?: Partial<FederatedRequest>): Signed<FederatedRequest>;
}

/** Registers an outside agency on the answering hub `h`, with the agreement and declaration asked for. */
export async function partner(h: Harness, options: PartnerOptions = {}): Promise<Partner> {
  const keys = newSigningKeys();
  const { agencies } = h.services.sharing;
  const agency = await agencies.register({
    name: options.name ?? 'Maywood Police Department', ori: options.ori ?? 'IL0161100', state: options.state ?? 'IL', level: options.level ?? 'local',
    contact: 'Records, 708-555-0100', hubUrl: options.hubUrl ?? 'https://alpr.maywood.example', hubPublicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }, 'admin-1');
  const declaration = options.declaration ?? true;
  if (declaration) {
    const now = h.clock.now();
    const expired = declaration === 'expired';
    await agencies.recordDeclaration(agency.agencyId, {
      documentBase64: DECLARATION.toString('base64'), signerName: 'Chief E. Example', signerTitle: 'Chief of Police',
      signedAt: expired ? now - 365 * DAY : now - DAY, expiresAt: expired ? now + 1000 : now + 365 * DAY,
    }, 'admin-1');
    if (expired) h.clock.advance(2000);
  }
  await agencies.approveAgreement(agency.agencyId, {
    siteIds: options.siteIds ?? ['site-1'], purposes: options.purposes ?? ['violent_crime', 'stolen_vehicle', 'missing_person'], access: options.access ?? 'online',
    windowFrom: options.windowFrom, windowTo: options.windowTo, reference: `CHIEF-MEMO-${randomUUID().slice(0, 6)}`, expiresAt: START + 365 * DAY,
  }, 'chief-1');
  const ownOri = h.services.sharing.ori;
  return {
    agency: (await agencies.get(agency.agencyId))!, keys,
    request: (overrides = {}) => signPayload<FederatedRequest>({
      version: 1, fromOri: agency.ori, toOri: ownOri, nonce: randomUUID(), sentAt: h.clock.now(),
      officer: { id: 'mpd-4471', name: 'Det. R. Alvarez' }, caseNumber: 'MPD-26-00871', offense: '120', purpose: 'violent_crime',
      description: 'armed robbery of a gas station, suspect vehicle seen leaving', query: { plate: 'ABC1234', mode: 'exact' },
      ...overrides,
    }, keys.privateKey),
  };
}
