import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AlprError } from '../../core/index.js';
import * as S from '../api/schemas.js';
import type { HubServices } from '../hubServices.js';
import { PERMISSION_MATRIX, type Permission } from '../policy/permissions.js';
import type { Account } from './accountService.js';

/** The server's bearer-token hook: authenticates, and with a permission checks the role too. */
export type Authenticate = (permission?: Permission | Permission[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 404: S.ErrorBody, 409: S.ErrorBody, 423: S.ErrorBody, 429: S.ErrorBody };
const bearer = [{ bearer: [] as string[] }];

/**
 * Sign-in, sessions and account management (General Order 4.68 VII.B, VIII, IX) as a fastify
 * plugin. The rules live in AccountService; here only the HTTP shape: every role or certification
 * change made through these routes is an API change (no self-change, no chief or auditor account),
 * a role change with a reason.
 */
export async function accountRoutes(fastify: FastifyInstance, opts: { services: HubServices; auth: Authenticate }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { services, auth } = opts;
  const me = (request: FastifyRequest): Account => request.account!;

  app.post('/api/v1/auth/activate', { schema: { tags: ['auth'], body: S.Activate, response: { 200: S.ActivateReply, ...errors } } },
    async (req) => services.accounts.activate(req.body.activationToken, req.body.password, { ip: req.ip }));
  app.post('/api/v1/auth/mfa/confirm', { schema: { tags: ['auth'], body: S.Credentials, response: { 200: S.AccountBody, ...errors } } },
    async (req) => services.accounts.confirmTotp(req.body.username, req.body.password, req.body.code, { ip: req.ip }));
  app.post('/api/v1/auth/sign-in', { schema: { tags: ['auth'], body: S.Credentials, response: { 200: S.SignInReply, ...errors } } }, async (req) => {
    const { token, account } = await services.accounts.signIn(req.body.username, req.body.password, req.body.code, { ip: req.ip });
    const rules = services.policy.accounts;
    return { token, account, idleTimeoutMinutes: Math.round(rules.idleTimeoutMs / 60_000), lifetimeHours: Math.round(rules.sessionLifetimeMs / 3600_000) };
  });
  app.post('/api/v1/auth/sign-out', { schema: { tags: ['auth'], security: bearer, response: { 204: Type.Null(), ...errors } }, onRequest: auth() }, async (req, reply) => {
    await services.accounts.signOut(req.sessionToken!);
    return reply.status(204).send(null);
  });
  app.get('/api/v1/me', { schema: { tags: ['auth'], security: bearer, response: { 200: S.MeReply, ...errors } }, onRequest: auth() },
    async (req) => ({ account: me(req), lapses: services.accounts.lapses(me(req)), renewBy: services.accounts.renewBy(me(req)), permissions: [...PERMISSION_MATRIX[me(req).role]] }));

  app.post('/api/v1/accounts', { schema: { tags: ['accounts'], security: bearer, body: S.CreateAccount, response: { 201: S.CreateAccountReply, ...errors } }, onRequest: auth('accounts.manage') },
    async (req, reply) => reply.status(201).send(await services.accounts.create(req.body, me(req).userId, 'api')));
  app.get('/api/v1/accounts', { schema: { tags: ['accounts'], security: bearer, response: { 200: Type.Array(S.AccountBody), ...errors } }, onRequest: auth('accounts.manage') },
    async () => services.accounts.list());
  app.patch('/api/v1/accounts/:userId', { schema: { tags: ['accounts'], security: bearer, params: S.UserParams, body: S.UpdateAccount, response: { 200: S.AccountBody, ...errors } }, onRequest: auth('accounts.manage') },
    async (req) => {
      const { role, reason, ...dates } = req.body;
      if (role && !reason) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'reason: a role change needs a reason');
      // Every field is checked before any is applied: a refused date must not leave the role changed.
      services.accounts.checkCertifications(dates);
      let account = role ? await services.accounts.setRole(req.params.userId, role, me(req).userId, reason!, 'api') : null;
      if (Object.keys(dates).length > 0) account = await services.accounts.setCertifications(req.params.userId, dates, me(req).userId, 'api');
      if (!account) throw new AlprError('ALPR_ERR_INVALID_INPUT', 'nothing to change');
      return account;
    });
  app.post('/api/v1/accounts/:userId/deactivate', { schema: { tags: ['accounts'], security: bearer, params: S.UserParams, body: S.Reason, response: { 200: S.AccountBody, ...errors } }, onRequest: auth('accounts.manage') },
    async (req) => services.accounts.deactivate(req.params.userId, me(req).userId, req.body.reason));
  app.post('/api/v1/accounts/:userId/unlock', { schema: { tags: ['accounts'], security: bearer, params: S.UserParams, response: { 200: S.AccountBody, ...errors } }, onRequest: auth('accounts.manage') },
    async (req) => services.accounts.unlock(req.params.userId, me(req).userId));
}
