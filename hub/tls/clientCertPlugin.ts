import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AlprError, type Clock } from '../../core/index.js';
import type { AuditLog } from '../audit/auditLog.js';
import { issuedCookieToken, presentedToken } from '../console/sessionCookie.js';
import type { SqlDb } from '../db/sql.js';
import { CertBindings } from './certBindings.js';

/**
 * Routes an appliance or installer calls without an operator account: enrollment (token), the
 * signed device requests and the installer's site list (enrollment token, no Authorization).
 * Everything else, routes added later included, needs an agency client certificate.
 */
// Signed by a device or a partner hub's key, not sent from an agency device with a session.
const DEVICE_ROUTES = new Set(['POST /api/v1/provisioning/enroll', 'POST /api/v1/provisioning/devices/:deviceId/:action', 'GET /health', 'POST /api/v1/federation/search']);
/** Where a session token is issued: in the reply's body (API clients) or its Set-Cookie (the console). */
const SIGN_IN = 'POST /api/v1/auth/sign-in';
const CONSOLE_SIGN_IN = 'POST /api/v1/auth/console-session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? '?'}`;
}

/** The client certificate the TLS layer verified against the agency CA, or null. */
function agencyCertificate(request: FastifyRequest): { fingerprint: string; subject: string } | null {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (!socket.authorized || typeof socket.getPeerCertificate !== 'function') return null;
  const cert = socket.getPeerCertificate();
  if (!cert?.fingerprint256) return null;
  return { fingerprint: cert.fingerprint256, subject: `CN=${cert.subject?.CN ?? '?'} serial=${cert.serialNumber}` };
}

/**
 * General Order 4.68 IX, "use of the ALPR system outside of work devices is prohibited", where the
 * hub is told the agency CA (`--client-ca`): every operator request must come over a TLS
 * connection with a client certificate that CA issued, and a session token works only on the
 * certificate it was signed in on. A token carried to another device (another certificate) is
 * refused and the attempt is written to the audit chain under the token's account.
 * The TLS layer asks for the certificate but does not demand it, so appliances can still enroll.
 */
export async function clientCertPlugin(app: FastifyInstance, opts: { sql: SqlDb; audit: AuditLog; clock: Clock }): Promise<void> {
  const bindings = new CertBindings(opts.sql);
  await bindings.migrate();

  app.addHook('onRequest', async (request) => {
    const route = routeKey(request);
    // Whichever token the request will be served under, bearer or the console's cookie.
    const token = presentedToken(request);
    if (DEVICE_ROUTES.has(route) || (route === 'GET /api/v1/provisioning/sites' && !token)) return;
    const cert = agencyCertificate(request);
    const refuse = async (reason: string, detail: Record<string, unknown>): Promise<never> => {
      const userId = token ? await bindings.sessionUser(sha256(token)) : null;
      if (userId) await opts.audit.append({ actor: userId, action: 'auth.clientCert', outcome: 'refused', detail: { reason, route, ip: request.ip, ...detail } });
      else request.log.warn({ reason, route, ip: request.ip }, 'request without an agency client certificate refused');
      throw new AlprError('ALPR_ERR_CLIENT_CERT', reason);
    };
    if (!cert) return refuse('this hub is used from agency devices only: present a client certificate issued by the agency CA', {});
    // The console's own files carry no data: a stale cookie must not keep its sign-in page away.
    if (!token || !route.includes(' /api/')) return;
    const bound = await bindings.boundTo(sha256(token));
    if (!bound) return refuse('this session was not signed in on an agency device; sign in again', { presented: cert.subject });
    if (bound.fingerprint !== cert.fingerprint) {
      return refuse('this session belongs to another device: sign in on this one', { presented: cert.subject, boundTo: bound.subject });
    }
  });

  // The token is bound as it leaves the hub, so no request can use it before it is bound.
  app.addHook('onSend', async (request, reply, payload) => {
    const route = routeKey(request);
    if ((route !== SIGN_IN && route !== CONSOLE_SIGN_IN) || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const cert = agencyCertificate(request);
    if (!cert) throw new AlprError('ALPR_ERR_CLIENT_CERT', 'sign-in needs an agency client certificate');
    const body = JSON.parse(payload) as { token?: string; account: { userId: string } };
    const token = route === SIGN_IN ? body.token : issuedCookieToken(reply.getHeader('set-cookie'));
    if (!token) throw new AlprError('ALPR_ERR_CLIENT_CERT', 'the session could not be bound to this device');
    const { account } = body;
    await bindings.bind(sha256(token), cert, opts.clock.now());
    await opts.audit.append({ actor: account.userId, action: 'auth.clientCertBound', detail: { certificate: cert.subject, fingerprint: cert.fingerprint } });
    return payload;
  });
}
// Hooks apply to the whole API, not only inside this plugin's scope.
(clientCertPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
