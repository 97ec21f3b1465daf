import { defineRoute } from '../registry.js';
import { Feed, FeedQuery } from '../schemas/changes.js';
import { readFeed } from '../domain/feed.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';

export const feedRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/feed',
    operationId: 'readFeed',
    summary: '变更订阅',
    description:
      'Every change to every published record, in commit order, with the record as published at that version. Positions are dense and final: once you have read up to `next`, nothing new ever appears at or below it. Poll with `after=<next>`.',
    tag: 'feed',
    query: FeedQuery,
    responses: { 200: { description: 'Changes after the cursor.', schema: Feed, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const after = Number(query.after);
      const { items, head, next } = await readFeed(db, after, query.limit, query.type);
      const cursor = String(next);
      return { status: 200 as const, body: { items, next: cursor, head }, headers: nextLinkHeader(url, next > after ? cursor : null, 'after') };
    },
  }),
];
