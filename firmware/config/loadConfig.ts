import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { AlprError } from '../../core/index.js';
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
  const withDefaults = Value.Default(ApplianceConfigSchema, Value.Clone(input ?? {}));
  const problems = [...Value.Errors(ApplianceConfigSchema, withDefaults)].map(describe);
  problems.push(...crossFieldProblems(withDefaults));
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid config:\n${unique.map((p) => `  ${p}`).join('\n')}`, { details: { problems: unique } });
  }
  return deepFreeze(camelKeys(withDefaults)) as ApplianceConfig;
}

function describe(error: ValueError): string {
  const path = error.path.replace(/^\//, '').replaceAll('/', '.') || '(root)';
  const schema = error.schema as { anyOf?: Array<{ const?: unknown }> };
  if (error.message === 'Unexpected property') return `${path}: unknown key`;
  if (schema.anyOf?.every((s) => s.const !== undefined)) {
    return `${path}: must be one of ${schema.anyOf.map((s) => JSON.stringify(s.const)).join(', ')}`;
  }
  return `${path}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
}

/** Rules a JSON schema cannot say simply: fields required by the choice of another. */
function crossFieldProblems(config: unknown): string[] {
  const c = config as { camera?: { type?: string; folder?: string }; trigger?: { mode?: string; inputs?: unknown[] }; day_night?: { night_below_lux?: number; day_above_lux?: number } };
  const problems: string[] = [];
  if (c.camera?.type === 'replay' && !c.camera.folder) problems.push('camera.folder: required when camera.type is "replay"');
  if (c.trigger?.mode === 'inputs' && (c.trigger.inputs?.length ?? 0) === 0) problems.push('trigger.inputs: at least one input is required when trigger.mode is "inputs"');
  const dn = c.day_night;
  if (dn && typeof dn.night_below_lux === 'number' && typeof dn.day_above_lux === 'number' && dn.night_below_lux > dn.day_above_lux) {
    problems.push('day_night.night_below_lux: must not be above day_above_lux');
  }
  return problems;
}

function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), camelKeys(v)]));
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
