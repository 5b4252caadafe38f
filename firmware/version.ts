import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../core/index.js';
import { DEFAULT_MODEL_DIR, loadManifest } from '../inference/index.js';

export interface VersionReport {
  version: string;
  /** Each model file the manifest lists, with the SHA-256 of the bytes on disk and whether it is the one the manifest recorded. */
  models: Array<{ file: string; sha256: string; matchesManifest: boolean }>;
}

/**
 * The version of the installed appliance (from the package.json beside the code: the repository's
 * in a clone, the one the .deb build writes in a package) and the hash of every model file, so an
 * installer can tell from the pole which build and which models it runs.
 */
export async function versionReport(modelDir = DEFAULT_MODEL_DIR): Promise<VersionReport> {
  const pkgUrl = new URL('../package.json', import.meta.url);
  let version: string;
  try {
    version = (JSON.parse(await readFile(pkgUrl, 'utf8')) as { version: string }).version;
  } catch (cause) {
    throw new AlprError('ALPR_ERR_INTERNAL', `${pkgUrl.pathname} cannot be read: the installation is incomplete`, { cause });
  }
  const manifest = await loadManifest(modelDir);
  // Every network the folder holds: the state classifier too (it names the state an officer checks).
  const listed = [manifest.detector, manifest.reader, manifest.second_reader, manifest.state_classifier]
    .filter((e) => e !== undefined)
    .flatMap((e) => [[e.onnx.file, e.onnx.sha256], ...(e.onnx_int8 ? [[e.onnx_int8.file, e.onnx_int8.sha256] as const] : []), [e.tfjs.file, e.tfjs.sha256], [e.tfjs.weights, e.tfjs.weights_sha256]] as const);
  const models = await Promise.all(listed.map(async ([file, recorded]) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(modelDir, file));
    } catch (cause) {
      throw new AlprError('ALPR_ERR_MODEL_MISSING', `model file ${join(modelDir, file)} cannot be read`, { cause });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { file, sha256, matchesManifest: sha256 === recorded };
  }));
  return { version, models };
}

/** The report as `alpr-firmware --version` prints it: the version first, then one line per model file. */
export function formatVersionReport(r: VersionReport): string {
  return [`alpr-firmware ${r.version}`, ...r.models.map((m) => `${m.file.padEnd(30)} sha256:${m.sha256}${m.matchesManifest ? '' : '  (differs from the manifest)'}`)].join('\n');
}
