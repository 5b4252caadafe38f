import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { AlprError } from '../core/index.js';
import { validateConfig, type ApplianceConfig } from '../firmware/index.js';

/** Where enrollment puts the appliance's secrets and the hub's identity (the firmware's defaults). */
export function appliancePaths(dataDir: string) {
  return { deviceKey: join(dataDir, 'device.pem'), dataKey: join(dataDir, 'data.key'), hubIdentity: join(dataDir, 'hub.json'), hubCa: join(dataDir, 'hub-ca.pem'), buffer: join(dataDir, 'buffer') };
}


/** The config file as written (snake_case YAML), or an empty one when it does not exist yet. */
export async function readRawConfig(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new AlprError('ALPR_ERR_CONFIG_NOT_FOUND', `config file ${path} cannot be read`, { cause: err });
  }
  try {
    const value = parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_PARSE', `config file ${path} is not valid YAML`, { cause });
  }
}

/**
 * Validates against the firmware's schema, then writes atomically (temp file, fsync, rename):
 * a config that would not start the firmware is never written.
 */
export async function writeConfig(path: string, raw: Record<string, unknown>): Promise<ApplianceConfig> {
  const config = validateConfig(raw);
  const tmp = join(dirname(path), `.${process.pid}.config.tmp`);
  let fh;
  try {
    fh = await open(tmp, 'w', 0o640);
  } catch (cause) {
    const why = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? `its folder ${dirname(path)} does not exist` : (cause as NodeJS.ErrnoException).code === 'EACCES' ? `no permission to write in ${dirname(path)}` : String((cause as Error).message);
    throw new AlprError('ALPR_ERR_CONFIG_WRITE', `config file ${path} cannot be written: ${why}`, { cause });
  }
  try {
    await fh.writeFile(`# Written by alpr-provision; validated against the firmware schema.\n${stringify(raw)}`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  return config;
}

/** Sets `a.b.c` in a nested object. */
export function setPath(raw: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = raw;
  for (const key of keys.slice(0, -1)) {
    if (!/^[a-z_0-9]+$/.test(key)) throw new AlprError('ALPR_ERR_USAGE', `--set ${path}: keys are snake_case`);
    if (!node[key] || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
