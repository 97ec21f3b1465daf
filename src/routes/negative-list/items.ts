import { edition } from '../../domain/negative-list/editions.js';
import { createItem, editionItem, editionItems, listItems, negativeListItem, presentItems } from '../../domain/negative-list/items.js';
import { defineRoute } from '../../registry.js';
import { EditionParams } from '../../schemas/negative-list/editions.js';
import { EditionItemList, EditionItemsQuery, Item, ItemCreate, ItemListQuery, ItemPatch, ItemRefParams } from '../../schemas/negative-list/items.js';
import { etagHeaderSpec } from '../links.js';
import { recordRoutes } from '../record-routes.js';

const tag = 'negative-list';
const editions = '/v1/negative-list/editions';

const editionItemsRoute = defineRoute({
  method: 'get',
  path: `${editions}/{edition}/items`,
  operationId: 'listNegativeListEditionItems',
  summary: '负面清单版本的事项和措施',
  description: 'Every item of the edition with its ordered measures, 禁止准入类 first, then by 项目号 — the official table as data. `category` and `q` (Chinese search over 事项, 编码 and 措施) narrow it.',
  tag,
  params: EditionParams,
  query: EditionItemsQuery,
  problems: [404],
  responses: { 200: { description: 'The edition and its items.', schema: EditionItemList } },
  handler: async ({ db, params, query, now }) => {
    const { edition: row, rows } = await editionItems(db, params.edition, query);
    const [[published], items] = await Promise.all([edition.publish(db, [row], now()), presentItems(db, rows, now())]);
    return { status: 200 as const, body: { edition: published!, items } };
  },
});

const editionItemRoute = defineRoute({
  method: 'get',
  path: `${editions}/{edition}/items/{code}`,
  operationId: 'getNegativeListEditionItem',
  summary: '负面清单事项(按事项编码)',
  description: 'One item of an edition by its 6-digit 事项编码, the identity of an item across editions.',
  tag,
  params: ItemRefParams,
  problems: [404],
  responses: { 200: { description: 'The item.', schema: Item, headers: etagHeaderSpec } },
  handler: async ({ db, params, now }) => {
    const row = await editionItem(db, params.edition, params.code);
    const [body] = await presentItems(db, [row], now());
    return { status: 200 as const, body: body!, etag: `"v${row.version}"` };
  },
});

export const itemRoutes = [
  editionItemsRoute,
  editionItemRoute,
  ...recordRoutes({
    resource: negativeListItem,
    collection: '/v1/negative-list/items',
    tag,
    label: '市场准入负面清单事项',
    singular: 'NegativeListItem',
    plural: 'NegativeListItems',
    record: Item,
    create: ItemCreate,
    patch: ItemPatch,
    query: ItemListQuery,
    list: listItems,
    insert: createItem,
    describe: {
      list: 'Items of every edition, filtered by edition, category, 事项编码 (one item across editions) and status; with q, ranked Chinese search. Keyset-paginated.',
      create: 'Operator only: the platform operator adds an item to a draft edition (a published edition never changes: 409). 事项编码 is unique within an edition, and so is 项目号 within a category (409 naming the field). Every measure needs its text; cited articles must exist (422).',
      patch: 'Operator only. Only items of a draft edition change; removing an item from a draft sets status removed.',
    },
    problems: [409],
  }),
];
