import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, systemClock } from './core/index.js';
import { rawFrameOfImage } from './drivers/index.js';
import { recognizerFromConfig, validateRecognizerConfig } from './inference/index.js';
const folder = process.argv[2]!;
const names = (await readdir(folder)).filter((n) => /\.(jpe?g|png)$/i.test(n)).sort();
const rec = (await recognizerFromConfig(validateRecognizerConfig({ dedupe_window_ms: 0 }), systemClock, silentLogger()))!;
let same = 0, diff = 0;
for (let i = 0; i + 2 < names.length + 2 && i < names.length; i += 3) {
  const files = names.slice(i, i + 3);
  const jpegs = await Promise.all(files.map((n) => readFile(join(folder, n))));
  const a = await rec.recognizeBurst(jpegs.map((data) => ({ format: 'jpeg' as const, width: 0, height: 0, data, capturedAt: 0, origin: '' })));
  const raws = await Promise.all(jpegs.map((d) => rawFrameOfImage(d, 'x')));
  const b = await rec.recognizeBurst(raws.map((r) => ({ format: 'yuv420' as const, ...r, capturedAt: 0, origin: '' })));
  const fa = a.map((p) => `${p.text}/${p.vehicleColour}/${p.region}/${p.confidence}`).join(','), fb = b.map((p) => `${p.text}/${p.vehicleColour}/${p.region}/${p.confidence}`).join(',');
  if (a.map((p) => p.text + p.vehicleColour).join() === b.map((p) => p.text + p.vehicleColour).join()) same++; else diff++;
  console.log(files[0], 'jpeg', fa, '| raw', fb);
}
console.log({ same, diff });
await rec.close();
