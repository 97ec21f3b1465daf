import { derivedEtag } from './versioning.js';
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

/** A `publish` for records that cite legal texts: the page's citations described at once, then each record presented. */
export function publishCiting<Row extends { citations: CitationInput[] }, Published>(present: (row: Row, citations: Citation[]) => Published) {
  return async (db: Db, rows: Row[], now: Date): Promise<Published[]> => {
    const lists = await describeCitationLists(db, rows.map((r) => r.citations), now);
    return rows.map((row, i) => present(row, lists[i]!));
  };
}

/**
 * The strong ETag of a record that cites legal texts: its version plus a digest of its citations as
 * described on read (cited date, titles, validity), so a conditional GET sees the change when a cited
 * text is repealed or renamed. If-Match compares the version part only (assertIfMatch).
 */
export function citingEtag(version: number, citations: Citation[]): string {
  return derivedEtag(version, JSON.stringify(citations));
}
