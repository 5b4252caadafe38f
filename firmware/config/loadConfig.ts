import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AlprError, validateAgainstSchema } from '../../core/index.js';
import { ApplianceConfigSchema, type ApplianceConfig } from './schema.js';

/** Reads a YAML or JSON config file and validates it (see validateConfig). */
export async function loadConfigFile(path: string): Promise<ApplianceConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_NOT_FOUND', `config file ${path} cannot be read`, { cause });
  }
  return validateConfig(parseConfigText(text, path));
}

export function parseConfigText(text: string, origin: string): unknown {
  try {
    return extname(origin).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new AlprError('ALPR_ERR_CONFIG_PARSE', `${origin}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Applies defaults, rejects unknown keys and wrong values (every problem reported as
 * `path: message`), converts keys to camelCase and freezes the result. No side effects: no
 * hardware is probed here.
 */
export function validateConfig(input: unknown): ApplianceConfig {
  return validateAgainstSchema<ApplianceConfig>(ApplianceConfigSchema, input, crossFieldProblems);
}

/** Rules a JSON schema cannot say simply: fields required by the choice of another. */
function crossFieldProblems(config: unknown): string[] {
  const c = config as { camera?: { type?: string; folder?: string; frame_format?: string; width?: number; height?: number }; trigger?: { mode?: string; inputs?: unknown[] }; day_night?: { night_below_lux?: number; day_above_lux?: number } };
  const problems: string[] = [];
  if (c.camera?.type === 'replay' && !c.camera.folder) problems.push('camera.folder: required when camera.type is "replay"');
  // I420 has one U and one V sample per 2x2 pixels; replay trims odd files itself.
  if (c.camera && c.camera.type !== 'replay' && c.camera.frame_format === 'raw') {
    for (const side of ['width', 'height'] as const) {
      if (typeof c.camera[side] === 'number' && c.camera[side] % 2 !== 0) problems.push(`camera.${side}: must be even when camera.frame_format is "raw"`);
    }
  }
  if (c.trigger?.mode === 'inputs' && (c.trigger.inputs?.length ?? 0) === 0) problems.push('trigger.inputs: at least one input is required when trigger.mode is "inputs"');
  const dn = c.day_night;
  if (dn && typeof dn.night_below_lux === 'number' && typeof dn.day_above_lux === 'number' && dn.night_below_lux > dn.day_above_lux) {
    problems.push('day_night.night_below_lux: must not be above day_above_lux');
  }
  return problems;
}
