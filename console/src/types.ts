// Reply types come from the hub's own schemas (type-only imports: nothing of the hub is bundled).
import type { Static } from '@sinclair/typebox';
import type * as S from '../../hub/api/schemas.js';
import type { AlertBody } from '../../hub/alerts/routes.js';
export type { Disposition, AlertAction } from '../../hub/alerts/alertService.js';

export type Account = Static<typeof S.AccountBody>;
export type Me = Static<typeof S.MeReply>;
export type SearchReply = Static<typeof S.SearchReply>;
export type SearchBody = Static<typeof S.SearchBody>;
export type ReadHit = Static<typeof S.ReadHitBody>;
export type ImageReply = Static<typeof S.ImageReply>;
export type Offense = Static<typeof S.OffenseBody>;
export type Site = Static<typeof S.SiteListing>;
export type AuditRecord = Static<typeof S.AuditRecordBody>;
export type VerifyReply = Static<typeof S.VerifyReply>;
export type FelonyRequest = Static<typeof S.FelonyRequestReply>;
export type CreateAccountReply = Static<typeof S.CreateAccountReply>;
export type ActivateReply = Static<typeof S.ActivateReply>;
export type EvidenceReply = Static<typeof S.EvidenceReply>;
export type Alert = Static<typeof AlertBody>;
export interface ConsoleSession { idleTimeoutMinutes: number; lifetimeHours: number; account: Account }
export type HotlistEntry = Static<typeof import('../../hub/hotlists/routes.js').EntryBody>;
export type DeviceOverview = Static<typeof S.DeviceOverviewBody>;
export type Hold = Static<typeof S.HoldBody>;
export type Review = Static<typeof S.ReviewBody>;
export type PurgeReply = Static<typeof S.PurgeReply>;
export type Agency = Static<typeof import('../../hub/sharing/routes.js').AgencyBody>;
export type SharingReview = Static<typeof import('../../hub/sharing/routes.js').ReviewBody>;
export type MapOutline = Static<typeof import('../../hub/sites/mapOutline.js').MapOutlineBody>;
