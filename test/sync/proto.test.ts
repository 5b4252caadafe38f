import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alpr, toWireRead, wireReadColour, wireReadProblem } from '../../sync/index.js';
import { makeRead } from '../helpers/index.js';
import { tempDir } from '../helpers/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

t.test('a ReadBatch encoded by version 1 still decodes field for field', async (tt) => {
  const bytes = await readFile(join(ROOT, 'test/fixtures/readBatch.v1.bin'));
  const batch = alpr.v1.ReadBatch.decode(bytes);
  tt.equal(batch.deviceId, 'pole-fixture');
  tt.equal(batch.sequence, 42);
  tt.equal(batch.sentAtMs, 1795000000000);
  const read = batch.reads[0] as alpr.v1.Read;
  tt.equal(read.id, '0b5c3a1e-4f6d-4e2a-9c1b-7d8e9f0a1b2c');
  tt.equal(read.capturedAtMs, 1794999999000);
  tt.equal(read.plate, 'ABC1234');
  tt.equal(read.confidence, 0.875);
  tt.same(read.charConfidences, [0.5, 0.75, 1]);
  tt.equal(read.region, 'IL');
  tt.same(read.corners.map((p) => [p.x, p.y]), [[1, 2], [3, 4], [5, 6], [7, 8]]);
  tt.same(Buffer.from(read.contextJpeg), Buffer.from('context'));
  tt.equal(read.vehicleColour, '', 'version 1 predates the colour field');
  tt.equal(wireReadColour(read), 'unknown', 'a read from an appliance without the field is unknown');
  tt.equal(wireReadProblem(read, 1e6), null, 'and is stored, not refused');
});

t.test('a read carries its vehicle colour on the wire; one buffered before the field goes as unknown; a name outside the list is refused', async (tt) => {
  const decode = (r: alpr.v1.IRead) => alpr.v1.Read.decode(alpr.v1.Read.encode(r).finish());
  const red = decode(toWireRead(makeRead({ vehicleColour: 'red' }), Date.now()));
  tt.equal(wireReadColour(red), 'red');
  const older = makeRead();
  delete older.vehicleColour;
  tt.equal(wireReadColour(decode(toWireRead(older, Date.now()))), 'unknown');
  const purple = decode({ ...toWireRead(makeRead(), Date.now()), vehicleColour: 'purple' });
  tt.match(wireReadProblem(purple, 1e6), /^vehicle_colour must be one of white, black, grey, silver, red, blue, green, yellow, brown, orange, unknown$/);
  tt.equal(wireReadColour(purple), 'unknown');
});

t.test('the generated codec and its types are exactly what alpr.proto generates (never edited by hand)', async (tt) => {
  const dir = await tempDir(tt);
  const bin = join(ROOT, 'node_modules/.bin');
  execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--no-beautify', '--force-number', '-o', join(dir, 'alpr.js'), join(ROOT, 'sync/proto/alpr.proto')]);
  execFileSync(join(bin, 'pbts'), ['-o', join(dir, 'alpr.d.ts'), join(dir, 'alpr.js')]);
  for (const f of ['alpr.js', 'alpr.d.ts']) {
    const fresh = await readFile(join(dir, f), 'utf8');
    const committed = await readFile(join(ROOT, 'sync/proto/generated', f), 'utf8');
    tt.ok(fresh === committed, `${f} matches; run npm run proto after editing alpr.proto`);
  }
});
