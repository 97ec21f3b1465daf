import { createEdition, edition, editionEtag, editionInForce, editionTarget, listEditions } from '../../domain/negative-list/editions.js';
import { publishEdition } from '../../domain/negative-list/publish-edition.js';
import { chinaDate } from '../../lib/validity.js';
import { defineRoute } from '../../registry.js';
import { AsOfQuery, Edition, EditionCreate, EditionListQuery, EditionParams, EditionPatch, EditionPublish, EditionRef } from '../../schemas/negative-list/editions.js';
import { etagHeaderSpec } from '../links.js';
import { recordRoutes } from '../record-routes.js';

const collection = '/v1/negative-list/editions';
const tag = 'negative-list';

// Declared before the record routes: /in-force would otherwise be read as an edition code.
const inForceRoute = defineRoute({
  method: 'get',
  path: `${collection}/in-force`,
  operationId: 'getNegativeListEditionInForce',
  summary: '某日施行的负面清单版本',
  description: 'The published edition in force on `asOf` (today in Beijing by default): the one that took effect last on or before it. A date before the first published edition is a 422 naming `asOf`.',
  tag,
  query: AsOfQuery,
  problems: [422],
  responses: { 200: { description: 'The edition in force.', schema: Edition, headers: etagHeaderSpec } },
  handler: async ({ db, query, now }) => {
    const row = await editionInForce(db, query.asOf ?? chinaDate(now()), { in: 'query', pointer: '/asOf' });
    const [body] = await edition.publish(db, [row], now());
    return { status: 200 as const, body: body!, etag: editionEtag(row, body!) };
  },
});

const publishRoute = defineRoute({
  method: 'post',
  path: `${collection}/{edition}/publish`,
  operationId: 'publishNegativeListEdition',
  summary: '发布负面清单版本',
  description:
    'Operator only: the platform operator publishes a draft: it becomes the current edition and the current one is superseded, atomically (feed events `published` and `superseded`). While an edition is current, `supersedes` must name it (409 otherwise, as for a publication that raced another). An edition without items, or one taking effect no later than the current one, is a 422. A published edition never changes.',
  tag,
  auth: true,
  params: EditionParams,
  body: EditionPublish,
  problems: [404, 409, 422],
  responses: { 200: { description: 'The edition, now current.', schema: Edition, headers: etagHeaderSpec } },
  handler: async ({ db, principal, now, params, body }) => {
    const { row, published } = await publishEdition(db, principal, now(), params.edition, body);
    return { status: 200 as const, body: published, etag: editionEtag(row, published) };
  },
});

export const editionRoutes = [
  inForceRoute,
  publishRoute,
  ...recordRoutes({
    resource: edition,
    collection,
    tag,
    label: '市场准入负面清单版本',
    singular: 'NegativeListEdition',
    plural: 'NegativeListEditions',
    record: Edition,
    create: EditionCreate,
    patch: EditionPatch,
    query: EditionListQuery,
    list: listEditions,
    insert: createEdition,
    etag: editionEtag,
    // A superseded edition is history: its counts were frozen at publication and its end date is set.
    final: (e) => e.status === 'superseded',
    ref: { param: 'edition', schema: EditionRef, target: editionTarget },
    describe: {
      list: 'Every edition (pilot, 2018, 2019, 2020, 2022, 2025 and later ones, drafts included), filtered by status, with item and measure counts by category, national and local. Keyset-paginated.',
      create: 'Operator only (the list is issued nationally): the platform operator adds an edition as a draft (code unique, 409). Items are added to the draft; publishing makes it current.',
      patch: 'Operator only. Only a draft changes (a published edition is a 409).',
    },
    problems: [409],
  }),
];
