import { Type, type Static } from '@sinclair/typebox';
import { READ_COLOURS } from '../../core/index.js';
import { OFFENSE_CATEGORIES } from '../policy/offenses.js';
import { PURPOSES } from '../policy/purposeGate.js';
import { ROLES } from '../policy/permissions.js';

/**
 * Every request and response body of the hub API, in one place. Fastify validates requests
 * against them (unknown properties refused), serialises responses through them (nothing extra
 * leaks), and @fastify/swagger turns them into the OpenAPI document at /openapi.json.
 */
const strict = { additionalProperties: false } as const;
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Millis = Type.Integer({ minimum: 0, maximum: 4_102_444_800_000, description: 'epoch milliseconds' });
const Text = (min: number, max: number, description: string) => Type.String({ minLength: min, maxLength: max, description });

export const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), retryable: Type.Boolean() }, { $id: 'Error' });

export const AccountBody = Type.Object({
  userId: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  status: Type.String(), totpConfirmed: Type.Boolean(), failedAttempts: Type.Integer(), lockedUntil: Type.Union([Type.Integer(), Type.Null()]),
  trainingCompletedAt: Type.Union([Type.Integer(), Type.Null()]), policySignedAt: Type.Union([Type.Integer(), Type.Null()]),
  leadsCertifiedAt: Type.Union([Type.Integer(), Type.Null()]), createdAt: Type.Integer(), deactivatedAt: Type.Union([Type.Integer(), Type.Null()]),
});

export const Activate = Type.Object({ activationToken: Text(10, 200, 'the one-time token an administrator handed over'), password: Text(1, 256, 'the new password') }, strict);
export const ActivateReply = Type.Object({ username: Type.String(), otpauthUri: Type.String({ description: 'load into an authenticator app, then confirm a code' }) });
export const Credentials = Type.Object({
  username: Text(1, 64, 'username'), password: Text(1, 256, 'password'), code: Type.String({ pattern: '^[0-9]{6}$', description: 'the current TOTP code' }),
}, strict);
export const SignInReply = Type.Object({
  token: Type.String(), idleTimeoutMinutes: Type.Integer(), lifetimeHours: Type.Integer({ description: 'the session ends this long after sign-in, whatever the activity' }), account: AccountBody,
});
export const MeReply = Type.Object({
  account: AccountBody, lapses: Type.Array(Type.String()), permissions: Type.Array(Type.String()),
  renewBy: Type.Object({ policySignedAt: Type.Union([Type.Integer(), Type.Null()]), leadsCertifiedAt: Type.Union([Type.Integer(), Type.Null()]) }, { description: 'when each dated certification lapses' }),
});

export const Certifications = {
  trainingCompletedAt: Type.Optional(Type.Union([Millis, Type.Null()])),
  policySignedAt: Type.Optional(Type.Union([Millis, Type.Null()])),
  leadsCertifiedAt: Type.Optional(Type.Union([Millis, Type.Null()])),
};
export const CreateAccount = Type.Object({
  username: Type.String({ pattern: '^[a-z][a-z0-9._-]{2,39}$' }), displayName: Text(1, 100, 'full name'), role: Type.Union(ROLES.map((r) => Type.Literal(r))), ...Certifications,
}, strict);
export const CreateAccountReply = Type.Object({ account: AccountBody, activationToken: Type.String({ description: 'hand to the user in person; valid 3 days, once' }) });
export const UpdateAccount = Type.Object({
  role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'not your own, never chief (granted on the hub host)' })),
  reason: Type.Optional(Text(5, 500, 'why the role changes (required with role, audited)')), ...Certifications,
}, strict);
export const Reason = Type.Object({ reason: Text(5, 500, 'why') }, strict);
export const UserParams = Type.Object({ userId: Type.String({ format: 'uuid' }) });

