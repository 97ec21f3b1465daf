/**
 * Chinese word segmentation for search. Neither PostgreSQL nor PGlite ships a Chinese parser, so the
 * app segments text with ICU (Intl.Segmenter, available on Node and Workers) and stores the words
 * space-separated; PostgreSQL's `simple` configuration then indexes them as they are.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The word-like segments of a text, lower-cased (Latin letters and digits pass through as words). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC'))) {
    if (part.isWordLike) out.push(part.segment.toLowerCase());
  }
  return out;
}

/** Text to store for the `simple` tsvector: the words joined by spaces. */
export function searchText(...parts: (string | null | undefined)[]): string {
  // Part by part: a line break always ends a word (UAX #29), so this is the segmentation of the joined text.
  return parts.flatMap((part) => (part ? partWords(part) : [])).join(' ');
}

/**
 * Segmentation is the costliest step of a write (ICU's dictionary), and a batch of decisions repeats most of
 * its texts: the violation, its legal basis, the agency's name. Each distinct text is segmented once while it
 * stays among the last SEGMENTED_TEXTS; the memo starts over when full, so its memory is bounded.
 */
const SEGMENTED_TEXTS = 2000;
const segmented = new Map<string, string[]>();

function partWords(part: string): string[] {
  let found = segmented.get(part);
  if (found === undefined) {
    if (segmented.size >= SEGMENTED_TEXTS) segmented.clear();
    segmented.set(part, (found = words(part)));
  }
  return found;
}

/**
 * A tsquery (simple config) for a user's query: its words must appear as a phrase. Words are quoted as
 * lexemes so no user character acts as tsquery syntax. Empty when the query has no word-like text.
 */
export function phraseQuery(query: string): string {
  return words(query).map(lexeme).join(' <-> ');
}

/** A tsquery matching words that begin with each of the query's words (道路 finds 道路运输 too). */
export function prefixQuery(query: string): string {
  return words(query)
    .map((w) => lexeme(w) + ':*')
    .join(' & ');
}

/** A quoted tsquery lexeme: no user character can act as tsquery syntax. */
export function lexeme(word: string): string {
  return `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
}
