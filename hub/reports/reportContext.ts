import type { AccountService } from '../accounts/accountService.js';
import type { AlertService } from '../alerts/alertService.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { ReportStore } from './reportStore.js';

/** What the department sets for its reports (the `reports:` block of the policy file). */
export interface ReportOptions {
  /** Transparency data: a count from 1 to this minus one is published as "<N" (0 stays 0). */
  suppressBelow: number;
  /** The agency's census table for the disparate-impact section (docs/reports.md); null: the section says none was supplied. */
  censusFile: string | null;
  anomalies: {
    /** One user searching more distinct plates than this in a month is listed. */
    distinctPlates: number;
    /** A wildcard with fewer known characters than this (or one the hub cut short) is "sweeping". */
    wildcardKnownChars: number;
    /** Searches in these local hours (from inclusive, to exclusive, may wrap midnight) are off-shift. */
    offShift: { timeZone: string; fromHour: number; toHour: number };
  };
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  suppressBelow: 5,
  censusFile: null,
  anomalies: { distinctPlates: 25, wildcardKnownChars: 4, offShift: { timeZone: 'America/Chicago', fromHour: 0, toHour: 6 } },
};

/** The services a report reads; it writes nothing but its own files and one audit record. */
export interface ReportContext {
  audit: AuditLog;
  accounts: AccountService;
  alerts: AlertService;
  store: ReportStore;
  options: ReportOptions;
}

/** Accounts by user id as "username (role)"; anything else (system, cli:...) as it is. */
export async function userLabels(accounts: AccountService): Promise<(actor: string) => string> {
  const names = new Map((await accounts.list()).map((a) => [a.userId, `${a.username} (${a.role})`]));
  return (actor) => names.get(actor) ?? actor;
}
