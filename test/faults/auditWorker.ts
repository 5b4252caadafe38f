/**
 * Child process for the audit SIGKILL fault test: appends audit records (SQLite store, with the
 * witness, as a hub does) as fast as it can until it is killed, noting each append that returned.
 */
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../core/index.js';
import { AuditLog } from '../../hub/audit/auditLog.js';
import { openAuditTrail } from '../../hub/audit/auditTrail.js';
import { migratePolicySchema } from '../../hub/db/policySchema.js';
// The store's own entry, not hub/index.ts: a worker starts once per kill, and the API (fastify,
// pdfkit) only adds to each start.
import { ImageCipher, SqliteStore } from '../../hub/store/index.js';

const [dataDir, auditDir] = process.argv.slice(2) as [string, string];
const trail = await openAuditTrail(dataDir, { keyFile: join(auditDir, 'audit-key.pem'), witnessFile: join(auditDir, 'audit.witness') }, silentLogger());
const store = new SqliteStore({ path: join(dataDir, 'hub.db'), images: new ImageCipher(randomBytes(32)), now: Date.now });
await store.migrate();
await migratePolicySchema(store.sql);
const audit = new AuditLog({ sql: store.sql, clock: systemClock, trail });
await audit.openTrail();
process.stdout.write('ready\n');
for (let i = 0; i < 100_000; i++) {
  const record = await audit.append({ actor: 'worker', action: 'reads.search', detail: { i } });
  appendFileSync(join(auditDir, 'returned.log'), `${record.seq}\n`);
}
