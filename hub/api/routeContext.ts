import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../accounts/accountService.js';
import type { HubServices } from '../hubServices.js';
import type { Permission } from '../policy/permissions.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    /** The session token the request was authenticated with (bearer header or console cookie). */
    sessionToken: string | null;
  }
}

/**
 * What the API hands each feature's route plugin: the services, and the one authentication hook
 * (bearer token, session checks, permission table), so that no feature checks access its own way.
 */
export interface RouteContext {
  services: HubServices;
  auth: (permission?: Permission | Permission[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  me: (request: FastifyRequest) => Account;
}
