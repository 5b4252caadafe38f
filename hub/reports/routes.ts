import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AlprError } from '../../core/index.js';
import { ErrorBody } from '../api/schemas.js';
import type { RouteContext } from '../api/routeContext.js';
import { parseMonth } from './month.js';
import { REPORT_KINDS, type ReportKind } from './reportDocument.js';
import { baseName, REPORT_FORMATS, type ReportFormat } from './reportService.js';

const strict = { additionalProperties: false } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const bearer = [{ bearer: [] as string[] }];

const Params = Type.Object({
  kind: Type.Union(REPORT_KINDS.map((k) => Type.Literal(k)), { description: 'monthly (VII.E user audit), cpoc (VII.F-G), transparency (VII.E portal data)' }),
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM: a month that has ended, or the current month (its report so far)' }),
}, strict);
const FileParams = Type.Object({ ...Params.properties, format: Type.Union([...REPORT_FORMATS, 'manifest' as const].map((f) => Type.Literal(f))) }, strict);
const Manifest = Type.Object({
  format: Type.String(), kind: Type.String(), month: Type.String(), generatedAt: Type.String(), generatedBy: Type.String(),
  auditHead: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  through: Type.Optional(Type.String({ description: 'only on the current month\'s report so far: the time it covers the month up to' })),
  files: Type.Array(Type.Object({ name: Type.String(), sha256: Type.String(), bytes: Type.Integer() })), signature: Type.String(),
});

const CONTENT_TYPES: Record<ReportFormat | 'manifest', string> = {
  pdf: 'application/pdf', html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json', manifest: 'application/json',
};

/**
 * The reports for auditors and the Chief (`reports.read`): a month's report, written once (by the
 * schedule on the first of the month, or by the first request after the month ended) and then
 * served as signed, never recomputed, so everyone sees the same report. The current month is
 * answered with its signed report so far (ReportService.soFar), kept apart from whole months.
 */
export const reportRoutes: FastifyPluginAsync<RouteContext> = async (fastify, { services, auth, me }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const reports = services.reports;
  /** The month's report and the folder its files are in: the whole month's, or the running month's so far. */
  const ensure = async (kind: ReportKind, monthText: string, actor: string) => {
    const month = parseMonth(monthText);
    const now = services.audit.clock.now();
    if (month.from > now) throw new AlprError('ALPR_ERR_INVALID_INPUT', `month: ${month.month} has not begun`);
    if (!reports.folder(month.month)) throw new AlprError('ALPR_ERR_NOT_FOUND', 'this hub keeps no reports folder');
    if (month.to > now) return { manifest: await reports.soFar(kind, month.month, actor), folder: reports.soFarFolder(month.month)! };
    return { manifest: await reports.whole(kind, month.month, actor), folder: reports.folder(month.month)! };
  };
  app.get('/api/v1/reports/:kind/:month', { schema: { tags: ['reports'], security: bearer, params: Params, response: { 200: Manifest, ...errors } }, onRequest: auth('reports.read') },
    async (req) => (await ensure(req.params.kind, req.params.month, me(req).userId)).manifest);
  app.get('/api/v1/reports/:kind/:month/:format', { schema: { tags: ['reports'], security: bearer, params: FileParams, response: { 200: Type.Any({ description: 'the file: PDF, HTML, CSV or JSON' }), ...errors } }, onRequest: auth('reports.read') },
    async (req, reply) => {
      const { kind, month, format } = req.params;
      const { folder } = await ensure(kind, month, me(req).userId);
      const name = format === 'manifest' ? `${baseName(kind, month)}.manifest.json` : `${baseName(kind, month)}.${format}`;
      const data = await readFile(join(folder, name));
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${name}"`).send(data);
    });
};
