import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { nativeKind } from '../../packaging/nativeCode.js';
import { tempDir } from '../helpers/index.js';

t.test('native code is told apart by its header: ELF with its machine, Mach-O and PE by name, anything else none', async (t) => {
  const dir = await tempDir(t);
  t.same(await nativeKind(process.execPath), { kind: 'elf', machine: process.arch === 'arm64' ? 0xb7 : 0x3e }, 'the running node binary');
  const elfArm = Buffer.alloc(64);
  elfArm.writeUInt32BE(0x7f454c46, 0);
  elfArm.writeUInt16LE(0xb7, 18);
  await writeFile(join(dir, 'lib.so'), elfArm);
  t.same(await nativeKind(join(dir, 'lib.so')), { kind: 'elf', machine: 0xb7 });
  await writeFile(join(dir, 'addon.node'), Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0, 0, 0, 0]));
  t.same(await nativeKind(join(dir, 'addon.node')), { kind: 'foreign', format: 'Mach-O' });
  await writeFile(join(dir, 'win.dll'), Buffer.from('MZ\x90\x00rest'));
  t.same(await nativeKind(join(dir, 'win.dll')), { kind: 'foreign', format: 'PE' });
  await writeFile(join(dir, 'notes.txt'), 'MZ is how this text starts');
  t.same(await nativeKind(join(dir, 'notes.txt')), { kind: 'none' }, 'text that happens to start like PE is not code');
  await writeFile(join(dir, 'empty.js'), '');
  t.same(await nativeKind(join(dir, 'empty.js')), { kind: 'none' });
});
