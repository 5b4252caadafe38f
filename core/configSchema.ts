import { Type, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { AlprError } from './errors.js';

/**
 * What every config schema shares (the appliance's in firmware/, the recognizer's in inference/):
 * small builders, the snake_case-to-camelCase type, and the validator. Kept here so that a lower
 * layer (inference) can validate its own section without importing the firmware above it.
 */
export const oneOf = <const T extends string>(values: readonly T[], options: { default: T; description: string }) =>
  Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<TLiteral<T>[]>;

export const ms = (def: number, description: string, minimum = 0) => Type.Integer({ minimum, default: def, description });

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
export type CamelCased<T> = T extends readonly (infer U)[]
  ? readonly CamelCased<U>[]
  : T extends object
    ? { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: CamelCased<T[K]> }
    : T;

/**
 * Applies defaults, rejects unknown keys and wrong values (every problem reported as
 * `path: message`, plus any `extraProblems` finds), converts keys to camelCase and freezes the
 * result. No side effects.
 */
export function validateAgainstSchema<R>(schema: TSchema, input: unknown, extraProblems: (withDefaults: unknown) => string[] = () => []): R {
  const withDefaults = Value.Default(schema, Value.Clone(input ?? {}));
  const problems = [...Value.Errors(schema, withDefaults)].map(describe);
  problems.push(...extraProblems(withDefaults));
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    throw new AlprError('ALPR_ERR_CONFIG_INVALID', `invalid config:\n${unique.map((p) => `  ${p}`).join('\n')}`, { details: { problems: unique } });
  }
  return deepFreeze(camelKeys(withDefaults)) as R;
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
