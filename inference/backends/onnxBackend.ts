import { AlprError } from '../../core/index.js';
import { readVerified, type ModelManifest } from '../modelFiles.js';
import type { InferenceBackend, Tensor } from './types.js';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** ONNX Runtime (CPU), one intra-op thread: the appliance budget is one core. */
export class OnnxBackend implements InferenceBackend {
  readonly name = 'onnx' as const;

  private constructor(private readonly ort: Ort, private readonly detector: Session, private readonly reader: Session) {}

  static async load(dir: string, manifest: ModelManifest, threads = 1): Promise<OnnxBackend> {
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
    const [det, rd] = await Promise.all([
      readVerified(dir, manifest.detector.onnx.file, manifest.detector.onnx.sha256),
      readVerified(dir, manifest.reader.onnx.file, manifest.reader.onnx.sha256),
    ]);
    return new OnnxBackend(ort, await open(det, 'detector'), await open(rd, 'reader'));
  }

  async detect(input: Tensor): Promise<{ maps: Tensor }> {
    const out = await this.run(this.detector, input);
    return { maps: out.maps! };
  }

  async read(input: Tensor): Promise<{ chars: Tensor; state: Tensor }> {
    const out = await this.run(this.reader, input);
    return { chars: out.chars!, state: out.state! };
  }

  async dispose(): Promise<void> {
    await this.detector.release();
    await this.reader.release();
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
