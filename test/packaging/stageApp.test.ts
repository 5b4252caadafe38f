import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import t from 'tap';
import { targetFor } from '../../packaging/arch.js';
import { importedPackages, pruneForTarget } from '../../packaging/stageApp.js';
import { tempDir } from '../helpers/index.js';

function elf(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b.writeUInt16LE(machine, 18);
  return b;
}

async function put(root: string, rel: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, rel)), { recursive: true });
  await writeFile(join(root, rel), content);
}

t.test('pruning for arm64 keeps only arm64 native code, and drops source maps and type declarations', async (t) => {
  const app = await tempDir(t);
  await put(app, 'node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/onnxruntime_binding.node', elf(0xb7));
  await put(app, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node', elf(0x3e));
  await put(app, 'node_modules/onnxruntime-node/bin/napi-v6/darwin/arm64/onnxruntime_binding.node', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0, 0, 0, 0]));
  await put(app, 'node_modules/classic-level/prebuilds/win32-x64/classic-level.node', Buffer.from('MZ\x90\x00'));
  await put(app, 'node_modules/pino/index.js', 'module.exports = {}');
  await put(app, 'node_modules/pino/index.js.map', '{}');
  await put(app, 'node_modules/pino/index.d.ts', 'export {}');
  const kept = await pruneForTarget(app, targetFor('arm64'));
  t.same(kept, ['node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/onnxruntime_binding.node']);
  t.notOk(existsSync(join(app, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node')), 'x64 code is gone');
  t.notOk(existsSync(join(app, 'node_modules/onnxruntime-node/bin/napi-v6/darwin/arm64/onnxruntime_binding.node')), 'macOS code is gone');
  t.notOk(existsSync(join(app, 'node_modules/classic-level/prebuilds/win32-x64/classic-level.node')), 'Windows code is gone');
  t.ok(existsSync(join(app, 'node_modules/pino/index.js')), 'JavaScript stays');
  t.notOk(existsSync(join(app, 'node_modules/pino/index.js.map')) || existsSync(join(app, 'node_modules/pino/index.d.ts')), 'maps and declarations go');
});

t.test('the packages the compiled appliance imports are read from its import statements, builtins left out', async (t) => {
  const app = await tempDir(t);
  await put(app, 'firmware/main.js', "import { parseArgs } from 'node:util';\nimport fs from 'fs';\nimport { Value } from '@sinclair/typebox/value';\nimport { x } from './local.js';\n");
  await put(app, 'drivers/gpio.js', "const m = await import('onoff');\nimport 'pino';\nexport { y } from '../core/index.js';\n");
  t.same(await importedPackages(app), ['@sinclair/typebox', 'onoff', 'pino']);
});
