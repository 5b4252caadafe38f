import type { KeyObject } from 'node:crypto';
import type { Clock, Logger } from '../core/index.js';
import { AccountService, DEFAULT_ACCOUNT_RULES, type AccountRules } from './accounts/accountService.js';
import { DEFAULT_PASSWORD_COST, PasswordHasher, type PasswordHasherOptions } from './accounts/password.js';
import { migrateAlertSchema } from './alerts/alertSchema.js';
import { AlertService } from './alerts/alertService.js';
import { AuditLog, type AuditTrail } from './audit/auditLog.js';
import { migratePolicySchema } from './db/policySchema.js';
import { DeviceRegistry } from './devices/deviceRegistry.js';
import { EvidenceService } from './evidence/evidenceService.js';
import { migrateSharingSchema } from './sharing/sharingSchema.js';
import { migrateHotlistSchema } from './hotlists/hotlistSchema.js';
import { DEFAULT_HOTLIST_RULES, HotlistService, type HotlistRules } from './hotlists/hotlistService.js';
import { DEFAULT_MAX_FUTURE_SKEW_MS } from './ingest/ingestService.js';
import { JobLease } from './ops/jobLease.js';
import { DEFAULT_FELONY_APPROVAL_VALID_MS, FelonyRequests } from './policy/felonyRequests.js';
import { DEFAULT_CASE_NUMBER_RULES, type CaseNumberRules } from './policy/caseNumbers.js';
import { PurposeGate } from './policy/purposeGate.js';
import { ReviewFlags } from './policy/reviewFlags.js';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './reports/reportContext.js';
import { ReportService } from './reports/reportService.js';
import { ReportStore } from './reports/reportStore.js';
import { DEFAULT_RETENTION, RetentionService, type RetentionOptions } from './retention/retentionService.js';
import { DEFAULT_SEARCH_LIMITS, SearchService, type SearchLimits } from './search/searchService.js';
import { createSharing, type Sharing } from './sharing/sharing.js';
import { EMPTY_OUTLINE, type MapOutline } from './sites/mapOutline.js';
import { SiteRegistry } from './sites/siteRegistry.js';
import { ImageCipher, type HubStore } from './store/index.js';

export interface HubPolicyOptions {
  accounts: AccountRules;
  search: SearchLimits;
  retention: RetentionOptions;
  /** Terms a department adds to the purpose screen, per category (they add to the built-in lexicon). */
  prohibitedTerms: Readonly<Record<string, readonly string[]>>;
  /** Case number and reference formats, and the open-case list where the hub keeps one. */
  caseNumbers: CaseNumberRules;
  /** Reads one search may give to evidence, over all the exports that cite it (VI: "one or a few at a time"). */
  maxReadsPerExport: number;
  /** Reads one account may export to evidence in an hour. */
  maxExportedReadsPerHour: number;
  hotlists: HotlistRules;
  /** How long the Chief's approval of an other-felony request may be cited (V.B). */
  felonyApprovalValidMs: number;
  /** Ingest: reads captured more than this far ahead of the hub's clock are refused. */
  maxFutureSkewMs: number;
  passwordCost: PasswordHasherOptions;
  issuer: string;
  /** This department's NCIC ORI: what partner hubs address signed requests to, and sign answers as. */
  ori: string;
  /** The oversight reports: census table, suppression of small counts, anomaly thresholds. */
  reports: ReportOptions;
  /** The agency's street and boundary outline the console draws the sites over (no map tiles here). */
  mapOutline: MapOutline;
}

export const DEFAULT_HUB_POLICY: HubPolicyOptions = {
  accounts: DEFAULT_ACCOUNT_RULES,
  search: DEFAULT_SEARCH_LIMITS,
  retention: DEFAULT_RETENTION,
  prohibitedTerms: {},
  caseNumbers: DEFAULT_CASE_NUMBER_RULES,
  maxReadsPerExport: 10,
  maxExportedReadsPerHour: 30,
  hotlists: DEFAULT_HOTLIST_RULES,
  felonyApprovalValidMs: DEFAULT_FELONY_APPROVAL_VALID_MS,
  maxFutureSkewMs: DEFAULT_MAX_FUTURE_SKEW_MS,
  passwordCost: DEFAULT_PASSWORD_COST,
  issuer: 'ALPR Hub',
  ori: 'IL0160000',
  reports: DEFAULT_REPORT_OPTIONS,
  mapOutline: EMPTY_OUTLINE,
};

