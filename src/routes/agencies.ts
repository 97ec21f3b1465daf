import { defineRoute } from '../registry.js';
import { Agency, AgencyCreate, AgencyListQuery, AgencyPatch } from '../schemas/agencies.js';
import { IdParams, Page } from '../schemas/common.js';
import { agency, agencyVersion, createAgency, getAgency, listAgencies, toAgency, versionEtag } from '../domain/agencies.js';
import { byId, patchRecord } from '../domain/versioned-record.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const AgencyPage = Page(Agency, 'AgencyPage', '执法主体列表');
const tag = 'agencies';

export const agencyRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/agencies',
    operationId: 'listAgencies',
    summary: '执法主体列表',
    description: 'Public list of enforcement bodies, filtered by region, level, parent, status or name; keyset-paginated.',
    tag,
    query: AgencyListQuery,
    responses: { 200: { description: 'A page of agencies.', schema: AgencyPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const { rows, next } = await listAgencies(db, query);
      return { status: 200 as const, body: { items: rows.map(toAgency), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/agencies/{id}',
    operationId: 'getAgency',
    summary: '执法主体详情',
    description: 'One enforcement body as published before it acts (事前公开 of 执法主体, 国办发〔2018〕118号). Earlier versions: /v1/agencies/{id}/revisions.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The agency.', schema: Agency, headers: etagHeaderSpec } },
    etagProbe: async ({ db }, id) => {
      const version = await agencyVersion(db, id);
      return version === null ? null : versionEtag(version);
    },
    handler: async ({ db, params }) => {
      const row = await getAgency(db, params.id);
      return { status: 200 as const, body: toAgency(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/agencies',
    operationId: 'createAgency',
    summary: '新建执法主体',
    description: 'Platform operator only. The 统一社会信用代码 is checked (GB 32100 mod 31) and must be unique.',
    tag,
    auth: true,
    body: AgencyCreate,
    problems: [409, 422],
    responses: { 201: { description: 'Created.', schema: Agency, headers: { ...etagHeaderSpec, Location: { description: 'URL of the new agency.', schema: { type: 'string' } } } } },
    handler: async ({ db, principal, now, body }) => {
      const { row } = await createAgency(db, principal, now(), body);
      return { status: 201 as const, body: toAgency(row), etag: versionEtag(row.version), headers: { Location: `/v1/agencies/${row.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/agencies/{id}',
    operationId: 'updateAgency',
    summary: '修改执法主体',
    description:
      'JSON merge patch (RFC 7396) against the version named by If-Match. The operator, or an `admin`-scoped key of this agency for its profile (name, contact, website, domains); credit code, region, level, kind, parent, entrustment and status are the operator\'s (403 naming each field). Each change is a new version with its revision kept.',
    tag,
    auth: true,
    params: IdParams,
    body: AgencyPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: { description: 'The updated agency.', schema: Agency, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const { row } = await patchRecord(db, agency, principal, now(), byId(agency, params.id), ifMatch, body);
      return { status: 200 as const, body: toAgency(row), etag: versionEtag(row.version) };
    },
  }),
  ...revisionRoutes({ type: 'agency', collection: '/v1/agencies', tag, label: '执法主体', exists: getAgency }),
];
