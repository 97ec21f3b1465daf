import { defineRoute } from '../registry.js';
import { Feed, FeedQuery } from '../schemas/feed.js';
import { feedHead, feedPageJson, readFeed } from '../domain/feed.js';
import { JsonText } from '../json-text.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import type { RecordTypeName } from '../schemas/changes.js';

/** How often a long poll looks at the head: one single-row read, so a waiting client costs little. */
const POLL_MS = 250;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export const feedRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/feed',
    operationId: 'readFeed',
    readsPrimary: 'A client reads on from the position it was given: a replica behind the primary could answer with an older head than an earlier answer named.',
    summary: '变更订阅',
    description:
      'Every change to every published record, in commit order, each with the record as published at that version (typed by `type`; earlier versions of a decision no longer displayed show a redaction notice). Positions are dense and final: once you have read up to `next`, nothing new ever appears at or below it. Poll with `after=<next>`, or long-poll with `wait`. Start from a bulk export (`/v1/exports`) and read on from its position to mirror everything.',
    tag: 'feed',
    query: FeedQuery,
    cache: 'revalidate',
    responses: { 200: { description: 'Changes after the cursor.', schema: Feed, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url, signal }) => {
      const after = Number(query.after);
      const types: RecordTypeName[] | undefined = query.type === undefined ? undefined : [query.type].flat();
      let page = await readFeed(db, after, query.limit, types);
      // Wall-clock time, not the injected clock: a long poll waits for real.
      const deadline = Date.now() + query.wait * 1000;
      while (page.entries.length === 0 && !signal.aborted && Date.now() < deadline) {
        await pause(Math.min(POLL_MS, deadline - Date.now()), signal);
        if ((await feedHead(db)) > page.next) page = await readFeed(db, page.next, query.limit, types);
      }
      const cursor = String(page.next);
      return { status: 200 as const, body: new JsonText(feedPageJson(page), page.lastAt), headers: nextLinkHeader(url, page.next > after ? cursor : null, 'after') };
    },
  }),
];
