import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, EvidenceReply, AuditRecordBody } from '../api/schemas.js';
import { AlprError } from '../../core/index.js';
import type { RouteContext } from '../api/routeContext.js';
import { AGENCY_LEVELS, SHAREABLE_PURPOSES } from './agencyRegistry.js';
import { NONCE_PATTERN } from './signedRequest.js';

const strict = { additionalProperties: false } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody, 502: ErrorBody };
const bearer = [{ bearer: [] as string[] }];
const Millis = Type.Integer({ minimum: 0, maximum: 4_102_444_800_000, description: 'epoch milliseconds' });
const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const AgencyParams = Type.Object({ agencyId: Type.String({ format: 'uuid' }) }, strict);

export const AgencyBody = Type.Object({
  agencyId: Type.String(), name: Type.String(), ori: Type.String(), state: Type.String(), level: Type.String(), contact: Type.String(),
  hubUrl: Nullable(Type.String()), hubPublicKeyPem: Nullable(Type.String()), status: Type.String(), registeredAt: Type.Integer(),
});
const NewAgency = Type.Object({
  name: Type.String({ minLength: 3, maxLength: 120 }), ori: Type.String({ description: 'NCIC ORI, e.g. IL0160000' }), state: Type.String({ description: '2-letter state code' }),
  level: Type.Union(AGENCY_LEVELS.map((l) => Type.Literal(l))), contact: Type.String({ minLength: 5, maxLength: 300 }),
  hubUrl: Type.Optional(Type.String({ maxLength: 300, description: 'the partner hub\'s address, for hub-to-hub search' })),
  hubPublicKeyPem: Type.Optional(Type.String({ maxLength: 1000, description: 'the partner hub\'s Ed25519 public key (SPKI PEM)' })),
}, strict);
const NewDeclaration = Type.Object({
  documentBase64: Type.String({ maxLength: 6 * 1024 * 1024, description: 'the signed declaration (scan or PDF), base64' }),
  signerName: Type.String({ minLength: 3, maxLength: 120 }), signerTitle: Type.String({ minLength: 3, maxLength: 120 }), signedAt: Millis, expiresAt: Millis,
}, strict);
const DeclarationBody = Type.Object({
  declarationId: Type.String(), agencyId: Type.String(), documentSha256: Type.String(), signerName: Type.String(), signerTitle: Type.String(),
  signedAt: Type.Integer(), expiresAt: Type.Integer(), recordedBy: Type.String(), recordedAt: Type.Integer(),
});
const NewAgreement = Type.Object({
  siteIds: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100 }),
  purposes: Type.Array(Type.Union(SHAREABLE_PURPOSES.map((p) => Type.Literal(p))), { minItems: 1 }),
  windowFrom: Type.Optional(Millis), windowTo: Type.Optional(Millis),
  access: Type.Union([Type.Literal('online'), Type.Literal('request')]), reference: Type.String({ minLength: 3, maxLength: 80, description: 'the Chief\'s written approval' }), expiresAt: Millis,
}, strict);
const AgreementBody = Type.Object({
  agreementId: Type.String(), agencyId: Type.String(), siteIds: Type.Array(Type.String()), purposes: Type.Array(Type.String()), windowFrom: Nullable(Type.Integer()),
  windowTo: Nullable(Type.Integer()), access: Type.String(), reference: Type.String(), approvedBy: Type.String(), approvedAt: Type.Integer(), expiresAt: Type.Integer(),
});
const Reason = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000 }) }, strict);
export const ReviewBody = Type.Object({
  reviewId: Type.String(), agencyId: Type.String(), at: Type.Integer(), reason: Type.String(), auditSeq: Type.Integer(), status: Type.String(),
  decidedBy: Nullable(Type.String()), decidedAt: Nullable(Type.Integer()), note: Nullable(Type.String()),
});
const ReviewDecision = Type.Object({ decision: Type.Union([Type.Literal('revoke'), Type.Literal('reinstate')]), note: Type.String({ minLength: 5, maxLength: 2000 }) }, strict);

