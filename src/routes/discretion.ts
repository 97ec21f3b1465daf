import { z } from 'zod';
import { benchmark, createBenchmark, listBenchmarks, publishBenchmarks } from '../domain/discretion.js';
import { byId, getRecord, patchRecord } from '../domain/versioned-record.js';
import { citingEtag } from '../domain/citation-lists.js';
import { defineRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { Benchmark, BenchmarkCreate, BenchmarkListQuery, BenchmarkPatch } from '../schemas/discretion.js';
import { Id } from '../schemas/common.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const BenchmarkPage = Page(Benchmark, 'DiscretionBenchmarkPage', '裁量基准列表');
const PowerParams = z.strictObject({ id: Id.meta({ title: '权责事项' }) });
const tag = 'powers';

/** 裁量基准 (行政处罚法 art. 34: 行政处罚裁量基准应当向社会公布), one or more per power item. */
export const discretionRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/powers/{id}/discretion-benchmarks',
    operationId: 'listDiscretionBenchmarks',
    summary: '裁量基准列表',
    description: 'The published discretion benchmarks of one power item, keyset-paginated.',
    tag,
    params: PowerParams,
    query: BenchmarkListQuery,
    problems: [404],
    responses: { 200: { description: 'A page of benchmarks.', schema: BenchmarkPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, params, query, url, now }) => {
      const { rows, next } = await listBenchmarks(db, params.id, query);
      return { status: 200 as const, body: { items: await publishBenchmarks(db, rows, now()), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/powers/{id}/discretion-benchmarks',
    operationId: 'createDiscretionBenchmark',
    summary: '新建裁量基准',
    description:
      'The violation, its legal basis and, per tier (轻微 / 一般 / 较重 / 严重), the circumstances and the kind and range of penalty, fines as decimal yuan. ' +
      'Only the agency holding the power item (or the operator).',
    tag,
    auth: true,
    params: PowerParams,
    body: BenchmarkCreate,
    problems: [404, 422],
    responses: {
      201: { description: 'Created.', schema: Benchmark, headers: { ...etagHeaderSpec, Location: { description: 'URL of the new benchmark.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, params, body }) => {
      const { published: created } = await createBenchmark(db, principal, now(), params.id, body);
      return { status: 201 as const, body: created, etag: citingEtag(created.version, created.citations), headers: { Location: `/v1/discretion-benchmarks/${created.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/discretion-benchmarks/{id}',
    operationId: 'getDiscretionBenchmark',
    summary: '裁量基准详情',
    description: 'One 行政处罚裁量基准, which must be made public (行政处罚法 第三十四条): the violation, its legal basis and the penalty range per tier, fines as decimal yuan. Earlier versions: /v1/discretion-benchmarks/{id}/revisions.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: { description: 'The benchmark.', schema: Benchmark, headers: etagHeaderSpec } },
    handler: async ({ db, params, now }) => {
      const row = await getRecord(db, benchmark, params.id);
      const [published] = await publishBenchmarks(db, [row], now());
      return { status: 200 as const, body: published!, etag: citingEtag(row.version, published!.citations) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/discretion-benchmarks/{id}',
    operationId: 'updateDiscretionBenchmark',
    summary: '修改裁量基准',
    description: 'JSON merge patch (RFC 7396) against the version named by If-Match; the tier list replaces as a whole. A new version with its revision kept.',
    tag,
    auth: true,
    params: IdParams,
    body: BenchmarkPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    ifMatch: true,
    problems: [404, 422],
    responses: { 200: { description: 'The updated benchmark.', schema: Benchmark, headers: etagHeaderSpec } },
    handler: async ({ db, principal, now, params, body, ifMatch }) => {
      const { published: updated } = await patchRecord(db, benchmark, principal, now(), byId(benchmark, params.id), ifMatch, body);
      return { status: 200 as const, body: updated, etag: citingEtag(updated.version, updated.citations) };
    },
  }),
  ...revisionRoutes({ type: 'discretion_benchmark', collection: '/v1/discretion-benchmarks', tag, label: '裁量基准', exists: (db, id) => getRecord(db, benchmark, id) }),
];
