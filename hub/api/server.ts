import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AlprError, systemClock, type Clock, type Logger } from '../../core/index.js';
import type { Account } from '../accounts/accountService.js';
import { accountRoutes } from '../accounts/routes.js';
import requestAudit from '../audit/requestAudit.js';
import type { HubServices } from '../hubServices.js';
import { alertRoutes } from '../alerts/routes.js';
import { hotlistRoutes } from '../hotlists/routes.js';
import { reportRoutes } from '../reports/routes.js';
import { PERMISSION_MATRIX, requirePermission, type Permission } from '../policy/permissions.js';
import type { IngestStats } from '../ingest/ingestService.js';
import { ingestRoutes } from '../ingest/routes.js';
import apiHeaders from '../console/apiHeaders.js';
import { consoleRoutes } from '../console/routes.js';
import { sessionToken } from '../console/sessionCookie.js';
import type { Readiness } from '../ops/readiness.js';
import type { AuditStartCheck } from '../audit/startupCheck.js';
import type { RabbitAuth } from '../broker/rabbitAuth.js';
import { rabbitAuthRoutes } from '../broker/rabbitAuthRoutes.js';
import { healthRoutes } from '../ops/routes.js';
import { clientCertPlugin } from '../tls/clientCertPlugin.js';
import { httpsOptions, type HubTls } from '../tls/tlsFiles.js';
import { policyRoutes } from '../policy/routes.js';
import { sharingRoutes } from '../sharing/routes.js';
import { siteRoutes } from '../sites/routes.js';
import { HTTP_STATUS } from './httpStatus.js';
import * as S from './schemas.js';
import { apiValidatorCompiler } from './validation.js';
import { parseJsonBodies, refuseNulInUrls } from './jsonBody.js';

const CONSOLE_DIST = new URL('../../console/dist', import.meta.url).pathname;
const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 404: S.ErrorBody, 409: S.ErrorBody, 413: S.ErrorBody, 423: S.ErrorBody, 429: S.ErrorBody, 503: S.ErrorBody };
const bearer = [{ bearer: [] as string[] }];

/**
 * The only authenticated routes a suspended account still reaches (General Order 4.68 VII.H),
 * keyed `METHOD /route` as the router matched it; every other route that calls `auth()` answers
 * 403 ALPR_ERR_SEARCH_SUSPENDED. Anything not named here (a new route, a renamed one, HEAD) is
 * refused: the list fails closed.
 * - Signing out (bearer token, and the console's cookie session): a suspended account must be
 *   able to end its session; it only takes access away.
 * - GET /api/v1/me: its own account, permissions and lapses, which the console loads to show who
 *   is signed in (and its idle lock polls); it carries no ALPR data.
 * There are no signed-in routes to change one's own password or TOTP (activation and MFA
 * confirmation are unauthenticated and never reach `auth()`), and none that reads one's own
 * suspension (the refusal's message says it is suspended). Reviewing suspensions is refused too:
 * a suspended supervisor lifts neither its own nor another's (ReviewFlags.decide checks it again);
 * so is changing accounts: a suspended administrator could otherwise make an administrator of its
 * own, hold its activation token, and have it lift the suspension.
 */
const WHILE_SUSPENDED: ReadonlySet<string> = new Set([
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/console-session/end',
  'GET /api/v1/me',
]);

/**
 * The hub's HTTP JSON API (fastify). Every route states the permission it needs; the account
 * behind the bearer token is checked on each request (idle lock, deactivation), and the service
 * it calls enforces the order and writes the audit chain. No route returns reads in bulk.
 */
/**
 * The message a client is shown. A store failure names its statement and a 500 may name a file
 * path or a key: both stay in the log (written above), and the client gets the code and a
 * sentence. 502/504 messages (a partner hub's answer) stay, as the officer acts on them.
 */
function publicMessage(code: string, status: number, message: string): string {
  if (code === 'ALPR_ERR_STORE') return 'the hub\'s database did not answer; try again shortly';
  return status === 500 ? 'internal error' : message;
}

/** What enrollment hands an appliance: the hub's public keys and the broker it should use. */
export interface ProvisioningInfo {
  brokerUrl: () => string;
  sealPublicKeyPem: string;
  sealKeyId: string;
  signPublicKeyPem: string;
}

