import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { AuditRecord } from '../../types.js';
import { Notice, Problem, useAction, when } from '../../components/ui.js';

const text = (v: unknown) => (v === undefined || v === null ? '—' : String(v));

/** The sharing ledger (VII.E-F): every outside search, answered or refused, and this department's searches of partners. Reading it is itself audited. */
export function SharingLedger() {
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const load = useAction(async () => setRecords(await api<AuditRecord[]>('GET', '/api/v1/sharing/ledger?limit=200')));
  useEffect(() => void load.run(), []);
  return (
    <section aria-labelledby="ledger-h">
      <h2 id="ledger-h">Sharing ledger</h2>
      <Problem error={load.error} />
      {records.length === 0 ? <Notice>No outside searches are on the ledger.</Notice> : (
        <div class="results" tabIndex={0} role="region" aria-label="Ledger entries">
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Direction</th><th scope="col">Agency</th><th scope="col">Purpose</th><th scope="col">Case</th><th scope="col">Outcome</th></tr></thead>
            <tbody>
              {records.map((r) => (
                <tr>
                  <td>{r.seq}</td><td class="nowrap">{when(r.at)}</td><td>{r.action === 'sharing.search' ? 'Outside agency searched here' : 'Searched a partner'}</td>
                  <td>{text(r.detail.agencyName)} <span class="muted mono nowrap">{text(r.detail.agencyOri)}</span></td><td>{text(r.detail.purpose).replace(/_/g, ' ')}</td><td class="nowrap">{text(r.detail.caseNumber)}</td>
                  <td class={r.outcome === 'ok' ? 'ok' : 'bad'}>{r.outcome === 'ok' ? 'answered' : `refused${r.detail.refusalReason ? `: ${text(r.detail.refusalReason)}` : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
