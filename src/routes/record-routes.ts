/**
 * The five routes of a versioned record declared once: list, read, create, merge-patch and its revisions.
 * A resource passes its schemas and its domain verbs; statuses, headers and descriptions follow the same
 * conventions everywhere (ETag from the version, Location on create, If-Match on change).
 */
import { z } from 'zod';
import type { HandlerServices } from '../context.js';
import type { Db } from '../db/client.js';
import type { Principal } from '../domain/principal.js';
import type { RecordType } from '../domain/records.js';
import { byId, findRecord, getRecord, patchRecord, type Target, type VersionedResource, type VersionedTable, type Written } from '../domain/versioned-record.js';
import { versionEtag } from '../domain/versioning.js';
import type { Page as RowPage } from '../domain/paging.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

type Row<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number; createdAt: Date; updatedAt: Date };

export interface RecordRoutes<T extends VersionedTable, R extends Row<T>, Input, Published extends Record<string, unknown>, Query, Create> {
  resource: VersionedResource<T, R, Input, Published> & { type: RecordType };
  collection: string;
  tag: string;
  /** Chinese label, e.g. 随机抽查事项; summaries are built from it. */
  label: string;
  /** PascalCase names for operation ids and the page schema, e.g. InspectionItem / InspectionItems. */
  singular: string;
  plural: string;
  /** Published records have no transforms: what the schema reads is what it returns. */
  record: z.ZodType<Published, Published>;
  create: z.ZodType<Create, unknown>;
  patch: z.ZodType;
  query: z.ZodType<Query, unknown>;
  list(db: Db, query: Query): Promise<RowPage<R>>;
  /** Creates a record; without it the collection has no POST (results are created under their task). */
  insert?(db: Db, principal: Principal, now: Date, body: Create): Promise<Written<R, Published>>;
  /** The resource a patch runs with, when it depends on the request (its clock, the configured calendar). */
  patching?(services: HandlerServices): VersionedResource<T, R, Input, Published>;
  describe: { list: string; create?: string; patch: string };
  /** A record in a state it never leaves (an edition superseded): its answer is cached as immutable. */
  final?(published: Published): boolean;
  /** The strong ETag of one record; its version by default (records that cite laws add their citations). */
  etag?(row: R, published: Published): string;
  /** Problems the create and patch checks can answer beyond 400/401/403/404. */
  problems: number[];
  /**
   * One record addressed by something besides its id (an edition by its code or id): the path parameter, its
   * schema, and the target it names. Revisions stay under the id.
   */
  ref?: { param: string; schema: z.ZodType<string>; target(value: string): Target };
}

export function recordRoutes<T extends VersionedTable, R extends Row<T>, Input, Published extends Record<string, unknown>, Query, Create>(
  spec: RecordRoutes<T, R, Input, Published, Query, Create>,
): AnyRoute[] {
  const { resource, collection, tag, label, record } = spec;
  const one = { description: `The ${label}.`, schema: record, headers: etagHeaderSpec };
  const etagOf = spec.etag ?? ((row: R) => versionEtag(row.version));
  const param = spec.ref?.param ?? 'id';
  const params = spec.ref ? z.strictObject({ [param]: spec.ref.schema }) : IdParams;
  // Both shapes are one string parameter named `param`; the validator has checked it.
  const targetOf = (values: unknown): Target => {
    const value = (values as Record<string, string>)[param]!;
    return spec.ref ? spec.ref.target(value) : byId(resource, value);
  };
  return [
    defineRoute({
      method: 'get',
      path: collection,
      operationId: `list${spec.plural}`,
      summary: `${label}列表`,
      description: spec.describe.list,
      tag,
      query: spec.query,
      responses: { 200: { description: `A page of ${label}.`, schema: Page(record, `${spec.singular}Page`, `${label}列表`), headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
      handler: async ({ db, query, url, now }) => {
        const { rows, next } = await spec.list(db, query);
        return { status: 200 as const, body: { items: await resource.publish(db, rows, now()), next }, headers: nextLinkHeader(url, next) };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${collection}/{${param}}`,
      operationId: `get${spec.singular}`,
      summary: `${label}详情`,
      description: `The ${label} as now published. Its ETag names the version: send it back as If-None-Match (304 while unchanged) or as If-Match to change it. Earlier versions: ${collection}/{id}/revisions.`,
      tag,
      params,
      problems: [404],
      responses: { 200: one },
      handler: async ({ db, params, now }) => {
        const row = await findRecord(db, resource, targetOf(params));
        const [body] = await resource.publish(db, [row], now());
        return { status: 200 as const, body: body!, etag: etagOf(row, body!), ...(spec.final?.(body!) ? { cache: 'immutable' as const } : {}) };
      },
    }),
    ...(spec.insert ? [createRoute(spec, spec.insert, one, etagOf)] : []),
    defineRoute({
      method: 'patch',
      path: `${collection}/{${param}}`,
      operationId: `update${spec.singular}`,
      summary: `修改${label}`,
      description: `JSON merge patch (RFC 7396) against the version named by If-Match, by the owning agency (\`publish\` scope) or the operator. ${spec.describe.patch} Each change is a new version with its revision kept; a patch that changes nothing returns the current version.`,
      tag,
      auth: true,
      params,
      body: spec.patch,
      bodyTypes: ['application/merge-patch+json', 'application/json'],
      ifMatch: true,
      problems: [404, ...spec.problems, 422],
      responses: { 200: one },
      handler: async (services) => {
        const { db, principal, now, params, body, ifMatch } = services;
        const patching = spec.patching?.(services) ?? resource;
        const { row, published } = await patchRecord(db, patching, principal, now(), targetOf(params), ifMatch, body as Record<string, unknown>);
        return { status: 200 as const, body: published, etag: etagOf(row, published) };
      },
    }),
    ...revisionRoutes({ type: resource.type, collection, tag, label, exists: (db, id) => getRecord(db, resource, id) }),
  ];
}

type Spec<T extends VersionedTable, R extends Row<T>, Input, Published extends Record<string, unknown>, Query, Create> = RecordRoutes<T, R, Input, Published, Query, Create>;

function createRoute<T extends VersionedTable, R extends Row<T>, Input, Published extends Record<string, unknown>, Query, Create>(
  spec: Spec<T, R, Input, Published, Query, Create>,
  insert: NonNullable<Spec<T, R, Input, Published, Query, Create>['insert']>,
  one: { description: string; schema: z.ZodType<Published, Published>; headers: typeof etagHeaderSpec },
  etagOf: (row: R, published: Published) => string,
): AnyRoute {
  const { collection, label } = spec;
  return defineRoute({
    method: 'post',
    path: collection,
    operationId: `create${spec.singular}`,
    summary: `新增${label}`,
    description: spec.describe.create,
    tag: spec.tag,
    auth: true,
    body: spec.create,
    problems: [...spec.problems, 422],
    responses: {
      201: { ...one, description: 'Created.', headers: { ...etagHeaderSpec, Location: { description: `URL of the new ${label}.`, schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, body }) => {
      const { row, published } = await insert(db, principal, now(), body);
      return { status: 201 as const, body: published, etag: etagOf(row, published), headers: { Location: `${collection}/${row.id}` } };
    },
  });
}
