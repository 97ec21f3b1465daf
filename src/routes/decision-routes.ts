import type { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Principal } from '../domain/principal.js';
import type { RecordType } from '../domain/records.js';
import { decisionRules, type DecisionRules } from '../domain/decisions/rules.js';
import { versionEtag } from '../domain/versioning.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams } from '../schemas/common.js';
import { BatchReceipt, receiptOf, WithdrawalCreate } from '../schemas/decision-common.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

/** An operation's published words: operationId, summary, description. */
interface Words {
  operationId: string;
  summary: string;
  description: string;
}

type Row = { id: string; version: number; publishedAt: Date; claimedPublishedAt: Date | null; dueDate: string; late: boolean; workingDaysLate: number; calendarProvisional: boolean };
type Write<I, R> = (db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: I) => Promise<R>;

/** What one kind of decision (penalty, licence, other action) needs to declare its routes. */
export interface DecisionRoutes<R extends Row> {
  collection: string;
  tag: string;
  /** For the revision routes: the record type and its Chinese name. */
  type: RecordType;
  label: string;
  schemas: { listQuery: z.ZodType; page: z.ZodType; one: z.ZodType; create: z.ZodType; batch: z.ZodType; correction: z.ZodType };
  /** Response descriptions: of one record, of a list page, of the Location header. */
  describe: { one: string; page: string; location: string };
  words: { list: Words; get: Words; create: Words; batch: Words; correct: Words; withdraw: Words };
  domain: {
    list: (db: Db, query: never, now: Date) => Promise<{ rows: R[]; next: string | null }>;
    /** Throws 404 when the record does not exist. */
    get: (db: Db, id: string) => Promise<R>;
    /** What a read shows as of now (a penalty past its publicity period is expired on first sight). */
    current?: (db: Db, now: Date, row: R) => Promise<R>;
    present: (row: R) => unknown;
    create: (db: Db, principal: Principal, now: Date, rules: DecisionRules, items: never[], at: (i: number) => string) => Promise<R[]>;
    correct: Write<never, R>;
    withdraw: Write<never, R>;
    /** The number a batch receipt names (an action's 执法文书号); the decision number by default. */
    numberOf?: (row: R) => string | null;
  };
  /** Routes of this kind only (credit repair), declared after withdrawal and before the revisions. */
  extra?: AnyRoute[];
}

/** list, get, create, batch, corrections, withdrawal and revisions of one decision kind, from its descriptor. */
export function decisionRoutes<R extends Row>(d: DecisionRoutes<R>): AnyRoute[] {
  const { collection, tag, schemas, words, domain } = d;
  const one = { description: d.describe.one, schema: schemas.one, headers: etagHeaderSpec };
  const answer = (row: R) => ({ status: 200 as const, body: domain.present(row), etag: versionEtag(row.version) });
  const numberOf = domain.numberOf ?? ((row: R) => (row as { decisionNumber?: string | null }).decisionNumber ?? null);
  return [
    defineRoute({
      method: 'get',
      path: collection,
      ...words.list,
      tag,
      query: schemas.listQuery,
      responses: { 200: { description: d.describe.page, schema: schemas.page, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
      handler: async ({ db, query, url, now }) => {
        const { rows, next } = await domain.list(db, query as never, now());
        return { status: 200 as const, body: { items: rows.map(domain.present), next }, headers: nextLinkHeader(url, next) };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${collection}/{id}`,
      ...words.get,
      tag,
      params: IdParams,
      problems: [404],
      responses: { 200: one },
      handler: async ({ db, params, now }) => {
        const row = await domain.get(db, params.id);
        return answer(domain.current ? await domain.current(db, now(), row) : row);
      },
    }),
    defineRoute({
      method: 'post',
      path: collection,
      ...words.create,
      tag,
      auth: true,
      body: schemas.create,
      problems: [409, 422],
      responses: {
        201: { description: 'Published.', schema: schemas.one, headers: { ...etagHeaderSpec, Location: { description: d.describe.location, schema: { type: 'string' } } } },
      },
      handler: async ({ db, principal, now, config, body }) => {
        const [row] = await domain.create(db, principal, now(), decisionRules(config), [body as never], () => '');
        return { status: 201 as const, body: domain.present(row!), etag: versionEtag(row!.version), headers: { Location: `${collection}/${row!.id}` } };
      },
    }),
    defineRoute({
      method: 'post',
      path: `${collection}/batch`,
      ...words.batch,
      tag,
      auth: true,
      body: schemas.batch,
      problems: [409, 422],
      responses: { 201: { description: 'All published: one receipt per item, in request order.', schema: BatchReceipt } },
      handler: async ({ db, principal, now, config, body }) => {
        const items = (body as { items: never[] }).items;
        const rows = await domain.create(db, principal, now(), decisionRules(config), items, (i) => `/items/${i}`);
        return { status: 201 as const, body: { items: rows.map((row) => receiptOf(collection, { ...row, decisionNumber: numberOf(row) })) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: `${collection}/{id}/corrections`,
      ...words.correct,
      tag,
      auth: true,
      params: IdParams,
      body: schemas.correction,
      ifMatch: 'version',
      problems: [404, 409, 422],
      responses: { 200: one },
      handler: async ({ db, principal, now, config, params, ifMatch, body }) =>
        answer(await domain.correct(db, principal, now(), decisionRules(config), params.id, ifMatch, body as never)),
    }),
    defineRoute({
      method: 'post',
      path: `${collection}/{id}/withdrawal`,
      ...words.withdraw,
      tag,
      auth: true,
      params: IdParams,
      body: WithdrawalCreate,
      ifMatch: 'version',
      problems: [404, 409, 422],
      responses: { 200: one },
      handler: async ({ db, principal, now, config, params, ifMatch, body }) =>
        answer(await domain.withdraw(db, principal, now(), decisionRules(config), params.id, ifMatch, body as never)),
    }),
    ...(d.extra ?? []),
    ...revisionRoutes({ type: d.type, collection, tag, label: d.label, exists: domain.get }),
  ];
}
