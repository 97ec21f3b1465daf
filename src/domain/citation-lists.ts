import type { Db } from '../db/client.js';
import { chinaDate } from '../lib/validity.js';
import type { Citation, CitationInput } from '../schemas/citations.js';
import { describeCitations } from './citations.js';

/**
 * The citation lists of a page of records, described with their validity today (a repealed text is
 * flagged), in one describeCitations call however many records the page holds.
 */
export async function describeCitationLists(db: Db, lists: CitationInput[][], now: Date): Promise<Citation[][]> {
  const described = await describeCitations(db, lists.flat(), chinaDate(now));
  let offset = 0;
  return lists.map((list) => {
    const mine = described.slice(offset, offset + list.length);
    offset += list.length;
    return mine;
  });
}