export const SearchBody = Type.Object({
  plate: Text(1, 16, 'plate text; with mode wildcard, * matches any run and ? one character'),
  mode: Type.Union([Type.Literal('exact'), Type.Literal('wildcard'), Type.Literal('fuzzy')], { description: 'fuzzy tolerates OCR confusions and one edit' }),
  purpose: Type.Union(PURPOSES.map((p) => Type.Literal(p)), { description: 'the General Order 4.68 V.B purpose; administrative and audit for admin and auditor roles only' }),
  offense: Type.Optional(Type.Union(OFFENSE_CATEGORIES.map((o) => Type.Literal(o.code, { description: o.name })), {
    description: `NIBRS offense code of the case (required unless administrative/audit); it must allow the purpose:\n${OFFENSE_CATEGORIES.map((o) => `- ${o.code}: ${o.name} -> ${o.prohibited ? 'refused, never allowed' : o.purposes.join(', ')}`).join('\n')}`,
  })),
  caseNumber: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{3,31}$', description: 'case or CAD run number in the agency\'s format, not a junk number (required unless administrative/audit)' })),
  reference: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{3,31}$', description: 'administrative/audit only: the personnel complaint (PC-), administrative investigation (IA-) or audit (AUD-) number' })),
  description: Text(10, 500, 'why the search is needed; screened for prohibited uses'),
  felonyRequestId: Type.Optional(Type.String({ format: 'uuid', description: 'for other_felony: the request the Chief approved' })),
  from: Type.Optional(Millis), to: Type.Optional(Millis),
  siteIds: Type.Optional(Type.Array(Id, { maxItems: 50 })), cameraIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  region: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  colours: Type.Optional(Type.Array(Type.Union(READ_COLOURS.map((c) => Type.Literal(c))), {
    minItems: 1, maxItems: READ_COLOURS.length, description: 'body colours, any of them; a read whose colour the appliance was not sure of is unknown and matches only when unknown is listed',
  })),
  minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
}, strict);
export const ReadHitBody = Type.Object({
  id: Type.String(), plate: Type.String(), capturedAt: Type.Integer(), siteId: Type.String(), cameraId: Type.String(), deviceId: Type.String(),
  confidence: Type.Number(), region: Type.Union([Type.String(), Type.Null()]), regionConfidence: Type.Number(), lowConfidence: Type.Boolean(),
  vehicleColour: Type.Union(READ_COLOURS.map((c) => Type.Literal(c)), { description: 'body colour judged on the appliance; unknown when not sure' }), closeness: Type.Integer(),
});
export const SearchReply = Type.Object({
  searchId: Type.Integer(), hits: Type.Array(ReadHitBody),
  sites: Type.Array(Type.Object({ siteId: Type.String(), name: Type.String(), latitude: Type.Number(), longitude: Type.Number() }), { description: 'the sites these reads were taken at, and only those, with their positions for the results map' }),
  truncated: Type.Boolean({ description: 'more reads matched than returned: narrow the search' }),
  incomplete: Type.Boolean({ description: 'a wildcard stopped at its cap of plate-index rows examined, so matches may be missing: narrow the pattern' }),
});
export const ReadParams = Type.Object({ readId: Type.String({ format: 'uuid' }) });
export const ImageQuery = Type.Object({ searchId: Type.Integer({ minimum: 1, description: 'the search that returned this read' }) }, strict);
export const ImageReply = Type.Object({ readId: Type.String(), plate: Type.String(), cropJpegBase64: Type.String(), contextJpegBase64: Type.String() });

export const ExportBody = Type.Object({
  readIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }), searchId: Type.Integer({ minimum: 1 }), description: Text(10, 1000, 'why these reads are evidence'),
}, strict);
export const EvidenceReply = Type.Object({
  body: Type.Object({
    format: Type.Literal('alpr-evidence/1'), exportId: Type.String(), caseNumber: Type.String(), description: Type.String(),
    exportedBy: Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.String() }), exportedAt: Type.String(), searchId: Type.Integer(),
    recipient: Type.Object({ name: Type.String(), agency: Type.Union([Type.String(), Type.Null()]), ori: Type.Union([Type.String(), Type.Null()]) }, { description: 'who the reads go to: the exporting officer (agency null: this department) or an outside agency\'s officer' }),
    reads: Type.Array(Type.Object({
      id: Type.String(), plate: Type.String(), capturedAt: Type.String(), siteId: Type.String(), cameraId: Type.String(), deviceId: Type.String(),
      confidence: Type.Number(), region: Type.Union([Type.String(), Type.Null()]), vehicleColour: Type.String(), cropJpegBase64: Type.String(), contextJpegBase64: Type.String(),
    })),
  }),
  signature: Type.String(), publicKey: Type.String(),
});
export const HoldBody = Type.Object({
  holdId: Type.String(), readId: Type.String(), caseNumber: Type.String(), placedBy: Type.String(), placedAt: Type.Integer(),
  releasedBy: Type.Union([Type.String(), Type.Null()]), releasedAt: Type.Union([Type.Integer(), Type.Null()]),
});
export const HoldParams = Type.Object({ holdId: Type.String({ format: 'uuid' }) });
export const PurgeReply = Type.Object({
  cutoff: Type.Integer(), deleted: Type.Integer(), byDay: Type.Record(Type.String(), Type.Integer()), idsSha256: Type.String(), keptOnHold: Type.Integer(),
});

