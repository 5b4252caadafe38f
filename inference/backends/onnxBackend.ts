import { AlprError } from '../../core/index.js';
import { onnxFileOf, readerEntries, readVerified, type ModelEntry, type ModelManifest } from '../modelFiles.js';
import { int8IsExact } from './int8Support.js';
import type { InferenceBackend, Tensor } from './types.js';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** ONNX Runtime (CPU), one intra-op thread: the appliance budget is one core. Runs each entry's int8 file where the manifest has one. */
export class OnnxBackend implements InferenceBackend {
  readonly name = 'onnx' as const;

  private constructor(
    private readonly ort: Ort,
    private readonly detector: Session,
    private readonly readerSessions: Session[],
    private readonly stateSession: Session | null,
    readonly readerPrecision: 'int8' | 'float',
  ) {}

  get readers(): number {
    return this.readerSessions.length;
  }

  /** `int8`: run the int8 files where the manifest has them (default: where this CPU computes them exactly, int8Support.ts). */
  static async load(dir: string, manifest: ModelManifest, { threads = 1, int8 = int8IsExact() }: { threads?: number; int8?: boolean } = {}): Promise<OnnxBackend> {
    let ort: Ort;
    try {
      ort = await import('onnxruntime-node');
    } catch (cause) {
      throw new AlprError('ALPR_ERR_MODEL_BACKEND', 'onnxruntime-node cannot be loaded on this machine', { cause });
    }
    const options = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' as const, graphOptimizationLevel: 'all' as const };
    const open = async (bytes: Buffer, name: string) => {
      try {
        return await ort.InferenceSession.create(bytes, options);
      } catch (cause) {
        throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `ONNX Runtime cannot load the ${name} model`, { cause });
      }
    };
    // An entry's other ONNX file is checked too, run or not: a folder with an altered file is
    // refused on every CPU, not only on those that would load it.
    const bytesOf = async (entry: ModelEntry) => {
      const other = onnxFileOf(entry, !int8);
      const run = onnxFileOf(entry, int8);
      if (other.file !== run.file) await readVerified(dir, other.file, other.sha256);
      return readVerified(dir, run.file, run.sha256);
    };
    const det = await bytesOf(manifest.detector);
    const readers = await Promise.all(readerEntries(manifest).map(bytesOf));
    const sessions: Session[] = [];
    for (const [i, bytes] of readers.entries()) sessions.push(await open(bytes, i === 0 ? 'reader' : 'second reader'));
    const sc = manifest.state_classifier;
    const state = sc ? await open(await bytesOf(sc), 'state classifier') : null;
    return new OnnxBackend(ort, await open(det, 'detector'), sessions, state, int8 && readerEntries(manifest).some((e) => e.onnx_int8) ? 'int8' : 'float');
  }

  get classifiesStates(): boolean {
    return this.stateSession !== null;
  }

  async detect(input: Tensor): Promise<{ maps: Tensor }> {
    const out = await this.run(this.detector, input);
    return { maps: out.maps! };
  }

  async read(input: Tensor, reader = 0): Promise<{ chars: Tensor; state: Tensor }> {
    const out = await this.run(this.readerSessions[reader]!, input);
    return { chars: out.chars!, state: out.state! };
  }

  async classifyState(input: Tensor): Promise<{ state: Tensor }> {
    if (!this.stateSession) throw new AlprError('ALPR_ERR_INFERENCE', 'the model folder has no state classifier');
    const out = await this.run(this.stateSession, input);
    return { state: out.state! };
  }

  async dispose(): Promise<void> {
    await this.detector.release();
    for (const session of this.readerSessions) await session.release();
    await this.stateSession?.release();
  }

  private async run(session: Session, input: Tensor): Promise<Record<string, Tensor>> {
    try {
      const result = await session.run({ input: new this.ort.Tensor('float32', input.data, input.dims) });
      return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, { data: v.data as Float32Array, dims: [...v.dims] }]));
    } catch (cause) {
      throw new AlprError('ALPR_ERR_INFERENCE', 'ONNX Runtime failed to run a model', { cause });
    }
  }
}
