import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../api/schemas.js';
import type { RouteContext } from '../api/routeContext.js';
import { HOTLIST_CATEGORIES, PROHIBITED_CATEGORIES } from './hotlistCategories.js';
import type { HotlistRecord } from './hotlistEntry.js';

const strict = { additionalProperties: false } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const bearer = [{ bearer: [] as string[] }];
const Millis = Type.Integer({ minimum: 0, maximum: 4_102_444_800_000, description: 'epoch milliseconds' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const EntryBody = Type.Object({
  entryId: Type.String(), source: Type.String(), plate: Type.String(), state: Type.String(), plateType: Type.String(), vehicleMake: Type.String(),
  vehicleColour: Type.String(), vehicleType: Type.String(), priority: Type.Integer(), action: Type.String(), category: Type.String(),
  caseNumber: Nullable(Type.String()), reason: Nullable(Type.String()), offense: Nullable(Type.String()), felonyRequestId: Nullable(Type.String()),
  enteredBy: Type.String(), enteredAt: Type.Integer(),
  expiresAt: Type.Union([Type.Integer(), Type.Null()]), removed: Type.Boolean(), removedReason: Nullable(Type.String()), changedVersion: Type.Integer(),
});

const NewEntry = Type.Object({
  plate: Type.String({ minLength: 2, maxLength: 12 }), state: Type.Optional(Type.String({ maxLength: 2, description: 'issuing state, omitted or empty when unknown' })),
  plateType: Type.Optional(Type.String({ maxLength: 2 })), vehicleMake: Type.Optional(Type.String({ maxLength: 24 })), vehicleColour: Type.Optional(Type.String({ maxLength: 24 })),
  vehicleType: Type.Optional(Type.String({ maxLength: 24 })),
  category: Type.String({ description: `one of ${HOTLIST_CATEGORIES.join(', ')}; ${PROHIBITED_CATEGORIES.join(', ')} are refused and recorded` }),
  caseNumber: Type.String({ maxLength: 32 }), reason: Type.String({ minLength: 1, maxLength: 500, description: 'why the plate is listed; screened like a search purpose' }),
  offense: Type.Optional(Type.String({ maxLength: 16, description: 'felony_vehicle and wanted_person: the NIBRS offense code of the case, for a warrant the offense it is for (GET /api/v1/offenses); required' })),
  felonyRequestId: Type.Optional(Type.String({ maxLength: 64, description: 'an entry naming an offense that is not a violent crime: the felony request the Chief approved for this case (V.B); the entry ends when the approval does' })),
  action: Type.Optional(Type.String({ maxLength: 240 })), priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  expiresAt: Type.Optional(Type.Union([Millis], { description: 'default and maximum set by the hub policy (30 and 90 days)' })),
}, strict);
const Renew = Type.Object({ expiresAt: Type.Optional(Millis), reason: Type.String({ minLength: 5, maxLength: 500 }) }, strict);
const Remove = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) }, strict);
const EntryParams = Type.Object({ entryId: Type.String({ minLength: 3, maxLength: 80, pattern: '^[A-Za-z0-9:_-]+$' }) }, strict);
const ImportParams = Type.Object({ importId: Type.String({ format: 'uuid' }) }, strict);
const ImportBody = Type.Object({
  mapping: Type.Optional(Type.Unknown({ description: 'the column mapping (docs/hotlists.md); NCIC/LEADS field codes when omitted' })),
  csv: Type.String({ minLength: 1, maxLength: 8 * 1024 * 1024, description: 'the extract, CSV with a header row' }),
}, strict);
const Decision = Type.Object({
  apply: Type.Boolean(), note: Type.String({ minLength: 5, maxLength: 500 }),
  csv: Type.Optional(Type.String({ maxLength: 8 * 1024 * 1024, description: 'the held extract, only when the hub no longer keeps it' })),
}, strict);
const ImportRunBody = Type.Object({
  importId: Type.String(), source: Type.String(), at: Type.Integer(), origin: Type.String(), sha256: Type.String(), rowsRead: Type.Integer(), added: Type.Integer(),
  updated: Type.Integer(), removed: Type.Integer(), unchanged: Type.Integer(), refused: Type.Record(Type.String(), Type.Integer()), status: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]), decidedBy: Nullable(Type.String()), note: Nullable(Type.String()),
});
const Summary = Type.Object({
  version: Type.Integer(), refusedEntries: Type.Integer(),
  live: Type.Array(Type.Object({ source: Type.String(), category: Type.String(), entries: Type.Integer() })),
});

const body = (r: HotlistRecord) => r;

/**
 * Hot lists over HTTP: internal entries for detectives and analysts (IX.2), imports and their
 * review for administrators. Imports on a schedule run in the hub process (hotlistSchedule.ts).
 */
export const hotlistRoutes: FastifyPluginAsync<RouteContext> = async (fastify, { services, auth, me }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const hotlists = services.hotlists;
  app.get('/api/v1/hotlists', { schema: { tags: ['hotlists'], security: bearer, response: { 200: Summary, ...errors } }, onRequest: auth(['hotlists.manage', 'hotlists.import']) },
    async () => hotlists.summary());
  app.get('/api/v1/hotlists/entries', { schema: { tags: ['hotlists'], security: bearer, querystring: Type.Object({ plate: Type.String({ minLength: 2, maxLength: 12 }) }, strict), response: { 200: Type.Array(EntryBody), ...errors } }, onRequest: auth('hotlists.manage') },
    async (req) => (await hotlists.find(me(req), req.query.plate)).map(body));
  app.post('/api/v1/hotlists/entries', { schema: { tags: ['hotlists'], security: bearer, body: NewEntry, response: { 201: EntryBody, ...errors } }, onRequest: auth('hotlists.manage') },
    async (req, reply) => reply.status(201).send(body(await hotlists.addInternal(me(req), req.body))));
  app.post('/api/v1/hotlists/entries/:entryId/renew', { schema: { tags: ['hotlists'], security: bearer, params: EntryParams, body: Renew, response: { 200: EntryBody, ...errors } }, onRequest: auth('hotlists.manage') },
    async (req) => body(await hotlists.renewInternal(me(req), req.params.entryId, req.body.expiresAt, req.body.reason)));
  app.post('/api/v1/hotlists/entries/:entryId/remove', { schema: { tags: ['hotlists'], security: bearer, params: EntryParams, body: Remove, response: { 200: EntryBody, ...errors } }, onRequest: auth('hotlists.manage') },
    async (req) => body(await hotlists.removeInternal(me(req), req.params.entryId, req.body.reason)));
  app.get('/api/v1/hotlists/imports', { schema: { tags: ['hotlists'], security: bearer, response: { 200: Type.Array(ImportRunBody), ...errors } }, onRequest: auth('hotlists.import') },
    async () => hotlists.imports());
  app.post('/api/v1/hotlists/imports', { bodyLimit: 9 * 1024 * 1024, schema: { tags: ['hotlists'], security: bearer, body: ImportBody, response: { 201: ImportRunBody, ...errors } }, onRequest: auth('hotlists.import') },
    async (req, reply) => reply.status(201).send(await hotlists.importAsMember(me(req), req.body.csv, req.body.mapping)));
  app.post('/api/v1/hotlists/imports/:importId/decision', { bodyLimit: 9 * 1024 * 1024, schema: { tags: ['hotlists'], security: bearer, params: ImportParams, body: Decision, response: { 200: ImportRunBody, ...errors } }, onRequest: auth('hotlists.import') },
    async (req) => hotlists.decideImport(me(req), req.params.importId, req.body));
};
