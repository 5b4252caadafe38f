import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../accounts/accountService.js';
import * as S from '../api/schemas.js';
import type { HubServices } from '../hubServices.js';
import { can, type Permission } from '../policy/permissions.js';
import { MapOutlineBody } from './mapOutline.js';
import { isInService, type Site } from './siteRegistry.js';

const errors = { 400: S.ErrorBody, 401: S.ErrorBody, 403: S.ErrorBody, 404: S.ErrorBody, 409: S.ErrorBody };
const bearer = [{ bearer: [] as string[] }];

/**
 * Who sees a site's approval reference and exact coordinates: those who approve sites (the
 * Chief) and manage them (admins). Everyone else who searches needs only a site's id, name and
 * cameras to narrow a search.
 */
export function seesSiteApprovals(account: Account): boolean {
  return can(account.role, 'sites.approve') || can(account.role, 'sites.manage');
}

const summary = (s: Site) => ({ siteId: s.siteId, name: s.name, cameras: s.cameras, status: s.status });
const installerView = (s: Site) => ({ siteId: s.siteId, name: s.name, approvalRef: s.approvalRef, latitude: s.latitude, longitude: s.longitude, cameras: s.cameras });

/** The registry of approved sites (General Order 4.68 IV, V) over HTTP, and the installer's view of it. */
export async function siteRoutes(fastify: FastifyInstance, opts: {
  services: HubServices;
  auth: (permission?: Permission | Permission[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { services, auth } = opts;
  const me = (request: FastifyRequest): Account => request.account!;

  app.get('/api/v1/sites', { schema: { tags: ['sites'], security: bearer, response: { 200: Type.Array(S.SiteListing), ...errors } }, onRequest: auth() },
    async (req) => {
      const sites = await services.sites.list();
      return seesSiteApprovals(me(req)) ? sites : sites.map(summary);
    });
  app.post('/api/v1/sites', { schema: { tags: ['sites'], security: bearer, body: S.ApproveSite, response: { 201: S.SiteBody, ...errors } }, onRequest: auth('sites.approve') },
    async (req, reply) => reply.status(201).send(await services.sites.approve(req.body, me(req).userId)));
  app.post('/api/v1/sites/:siteId/relocation', { schema: { tags: ['sites'], security: bearer, params: S.SiteParams, body: S.Relocate, response: { 200: S.SiteBody, ...errors } }, onRequest: auth('sites.approve') },
    async (req) => services.sites.relocate(req.params.siteId, req.body, me(req).userId));
  app.patch('/api/v1/sites/:siteId', { schema: { tags: ['sites'], security: bearer, params: S.SiteParams, body: S.UpdateSite, response: { 200: S.SiteBody, ...errors } }, onRequest: auth('sites.manage') },
    async (req) => services.sites.update(req.params.siteId, req.body, me(req).userId));
  app.post('/api/v1/sites/:siteId/retire', { schema: { tags: ['sites'], security: bearer, params: S.SiteParams, body: S.Reason, response: { 200: S.SiteBody, ...errors } }, onRequest: auth('sites.manage') },
    async (req) => services.sites.retire(req.params.siteId, me(req).userId, req.body.reason));

  // The outline streets and boundary are no secret (any signed-in role draws a map); site positions stay gated above.
  app.get('/api/v1/map/outline', { schema: { tags: ['sites'], security: bearer, response: { 200: MapOutlineBody, ...errors } }, onRequest: auth() },
    async () => services.policy.mapOutline);

  // Installers on site hold an enrollment token, not an account: the token shows the one site it
  // enrolls at. With an account, only those who manage sites list them all.
  app.get('/api/v1/provisioning/sites', { schema: { tags: ['provisioning'], headers: S.EnrollmentHeader, response: { 200: Type.Array(S.InstallerSite), ...errors } } },
    async (req) => {
      if (req.headers.authorization) {
        await auth('sites.manage')(req, undefined as never);
        return (await services.sites.list()).filter(isInService).map(installerView);
      }
      const { siteId } = await services.devices.checkEnrollmentToken(String(req.headers['x-enrollment-token'] ?? ''));
      const site = await services.sites.get(siteId);
      return site && isInService(site) ? [installerView(site)] : [];
    });
}
