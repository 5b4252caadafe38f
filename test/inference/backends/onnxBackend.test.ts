import t from 'tap';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { int8IsExact } from '../../../inference/backends/int8Support.js';
import { OnnxBackend } from '../../../inference/backends/onnxBackend.js';
import { DEFAULT_MODEL_DIR, loadManifest } from '../../../inference/index.js';
import { tempDir } from '../../helpers/index.js';
import { modelCopy } from '../../helpers/modelFolder.js';

/** Nine 48x96 crops of a fixed pattern: a reader batch of one plate. */
const crops = (): { data: Float32Array; dims: number[] } => {
  const data = new Float32Array(9 * 48 * 96);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 251;
  return { data, dims: [9, 1, 48, 96] };
};

/** The float reader's output on the crops, run by ONNX Runtime straight from reader.onnx. */
async function floatReader(dir: string): Promise<Float32Array> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(join(dir, 'reader.onnx'), { intraOpNumThreads: 1 });
  const { data, dims } = crops();
  const out = await session.run({ input: new ort.Tensor('float32', data, dims) });
  await session.release();
  return out.chars!.data as Float32Array;
}

t.test('the shipped manifest names int8 readers, and the ONNX backend runs them', async (tt) => {
  const manifest = await loadManifest(DEFAULT_MODEL_DIR);
  tt.ok(manifest.reader.onnx_int8 && manifest.second_reader?.onnx_int8, 'both readers have an int8 file');
  const backend = await OnnxBackend.load(DEFAULT_MODEL_DIR, manifest, { int8: true });
  tt.teardown(() => backend.dispose());
  tt.equal(backend.readerPrecision, 'int8', 'it says so');
  const { chars } = await backend.read(crops());
  const float = await floatReader(DEFAULT_MODEL_DIR);
  tt.notSame(chars.data, float, 'the logits are not the float reader\'s');
  let worst = 0;
  for (const [i, v] of chars.data.entries()) worst = Math.max(worst, Math.abs(v - float[i]!));
  tt.ok(worst < 3, `but close to them (largest difference ${worst.toFixed(3)} in logits up to about 50)`);
});

t.test('a tampered int8 reader file is refused', async (tt) => {
  for (const file of ['reader.int8.onnx', 'second_reader.int8.onnx']) {
    const dir = await modelCopy(await tempDir(tt));
    const bytes = await readFile(join(dir, file));
    bytes[bytes.length - 100]! ^= 0xff;
    await writeFile(join(dir, file), bytes);
    for (const int8 of [true, false]) {
      await tt.rejects(OnnxBackend.load(dir, await loadManifest(dir), { int8 }), { code: 'ALPR_ERR_MODEL_CHECKSUM', message: new RegExp(file.replaceAll('.', '\\.')) }, `${file} is checked against the manifest, ${int8 ? 'when it runs' : 'also when the float file runs'}`);
    }
  }
});

t.test('a manifest without onnx_int8 loads the float files', async (tt) => {
  const dir = await modelCopy(await tempDir(tt), null, (m) => {
    delete m.reader!.onnx_int8;
    delete m.second_reader!.onnx_int8;
  });
  for (const f of await readdir(dir)) if (f.endsWith('.int8.onnx')) await rm(join(dir, f));
  const backend = await OnnxBackend.load(dir, await loadManifest(dir), { int8: true });
  tt.teardown(() => backend.dispose());
  const { chars } = await backend.read(crops());
  tt.same(chars.data, await floatReader(dir), 'the float reader\'s logits, exactly');
  const bytes = await readFile(join(dir, 'reader.onnx'));
  bytes[bytes.length - 100]! ^= 0xff;
  await writeFile(join(dir, 'reader.onnx'), bytes);
  await tt.rejects(OnnxBackend.load(dir, await loadManifest(dir), { int8: true }), { code: 'ALPR_ERR_MODEL_CHECKSUM', message: /reader\.onnx/ }, 'and checks the float file it loads');
});

t.test('where int8 is not exact on this CPU the float readers run, with the float logits', async (tt) => {
  const backend = await OnnxBackend.load(DEFAULT_MODEL_DIR, await loadManifest(DEFAULT_MODEL_DIR), { int8: false });
  tt.teardown(() => backend.dispose());
  tt.equal(backend.readerPrecision, 'float');
  const { chars } = await backend.read(crops());
  tt.same(chars.data, await floatReader(DEFAULT_MODEL_DIR));
});

t.test('int8 runs where the CPU accumulates in 32 bits: arm64, and x86-64 with VNNI', async (tt) => {
  const cpu = (flags: string) => `processor\t: 0\nmodel name\t: some CPU\nflags\t\t: ${flags}\n\nprocessor\t: 1\nflags\t\t: ${flags}\n`;
  tt.equal(int8IsExact('arm64', null), true, 'arm64');
  tt.equal(int8IsExact('x64', cpu('fpu sse2 avx2 avx512f avx512_vnni')), true, 'AVX512-VNNI');
  tt.equal(int8IsExact('x64', cpu('fpu sse2 avx2 avx_vnni')), true, 'AVX-VNNI');
  tt.equal(int8IsExact('x64', cpu('fpu sse2 avx2 avx512f avx512bw')), false, 'AVX-512 without VNNI: float');
  tt.equal(int8IsExact('x64', cpu('fpu sse2 avx2')), false, 'AVX2 only: float');
  tt.equal(int8IsExact('x64', null), false, 'no /proc/cpuinfo: float');
  tt.equal(int8IsExact('ia32', cpu('avx512_vnni')), false, 'another architecture: float');
});
