/**
 * The negative list's two reads over the bench edition (bench/dataset-negative-list.ts), ours beside a bare
 * handler (bench/bare-server.ts) answering the same path with one plain indexed SELECT on the same measure
 * rows: a `to_tsquery @@ search_vector` (or `authorities @>`) lookup, LIMIT 20, no ranking, no items, no
 * citations. A side-by-side comparison, so no overhead target applies. Each side's answers to its rotation are
 * fetched once before the measurement and recorded, so a broken query cannot pass as a fast one.
 */
import type { Dataset } from './dataset.js';
import type { RotationFacts } from './load-negative-list.js';
import type { Prepare, Scenario } from './scenarios.js';

const NL_CHECK = 'negative-list-check';
const NL_SEARCH = 'negative-list-search';

interface CheckBody {
  listed?: boolean;
  prohibited?: boolean;
  matches?: { item?: { category?: string }; category?: string }[];
}

/** Replays the rotation; first reads every answer once and records what it held. */
function rotation(name: string, side: 'ours' | 'bare'): Prepare {
  return async (base, data: Dataset) => {
    const nl = data.negativeList;
    if (!nl) throw new Error('negative-list scenarios need the negative-list data set (bench/load-negative-list.ts)');
    const path = name === NL_CHECK ? '/v1/negative-list/check' : '/v1/negative-list/measures';
    const targets = (name === NL_CHECK ? nl.checks : nl.searches).map((q) => ({ path: `${path}?${q}` }));
    const facts: RotationFacts = { targets: targets.length, withHits: 0, meanRows: 0, meanBytes: 0 };
    if (name === NL_CHECK) facts.prohibited = 0;
    for (const { path: p } of targets) {
      const res = await fetch(base + p);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${side}: GET ${p} answered ${res.status}: ${text.slice(0, 300)}`);
      facts.meanBytes += Buffer.byteLength(text);
      const body = JSON.parse(text) as CheckBody & { items?: unknown[] };
      const rows = name === NL_CHECK ? (body.matches?.length ?? 0) : (body.items?.length ?? 0);
      facts.meanRows += rows;
      if (rows > 0) facts.withHits++;
      if (name === NL_CHECK && body.matches?.some((m) => (m.item?.category ?? m.category) === 'prohibited')) facts.prohibited!++;
    }
    facts.meanRows /= targets.length;
    facts.meanBytes /= targets.length;
    if (!facts.withHits) throw new Error(`${side}: no query of the ${name} rotation found anything`);
    if (name === NL_CHECK && side === 'ours' && facts.withHits === targets.length) throw new Error('ours: every check matched: the 非禁即入 queries are not free');
    (nl.observed[name] ??= {})[side] = facts;
    return targets;
  };
}

export const negativeListScenarios: Scenario[] = [
  {
    name: NL_CHECK,
    description:
      'GET /v1/negative-list/check?activity=…&asOf=2026-06-01[&region|&industry], ~200 activities in rotation (about two thirds meet an item, a third are 非禁即入), against bare `SELECT … FROM negative_list_measures WHERE edition_id = (edition in force) AND <national or the region’s> AND search_vector @@ to_tsquery(word | word …) LIMIT 20`',
    expectStatus: 200,
    ours: rotation(NL_CHECK, 'ours'),
    bare: rotation(NL_CHECK, 'bare'),
    versus: 'plain tsquery lookup',
    negativeList: true,
  },
  {
    name: NL_SEARCH,
    description:
      'GET /v1/negative-list/measures?q=…|authority=…&asOf=2026-06-01 (first page of 20; q ranked), ~70 keyword and 主管部门 queries in rotation, against bare `SELECT … FROM negative_list_measures WHERE edition_id = (edition in force) AND (search_vector @@ to_tsquery(q) | authorities @> {a}) LIMIT 20`',
    expectStatus: 200,
    ours: rotation(NL_SEARCH, 'ours'),
    bare: rotation(NL_SEARCH, 'bare'),
    versus: 'plain tsquery lookup',
    negativeList: true,
  },
];
