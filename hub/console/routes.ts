import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import * as S from '../api/schemas.js';
import type { RouteContext } from '../api/routeContext.js';
import { clearedCookies, sessionCookies } from './sessionCookie.js';
import { loadConsoleFiles, SECURITY_HEADERS } from './staticFiles.js';

const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 423: S.ErrorBody, 429: S.ErrorBody };
const ConsoleSignInReply = Type.Object({ idleTimeoutMinutes: Type.Integer(), lifetimeHours: Type.Integer(), account: S.AccountBody });

export interface ConsoleOptions extends RouteContext {
  /** The built console (`npm run build` writes console/dist). */
  distDir: string;
  /** Cookies are marked Secure when the hub serves TLS. */
  secure: boolean;
}

/**
 * The operator console: its static pages under /console/, and a cookie session for them. Signing
 * in here is the API's sign-in (same throttle, lockout, MFA and audit) with the token put in an
 * HttpOnly, SameSite=Strict cookie instead of the reply; every other call the console makes is an
 * ordinary API call, checked by the same permission table.
 */
export const consoleRoutes: FastifyPluginAsync<ConsoleOptions> = async (fastify, { services, auth, distDir, secure }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const files = await loadConsoleFiles(distDir);

  app.post('/api/v1/auth/console-session', { schema: { tags: ['auth'], body: S.Credentials, response: { 200: ConsoleSignInReply, ...errors } } }, async (req, reply) => {
    const { token, account } = await services.accounts.signIn(req.body.username, req.body.password, req.body.code, { ip: req.ip });
    const rules = services.policy.accounts;
    reply.header('set-cookie', sessionCookies(token, { secure, maxAgeS: Math.floor(rules.sessionLifetimeMs / 1000) }));
    return { account, idleTimeoutMinutes: Math.round(rules.idleTimeoutMs / 60_000), lifetimeHours: Math.round(rules.sessionLifetimeMs / 3600_000) };
  });
  app.post('/api/v1/auth/console-session/end', { schema: { tags: ['auth'], response: { 204: Type.Null(), ...errors } }, onRequest: auth() }, async (req, reply) => {
    await services.accounts.signOut(req.sessionToken!);
    return reply.header('set-cookie', clearedCookies(secure)).status(204).send(null);
  });

  // The address typed without its slash goes to the console too (relative asset paths need the slash).
  for (const path of ['/', '/console']) app.get(path, { schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/'));
  app.get('/console/*', { schema: { hide: true } }, async (req, reply) => {
    const name = (req.params as { '*': string })['*'] || 'index.html';
    reply.headers({ ...SECURITY_HEADERS, 'cache-control': name === 'index.html' ? 'no-store' : 'no-cache' });
    if (!files) return reply.status(503).type('text/plain; charset=utf-8').send('The console has not been built on this hub: run `npm run build`.\n');
    const file = files.get(name);
    if (!file) return reply.status(404).type('text/plain; charset=utf-8').send('not found\n');
    reply.header('etag', file.etag);
    // no-cache: the browser asks every time (a rebuilt console is picked up at once), and a copy it holds costs only a 304.
    if (req.headers['if-none-match'] === file.etag) return reply.status(304).send();
    return reply.type(file.type).send(file.body);
  });
};
