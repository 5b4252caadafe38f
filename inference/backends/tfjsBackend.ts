import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { AlprError } from '../../core/index.js';
import { readerEntries, readVerified, type ModelManifest } from '../modelFiles.js';
import type { InferenceBackend, Tensor } from './types.js';

type Tf = typeof import('@tensorflow/tfjs');
type T4 = import('@tensorflow/tfjs').Tensor4D;
type Weights = Record<string, import('@tensorflow/tfjs').Tensor>;

interface TfjsWeightsFile {
  format: string;
  architecture: string;
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: 'float32' }> }>;
}

/**
 * TensorFlow.js: @tensorflow/tfjs-node where it is installed (it cannot be here: its install
 * downloads libtensorflow), otherwise @tensorflow/tfjs on its WASM backend. The exported weights
 * (BN folded, kernels in TF layout) are run by the same graph as models.py, written with tf ops.
 */
export class TfjsBackend implements InferenceBackend {
  readonly name = 'tfjs' as const;
  readonly readerPrecision = 'float' as const;

  private constructor(private readonly tf: Tf, private readonly det: Weights, private readonly readerWeights: Weights[], private readonly stateWeights: Weights | null, readonly engine: string) {}

  get readers(): number {
    return this.readerWeights.length;
  }

  static async load(dir: string, manifest: ModelManifest): Promise<TfjsBackend> {
    const { tf, engine } = await loadTf();
    const weights = async (entry: ModelManifest['reader']) => {
      const spec = JSON.parse((await readVerified(dir, entry.tfjs.file, entry.tfjs.sha256)).toString('utf8')) as TfjsWeightsFile;
      const bin = await readVerified(dir, entry.tfjs.weights, entry.tfjs.weights_sha256);
      const specs = spec.weightsManifest.flatMap((g) => g.weights);
      const buffer = new Uint8Array(bin).buffer as ArrayBuffer;
      try {
        return tf.io.decodeWeights(buffer, specs) as Weights;
      } catch (cause) {
        throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `TensorFlow.js weights ${entry.tfjs.weights} do not match their manifest`, { cause });
      }
    };
    const readers: Weights[] = [];
    for (const entry of readerEntries(manifest)) readers.push(await weights(entry));
    const state = manifest.state_classifier ? await weights(manifest.state_classifier) : null;
    return new TfjsBackend(tf, await weights(manifest.detector), readers, state, engine);
  }

  get classifiesStates(): boolean {
    return this.stateWeights !== null;
  }

  async detect(input: Tensor): Promise<{ maps: Tensor }> {
    const { tf, det: w } = this;
    return this.guard(async () => {
      const out = tf.tidy(() => {
        const x = this.nhwc(input);
        const a = this.conv(this.conv(x, w, 's2', 2, 1), w, 's4', 2, 1);
        const b = this.conv(a, w, 's8', 2, 1);
        const c = this.conv(this.conv(b, w, 's16', 2, 1), w, 'ctx', 1, 2, 2);
        const up = (t: T4) => tf.image.resizeNearestNeighbor(t, [t.shape[1] * 2, t.shape[2] * 2]);
        const b2 = this.conv(tf.concat([up(c), b], 3), w, 'up8', 1, 0);
        const a2 = this.conv(tf.concat([up(b2), a], 3), w, 'up4', 1, 0);
        const head = tf.add(tf.conv2d(a2, w['head.weight'] as never, 1, 'valid'), w['head.bias']!) as T4;
        return tf.transpose(head, [0, 3, 1, 2]);
      });
      return { maps: await this.out(out) };
    });
  }

  async read(input: Tensor, reader = 0): Promise<{ chars: Tensor; state: Tensor }> {
    const { tf } = this;
    const w = this.readerWeights[reader]!;
    return this.guard(async () => {
      const [chars, state] = tf.tidy(() => {
        const pool = (t: T4, ph: number, pw: number) => tf.maxPool(t, [ph, pw], [ph, pw], 'valid');
        let x = pool(this.conv(this.nhwc(input), w, 'c1', 1, 1), 2, 2);
        x = pool(this.conv(x, w, 'c2', 1, 1), 2, 2);
        x = pool(this.conv(x, w, 'c3', 1, 1), 2, 1);
        const f = pool(this.conv(x, w, 'c4', 1, 1), 2, 1);
        const c5 = this.conv(f, w, 'c5', 1, 0);
        const seq = this.conv(c5, w, 'seq', 1, [[0, 0], [0, 0], [1, 1], [0, 0]]);
        const logits = tf.add(tf.conv2d(seq, w['chars.weight'] as never, 1, 'valid'), w['chars.bias']!) as T4; // N,1,T,C
        const charsOut = tf.transpose(tf.squeeze(logits, [1]), [0, 2, 1]);
        const pooled = tf.mean(f, [1, 2]);
        const stateOut = tf.add(tf.matMul(pooled as never, w['state.weight'] as never), w['state.bias']!);
        return [charsOut, stateOut];
      });
      return { chars: await this.out(chars!), state: await this.out(state!) };
    });
  }

  /** models.py StateClassifier: five 3x3 conv blocks (2x2 max pool after the first four), mean over the plate, dense. */
  async classifyState(input: Tensor): Promise<{ state: Tensor }> {
    const { tf } = this;
    const w = this.stateWeights;
    if (!w) throw new AlprError('ALPR_ERR_INFERENCE', 'the model folder has no state classifier');
    return this.guard(async () => {
      const state = tf.tidy(() => {
        let x = this.nhwc(input);
        for (const name of ['c1', 'c2', 'c3', 'c4']) x = tf.maxPool(this.conv(x, w, name, 1, 1), [2, 2], [2, 2], 'valid');
        const pooled = tf.mean(this.conv(x, w, 'c5', 1, 1), [1, 2]);
        return tf.add(tf.matMul(pooled as never, w['state.weight'] as never), w['state.bias']!);
      });
      return { state: await this.out(state) };
    });
  }

  async dispose(): Promise<void> {
    for (const t of [...Object.values(this.det), ...this.readerWeights.flatMap((r) => Object.values(r)), ...Object.values(this.stateWeights ?? {})]) t.dispose();
  }

  /** Conv + bias + ReLU for a folded `name.0` layer, PyTorch-style symmetric padding. */
  private conv(x: T4, w: Weights, name: string, stride: number, pad: number | Array<[number, number]>, dilation = 1): T4 {
    const { tf } = this;
    const padding = typeof pad === 'number' ? (pad === 0 ? 'valid' : ([[0, 0], [pad, pad], [pad, pad], [0, 0]] as never)) : (pad as never);
    const y = tf.conv2d(x, w[`${name}.0.weight`] as never, stride, padding, 'NHWC', dilation);
    return tf.relu(tf.add(y, w[`${name}.0.bias`]!)) as T4;
  }

  private nhwc(input: Tensor): T4 {
    const [n, c, h, wd] = input.dims as [number, number, number, number];
    return this.tf.transpose(this.tf.tensor4d(input.data, [n, c, h, wd]), [0, 2, 3, 1]);
  }

  private async out(t: import('@tensorflow/tfjs').Tensor): Promise<Tensor> {
    const data = (await t.data()) as Float32Array;
    const dims = [...t.shape];
    t.dispose();
    return { data, dims };
  }

  private async guard<R>(fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (cause) {
      throw new AlprError('ALPR_ERR_INFERENCE', 'TensorFlow.js failed to run a model', { cause });
    }
  }
}

let loaded: Promise<{ tf: Tf; engine: string }> | null = null;

/** tfjs-node if present (native TensorFlow), else tfjs with the WASM backend; once per process. */
function loadTf(): Promise<{ tf: Tf; engine: string }> {
  loaded ??= (async () => {
    try {
      const tfNode = (await import(/* optional */ '@tensorflow/tfjs-node' as string)) as Tf;
      return { tf: tfNode, engine: 'tfjs-node' };
    } catch {
      // Not installed: fall through to WASM.
    }
    try {
      const tf = await import('@tensorflow/tfjs');
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const require = createRequire(import.meta.url);
      wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
      await tf.setBackend('wasm');
      await tf.ready();
      return { tf, engine: 'tfjs-wasm' };
    } catch (cause) {
      loaded = null;
      throw new AlprError('ALPR_ERR_MODEL_BACKEND', 'TensorFlow.js (WASM) cannot start on this machine', { cause });
    }
  })();
  return loaded;
}
