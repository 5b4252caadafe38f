import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The string formats the API schemas use. TypeBox's checker knows none by itself and refuses a
 * value whose format it does not know. (Its registry is process-wide; registering twice is a no-op.)
 */
function registerFormats(): void {
  if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && Number.isFinite(Date.parse(value)));
}

/**
 * Query strings, path parameters and headers arrive as text: a field is converted to its schema
 * type only when the value writes back as the same text ("25" -> 25, "true" -> true), so "1.5",
 * "1e3" or "0x10" for an integer stay text and are refused rather than read as 1, 1 or 16.
 */
function convertText(schema: TSchema, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const originals = Object.entries(value as Record<string, unknown>);
  // (Value.Convert changes the object it is given: it gets a copy.)
  const converted = Value.Convert(schema, Object.fromEntries(originals)) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, original] of originals) {
    const next = converted[key];
    out[key] = typeof original === 'string' && typeof next !== 'string' && String(next) !== original ? original : next;
  }
  return out;
}

/**
 * Fastify's validator for the hub API: TypeBox's checker over the same schemas that give the
 * routes their types. Bodies are checked exactly as sent, with no coercion of any kind (`null` is
 * not 0, "5" is not 5, `false` is not ""); unknown keys are refused by the schemas themselves.
 */
export function apiValidatorCompiler(): FastifySchemaCompiler<TSchema> {
  registerFormats();
  return ({ schema, httpPart }) => {
    const check = TypeCompiler.Compile(schema);
    return (value: unknown) => {
      const input = httpPart === 'body' ? value : convertText(schema, value);
      if (check.Check(input)) return { value: input };
      return { error: [...check.Errors(input)].slice(0, 5).map((e) => ({ message: e.message, instancePath: e.path, keyword: 'type', schemaPath: e.path, params: {} })) };
    };
  };
}