/** The hub's policy services over one store; what the HTTP API and the CLI call. */
export interface HubServices {
  store: HubStore;
  audit: AuditLog;
  accounts: AccountService;
  sites: SiteRegistry;
  devices: DeviceRegistry;
  felony: FelonyRequests;
  reviews: ReviewFlags;
  search: SearchService;
  evidence: EvidenceService;
  retention: RetentionService;
  hotlists: HotlistService;
  alerts: AlertService;
  sharing: Sharing;
  reports: ReportService;
  policy: HubPolicyOptions;
  /** Scheduled jobs claim their runs here on PostgreSQL (several hub processes); null on SQLite, one process, where they just run. */
  lease: JobLease | null;
}

export async function createHubServices(ctx: {
  store: HubStore; clock: Clock; logger: Logger; keys: { imageKey: Buffer; sign: { privateKey: KeyObject; publicKey: KeyObject } }; policy?: Partial<HubPolicyOptions>;
  /** Where hot-list extracts held for review are kept (the hub's data folder). */
  spoolDir?: string;
  /** The audit witness and checkpoint key (the hub process and its commands always pass one). */
  auditTrail?: AuditTrail;
  /** Where the monthly reports are written (the hub's data folder); without one, reports go where each call says. */
  reportsDir?: string;
}): Promise<HubServices> {
  const policy = { ...DEFAULT_HUB_POLICY, ...ctx.policy };
  const { store, clock } = ctx;
  await migratePolicySchema(store.sql);
  await migrateHotlistSchema(store.sql);
  await migrateAlertSchema(store.sql);
  await migrateSharingSchema(store.sql);
  const audit = new AuditLog({ sql: store.sql, clock, trail: ctx.auditTrail });
  await audit.openTrail();
  const accounts = new AccountService({ sql: store.sql, audit, clock, secrets: new ImageCipher(ctx.keys.imageKey), rules: policy.accounts, passwords: new PasswordHasher(policy.passwordCost), issuer: policy.issuer });
  const sites = new SiteRegistry({ sql: store.sql, audit, clock });
  const reviews = new ReviewFlags({ sql: store.sql, audit, clock });
  const gate = new PurposeGate({ extraTerms: policy.prohibitedTerms, caseNumbers: policy.caseNumbers });
  const felony = new FelonyRequests({ sql: store.sql, audit, clock, approvalValidMs: policy.felonyApprovalValidMs, gate, reviews });
  const search = new SearchService({ store, audit, clock, accounts, gate, felony, reviews, limits: policy.search, sites });
  const sharing = createSharing({ store, audit, clock, accounts, sites, gate, reviews, limits: policy.search, maxReadsPerFile: policy.maxReadsPerExport, ori: policy.ori, sign: ctx.keys.sign });
  const alerts = new AlertService({ sql: store.sql, store, audit, clock, accounts, reviews, retentionMs: policy.retention.retentionMs });
  const lease = store.engine === 'pg' ? new JobLease({ sql: store.sql, clock }) : null;
  const evidence = new EvidenceService({ store, audit, clock, search, signingKey: ctx.keys.sign.privateKey, verifyKey: ctx.keys.sign.publicKey, maxReadsPerExport: policy.maxReadsPerExport, maxExportedReadsPerHour: policy.maxExportedReadsPerHour, gate, reviews });
  return {
    store, audit, accounts, sites, felony, reviews, search, policy, sharing, alerts, lease,
    hotlists: new HotlistService({ sql: store.sql, audit, clock, gate, rules: policy.hotlists, spoolDir: ctx.spoolDir ?? null, logger: ctx.logger.child({ module: 'hotlists' }), accounts, suspensions: reviews, felony }),
    reports: new ReportService({
      audit, accounts, alerts, store: new ReportStore(store), options: policy.reports, clock,
      signingKey: ctx.keys.sign.privateKey, verifyKey: ctx.keys.sign.publicKey, dir: ctx.reportsDir ?? null,
    }),
    devices: new DeviceRegistry({ store, sites, audit, clock }),
    evidence,
    retention: new RetentionService({ store, audit, clock, logger: ctx.logger.child({ module: 'retention' }), options: policy.retention, lease, alerts, holds: evidence }),
  };
}
