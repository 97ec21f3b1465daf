import type { NegativeListFacts, RotationFacts } from './load-negative-list.js';
import { errorsOf, latency, num, rps, verdict, type ScenarioResult } from './report.js';

const pair = (f: Partial<Record<'ours' | 'bare', RotationFacts>> | undefined, show: (r: RotationFacts) => string) =>
  `${f?.ours ? show(f.ours) : 'n/a'} / ${f?.bare ? show(f.bare) : 'n/a'}`;

const hits = (r: RotationFacts) => `${r.withHits} of ${r.targets}${r.prohibited !== undefined ? ` (${r.prohibited} 禁止)` : ''}`;
const loadOf = (r: ScenarioResult) => (r.load ? `${r.load.before.toFixed(2)} → ${r.load.after.toFixed(2)}` : 'n/a');

/** The negative-list section: the data set, what each side answered, and both sides' figures with the ratio. */
export function formatNegativeList(nl: NegativeListFacts, results: ScenarioResult[]): string[] {
  const mine = results.filter((r) => r.scenario.negativeList);
  const lines = [
    '',
    '## Negative list: ours vs a plain tsquery lookup',
    '',
    `Data set (bench/dataset-negative-list.ts, fixed seed), written through the API as the operator (${num(nl.requests)} POSTs in ${num(nl.loadSeconds, 1)} s): ${nl.legalBases} 示例 legal bases, one published edition \`${nl.editionCode}\` (in force from 2025-06-01; every query asks asOf=2026-06-01) of ${nl.items.prohibited + nl.items.permitted} items (${nl.items.prohibited} 禁止准入类, ${nl.items.permitted} 许可准入类) holding ${nl.measures.national + nl.measures.local} measures (${nl.measures.national} national, ${nl.measures.local} 地方性许可措施; ${nl.measures.starred} ★; ${nl.measures.cited} cite an article of a legal basis), ${nl.authorities} distinct 主管部门.`,
    'Ours: createApp (src/node.ts) with query validation, the edition in force, the match or ranked search, then the matched items in full (check) or each hit with its item and described citations (search), and the response check. Bare: one SELECT of the matching measure rows (LIMIT 20 / 21), edition in force as a subquery, no ranking, no items, no citations.',
    'With hits = answers holding at least one match (check: items met, 禁止 = a 禁止准入类 one among them; search: a non-empty page), fetched once before the measurement; rows and bytes are per answer, averaged over the rotation.',
    '',
    '| scenario | rotation | with hits ours / bare | rows ours / bare | bytes ours / bare | ours req/s | ours p50 ms | ours p99 ms | ours errors | bare req/s | bare p50 ms | bare p99 ms | bare errors | ours/bare | load (1 min) |',
    '| --- | ---: | --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const r of mine) {
    const f = nl.observed[r.scenario.name];
    const { ours, bare } = r;
    lines.push(
      `| ${r.scenario.name} | ${f?.ours?.targets ?? 'n/a'} | ${pair(f, hits)} | ${pair(f, (x) => num(x.meanRows, 1))} | ${pair(f, (x) => num(x.meanBytes))} | ${rps(ours.requestsPerSec)} | ${latency(ours, ours.p50)} | ${latency(ours, ours.p99)} | ${errorsOf(ours)} | ${rps(bare.requestsPerSec)} | ${latency(bare, bare.p50)} | ${latency(bare, bare.p99)} | ${errorsOf(bare)} | ${verdict(r).ratio.toFixed(2)} | ${loadOf(r)} |`,
    );
  }
  return lines;
}
