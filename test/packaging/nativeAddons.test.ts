import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { assertAddonsPresent } from '../../packaging/nativeAddons.js';
import { tempDir } from '../helpers/index.js';

t.test('a package that builds an addon but holds no binary for the target stops the build, naming it', async (t) => {
  const nm = await tempDir(t);
  for (const pkg of ['epoll', '@serialport/bindings', 'classic-level', 'pino']) await mkdir(join(nm, pkg), { recursive: true });
  for (const pkg of ['epoll', '@serialport/bindings', 'classic-level']) await writeFile(join(nm, pkg, 'binding.gyp'), '{}');
  const built = ['node_modules/classic-level/prebuilds/linux-arm64/classic-level.node', 'node_modules/epoll/build/Release/epoll.node'];
  await t.rejects(assertAddonsPresent(nm, built), { code: 'ALPR_ERR_PACKAGE_BUILD', message: /^@serialport\/bindings would have no native binary/ });
  await t.resolves(assertAddonsPresent(nm, [...built, 'node_modules/@serialport/bindings/build/Release/bindings.node']), 'every addon has its binary');
});
