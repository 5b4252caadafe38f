import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { Alert } from '../../types.js';
import { Problem, useAction, when } from '../../components/ui.js';

const words = (v: string | null) => (v ? v.replace(/_/g, ' ') : '—');

/**
 * The latest verified alerts and what came of them: the next shift sees which hits were confirmed
 * into stops and which were misreads, without asking the audit trail.
 */
export function ClosedAlerts({ refresh }: { refresh: number }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const load = useAction(async () => setAlerts(await api<Alert[]>('GET', '/api/v1/alerts?status=closed&limit=20')));
  useEffect(() => void load.run(), [refresh]);
  return (
    <section aria-labelledby="closed-h">
      <h2 id="closed-h">Recently verified</h2>
      <Problem error={load.error} />
      {alerts.length === 0 ? <p class="hint">No alert has been verified yet.</p> : (
        <div class="results" tabIndex={0} role="region" aria-label="Closed alerts">
          <table>
            <thead><tr><th scope="col">Plate</th><th scope="col">Category</th><th scope="col">Where, when</th><th scope="col">Disposition</th><th scope="col">Outcome</th><th scope="col">CAD</th><th scope="col">Verified</th></tr></thead>
            <tbody>
              {alerts.map((a) => (
                <tr>
                  <td class="plate">{a.plate}</td><td class="category">{words(a.entry.category)}</td><td>{a.siteId}/{a.cameraId}, {when(a.capturedAt)}</td>
                  <td>{words(a.disposition)}</td><td>{words(a.actionTaken)}</td><td>{a.cadNumber ?? '—'}</td><td>{when(a.disposedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