/**
 * `trustedProxies`: the reverse proxies (addresses or CIDR blocks) whose X-Forwarded-For names the
 * client. A request from one of them counts as from the address the header's last untrusted hop
 * names (sign-in locks, audit records); from anywhere else the header is ignored, so a client
 * cannot choose its own address. Empty: the connecting address, always.
 */
export async function buildApi(ctx: { services: HubServices; logger: Logger; provisioning?: ProvisioningInfo; tls?: HubTls | null; clock?: Clock; ingestStats?: () => IngestStats; consoleDir?: string; readiness?: Readiness; brokerAuth?: RabbitAuth | null; auditStartCheck?: AuditStartCheck; trustedProxies?: readonly string[] }): Promise<FastifyInstance> {
  const { services } = ctx;
  const app = Fastify({
    ...(ctx.tls ? { https: httpsOptions(ctx.tls) } : {}),
    loggerInstance: ctx.logger.child({ module: 'http' }) as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    trustProxy: ctx.trustedProxies?.length ? [...ctx.trustedProxies] : false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // No coercion of request bodies (`{"trainingCompletedAt": null}` once became 0): see validation.ts.
  app.setValidatorCompiler(apiValidatorCompiler());
  parseJsonBodies(app);
  refuseNulInUrls(app);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionToken', null);
  await app.register(requestAudit, { audit: services.audit });
  await app.register(apiHeaders);
  if (ctx.tls?.clientCa) await app.register(clientCertPlugin, { sql: services.store.sql, audit: services.audit, clock: ctx.clock ?? systemClock });

  const { default: swagger } = await import('@fastify/swagger');
  await app.register(swagger, {
    openapi: {
      info: { title: 'ALPR hub API', version: '1.0.0', description: 'Purpose-gated search, accounts with MFA, audit, retention and evidence under General Order 4.68.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.setErrorHandler((err: Error & { validation?: unknown; statusCode?: number }, request, reply) => {
    if (err instanceof AlprError) {
      const status = HTTP_STATUS[err.code];
      if (status >= 500) request.log.error({ err: err.toJSON() }, 'request failed');
      return reply.status(status).send({ code: err.code, message: publicMessage(err.code, status, err.message), retryable: err.retryable });
    }
    if (err.validation) return reply.status(400).send({ code: 'ALPR_ERR_INVALID_INPUT', message: err.message, retryable: false });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: 'ALPR_ERR_INVALID_INPUT', message: err.message, retryable: false });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ code: 'ALPR_ERR_INTERNAL', message: 'internal error', retryable: true });
  });

  // An unknown route or method answers in the API's own shape ({code, message, retryable}), not
  // fastify's ({message, error, statusCode}), and does not echo the URL back.
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ code: 'ALPR_ERR_NOT_FOUND', message: `no ${request.method} route at this address`, retryable: false }));

  /**
   * Authenticates the bearer token (or the console's cookie, CSRF-checked); with a permission, also
   * checks the role; then refuses a suspended account (VII.H: after a refused search the account's
   * access to the ALPR system is suspended until a supervisor reviews it) on every route but
   * WHILE_SUSPENDED. This is the outer layer: the services' own suspension checks stay.
   */
  const auth = (permission?: Permission | Permission[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = sessionToken(request);
    request.sessionToken = token;
    request.account = (await services.accounts.authenticate(token)).account;
    const needed = permission === undefined ? [] : Array.isArray(permission) ? permission : [permission];
    if (needed.length > 0 && !needed.some((p) => PERMISSION_MATRIX[request.account!.role].includes(p))) requirePermission(request.account.role, needed[0]!);
    // One indexed lookup (search_suspensions (user_id, status)) per authenticated request.
    if (!WHILE_SUSPENDED.has(`${request.method} ${request.routeOptions.url}`)) {
      await services.reviews.refuseWhileSuspended(request.account.userId, 'use the ALPR system; it may still sign out and read its own account (GET /api/v1/me)');
    }
  };
  const me = (request: FastifyRequest): Account => request.account!;

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/health', { schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  if (ctx.readiness) await app.register(healthRoutes, { readiness: ctx.readiness });
  if (ctx.brokerAuth) await app.register(rabbitAuthRoutes, { auth: ctx.brokerAuth });
  await app.register(accountRoutes, { services, auth });

  // --- search, images, evidence ---------------------------------------------------------------
  app.post('/api/v1/search', { schema: { tags: ['search'], security: bearer, body: S.SearchBody, response: { 200: S.SearchReply, ...errors } }, onRequest: auth(['reads.search', 'reads.searchAdministrative']) },
    async (req) => services.search.search(me(req), req.body));
  app.get('/api/v1/reads/:readId/images', { schema: { tags: ['search'], security: bearer, params: S.ReadParams, querystring: S.ImageQuery, response: { 200: S.ImageReply, ...errors } }, onRequest: auth('reads.viewImage') },
    async (req) => {
      const read = await services.search.viewImages(me(req), req.params.readId, req.query.searchId);
      return { readId: read.id, plate: read.plate, cropJpegBase64: read.crop.toString('base64'), contextJpegBase64: read.context.toString('base64') };
    });
  app.post('/api/v1/evidence/exports', { schema: { tags: ['evidence'], security: bearer, body: S.ExportBody, response: { 201: S.EvidenceReply, ...errors } }, onRequest: auth('evidence.export') },
    async (req, reply) => reply.status(201).send(await services.evidence.export(me(req), req.body)));
  app.get('/api/v1/holds', { schema: { tags: ['evidence'], security: bearer, response: { 200: Type.Array(S.HoldBody), ...errors } }, onRequest: auth('retention.manage') },
    async () => services.evidence.activeHolds());
  app.post('/api/v1/holds/:holdId/release', { schema: { tags: ['evidence'], security: bearer, params: S.HoldParams, body: S.Reason, response: { 200: S.HoldBody, ...errors } }, onRequest: auth('retention.manage') },
    async (req) => services.evidence.releaseHold(req.params.holdId, me(req).userId, req.body.reason));
  app.post('/api/v1/retention/runs', { schema: { tags: ['retention'], security: bearer, response: { 200: S.PurgeReply, ...errors } }, onRequest: auth('retention.manage') },
    async (req) => services.retention.run('manual', me(req).userId));

  // --- other-felony requests and reviews ------------------------------------------------------
  app.post('/api/v1/felony-requests', { schema: { tags: ['policy'], security: bearer, body: S.FelonyRequestBody, response: { 201: S.FelonyRequestReply, ...errors } }, onRequest: auth('felony.request') },
    async (req, reply) => reply.status(201).send(await services.felony.submit(req.body, me(req).userId)));
  app.get('/api/v1/felony-requests', { schema: { tags: ['policy'], security: bearer, response: { 200: Type.Array(S.FelonyRequestReply), ...errors } }, onRequest: auth(['felony.approve', 'felony.request']) },
    async (req) => {
      const all = await services.felony.list();
      return PERMISSION_MATRIX[me(req).role].includes('felony.approve') ? all : all.filter((r) => r.requestedBy === me(req).userId);
    });
  app.post('/api/v1/felony-requests/:requestId/decision', { schema: { tags: ['policy'], security: bearer, params: S.RequestParams, body: S.Decision, response: { 200: S.FelonyRequestReply, ...errors } }, onRequest: auth('felony.approve') },
    async (req) => services.felony.decide(req.params.requestId, req.body.approve, me(req).userId, req.body.note, req.body.investigators));
  await app.register(policyRoutes, { services, auth, errors });

  // --- sites and devices -----------------------------------------------------------------------
  await app.register(siteRoutes, { services, auth });
  if (ctx.ingestStats) await app.register(ingestRoutes, { stats: ctx.ingestStats, auth });
  app.get('/api/v1/devices', { schema: { tags: ['sites'], security: bearer, response: { 200: Type.Array(S.DeviceOverviewBody), ...errors } }, onRequest: auth(['sites.manage', 'audit.read']) },
    async () => services.devices.overview());
  app.post('/api/v1/devices', { schema: { tags: ['sites'], security: bearer, body: S.EnrollDevice, response: { 201: S.DeviceBody, ...errors } }, onRequest: auth('sites.manage') },
    async (req, reply) => reply.status(201).send(await services.devices.enroll({ ...req.body, publicKey: Buffer.from(req.body.publicKey, 'base64') }, me(req).userId)));
  app.post('/api/v1/devices/:deviceId/revoke', { schema: { tags: ['sites'], security: bearer, params: S.DeviceParams, body: S.Reason, response: { 204: Type.Null(), ...errors } }, onRequest: auth('sites.manage') },
    async (req, reply) => {
      await services.devices.revoke(req.params.deviceId, me(req).userId, req.body.reason);
      return reply.status(204).send(null);
    });

  // --- provisioning (issue #6): tokens, enrollment, signed device requests ----------------------
  app.post('/api/v1/enrollment-tokens', { schema: { tags: ['provisioning'], security: bearer, body: S.IssueToken, response: { 201: S.TokenReply, ...errors } }, onRequest: auth('sites.manage') },
    async (req, reply) => reply.status(201).send(await services.devices.issueEnrollmentToken(req.body.siteId, (req.body.ttlHours ?? 24) * 3600_000, me(req).userId)));
  app.post('/api/v1/provisioning/enroll', { schema: { tags: ['provisioning'], body: S.Enroll, response: { 201: S.EnrollReply, ...errors } } }, async (req, reply) => {
    if (!ctx.provisioning) throw new AlprError('ALPR_ERR_NOT_FOUND', 'this hub does not enroll appliances');
    const { device, site } = await services.devices.enrollWithToken({ token: req.body.token, deviceId: req.body.deviceId, publicKey: Buffer.from(req.body.publicKey, 'base64') });
    const p = ctx.provisioning;
    return reply.status(201).send({
      deviceId: device.deviceId, siteId: site.siteId, siteName: site.name, brokerUrl: p.brokerUrl(),
      hub: { sealPublicKeyPem: p.sealPublicKeyPem, sealKeyId: p.sealKeyId, signPublicKeyPem: p.signPublicKeyPem },
    });
  });
  app.post('/api/v1/provisioning/devices/:deviceId/:action', { schema: { tags: ['provisioning'], params: S.DeviceAction, body: S.SignedDeviceRequest, response: { 200: S.DeviceActionReply, ...errors } } },
    async (req) => {
      const request = { deviceId: req.params.deviceId, action: req.params.action, at: req.body.at, fields: req.body.fields };
      if (req.params.action === 'rotate-key') await services.devices.rotateKey(request, req.body.signature, req.body.proof ?? '');
      else if (req.params.action === 'relocate') await services.devices.relocate(request, req.body.signature);
      else await services.devices.decommission(request, req.body.signature);
      const device = (await services.store.getDevice(req.params.deviceId))!;
      return { deviceId: device.deviceId, siteId: device.siteId, status: device.status };
    });

  // --- audit -----------------------------------------------------------------------------------
  app.get('/api/v1/audit', { schema: { tags: ['audit'], security: bearer, querystring: S.AuditQueryString, response: { 200: Type.Array(S.AuditRecordBody), ...errors } }, onRequest: auth('audit.read') },
    async (req) => {
      const records = await services.audit.query({ ...req.query, limit: req.query.limit ?? 100 });
      await services.audit.append({ actor: me(req).userId, action: 'audit.query', detail: { ...req.query, returned: records.length } });
      return records;
    });
  app.get('/api/v1/audit/export', { schema: { tags: ['audit'], security: bearer, querystring: S.AuditQueryString, response: { 200: Type.Array(S.AuditRecordBody), ...errors } }, onRequest: auth('audit.export') },
    async (req) => {
      const records = await services.audit.query({ ...req.query, limit: req.query.limit ?? 1000 });
      await services.audit.append({ actor: me(req).userId, action: 'audit.export', detail: { ...req.query, returned: records.length, lastSeq: records.at(-1)?.seq ?? null } });
      return records;
    });
  app.get('/api/v1/audit/verify', { schema: { tags: ['audit'], security: bearer, response: { 200: S.VerifyReply, ...errors } }, onRequest: auth('audit.read') },
    async (req) => {
      const result = await services.audit.verifyShared();
      await services.audit.append({ actor: me(req).userId, action: 'audit.verify', detail: { records: result.records, problems: result.problems.length } });
      return result;
    });

  const startCheck = ctx.auditStartCheck;
  if (startCheck) {
    // The hub process's own check of the chain at start (what /readyz summarises), with its problems.
    app.get('/api/v1/audit/start-check', { schema: { tags: ['audit'], security: bearer, response: { 200: S.ChainStartReply, ...errors } }, onRequest: auth('audit.read') },
      async () => startCheck.status());
  }

  // --- features registered as plugins, each with its own routes ------------------------------
  await app.register(hotlistRoutes, { services, auth, me });
  await app.register(alertRoutes, { services, auth, me });
  await app.register(sharingRoutes, { services, auth, me });
  await app.register(consoleRoutes, { services, auth, me, distDir: ctx.consoleDir ?? CONSOLE_DIST, secure: Boolean(ctx.tls) });
  await app.register(reportRoutes, { services, auth, me });

  await app.ready();
  return app;
}