const Query = Type.Object({
  plate: Type.String({ minLength: 2, maxLength: 12 }), mode: Type.Union([Type.Literal('exact'), Type.Literal('wildcard'), Type.Literal('fuzzy')]),
  from: Type.Optional(Millis), to: Type.Optional(Millis), siteIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 100 })),
}, strict);
const Stated = {
  caseNumber: Type.String({ minLength: 1, maxLength: 40 }), offense: Type.String({ maxLength: 16, description: 'NIBRS offense code (GET /api/v1/offenses)' }),
  purpose: Type.String({ maxLength: 40 }), description: Type.String({ minLength: 1, maxLength: 500 }), query: Query,
};
const Officer = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }), name: Type.String({ minLength: 1, maxLength: 120 }) }, strict);
const FileRequest = Type.Object({ officer: Officer, ...Stated }, strict);
const PartnerSearch = Type.Object(Stated, strict);
const SignedRequest = Type.Object({
  payload: Type.Object({
    version: Type.Literal(1), fromOri: Type.String({ maxLength: 9 }), toOri: Type.String({ maxLength: 9 }), nonce: Type.String({ pattern: NONCE_PATTERN, description: 'single use: a partner hub\'s nonce is refused a second time' }),
    sentAt: Millis, officer: Officer, ...Stated,
  }, strict),
  signature: Type.String({ maxLength: 200 }),
}, strict);
const Released = Type.Object({
  id: Type.String(), plate: Type.String(), capturedAt: Type.Integer(), siteId: Type.String(), cameraId: Type.String(), confidence: Type.Number(), region: Nullable(Type.String()),
  vehicleColour: Type.Optional(Type.String()),
});
const AnswerPayload = Type.Object({
  version: Type.Literal(1), fromOri: Type.String(), toOri: Type.String(), requestNonce: Type.String(), answeredAt: Type.Integer(), ledgerSeq: Type.Integer(),
  hits: Type.Array(Released), truncated: Type.Boolean(), referrals: Type.Array(Type.Object({ origin: Type.String(), count: Type.Integer() })),
});
const SignedAnswer = Type.Object({ payload: AnswerPayload, signature: Type.String() });
const LedgerQuery = Type.Object({ from: Type.Optional(Millis), to: Type.Optional(Millis), afterSeq: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, strict);

/**
 * Sharing with outside agencies over HTTP (VII.D, VII.I, IX.1; 625 ILCS 5/2-130): the registry
 * for administrators, agreements, revocation and reviews for the Chief, written requests for
 * Investigations, partner search for officers, the ledger for auditors, and the signed
 * hub-to-hub endpoint partner hubs call (no session: the request's signature is the credential).
 */
export const sharingRoutes: FastifyPluginAsync<RouteContext> = async (fastify, { services, auth, me }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { agencies, reviews, outside, partners } = services.sharing;
  const tags = ['sharing'];

  app.get('/api/v1/sharing/identity', { schema: { tags, security: bearer, response: { 200: Type.Object({ ori: Type.String(), publicKeyPem: Type.String() }), ...errors } }, onRequest: auth(['sharing.register', 'sharing.approve']) },
    async () => ({ ori: services.sharing.ori, publicKeyPem: services.sharing.publicKeyPem }));
  app.get('/api/v1/sharing/agencies', { schema: { tags, security: bearer, response: { 200: Type.Array(AgencyBody), ...errors } }, onRequest: auth(['sharing.register', 'sharing.approve', 'sharing.ledger', 'sharing.searchPartners', 'sharing.fileRequest']) },
    async () => agencies.list());
  app.post('/api/v1/sharing/agencies', { schema: { tags, security: bearer, body: NewAgency, response: { 201: AgencyBody, ...errors } }, onRequest: auth('sharing.register') },
    async (req, reply) => reply.status(201).send(await agencies.register(req.body, me(req).userId)));
  app.post('/api/v1/sharing/agencies/:agencyId/declarations', { bodyLimit: 7 * 1024 * 1024, schema: { tags, security: bearer, params: AgencyParams, body: NewDeclaration, response: { 201: DeclarationBody, ...errors } }, onRequest: auth('sharing.register') },
    async (req, reply) => reply.status(201).send(await agencies.recordDeclaration(req.params.agencyId, req.body, me(req).userId)));
  app.post('/api/v1/sharing/agencies/:agencyId/agreements', { schema: { tags, security: bearer, params: AgencyParams, body: NewAgreement, response: { 201: AgreementBody, ...errors } }, onRequest: auth('sharing.approve') },
    async (req, reply) => reply.status(201).send(await agencies.approveAgreement(req.params.agencyId, req.body, me(req).userId)));
  app.post('/api/v1/sharing/agencies/:agencyId/revoke', { schema: { tags, security: bearer, params: AgencyParams, body: Reason, response: { 200: AgencyBody, ...errors } }, onRequest: auth('sharing.approve') },
    async (req) => agencies.revoke(req.params.agencyId, req.body.reason, me(req).userId));
  app.get('/api/v1/sharing/reviews', { schema: { tags, security: bearer, response: { 200: Type.Array(ReviewBody), ...errors } }, onRequest: auth('sharing.approve') },
    async () => reviews.open());
  app.post('/api/v1/sharing/reviews/:reviewId/decision', { schema: { tags, security: bearer, params: Type.Object({ reviewId: Type.String({ format: 'uuid' }) }, strict), body: ReviewDecision, response: { 200: ReviewBody, ...errors } }, onRequest: auth('sharing.approve') },
    async (req) => reviews.decide(req.params.reviewId, req.body.decision, req.body.note, me(req).userId));
  app.get('/api/v1/sharing/ledger', { schema: { tags, security: bearer, querystring: LedgerQuery, response: { 200: Type.Array(AuditRecordBody), ...errors } }, onRequest: auth('sharing.ledger') },
    async (req) => {
      const limit = req.query.limit ?? 200;
      const [inbound, outbound] = await Promise.all(['sharing.search', 'sharing.outboundSearch'].map((action) => services.audit.query({ ...req.query, action, limit })));
      const records = [...inbound!, ...outbound!].sort((a, b) => a.seq - b.seq).slice(0, limit);
      await services.audit.append({ actor: me(req).userId, action: 'sharing.ledgerRead', detail: { ...req.query, returned: records.length } });
      return records;
    });
  app.post('/api/v1/sharing/agencies/:agencyId/file-requests', { schema: { tags, security: bearer, params: AgencyParams, body: FileRequest, response: { 201: EvidenceReply, ...errors } }, onRequest: auth('sharing.fileRequest') },
    async (req, reply) => reply.status(201).send(await outside.answerFile(me(req), req.params.agencyId, req.body)));
  app.post('/api/v1/sharing/agencies/:agencyId/search', { schema: { tags, security: bearer, params: AgencyParams, body: PartnerSearch, response: { 200: AnswerPayload, ...errors } }, onRequest: auth('sharing.searchPartners') },
    async (req) => partners.search(me(req), req.params.agencyId, req.body));
  // The signature is checked before the payload's shape (attachValidation: the schema's finding goes
  // to the service rather than answering 400 first), so that a signed request the schema refuses
  // is refused in the ledger under its agency with its nonce spent, and its replays as replays.
  // Only the payload is signed: a fault in the envelope around it (another key, a signature that is
  // not one) may be anyone's doing on the way, so it is a plain 400 that spends and ledgers nothing.
  app.post('/api/v1/federation/search', { attachValidation: true, schema: { tags, body: SignedRequest, response: { 200: SignedAnswer, ...errors } } },
    async (req) => {
      const problems = req.validationError?.validation ?? [];
      const envelope = problems.find((p: { instancePath: string }) => !p.instancePath.startsWith('/payload'));
      if (envelope) throw new AlprError('ALPR_ERR_INVALID_INPUT', `the request's envelope is not {payload, signature}: ${req.validationError!.message}`);
      return outside.answerSigned(req.body, req.validationError?.message);
    });
};
