import { createPower, power as powerResource, publishPowers } from '../domain/powers.js';
import { byId, getRecord, patchRecord } from '../domain/versioned-record.js';
import { listPowers } from '../domain/powers-list.js';
import { citingEtag } from '../domain/citation-lists.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { Power, PowerCreate, PowerListQuery, PowerPatch } from '../schemas/powers.js';
import { discretionRoutes } from './discretion.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const PowerPage = Page(Power, 'PowerPage', '权责清单');
const tag = 'powers';

export const powerRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/powers',
    operationId: 'listPowers',
    summary: '权责清单',
    description:
      'Public list of power items, filtered by agency, 职权类型, region (agencies within the division), cited legal basis, 审核转报 or status. ' +
      'With `q`, a Chinese search ranked best first; otherwise ordered by id. Keyset-paginated.',
    tag,
    query: PowerListQuery,
    responses: { 200: { description: 'A page of power items.', schema: PowerPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url, now }) => {
      const { rows, next } = await listPowers(db, query);
      return { status: 200 as const, body: { items: await publishPowers(db, rows, now()), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/powers/{id}',
    operationId: 'getPower',
    summary: '权责事项详情',
    description: 'One item of the agency\'s 权责清单 (its 职责、权限, published in advance under 国办发〔2018〕118号), with the articles it rests on. Earlier versions: /v1/powers/{id}/revisions.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The power item.', schema: Power, headers: etagHeaderSpec } },
    handler: async ({ db, params, now }) => {
      const row = await getRecord(db, powerResource, params.id);
      const [power] = await publishPowers(db, [row], now());
      return { status: 200 as const, body: power!, etag: citingEtag(row.version, power!.citations) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/powers',
    operationId: 'createPower',
    summary: '新建权责事项',
    description:
      'A `publish`-scoped key adds an item to its own agency\'s list; the operator names the agency. The 职权编码 is unique within the agency, ' +
      'the 职权类型 comes from GET /v1/code-lists/power-types, and every cited article must exist.',
    tag,
    auth: true,
    body: PowerCreate,
    problems: [409, 422],
    responses: { 201: { description: 'Created.', schema: Power, headers: { ...etagHeaderSpec, Location: { description: 'URL of the new item.', schema: { type: 'string' } } } } },
    handler: async ({ db, principal, now, body }) => {
      const { published: power } = await createPower(db, principal, now(), body);
      return { status: 201 as const, body: power, etag: citingEtag(power.version, power.citations), headers: { Location: `/v1/powers/${power.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/powers/{id}',
    operationId: 'updatePower',
    summary: '修改权责事项',
    description:
      'JSON merge patch (RFC 7396) against the version named by If-Match, by the holding agency or the operator. Each change is a new version with its revision kept.',
    tag,
    auth: true,
    params: IdParams,
    body: PowerPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: { description: 'The updated item.', schema: Power, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const { published: power } = await patchRecord(db, powerResource, principal, now(), byId(powerResource, params.id), ifMatch, body);
      return { status: 200 as const, body: power, etag: citingEtag(power.version, power.citations) };
    },
  }),
  ...revisionRoutes({ type: 'power', collection: '/v1/powers', tag, label: '权责事项', exists: (db, id) => getRecord(db, powerResource, id) }),
  ...discretionRoutes,
];
