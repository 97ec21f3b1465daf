import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { Officer, OfficerCreate, OfficerListQuery, OfficerPatch } from '../schemas/officers.js';
import { createOfficer, officer, toOfficer } from '../domain/officers.js';
import { byId, getRecord, patchRecord } from '../domain/versioned-record.js';
import { listOfficers } from '../domain/officers-list.js';
import { versionEtag } from '../domain/versioning.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const OfficerPage = Page(Officer, 'OfficerPage', '执法人员列表');
const tag = 'officers';

export const officerRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/officers',
    operationId: 'listOfficers',
    summary: '执法人员列表',
    description:
      'Public list of enforcement officers (姓名、执法证号、执法类别、执法区域、有效期), filtered by agency, 执法类别, status or a date the certificate is valid on. With q, ranked Chinese search over 姓名 and 执法证号 (best first); otherwise ordered by id. Keyset-paginated.',
    tag,
    query: OfficerListQuery,
    responses: { 200: { description: 'A page of officers.', schema: OfficerPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const { rows, next } = await listOfficers(db, query);
      return { status: 200 as const, body: { items: rows.map(toOfficer), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/officers/{id}',
    operationId: 'getOfficer',
    summary: '执法人员详情',
    description: 'One enforcement officer as published before enforcement (事前公开 of 执法人员, 国办发〔2018〕118号): 姓名、执法证号、执法类别、执法区域 and the certificate\'s validity. Earlier versions: /v1/officers/{id}/revisions.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The officer.', schema: Officer, headers: etagHeaderSpec } },
    handler: async ({ db, params }) => {
      const row = await getRecord(db, officer, params.id);
      return { status: 200 as const, body: toOfficer(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/officers',
    operationId: 'createOfficer',
    summary: '新增执法人员',
    description:
      'A `publish`-scoped key adds officers of its own agency; the operator names the agency. Only the public fields are accepted: any other field (phone, ID number, photo, ...) is a 400 naming it. An 执法证号 is unique among active certificates (409).',
    tag,
    auth: true,
    body: OfficerCreate,
    problems: [409, 422],
    responses: {
      201: { description: 'Created.', schema: Officer, headers: { ...etagHeaderSpec, Location: { description: 'URL of the new officer.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, body }) => {
      const { row, published } = await createOfficer(db, principal, now(), body);
      return { status: 201 as const, body: published, etag: versionEtag(row.version), headers: { Location: `/v1/officers/${row.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/officers/{id}',
    operationId: 'updateOfficer',
    summary: '修改执法人员',
    description:
      'JSON merge patch (RFC 7396) against the version named by If-Match, by the owning agency (`publish` scope) or the operator. Revoking (status revoked) frees the 执法证号 for a new certificate. Each change is a new version with its revision kept.',
    tag,
    auth: true,
    params: IdParams,
    body: OfficerPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: { description: 'The updated officer.', schema: Officer, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const { row, published } = await patchRecord(db, officer, principal, now(), byId(officer, params.id), ifMatch, body);
      return { status: 200 as const, body: published, etag: versionEtag(row.version) };
    },
  }),
  ...revisionRoutes({ type: 'officer', collection: '/v1/officers', tag, label: '执法人员', exists: (db, id) => getRecord(db, officer, id) }),
];
