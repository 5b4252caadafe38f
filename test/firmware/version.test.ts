import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatVersionReport, versionReport } from '../../firmware/version.js';
import { DEFAULT_MODEL_DIR } from '../../inference/index.js';

t.test('--version names every model file the manifest lists, each network and each format', async (tt) => {
  const manifest = JSON.parse(await readFile(join(DEFAULT_MODEL_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const text = formatVersionReport(await versionReport());
  const entries = Object.entries(manifest).filter(([, e]) => typeof e === 'object' && e !== null && 'onnx' in e) as Array<[string, { onnx: { sha256: string }; onnx_int8?: { sha256: string }; tfjs: { sha256: string; weights_sha256: string } }]>;
  tt.ok(entries.some(([name]) => name === 'state_classifier'), 'the shipped folder has a state classifier');
  for (const [name, e] of entries) {
    for (const [what, sha] of [['onnx', e.onnx.sha256], ['int8', e.onnx_int8?.sha256], ['tfjs', e.tfjs.sha256], ['tfjs weights', e.tfjs.weights_sha256]] as const) {
      if (sha) tt.match(text, sha, `${name} ${what}`);
    }
  }
  tt.notMatch(text, /differs from the manifest/);
});
