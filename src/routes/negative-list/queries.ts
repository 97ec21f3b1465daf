import { checkActivity } from '../../domain/negative-list/check.js';
import { compareEditions } from '../../domain/negative-list/edition-diff.js';
import { searchMeasures } from '../../domain/negative-list/measures.js';
import { defineRoute } from '../../registry.js';
import { DiffQuery, EditionDiff } from '../../schemas/negative-list/diff.js';
import { CheckQuery, CheckResult, MeasureHitPage, MeasureSearchQuery } from '../../schemas/negative-list/queries.js';
import { linkHeaderSpec, nextLinkHeader } from '../links.js';

const tag = 'negative-list';

const measureSearchRoute = defineRoute({
  method: 'get',
  path: '/v1/negative-list/measures',
  operationId: 'searchNegativeListMeasures',
  summary: '负面清单措施检索',
  description:
    'Measures of the edition in force on `asOf` (or of `edition`): ranked Chinese search with `q`, by 主管部门, by industry code, category, region (national measures plus that region’s local ones) or local/national. Without q, in table order. Keyset-paginated.',
  tag,
  query: MeasureSearchQuery,
  problems: [404, 422],
  responses: { 200: { description: 'A page of measures with their items.', schema: MeasureHitPage, headers: linkHeaderSpec } },
  handler: async ({ db, query, url, now }) => {
    const { items, next } = await searchMeasures(db, query, now());
    return { status: 200 as const, body: { items, next }, headers: nextLinkHeader(url, next) };
  },
});

const checkRoute = defineRoute({
  method: 'get',
  path: '/v1/negative-list/check',
  operationId: 'checkNegativeList',
  summary: '市场准入查询（非禁即入）',
  description:
    '"May I do this?" The items of the edition in force on `asOf` (today by default) whose measures — national, plus the local ones of `region` — contain the content words of `activity`, or whose industry codes meet `industry`; 禁止准入类 first. None: 非禁即入 (国务院关于实行市场准入负面清单制度的意见). An activity of only generic words (开办、经营、公司…) is a 422 naming it; a date before the first edition a 422 naming asOf. A reading aid, not a legal opinion.',
  tag,
  query: CheckQuery,
  problems: [422],
  responses: { 200: { description: 'The matching items, or none.', schema: CheckResult } },
  handler: async ({ db, query, now }) => ({ status: 200 as const, body: await checkActivity(db, query, now()) }),
});


const diffDescription =
  'Any two editions (a draft against the current one too): items added, removed, moved between categories and changed, matched by 事项编码; within a changed item the measures added, removed, reworded (with a character-level diff) and reordered, and changed marks (★, local region, 主管部门); counts; and `summary`, the same in readable Chinese Markdown. An unknown edition is a 422 naming `from` or `to`.';

const diffRoute = defineRoute({
  method: 'get',
  path: '/v1/negative-list/diff',
  operationId: 'diffNegativeListEditions',
  summary: '负面清单版本对比',
  description: diffDescription,
  tag,
  query: DiffQuery,
  problems: [422],
  responses: { 200: { description: 'The difference.', schema: EditionDiff } },
  handler: async ({ db, query }) => ({ status: 200 as const, body: await compareEditions(db, query.from, query.to) }),
});

const diffMarkdownRoute = defineRoute({
  method: 'get',
  path: '/v1/negative-list/diff.md',
  operationId: 'diffNegativeListEditionsMarkdown',
  summary: '负面清单版本对比（Markdown）',
  description: 'The `summary` of /v1/negative-list/diff on its own, as text/markdown, for people and for tools that render it.',
  tag,
  query: DiffQuery,
  problems: [422],
  responses: { 200: { description: 'The difference as Chinese Markdown.', stream: { mediaType: 'text/markdown; charset=utf-8' } } },
  handler: async ({ db, query }) => {
    const { summary } = await compareEditions(db, query.from, query.to);
    return { status: 200 as const, body: new Blob([summary]).stream() };
  },
});

export const queryRoutes = [measureSearchRoute, checkRoute, diffRoute, diffMarkdownRoute];
