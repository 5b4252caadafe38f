import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AlprError } from '../../core/index.js';

/** No request schema nests deeper than a few levels; 32 leaves room and stays far from any stack limit. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion (stopping once past `limit`). */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * JSON bodies as fastify parses them (a `__proto__` or `constructor.prototype` key is refused),
 * and refused as `ALPR_ERR_INVALID_INPUT` when nested deeper than MAX_JSON_DEPTH: a body of
 * thirty thousand nested arrays fits in the 64 KiB limit, and walking it later (the request audit
 * keeps a refused search's body as text) overflowed the stack, so such a search was answered 500
 * and never audited.
 */
export function parseJsonBodies(app: FastifyInstance): void {
  // fastify's own parser answers through its callback (the other member of the parser type).
  const parse = app.getDefaultJsonParser('error', 'error') as (request: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => void;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (err, value) => {
      if (err) return done(err, undefined);
      if (depthOver(value, MAX_JSON_DEPTH)) return done(new AlprError('ALPR_ERR_INVALID_INPUT', `body: JSON nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      done(null, value);
    });
  });
}
