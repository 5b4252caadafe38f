import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../core/index.js';

export interface ModelEntry {
  onnx: { file: string; sha256: string };
  tfjs: { file: string; sha256: string; weights: string; weights_sha256: string };
  input: number[];
}

export interface ModelManifest {
  reader: ModelEntry;
  /** A second reader, trained another way, whose readings of the same crops vote with the first's. */
  second_reader?: ModelEntry;
  detector: ModelEntry;
  alphabet: string;
  states: string[];
}

/** The readers a model folder holds, the first one first. */
export function readerEntries(manifest: ModelManifest): ModelEntry[] {
  return manifest.second_reader ? [manifest.reader, manifest.second_reader] : [manifest.reader];
}

/** The reader inputs as [channels, height, width] from each reader's manifest entry, checked. */
export function readerInputs(manifest: ModelManifest): Array<{ width: number; height: number }> {
  return readerEntries(manifest).map((entry, i) => {
    const [channels, height, width] = entry.input ?? [];
    if (channels !== 1 || !Number.isInteger(height) || !Number.isInteger(width) || height! < 8 || width! < 8 || height! > 512 || width! > 1024) {
      throw new AlprError('ALPR_ERR_MODEL_CHECKSUM', `manifest ${i === 0 ? 'reader' : 'second_reader'} input ${JSON.stringify(entry.input)} is not [1, height, width]`);
    }
    return { width: width!, height: height! };
  });
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
