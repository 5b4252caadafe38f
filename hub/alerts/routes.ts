import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorMessage } from '../../core/index.js';
import { ErrorBody } from '../api/schemas.js';
import type { RouteContext } from '../api/routeContext.js';
import { requirePermission } from '../policy/permissions.js';
import { ACTIONS, DISPOSITIONS, type Alert } from './alertService.js';

const strict = { additionalProperties: false } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const bearer = [{ bearer: [] as string[] }];
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const AlertBody = Type.Object({
  alertId: Type.String(), readId: Type.String(), entryId: Type.String(), deviceId: Type.String(), siteId: Type.String(), cameraId: Type.String(), plate: Type.String(),
  readState: NullableString, readConfidence: Type.Number(),
  readColour: Type.String({ description: 'body colour judged on the appliance (unknown when not sure): check it against entry.vehicleColour' }), nearMatch: Type.Boolean(),
  entry: Type.Object({
    plate: Type.String(), state: Type.String(), plateType: Type.String(), vehicleMake: Type.String(), vehicleColour: Type.String(), vehicleType: Type.String(),
    category: Type.String(), priority: Type.Integer(), action: Type.String(), source: Type.String(),
  }),
  matchedBy: Type.String(), capturedAt: Type.Integer(), raisedAt: Type.Integer(), status: Type.String(), imagesOpenedBy: NullableString, imagesOpenedAt: NullableInt,
  disposition: NullableString, actionTaken: NullableString, cadNumber: NullableString, note: NullableString, disposedBy: NullableString, disposedAt: NullableInt,
});
const AlertParams = Type.Object({ alertId: Type.String({ format: 'uuid' }) }, strict);
const SiteFilter = Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+){0,49}$', description: 'comma-separated site ids; all sites when omitted' }));
const ListQuery = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])), sites: SiteFilter, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, strict);
const ImagesReply = Type.Object({ alert: AlertBody, cropJpegBase64: Type.String(), contextJpegBase64: Type.String() });
const DispositionBody = Type.Object({
  disposition: Type.Union(DISPOSITIONS.map((d) => Type.Literal(d)), { description: 'confirmed: plate, state and make checked against the images and the entry' }),
  action: Type.Optional(Type.Union(ACTIONS.map((a) => Type.Literal(a)), { description: 'what came of a confirmed hit' })),
  cadNumber: Type.Optional(Type.String({ maxLength: 32, description: 'the CAD run number of a stop' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, strict);

/** How often an open stream with no events says it is alive and re-checks the session and role behind it. */
const HEARTBEAT_MS = 20_000;

const sites = (s: string | undefined) => (s ? s.split(',') : undefined);

/**
 * Alerts over HTTP: the list, the live stream (server-sent events, filtered to the sites the
 * officer watches), the images (audited; needed before confirming) and the disposition.
 */
export const alertRoutes: FastifyPluginAsync<RouteContext> = async (fastify, { services, auth, me }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const alerts = services.alerts;
  // Open streams end when the hub stops, so that a shutdown does not wait on watching consoles.
  const open = new Set<() => void>();
  fastify.addHook('onClose', async () => {
    for (const end of open) end();
  });
  app.get('/api/v1/alerts', { schema: { tags: ['alerts'], security: bearer, querystring: ListQuery, response: { 200: Type.Array(AlertBody), ...errors } }, onRequest: auth('alerts.respond') },
    async (req) => alerts.list(me(req), { status: req.query.status, siteIds: sites(req.query.sites), limit: req.query.limit }));

  app.get('/api/v1/alerts/stream', {
    schema: { tags: ['alerts'], security: bearer, querystring: Type.Object({ sites: SiteFilter }, strict), description: 'text/event-stream: `alert` events (raised) and `closed` events, JSON data as in GET /api/v1/alerts. By default at most 3 open streams per account and 200 per hub process (429 ALPR_ERR_RATE_LIMITED beyond); a closed stream frees its slot' },
    onRequest: auth('alerts.respond'),
  }, async (req, reply) => {
    const user = me(req);
    await alerts.requireAccess(user);
    const watched = sites(req.query.sites);
    const token = req.sessionToken!;
    // A stream over the caps is refused (429 ALPR_ERR_RATE_LIMITED) before its `alert.stream`
    // record; the refusal is recorded by the request audit, counted in bursts (requestAudit.ts).
    const release = alerts.openStream(user);
    try {
      await services.audit.append({ actor: user.userId, action: 'alert.stream', detail: { siteIds: watched ?? null } });
    } catch (err) {
      release();
      throw err;
    }
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    // Every event is sent only after the session behind the stream is checked again, in order: an
    // alert raised after sign-out, deactivation or suspension (VII.H: "immediately") never reaches
    // the stream, whichever hub process ended the session. The heartbeat makes the same check
    // without an event, so an idle stream of an ended session ends too. The check is not the
    // user's activity: it does not keep the session alive.
    // The role is checked again too, on the account as it is now: the route's hook checked it
    // once, at the opening, and an officer whose role has since changed (made admin, say) no
    // longer works alerts (IX) and must not go on getting plates from a stream opened before.
    let queue = Promise.resolve();
    let ended = false;
    const afterCheck = (write: () => void) => {
      queue = queue.then(() => services.accounts.authenticate(token, { touch: false })).then(({ account }) => {
        requirePermission(account.role, 'alerts.respond');
        return alerts.requireAccess(account);
      }).then(() => {
        if (!ended) write();
      }, (err: unknown) => {
        if (ended) return;
        ended = true;
        out.write(`event: ended\ndata: ${JSON.stringify({ reason: errorMessage(err) })}\n\n`);
        out.end();
      });
    };
    const send = (event: string, alert: Alert) => {
      if (!watched || watched.includes(alert.siteId)) afterCheck(() => out.write(`event: ${event}\nid: ${alert.alertId}\ndata: ${JSON.stringify(alert)}\n\n`));
    };
    const raised = (a: Alert) => send('alert', a);
    const closed = (a: Alert) => send('closed', a);
    alerts.on('alertRaised', raised);
    alerts.on('alertClosed', closed);
    out.write(': connected\n\n');
    const heartbeat = setInterval(() => afterCheck(() => out.write(': alive\n\n')), HEARTBEAT_MS);
    const end = () => {
      ended = true;
      out.end();
    };
    open.add(end);
    const cleanup = () => {
      ended = true;
      release();
      clearInterval(heartbeat);
      open.delete(end);
      alerts.off('alertRaised', raised);
      alerts.off('alertClosed', closed);
    };
    req.raw.on('close', cleanup);
    out.on('close', cleanup);
  });

  app.get('/api/v1/alerts/:alertId/images', { schema: { tags: ['alerts'], security: bearer, params: AlertParams, response: { 200: ImagesReply, ...errors } }, onRequest: auth('alerts.respond') },
    async (req) => {
      const { alert, read } = await alerts.viewImages(me(req), req.params.alertId);
      return { alert, cropJpegBase64: read.crop.toString('base64'), contextJpegBase64: read.context.toString('base64') };
    });
  app.post('/api/v1/alerts/:alertId/disposition', { schema: { tags: ['alerts'], security: bearer, params: AlertParams, body: DispositionBody, response: { 200: AlertBody, ...errors } }, onRequest: auth('alerts.respond') },
    async (req) => alerts.dispose(me(req), req.params.alertId, req.body));
};