export const FelonyRequestBody = Type.Object({ caseNumber: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{3,31}$' }), description: Text(20, 2000, 'the written request') }, strict);
export const FelonyRequestReply = Type.Object({
  requestId: Type.String(), requestedBy: Type.String(), caseNumber: Type.String(), description: Type.String(), status: Type.String(), createdAt: Type.Integer(),
  decidedBy: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.Union([Type.Integer(), Type.Null()]),
  investigators: Type.Array(Type.String(), { description: 'who besides the requester may cite the approval' }),
  expiresAt: Type.Union([Type.Integer(), Type.Null()], { description: 'the approval covers no search after this' }),
});
export const RequestParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) });
export const Decision = Type.Object({
  approve: Type.Boolean(), note: Text(0, 1000, 'the Chief\'s note'),
  investigators: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, description: 'accounts that may cite the approval besides the requester' })),
}, strict);

export const ReviewBody = Type.Object({
  flagId: Type.String(), userId: Type.String(), at: Type.Integer(), reason: Type.String(), auditSeq: Type.Integer(),
  suspension: Type.Union([Type.Literal('suspended'), Type.Literal('upheld'), Type.Literal('lifted')], { description: 'the account\'s search access because of this flag' }),
  reviewedBy: Type.Union([Type.String(), Type.Null()]), reviewedAt: Type.Union([Type.Integer(), Type.Null()]), reviewNote: Type.Union([Type.String(), Type.Null()]),
});
export const FlagParams = Type.Object({ flagId: Type.String({ format: 'uuid' }) });
export const ReviewDecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('lift'), Type.Literal('uphold')], { description: 'lift restores search access; uphold keeps it suspended' }),
  reason: Text(5, 2000, 'what the review found'),
}, strict);
export const OffenseBody = Type.Object({
  code: Type.String(), name: Type.String(), purposes: Type.Array(Type.String()), prohibited: Type.Union([Type.String(), Type.Null()]),
});

export const SiteBody = Type.Object({
  siteId: Type.String(), name: Type.String(), approvalRef: Type.String(), approvedAt: Type.Integer(), approvedBy: Type.String(),
  latitude: Type.Number(), longitude: Type.Number(), cameras: Type.Array(Type.String()), status: Type.String(),
});
/** A site as listed: the approval reference and coordinates only for those who approve or manage sites. */
export const SiteListing = Type.Object({
  siteId: Type.String(), name: Type.String(), cameras: Type.Array(Type.String()), status: Type.String(),
  approvalRef: Type.Optional(Type.String()), approvedAt: Type.Optional(Type.Integer()), approvedBy: Type.Optional(Type.String()),
  latitude: Type.Optional(Type.Number()), longitude: Type.Optional(Type.Number()),
});
export const ApproveSite = Type.Object({
  siteId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), name: Text(1, 200, 'where'), approvalRef: Text(3, 100, 'the Chief\'s written approval'),
  latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }), cameras: Type.Array(Id, { maxItems: 16 }),
}, strict);
export const Relocate = Type.Object({
  approvalRef: Text(3, 100, 'a new approval from the Chief'), latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }),
}, strict);
export const UpdateSite = Type.Object({ name: Type.Optional(Text(1, 200, 'where')), cameras: Type.Optional(Type.Array(Id, { maxItems: 16 })) }, strict);
export const SiteParams = Type.Object({ siteId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }) });

