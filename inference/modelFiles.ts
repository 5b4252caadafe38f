import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../core/index.js';

export interface ModelEntry {
  onnx: { file: string; sha256: string };
  /**
   * The same network quantized to int8 (inference/training/quantize.py), where it reads as well as
   * the float one: ONNX Runtime loads it in place of `onnx`; TF.js keeps the float weights.
   */
  onnx_int8?: { file: string; sha256: string };
  tfjs: { file: string; sha256: string; weights: string; weights_sha256: string };
  input: number[];
  /** Readers only: false when the state head was never trained to name states (absent: true). */
  names_states?: boolean;
}

export interface ModelManifest {
  reader: ModelEntry;
  /** A second reader, trained another way, whose readings of the same crops vote with the first's. */
  second_reader?: ModelEntry;
  detector: ModelEntry;
  /**
   * A dedicated state classifier (input [1, height, width], output `state` [N, states]): where
   * the manifest has one, the plate's state comes from it and the readers' state heads have no say.
   */
  state_classifier?: ModelEntry;
  alphabet: string;
  states: string[];
}

/** The readers a model folder holds, the first one first. */
export function readerEntries(manifest: ModelManifest): ModelEntry[] {
  return manifest.second_reader ? [manifest.reader, manifest.second_reader] : [manifest.reader];
}

/** The ONNX file ONNX Runtime runs for an entry: the int8 one where the manifest has it and int8 is wanted. */
export function onnxFileOf(entry: ModelEntry, int8: boolean): { file: string; sha256: string } {
  return (int8 && entry.onnx_int8) || entry.onnx;
}

/** What the runtime needs to know of one reader network. */
export interface ReaderSpec {
  /** The crop it reads, in pixels (manifest `input`: [1, height, width]). */
  width: number;
  height: number;
  /** Whether its state head names states; a reader whose head was never trained has no say on the state. */
  namesStates: boolean;
}

/** A grey input size from a manifest entry's `input` ([1, height, width]), checked. */
function inputSize(entry: ModelEntry, name: string): { width: number; height: number } {
  const [channels, height, width] = entry.input ?? [];
  if (channels !== 1 || !Number.isInteger(height) || !Number.isInteger(width) || height! < 8 || width! < 8 || height! > 512 || width! > 1024) {
    throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `manifest ${name} input ${JSON.stringify(entry.input)} is not [1, height, width]`);
  }
  return { width: width!, height: height! };
}

/** Each reader's manifest entry, checked: input as [channels, height, width], names_states a boolean if given. */
export function readerSpecs(manifest: ModelManifest): ReaderSpec[] {
  return readerEntries(manifest).map((entry, i) => {
    const name = i === 0 ? 'reader' : 'second_reader';
    const size = inputSize(entry, name);
    if (entry.names_states !== undefined && typeof entry.names_states !== 'boolean') {
      throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `manifest ${name} names_states ${JSON.stringify(entry.names_states)} is not true or false`);
    }
    return { ...size, namesStates: entry.names_states ?? true };
  });
}

/** The state classifier's crop size, checked; null when the folder has none (the readers' heads name the state). */
export function stateClassifierSpec(manifest: ModelManifest): { width: number; height: number } | null {
  return manifest.state_classifier ? inputSize(manifest.state_classifier, 'state_classifier') : null;
}

export const DEFAULT_MODEL_DIR = new URL('./models', import.meta.url).pathname;

export async function loadManifest(dir: string): Promise<ModelManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (cause) {
    throw new AlprError('ALPR_ERR_MODEL_MISSING', `model manifest ${join(dir, 'manifest.json')} cannot be read`, { cause });
  }
  try {
    return JSON.parse(text) as ModelManifest;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', 'model manifest is not valid JSON', { cause });
  }
}

/** Reads a model file and checks it against the SHA-256 the manifest recorded at export. */
export async function readVerified(dir: string, file: string, sha256: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch (cause) {
    throw new AlprError('ALPR_ERR_MODEL_MISSING', `model file ${join(dir, file)} cannot be read`, { cause });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `model file ${file} has SHA-256 ${actual.slice(0, 12)}..., the manifest records ${sha256.slice(0, 12)}...`, { details: { file } });
  }
  return bytes;
}
