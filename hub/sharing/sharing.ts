import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import type { AccountService } from '../accounts/accountService.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { PurposeGate } from '../policy/purposeGate.js';
import type { ReviewFlags } from '../policy/reviewFlags.js';
import type { SearchLimits } from '../search/searchService.js';
import type { SiteRegistry } from '../sites/siteRegistry.js';
import type { HubStore } from '../store/index.js';
import { AgencyRegistry } from './agencyRegistry.js';
import { AgencyReviews } from './agencyReviews.js';
import { OutsideSearch } from './outsideSearch.js';
import { PartnerClient } from './partnerClient.js';

/** Sharing with outside agencies: the registry, its reviews, answering them, and searching them. */
export interface Sharing {
  ori: string;
  publicKeyPem: string;
  agencies: AgencyRegistry;
  reviews: AgencyReviews;
  outside: OutsideSearch;
  partners: PartnerClient;
}

export function createSharing(ctx: {
  store: HubStore; audit: AuditLog; clock: Clock; accounts: AccountService; sites: SiteRegistry; gate: PurposeGate; reviews: ReviewFlags; limits: SearchLimits;
  /** The most reads one written request's evidence file releases (the department's own export limit). */
  maxReadsPerFile: number;
  ori: string; sign: { privateKey: KeyObject; publicKey: KeyObject };
}): Sharing {
  const { store, audit, clock, accounts, gate } = ctx;
  const agencies = new AgencyRegistry({ sql: store.sql, audit, clock, sites: ctx.sites });
  const reviews = new AgencyReviews({ sql: store.sql, audit, clock, agencies });
  return {
    ori: ctx.ori,
    publicKeyPem: ctx.sign.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    agencies, reviews,
    outside: new OutsideSearch({ store, audit, clock, accounts, agencies, reviews, gate, limits: ctx.limits, maxReadsPerFile: ctx.maxReadsPerFile, ownOri: ctx.ori, signingKey: ctx.sign.privateKey, verifyKey: ctx.sign.publicKey, suspensions: ctx.reviews }),
    partners: new PartnerClient({ audit, clock, accounts, agencies, gate, reviews: ctx.reviews, sql: store.sql, ownOri: ctx.ori, signingKey: ctx.sign.privateKey, limits: ctx.limits }),
  };
}
