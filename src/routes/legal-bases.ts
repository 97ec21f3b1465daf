import type { AnyRoute } from '../registry.js';
import { defineRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { LegalBasis, LegalBasisCreate, LegalBasisListQuery, LegalBasisPatch } from '../schemas/legal-bases.js';
import { createLegalBasis, derive, getLegalBasis, legalBasis, legalBasisEtag, listLegalBases, toLegalBasis } from '../domain/legal-bases.js';
import { byId, patchRecord } from '../domain/versioned-record.js';
import type { Db } from '../db/client.js';
import type { LegalBasisRow } from '../domain/legal-bases.js';
import { chinaDate } from '../lib/validity.js';
import { legalArticleRoutes } from './legal-articles.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const LegalBasisPage = Page(LegalBasis, 'LegalBasisPage', '法律依据列表');
const tag = 'legal-bases';

/** The text as published now, with its ETag (which covers what is derived on read). */
async function present(db: Db, row: LegalBasisRow, now: Date) {
  const derived = await derive(db, row, chinaDate(now));
  return { body: toLegalBasis(row, derived), etag: legalBasisEtag(row.version, derived) };
}

export const legalBasisRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/legal-bases',
    operationId: 'listLegalBases',
    summary: '法律依据列表',
    description:
      'Public list of laws, regulations, rules and normative documents, filtered by level, validity, topic, issuer, publishing agency or the text they amend. ' +
      'Keyset-paginated by id; with `q`, ranked by relevance (rank desc, then id). Articles are listed separately.',
    tag,
    query: LegalBasisListQuery,
    responses: { 200: { description: 'A page of legal bases.', schema: LegalBasisPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url, now }) => {
      const page = await listLegalBases(db, query, chinaDate(now()));
      return { status: 200 as const, body: page, headers: nextLinkHeader(url, page.next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/legal-bases/{id}',
    operationId: 'getLegalBasis',
    summary: '法律依据详情',
    description: 'The text with its derived validity and amendment lineage (amendsId and amendedBy). Its articles are at /v1/legal-bases/{id}/articles.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The legal basis.', schema: LegalBasis, headers: etagHeaderSpec } },
    handler: async ({ db, params, now }) => {
      const { body, etag } = await present(db, await getLegalBasis(db, params.id), now());
      return { status: 200 as const, body, etag };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/legal-bases',
    operationId: 'createLegalBasis',
    summary: '新增法律依据',
    description:
      'The operator or any key with the `publish` scope; the text belongs to the key\'s agency (null for the operator). Articles are given with the text and written in the same transaction. ' +
      'An amendment is a new text whose amendsId names the text it amends or replaces.',
    tag,
    auth: true,
    body: LegalBasisCreate,
    problems: [422],
    responses: { 201: { description: 'Created.', schema: LegalBasis, headers: { ...etagHeaderSpec, Location: { description: 'URL of the new legal basis.', schema: { type: 'string' } } } } },
    handler: async ({ db, principal, now, body }) => {
      const at = now();
      const { row } = await createLegalBasis(db, principal, at, body);
      const { body: out, etag } = await present(db, row, at);
      return { status: 201 as const, body: out, etag, headers: { Location: `/v1/legal-bases/${row.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/legal-bases/{id}',
    operationId: 'updateLegalBasis',
    summary: '修改法律依据',
    description:
      'JSON merge patch (RFC 7396) against the version named by If-Match; `articles`, when present, replaces the whole list. The operator may edit any text, an agency only the texts it published. ' +
      'Each change is a new version whose revision keeps the articles as they were. Removing an article that another record cites is refused (409).',
    tag,
    auth: true,
    params: IdParams,
    body: LegalBasisPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: { description: 'The updated legal basis.', schema: LegalBasis, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const at = now();
      const { row } = await patchRecord(db, legalBasis, principal, at, byId(legalBasis, params.id), ifMatch, body);
      const { body: out, etag } = await present(db, row, at);
      return { status: 200 as const, body: out, etag };
    },
  }),
  ...revisionRoutes({ type: 'legal_basis', collection: '/v1/legal-bases', tag, label: '法律依据', exists: getLegalBasis }),
  ...legalArticleRoutes,
];