export const EnrollDevice = Type.Object({
  deviceId: Id, siteId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), publicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'raw Ed25519 public key, base64' }),
}, strict);
export const DeviceBody = Type.Object({ deviceId: Type.String(), siteId: Type.String(), status: Type.String(), enrolledAt: Type.Integer() });
export const DeviceParams = Type.Object({ deviceId: Id });

export const AuditQueryString = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 100 })), action: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Millis), to: Type.Optional(Millis), afterSeq: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
}, strict);
export const AuditRecordBody = Type.Object({
  seq: Type.Integer(), at: Type.Integer(), actor: Type.String(), action: Type.String(), outcome: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()), prevHash: Type.String(), hash: Type.String(),
});
export const VerifyReply = Type.Object({ records: Type.Integer(), problems: Type.Array(Type.Object({ seq: Type.Integer(), problem: Type.String(), message: Type.String() })) });
const Point = Type.Object({ seq: Type.Integer(), hash: Type.String() });
export const ChainStartReply = Type.Object({
  state: Type.Union(['verifying', 'intact', 'broken', 'unchecked'].map((s) => Type.Literal(s)), { description: 'intact: the chain verified when this process started; broken: it did not (the process reports not ready)' }),
  startedAt: Type.Integer(), finishedAt: Type.Union([Type.Integer(), Type.Null()]), records: Type.Integer(), head: Type.Union([Point, Type.Null()]),
  witnessFrom: Type.Union([Type.Integer(), Type.Null()], { description: 'the witness was compared from this record (its last signed checkpoint) on' }),
  problemCount: Type.Integer(), problems: VerifyReply.properties.problems, error: Type.Union([Type.String(), Type.Null()]),
});

export type SearchBodyT = Static<typeof SearchBody>;

export const IssueToken = Type.Object({ siteId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), ttlHours: Type.Optional(Type.Number({ minimum: 0.02, maximum: 168, description: 'default 24' })) }, strict);
export const TokenReply = Type.Object({ token: Type.String({ description: 'one-time; give it to the installer' }), siteId: Type.String(), expiresAt: Type.Integer() });
export const EnrollmentHeader = Type.Object({ 'x-enrollment-token': Type.Optional(Type.String({ maxLength: 100 })) });
export const InstallerSite = Type.Object({ siteId: Type.String(), name: Type.String(), approvalRef: Type.String(), latitude: Type.Number(), longitude: Type.Number(), cameras: Type.Array(Type.String()) });
export const Enroll = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 100 }), deviceId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' }),
  publicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'raw Ed25519 public key made on the appliance, base64' }),
}, strict);
export const EnrollReply = Type.Object({
  deviceId: Type.String(), siteId: Type.String(), siteName: Type.String(), brokerUrl: Type.String(),
  hub: Type.Object({ sealPublicKeyPem: Type.String(), sealKeyId: Type.String(), signPublicKeyPem: Type.String() }),
});
export const SignedDeviceRequest = Type.Object({
  at: Type.Integer({ minimum: 0 }), signature: Type.String({ maxLength: 200 }), fields: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }), { maxProperties: 8 }),
  proof: Type.Optional(Type.String({ maxLength: 200, description: 'rotate-key: the new key\'s signature over the same request' })),
}, strict);
export const DeviceAction = Type.Object({ deviceId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$' }), action: Type.Union([Type.Literal('rotate-key'), Type.Literal('relocate'), Type.Literal('decommission')]) });
export const DeviceActionReply = Type.Object({ deviceId: Type.String(), siteId: Type.String(), status: Type.String() });
export const DeviceOverviewBody = Type.Object({
  deviceId: Type.String(), siteId: Type.String(), status: Type.String(), enrolledAt: Type.Integer(),
  online: Type.Union([Type.Boolean(), Type.Null()]), statusReportedAt: Type.Union([Type.Integer(), Type.Null()]), unsyncedReads: Type.Union([Type.Integer(), Type.Null()]),
  oldestUnsyncedAgeS: Type.Union([Type.Integer(), Type.Null()]), tamperOpen: Type.Union([Type.Boolean(), Type.Null()]),
  health: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  statusProblem: Type.Union([Type.String(), Type.Null()], { description: 'why the stored status cannot be shown in full' }),
});
