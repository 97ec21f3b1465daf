import fc from 'fast-check';
import type { GenContext } from './schema-arbitrary.js';
import type { Harvest } from './setup.js';
import type { ServedSpec } from './spec.js';

// Which list's ids fit a field: agencyId, leadAgencyId, participatingAgencyIds -> agencies, and so on.
const POOL_BY_WORD: [RegExp, string][] = [
  [/agenc/i, 'agencies'],
  [/legalBasis|legal-bases|amends/i, 'legal-bases'],
  [/benchmark/i, 'discretion-benchmarks'],
  [/power/i, 'powers'],
  [/officer/i, 'officers'],
  [/campaign/i, 'campaigns'],
  [/penalt/i, 'penalties'],
  [/licence/i, 'licences'],
  [/enforcement-actions|action/i, 'enforcement-actions'],
  [/key/i, 'keys'],
];

/**
 * Generator contexts: one for schema-valid values, one that mutates. Ids are generated as placeholders
 * (see idPlaceholder) that the sender binds to a record of the named list, so records created during the
 * run are reached too and a seed still generates the same requests.
 */
export function genContexts(spec: ServedSpec, harvest: Harvest): { valid: GenContext; mutated: GenContext } {
  const cache = new Map<string, fc.Arbitrary<string>>();
  const idFor = (name: string | undefined): fc.Arbitrary<string> => {
    const key = name ?? '';
    let arb = cache.get(key);
    if (!arb) {
      const pool = name === undefined ? '*' : POOL_BY_WORD.find(([re]) => re.test(name))?.[1] ?? name;
      arb = fc.oneof(
        { arbitrary: fc.nat(9999).map((i) => idPlaceholder(pool, i)), weight: 10 },
        { arbitrary: fc.nat(9999).map((i) => idPlaceholder('*', i)), weight: 1 },
        { arbitrary: fc.uuid({ version: 7 }), weight: 1 },
      );
      cache.set(key, arb);
    }
    return arb;
  };
  const base = { deref: spec.deref, idFor, seen: (name: string | undefined) => (name ? harvest.seen.get(name) ?? [] : []) };
  return { valid: { ...base, mutate: false }, mutated: { ...base, mutate: true } };
}

/** Stands for the i-th record (modulo) of a list; '*' for any list. Mutations that change it leave a bad id. */
const idPlaceholder = (pool: string, i: number) => `@@${pool}#${i}@@`;
const PLACEHOLDER = /@@([\w*-]+)#(\d+)@@/g;

/** Replaces placeholders with real ids; a list with no records yet gives an unknown id. */
export function bindIds(text: string, pools: Map<string, string[]>): string {
  if (!text.includes('@@')) return text;
  return text.replace(PLACEHOLDER, (_, pool: string, i: string) => {
    const ids = pool === '*' ? [...pools.values()].flat() : pools.get(pool) ?? [];
    return ids.length ? ids[Number(i) % ids.length]! : `019${i.padStart(5, '0')}-0000-7000-8000-000000000000`;
  });
}
