import t from 'tap';
import { targetFor } from '../../packaging/arch.js';

t.test('a target is arm64 or x64, with Debian\'s name for it; anything else is a usage error', async (t) => {
  t.same(targetFor('arm64'), { npmCpu: 'arm64', debArch: 'arm64', elfMachine: 0xb7 });
  t.same(targetFor('x64'), { npmCpu: 'x64', debArch: 'amd64', elfMachine: 0x3e });
  for (const bad of ['amd64', 'armhf', '', undefined]) {
    t.throws(() => targetFor(bad), { code: 'ALPR_ERR_USAGE', message: /expected one of arm64, x64/ }, String(bad));
  }
});
