import t from 'tap';
import { randomBytes } from 'node:crypto';
import { migratePolicySchema } from '../../../hub/db/policySchema.js';
import { ImageCipher, PgStore } from '../../../hub/index.js';
import { PG_URL, serviceAvailable } from '../../helpers/index.js';

const PROCESSES = 4;
const ROUNDS = 5;

t.test('hub processes starting together on one PostgreSQL schema all migrate it (no deadlock between their migrations)', async (tt) => {
  if (!(await serviceAvailable(tt, 'postgres'))) return;
  const schema = `alpr_migrate_${randomBytes(4).toString('hex')}`;
  // One store per "process": each has its own connections, as separate hub processes do.
  const stores = Array.from({ length: PROCESSES }, () => new PgStore({ connectionString: PG_URL, schema, images: new ImageCipher(Buffer.alloc(32, 1)), now: Date.now }));
  tt.teardown(async () => {
    await stores[0]!.sql.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await Promise.all(stores.map((s) => s.close()));
  });
  await stores[0]!.migrate();
  await Promise.all(stores.slice(1).map((s) => s.migrate()));
  const failures: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const outcomes = await Promise.allSettled(stores.map((s) => migratePolicySchema(s.sql)));
    for (const o of outcomes) if (o.status === 'rejected') failures.push(String((o.reason as Error).cause ?? o.reason));
  }
  tt.same(failures, [], `${PROCESSES} concurrent migrations, ${ROUNDS} times`);
});
