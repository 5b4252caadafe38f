import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { addressBlock, AlprError, errorMessage } from '../../core/index.js';
import { AuditBursts, DEFAULT_BURSTS, type BurstOptions } from './auditBursts.js';
import type { AuditLog, AuditOutcome } from './auditLog.js';

/**
 * The action a request is audited under when its service writes no record itself: listings,
 * and refusals that happen before a service runs (schema, bearer token, role) or inside one that
 * does not audit them (an image request citing the wrong search). Other routes: `http.request`.
 */
const ROUTE_ACTIONS: Record<string, { action: string; keepBody?: true }> = {
  'POST /api/v1/search': { action: 'reads.search', keepBody: true },
  'GET /api/v1/reads/:readId/images': { action: 'reads.viewImage' },
  'POST /api/v1/evidence/exports': { action: 'evidence.export', keepBody: true },
  'GET /api/v1/accounts': { action: 'accounts.list' },
  'GET /api/v1/holds': { action: 'holds.list' },
  'GET /api/v1/reviews': { action: 'reviews.list' },
  'GET /api/v1/devices': { action: 'devices.list' },
  'GET /api/v1/felony-requests': { action: 'felony.list' },
  'GET /api/v1/sites': { action: 'sites.list' },
  'GET /api/v1/reports/:kind/:month/:format': { action: 'report.download' },
  // An extract or mapping refused before the import ran (a bad mapping, an unclosed quote).
  'POST /api/v1/hotlists/imports': { action: 'hotlist.import' },
  // A partner hub's request refused before its signature was verified (unknown ORI, bad signature, malformed).
  'POST /api/v1/federation/search': { action: 'sharing.requestRefused' },
  // A stream refused before it opened (over the open-stream caps, role, suspension).
  'GET /api/v1/alerts/stream': { action: 'alert.stream' },
};

/** How much of a refused request body is kept (search and export bodies only: never passwords). */
const BODY_CHARS = 2000;
const BEARER = /^Bearer [A-Za-z0-9_-]{20,100}$/;

interface RequestState {
  appended: number;
  /** This plugin has written the request's record (or left it to the service that did). */
  recorded: boolean;
  handlerReached: boolean;
  error: (Error & { validation?: unknown; code?: string }) | null;
}

export interface RequestAuditOptions {
  audit: AuditLog;
  bursts?: Partial<BurstOptions>;
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? '(no such route)'}`;
}

/**
 * Whether the request is for the API: by the route the router matched, which it found on the
 * decoded path, so "/%61pi/v1/accounts" (the same route) is the API too; a request that matched no
 * route is judged on its decoded path, duplicate slashes collapsed and case folded, so probes of
 * unknown API paths are recorded however they are spelled.
 */
function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined) return route.startsWith('/api/');
  const raw = request.url.split('?')[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // Not decodable: the router answers it as a bad request; recorded like any API request.
    return true;
  }
  return path.replace(/\/{2,}/g, '/').toLowerCase().startsWith('/api/');
}

/** Why a bearer token was refused, without keeping the token. */
function tokenProblem(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined) return 'missing';
  return BEARER.test(header) ? 'unknown, ended or expired' : 'malformed';
}

/**
 * Every request to /api/ lands in the audit chain, refusals included (General Order 4.68 VII,
 * IX): a service that audits its own action is left to do so; anything else (listings, requests
 * refused by the schema, bearer tokens refused, roles refused, refusals a service does not
 * record) is written here, before the answer goes out. Refusals are counted in bursts
 * (auditBursts.ts), so a flood is recorded in a bounded number of records, each with its count.
 */
async function requestAudit(app: FastifyInstance, opts: RequestAuditOptions): Promise<void> {
  const { audit } = opts;
  const states = new WeakMap<FastifyRequest, RequestState>();
  const bursts = new AuditBursts({
    audit, clock: audit.clock, options: { ...DEFAULT_BURSTS, ...opts.bursts },
    onError: (err) => app.log.error({ err: errorMessage(err) }, 'audit burst count not written'),
  });

  app.addHook('onRequest', (request, _reply, done) => {
    if (!isApiRequest(request)) return done();
    const state: RequestState = { appended: 0, recorded: false, handlerReached: false, error: null };
    states.set(request, state);
    // Every later hook and the handler run inside this scope, so appends by services are seen.
    audit.requestScope.run(state, () => done());
  });
  app.addHook('preHandler', async (request) => {
    const state = states.get(request);
    if (state) state.handlerReached = true;
  });
  app.addHook('onError', async (request, _reply, error) => {
    const state = states.get(request);
    if (state) state.error = error;
  });
  /** Writes the request's record unless a service wrote one; once per request. */
  const record = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> => {
    const state = states.get(request);
    if (!state || state.recorded || state.appended > 0) return;
    state.recorded = true;
    const route = routeOf(request);
    const known = ROUTE_ACTIONS[route];
    const actor = request.account?.userId ?? 'anonymous';
    const base = { method: request.method, route: request.routeOptions.url ?? request.url.split('?')[0]!.slice(0, 200), params: request.params, query: request.query };
    if (reply.statusCode < 400) {
      await audit.append({ actor, action: known?.action ?? 'http.request', detail: { ...base, ...(Array.isArray(payload) ? { returned: payload.length } : {}) } });
      return;
    }
    const error = state.error;
    // The error handler's answer carries the code; fastify's own 404 for an unknown route does not.
    const code = (payload as { code?: string } | null)?.code ?? (error instanceof AlprError ? error.code : 'ALPR_ERR_NOT_FOUND');
    const outcome: AuditOutcome = reply.statusCode >= 500 ? 'failed' : 'refused';
    const badToken = !state.handlerReached && code === 'ALPR_ERR_SESSION_EXPIRED';
    const reason = badToken ? tokenProblem(request) : undefined;
    const body = known?.keepBody && request.body !== undefined ? JSON.stringify(request.body).slice(0, BODY_CHARS) : undefined;
    const detail = {
      ...base, ip: request.ip, status: reply.statusCode, code, reason,
      message: String((payload as { message?: string } | null)?.message ?? error?.message ?? '').slice(0, 500),
      stage: state.handlerReached ? 'service' : 'before the service (schema, token or role)', body,
    };
    // A member's refusals are told apart by route and code. An anonymous source's (an IPv4
    // address, an IPv6 /64) only by the kind of bad token, whatever route or code: keyed by those
    // too, one address walking the API's routes with a few kinds of bad token wrote hundreds of
    // records a minute. The first of each window still says what was tried; the count says how often.
    const kind = `${badToken ? 'token' : 'request'}|${reason ?? ''}`;
    const key = actor === 'anonymous' ? `${kind}|ip:${addressBlock(request.ip)}` : `${kind}|${actor}|${route}|${code}`;
    await bursts.note(key, {
      actor, action: badToken ? 'auth.tokenRefused' : known?.action ?? 'http.request', outcome, detail,
    });
  };
  app.addHook('preSerialization', async (request, reply, payload) => {
    await record(request, reply, payload);
    return payload;
  });
  // A file answered as a Buffer (a report download) skips serialisation: recorded here, still before it goes out.
  app.addHook('onSend', async (request, reply, payload) => {
    await record(request, reply, payload);
    return payload;
  });
  app.addHook('onClose', async () => bursts.flush());
}

export default fp(requestAudit, { name: 'alpr-request-audit', fastify: '5.x' });
