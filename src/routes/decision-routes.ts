import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { correctDecision, type Correction, type CorrectSpec } from '../domain/decisions/correct.js';
import { createDecisions, type CreateSpec, type DecisionItem } from '../domain/decisions/create.js';
import type { DecisionKind, DecisionTable, ReadRow } from '../domain/decisions/kind.js';
import { getRow, probeRow, withdraw, type WithdrawSpec } from '../domain/decisions/lifecycle.js';
import { decisionRules } from '../domain/decisions/rules.js';
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

/**
 * What one kind of decision (penalty, licence, other action) declares for its routes: its schemas and its
 * domain declarations, typed together (T table, O presented record, Q list query, C create item, P what its
 * checks yield), so a schema that does not fit the kind's domain code does not compile.
 */
export interface DecisionRoutes<T extends DecisionTable, O extends Record<string, unknown>, Q, C extends DecisionItem, P> {
  collection: string;
  tag: string;
  /** The record's Chinese name, for the revision routes. */
  label: string;
  schemas: {
    listQuery: z.ZodType<Q>;
    page: z.ZodType<unknown, { items: O[]; next: string | null }>;
    one: z.ZodType<unknown, O>;
    create: z.ZodType<C>;
    batch: z.ZodType<{ items: C[] }>;
    correction: z.ZodType<Correction>;
  };
  /** Response descriptions: of one record, of a list page, of the Location header. */
  describe: { one: string; page: string; location: string };
  words: { list: Words; get: Words; create: Words; batch: Words; correct: Words; withdraw: Words };
  domain: {
    kind: DecisionKind<T, O>;
    list: (db: Db, query: Q, now: Date) => Promise<{ rows: ReadRow<T>[]; next: string | null }>;
    /** What a read shows as of now (a penalty past its publicity period is expired on first sight). */
    current?: (primary: () => Db, now: Date, row: ReadRow<T>) => Promise<ReadRow<T>>;
    create: CreateSpec<T, C, P>;
    correct: CorrectSpec<T, C, P>;
    withdraw: WithdrawSpec<T>;
    /** The number a batch receipt names: the decision number, or an action's 执法文书号. */
    numberOf: (row: T['$inferSelect']) => string | null;
  };
  /** Routes of this kind only (credit repair), declared after withdrawal and before the revisions. */
  extra?: AnyRoute[];
}

/** list, get, create, batch, corrections, withdrawal and revisions of one decision kind, from its descriptor. */
export function decisionRoutes<T extends DecisionTable, O extends Record<string, unknown>, Q, C extends DecisionItem, P>(d: DecisionRoutes<T, O, Q, C, P>): AnyRoute[] {
  const { collection, tag, schemas, words, domain } = d;
  const { kind } = domain;
  const one = { description: d.describe.one, schema: schemas.one, headers: etagHeaderSpec };
  const answer = (row: ReadRow<T>) => ({ status: 200 as const, body: kind.present(row), etag: versionEtag(row.version) });
  return [
    defineRoute({
      method: 'get',
      path: collection,
      ...words.list,
      tag,
      query: schemas.listQuery,
      responses: { 200: { description: d.describe.page, schema: schemas.page, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
      handler: async ({ db, query, url, now }) => {
        const { rows, next } = await domain.list(db, query, now());
        return { status: 200 as const, body: { items: rows.map(kind.present), next }, headers: nextLinkHeader(url, next) };
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
      etagProbe: async ({ db, now }, id) => {
        const probed = await probeRow(db, kind, id, now());
        return probed && !probed.changesOnRead ? versionEtag(probed.version) : null;
      },
      handler: async ({ db, primary, params, now }) => {
        const row = await getRow(db, kind, params.id);
        return answer(domain.current ? await domain.current(primary, now(), row) : row);
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
        const [row] = await createDecisions(db, domain.create, principal, now(), decisionRules(config), [body], () => '');
        return { status: 201 as const, body: kind.present(row!), etag: versionEtag(row!.version), headers: { Location: `${collection}/${row!.id}` } };
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
        const rows = await createDecisions(db, domain.create, principal, now(), decisionRules(config), body.items, (i) => `/items/${i}`);
        return { status: 201 as const, body: { items: rows.map((row) => receiptOf(collection, { ...row, decisionNumber: domain.numberOf(row) })) } };
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
        answer(await correctDecision(db, domain.correct, principal, now(), decisionRules(config), params.id, ifMatch, body)),
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
        answer(await withdraw(db, domain.withdraw, principal, now(), decisionRules(config), params.id, ifMatch, body)),
    }),
    ...(d.extra ?? []),
    ...revisionRoutes({ type: kind.type, collection, tag, label: d.label, exists: (db, id) => getRow(db, kind, id) }),
  ];
}
