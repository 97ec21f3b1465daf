/**
 * Where a paged download gets its pages from, in id order, reading ahead of the client so the database works
 * while the previous page is rendered and sent.
 */

/** The next page, or null once every row has been handed out. */
export type PageSource<R> = () => Promise<R[] | null>;

/** A page asked for but not yet awaited must not count as an unhandled rejection: next() takes its failure up. */
function started<T>(work: Promise<T>): Promise<T> {
  work.catch(() => {});
  return work;
}

/**
 * Keyset pages: each starts after the last id of the one before, so only one can be read ahead. A page
 * shorter than `size` is the last.
 */
export function keysetPages<R extends { id: string }>(page: (after: string | null) => Promise<R[]>, size: number): PageSource<R> {
  let ahead: Promise<R[]> | null = started(page(null));
  return async () => {
    if (!ahead) return null;
    const rows = await ahead;
    ahead = rows.length < size ? null : started(page(rows[rows.length - 1]!.id));
    return rows;
  };
}

/**
 * Ranged pages: a cheap query names where each page ends (`boundary`: the id `size` rows after `after`, null
 * when fewer are left), so the expensive pages of `(after, upTo]` can be read `parallel` at a time, each on
 * its own connection, the way PostgreSQL's parallel workers would share one query. Boundaries are read one
 * after another, ahead of the pages.
 */
export function rangedPages<R>(
  page: (after: string | null, upTo: string | null) => Promise<R[]>,
  boundary: (after: string | null) => Promise<string | null>,
  parallel: number,
): PageSource<R> {
  const queued: Promise<R[]>[] = [];
  let after: string | null = null;
  let planned = false; // the last range (open-ended) is queued
  const fill = async () => {
    while (!planned && queued.length < parallel) {
      const upTo = await boundary(after);
      queued.push(started(page(after, upTo)));
      if (upTo === null) planned = true;
      else after = upTo;
    }
  };
  // One fill at a time; a failed boundary read fails every later call.
  let filling: Promise<void> = Promise.resolve();
  const topUp = () => (filling = filling.then(fill));
  return async () => {
    await topUp();
    const rows = queued.shift();
    if (!rows) return null;
    const page = await rows;
    started(topUp());
    return page;
  };
}
