import sharp from 'sharp';
import { readFile, readdir } from 'node:fs/promises';
import { silentLogger, systemClock } from './core/index.js';
import { recognizerFromConfig, validateRecognizerConfig } from './inference/index.js';
import { OnnxBackend } from './inference/backends/onnxBackend.js';
sharp.concurrency(1);
const stats = new Map<string, { n: number; ms: number; items: number }>();
const proto = OnnxBackend.prototype as any;
for (const m of ['detect', 'read', 'classifyState']) {
  const orig = proto[m];
  proto[m] = async function (input: any, which?: number) { const a = performance.now(); const r = await orig.call(this, input, which); const k = m + (which ?? '') + ' ' + input.dims.join('x'); const s = stats.get(m + (which ?? '')) ?? { n: 0, ms: 0, items: 0 }; s.n++; s.ms += performance.now() - a; s.items += input.dims[0]; stats.set(m + (which ?? ''), s); return r; };
}
const dir = process.argv[2] ?? '/work/main/demo/frames';
const names = (await readdir(dir)).filter(n => /\.(jpe?g|png)$/i.test(n)).sort().slice(0, 40);
const config = validateRecognizerConfig({ dedupe_window_ms: 0 });
const rec = (await recognizerFromConfig(config, systemClock, silentLogger()))!;
const greys = await Promise.all(names.map(async n => ({ raw: await sharp(await readFile(`${dir}/${n}`)).resize(1920,1080,{fit:'fill'}).toColourspace('b-w').raw().toBuffer(), width: 1920, height: 1080, channels: 1 as const })));
for (const g of greys.slice(0, 3)) await rec.recognize(g);
stats.clear();
const times: number[] = [];
for (let k = 0; k < 2; k++) for (const g of greys) { const a = performance.now(); await rec.recognize(g); times.push(performance.now() - a); }
times.sort((a, b) => a - b);
const F = times.length;
console.log('frames', F, 'median ms', times[F >> 1]!.toFixed(1), 'mean', (times.reduce((a, b) => a + b) / F).toFixed(1));
for (const [k, s] of stats) console.log(k, 'runs/frame', (s.n / F).toFixed(2), 'ms/frame', (s.ms / F).toFixed(2), 'ms/run', (s.ms / s.n).toFixed(2), 'items/run', (s.items / s.n).toFixed(1));
await rec.close();
export async function main() { return 0; }
