import { z } from 'zod';
import { problems } from '../errors.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { REVISION_SCHEMAS } from '../schemas/feed.js';
import { AgencyParams, Procedure, ProcedureCreate, ProcedureList, ProcedureParams, ProcedurePatch } from '../schemas/procedures.js';
import { createProcedure, getProcedure, listProcedures, patchProcedure, toProcedure } from '../domain/procedures.js';
import { getRevision, listRevisions } from '../domain/records.js';
import { versionEtag } from '../domain/versioning.js';
import { etagHeaderSpec } from './links.js';

const tag = 'procedures';
const collection = '/v1/agencies/{id}/procedures';
const item = `${collection}/{powerType}`;
const location = { description: 'URL of the procedure.', schema: { type: 'string' as const } };
const VersionParams = ProcedureParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000).meta({ title: '版本号' }) });

export const procedureRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: collection,
    operationId: 'listProcedures',
    summary: '执法程序与救济渠道列表',
    description: "Public: every procedure an agency publishes, one per 职权类型 (at most ten, so not paginated). 404 for an unknown agency.",
    tag,
    params: AgencyParams,
    problems: [404],
    responses: { 200: { description: "The agency's procedures.", schema: ProcedureList, headers: etagHeaderSpec } },
    handler: async ({ db, params }) => {
      const rows = await listProcedures(db, params.id);
      return { status: 200 as const, body: { items: rows.map(toProcedure) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: item,
    operationId: 'getProcedure',
    summary: '执法程序与救济渠道详情',
    description: 'Service guide, ordered steps with time limits, 行政复议, 行政诉讼 and 投诉举报 for one 职权类型.',
    tag,
    params: ProcedureParams,
    problems: [404],
    responses: { 200: { description: 'The procedure.', schema: Procedure, headers: etagHeaderSpec } },
    handler: async ({ db, params }) => {
      const row = await getProcedure(db, params.id, params.powerType);
      return { status: 200 as const, body: toProcedure(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: collection,
    operationId: 'createProcedure',
    summary: '新建执法程序与救济渠道',
    description: 'That agency (`publish` scope) or the operator. One procedure per agency and 职权类型: a second one is 409 (change it with PATCH).',
    tag,
    auth: true,
    params: AgencyParams,
    body: ProcedureCreate,
    problems: [404, 409],
    responses: { 201: { description: 'Created.', schema: Procedure, headers: { ...etagHeaderSpec, Location: location } } },
    handler: async ({ db, principal, now, params, body }) => {
      const { row, published } = await createProcedure(db, principal, now(), params.id, body);
      return { status: 201 as const, body: published, etag: versionEtag(row.version), headers: { Location: `/v1/agencies/${row.agencyId}/procedures/${row.powerType}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: item,
    operationId: 'updateProcedure',
    summary: '修改执法程序与救济渠道',
    description: 'JSON merge patch (RFC 7396) against the version named by If-Match, by that agency (`publish` scope) or the operator. Steps are replaced as a whole; 复议/诉讼/投诉 merge member by member.',
    tag,
    auth: true,
    params: ProcedureParams,
    body: ProcedurePatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 422],
    responses: { 200: { description: 'The updated procedure.', schema: Procedure, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const { row, published } = await patchProcedure(db, principal, now(), { agencyId: params.id, powerType: params.powerType }, ifMatch, body);
      return { status: 200 as const, body: published, etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${item}/revisions`,
    operationId: 'listProcedureRevisions',
    summary: '执法程序修订历史',
    description: 'Every version ever published, oldest first, with who made the change and when.',
    tag,
    params: ProcedureParams,
    problems: [404],
    responses: { 200: { description: 'The revisions.', schema: REVISION_SCHEMAS.procedure.list } },
    handler: async ({ db, params }) => {
      const row = await getProcedure(db, params.id, params.powerType);
      return { status: 200 as const, body: { items: await listRevisions(db, 'procedure', row.id) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${item}/revisions/{version}`,
    operationId: 'getProcedureRevision',
    summary: '执法程序历史版本',
    description: 'The procedure exactly as it was published at that version.',
    tag,
    params: VersionParams,
    problems: [404],
    responses: { 200: { description: 'The revision.', schema: REVISION_SCHEMAS.procedure.revision } },
    cache: 'immutable',
    handler: async ({ db, params }) => {
      const row = await getProcedure(db, params.id, params.powerType);
      const revision = await getRevision(db, 'procedure', row.id, params.version);
      if (!revision) throw problems.notFound(`Version ${params.version} of this procedure`);
      return { status: 200 as const, body: revision };
    },
  }),
];
