import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import * as S from '../api/schemas.js';
import type { HubServices } from '../hubServices.js';
import { OFFENSE_CATEGORIES } from './offenses.js';
import type { Permission } from './permissions.js';

export interface PolicyRoutesOptions {
  services: HubServices;
  /** The API's bearer-token check, with the permission a route needs. */
  auth: (permission?: Permission | Permission[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The error replies every route declares. */
  errors: NonNullable<FastifySchema['response']>;
}

/**
 * The purpose gate's routes: the offense vocabulary a search chooses from, and the supervisor's
 * review of refused searches and the suspensions they put on accounts (VII.H).
 */
export const policyRoutes: FastifyPluginAsyncTypebox<PolicyRoutesOptions> = async (app, { services, auth, errors }) => {
  const bearer = [{ bearer: [] as string[] }];
  app.get('/api/v1/offenses', { schema: { tags: ['policy'], security: bearer, response: { 200: Type.Array(S.OffenseBody), ...errors } }, onRequest: auth() },
    async () => OFFENSE_CATEGORIES.map((o) => ({ code: o.code, name: o.name, purposes: [...o.purposes], prohibited: o.prohibited ?? null })));
  app.get('/api/v1/reviews', {
    schema: { tags: ['policy'], security: bearer, querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('suspended'), Type.Literal('upheld')], { description: 'suspended (waiting for review, the default) or upheld (reviewed, still suspended, may be lifted)' })) }, { additionalProperties: false }),
      response: { 200: Type.Array(S.ReviewBody), ...errors } },
    onRequest: auth('reviews.manage'),
  }, async (req) => services.reviews.open(req.query.status));
  app.post('/api/v1/reviews/:flagId/decision', {
    schema: { tags: ['policy'], security: bearer, params: S.FlagParams, body: S.ReviewDecisionBody, response: { 200: S.ReviewBody, ...errors } }, onRequest: auth('reviews.manage'),
  }, async (req) => services.reviews.decide(req.params.flagId, req.body.decision, req.body.reason, req.account!.userId));
};
