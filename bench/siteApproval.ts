import { randomBytes } from 'node:crypto';
import { systemClock } from '../core/index.js';
import { AuditLog, type HubStore } from '../hub/index.js';
import { migratePolicySchema } from '../hub/db/policySchema.js';
import { SiteRegistry } from '../hub/sites/siteRegistry.js';

/**
 * The Chief's approval of `siteId` on a bare store (benches and the tests' sync rigs run ingest
 * without HubServices): ingest
 * takes reads only from approved sites and the cameras they list (General Order 4.68 V). Left as
 * it is when the site is already in the registry, so a test that approves the site itself first
 * keeps its own approval. A store whose chain hub processes witness takes their `audit` (with the
 * trail), else the approval is a record appended outside the hub.
 */
export async function ensureSite(store: HubStore, siteId: string, cameras: string[] = ['cam0', 'cam1'], audit = new AuditLog({ sql: store.sql, clock: systemClock })): Promise<void> {
  await migratePolicySchema(store.sql);
  const sites = new SiteRegistry({ sql: store.sql, audit, clock: systemClock });
  if (await sites.get(siteId)) return;
  await sites.approve({ siteId, name: `Test site ${siteId}`, approvalRef: `TEST-${siteId}-${randomBytes(3).toString('hex')}`, latitude: 41.88, longitude: -87.8, cameras }, 'test');
}
