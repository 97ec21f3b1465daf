import type { AnyRoute } from '../registry.js';
import { defineRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { ArticleParams, ArticleSearchQuery, LegalArticle, LegalArticleHit, LegalArticleListQuery } from '../schemas/legal-articles.js';
import { getArticle, listArticles, searchArticles } from '../domain/legal-bases.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';

const LegalArticlePage = Page(LegalArticle, 'LegalArticlePage', '条文列表');
const LegalArticleHitPage = Page(LegalArticleHit, 'LegalArticleHitPage', '条文检索结果');
const tag = 'legal-bases';

export const legalArticleRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/legal-bases/{id}/articles',
    operationId: 'listLegalArticles',
    summary: '条文列表',
    description: 'The articles of one text in order (keyset by article order); with `q`, the matching articles ranked by relevance.',
    tag,
    params: IdParams,
    query: LegalArticleListQuery,
    problems: [404],
    responses: { 200: { description: 'A page of articles.', schema: LegalArticlePage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, params, query, url }) => {
      const page = await listArticles(db, params.id, query);
      return { status: 200 as const, body: page, headers: nextLinkHeader(url, page.next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/legal-bases/{id}/articles/{no}',
    operationId: 'getLegalArticle',
    summary: '条文详情',
    description: 'One article by its number: 39 for 第三十九条, 39-1 for 第三十九条之一.',
    tag,
    params: ArticleParams,
    problems: [404],
    responses: { 200: { description: 'The article.', schema: LegalArticle, headers: etagHeaderSpec } },
    handler: async ({ db, params }) => ({ status: 200 as const, body: await getArticle(db, params.id, params.no) }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/articles',
    operationId: 'searchLegalArticles',
    summary: '条文检索',
    description:
      'Chinese search across the articles of every text: the words of `q` as a phrase in the app-segmented text, or `q` as a substring (so 道路 is found inside 道路运输). ' +
      'Ranked (whole-word matches first), keyset-paginated by (rank desc, legal basis id, article order).',
    tag,
    query: ArticleSearchQuery,
    responses: { 200: { description: 'A page of matching articles.', schema: LegalArticleHitPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const page = await searchArticles(db, query);
      return { status: 200 as const, body: page, headers: nextLinkHeader(url, page.next) };
    },
  }),
];
