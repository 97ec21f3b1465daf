import { DRAW_ALGORITHM, type DrawResult, runDraw } from './algorithm.js';
import { DrawError } from './draw-error.js';
import type { Pools } from './inputs.js';
import { canonicalPools, type PoolDigest, poolDigests } from './pools.js';
import type { DrawVerification, PublishedDraw } from './published.js';
import { commitmentOf, seedOf } from './seed.js';

/* Recomputes a published draw from its JSON alone (docs/draw-algorithm.md#verify). */

type VerifyCheck = DrawVerification['checks'][number];

type Revealed = PublishedDraw & { secret: string; seed: string; revealedAt: string; result: DrawResult };

/** The inline pools, or a DrawError when the draw cannot be recomputed at all (not revealed, pools left out). */
function usable(draw: PublishedDraw): { draw: Revealed; pools: Pools } {
  if (draw.secret === null || draw.seed === null || draw.revealedAt === null || draw.result === null) {
    throw new DrawError('not-revealed', `The draw of task ${draw.taskId} is ${draw.status} and not revealed: there is no result to recompute yet.`);
  }
  const { entities, inspectors, conflicts } = draw.pools;
  if (!entities.items || !inspectors.items || !conflicts.items) {
    throw new DrawError('pools-missing', 'The pools are not included: fetch the draw with ?include=pools.', { pointer: '/pools' });
  }
  return { draw: draw as Revealed, pools: { entities: entities.items, inspectors: inspectors.items, conflicts: conflicts.items } };
}

/** The value, or the DrawError that stopped it (any other error is a bug, and thrown). */
function orDrawError<T>(fn: () => T): T | DrawError {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DrawError) return err;
    throw err;
  }
}

const short = (d: PoolDigest) => `${d.count} entries, sha256 ${d.sha256}`;
const digestCheck = (name: string, published: PoolDigest, recomputed: PoolDigest): VerifyCheck => {
  const ok = published.count === recomputed.count && published.sha256 === recomputed.sha256;
  return { name, ok, detail: ok ? short(published) : `published ${short(published)}; recomputed ${short(recomputed)}` };
};

function firstDifference(published: DrawResult, recomputed: DrawResult): string | null {
  const line = (s: DrawResult['selections'][number] | undefined) => (s ? `${s.entityId} (${s.stratum}) → ${s.inspectorIds.join(', ')}` : 'nothing');
  const n = Math.max(published.selections.length, recomputed.selections.length);
  for (let i = 0; i < n; i++) {
    const [p, r] = [published.selections[i], recomputed.selections[i]];
    if (p?.seq !== r?.seq || line(p) !== line(r)) return `selection ${i + 1}: published ${line(p)}; recomputed ${line(r)}`;
  }
  const [p, r] = [published.overShare.join(', '), recomputed.overShare.join(', ')];
  return p === r ? null : `overShare: published [${p}]; recomputed [${r}]`;
}

/** Each check of a published, revealed draw with its pools; throws a DrawError when there is nothing to check. */
export function verifyDraw(bundle: PublishedDraw): DrawVerification {
  const { draw, pools } = usable(bundle);
  const known = draw.algorithm === DRAW_ALGORITHM;
  const checks: VerifyCheck[] = [{ name: 'algorithm', ok: known, detail: known ? draw.algorithm : `${draw.algorithm} is not ${DRAW_ALGORITHM}, the version this verifier implements` }];
  const check = (name: string, run: () => Omit<VerifyCheck, 'name'>) => {
    const outcome = orDrawError(run);
    checks.push(outcome instanceof DrawError ? { name, ok: false, detail: outcome.detail } : { name, ...outcome });
  };

  const digests = orDrawError(() => poolDigests(canonicalPools(pools)));
  for (const p of ['entities', 'inspectors', 'conflicts'] as const) {
    checks.push(digests instanceof DrawError ? { name: `pools.${p}`, ok: false, detail: digests.detail } : digestCheck(`pools.${p}`, draw.pools[p], digests[p]));
  }
  const seqs = draw.contributions.map((c) => c.seq).sort((a, b) => a - b);
  check('contributions', () => {
    const ok = seqs.every((s, i) => s === i + 1);
    const n = seqs.length;
    return { ok, detail: ok ? (n === 0 ? 'none' : `${n}, numbered 1…${n}`) : `numbered ${seqs.join(', ')}, not 1…${n}` };
  });
  check('timeline', () => timeline(draw));
  check('commitment', () => {
    const ok = commitmentOf(draw.secret) === draw.commitment;
    return { ok, detail: ok ? 'SHA-256(secret) equals the commitment' : 'SHA-256(secret) differs from the commitment' };
  });

  const contributions = [...draw.contributions].sort((a, b) => a.seq - b.seq).map((c) => c.value);
  const input = { taskId: draw.taskId, pools, parameters: draw.parameters, secret: draw.secret, contributions };
  check('seed', () => {
    if (!known) return { ok: false, detail: 'not recomputed: unknown algorithm' };
    if (digests instanceof DrawError) throw digests;
    const seed = seedOf({ ...input, algorithm: DRAW_ALGORITHM, digests });
    return { ok: seed === draw.seed, detail: seed === draw.seed ? seed : `published ${draw.seed}; recomputed ${seed}` };
  });
  check('result', () => {
    if (!known) return { ok: false, detail: 'not recomputed: unknown algorithm' };
    const difference = firstDifference(draw.result, runDraw(input).result);
    return { ok: difference === null, detail: difference ?? `${draw.result.selections.length} selections and overShare recomputed identically` };
  });
  return { match: checks.every((c) => c.ok), checks };
}

/** Contributions came after the commit and before the window closed, and the reveal after that. */
function timeline(draw: Revealed): Omit<VerifyCheck, 'name'> {
  const t = Date.parse;
  // The platform's own contribution is made at the reveal, after the window (docs/draw-algorithm.md#steps).
  const atReveal = (c: Revealed['contributions'][number]) => c.by === 'platform' && t(c.at) === t(draw.revealedAt);
  const late = draw.contributions.filter((c) => !atReveal(c) && (t(c.at) < t(draw.committedAt) || t(c.at) > t(draw.contributionsCloseAt)));
  if (late.length > 0) return { ok: false, detail: `contribution ${late[0]!.seq} at ${late[0]!.at} is outside ${draw.committedAt} … ${draw.contributionsCloseAt}` };
  if (t(draw.revealedAt) < t(draw.contributionsCloseAt)) return { ok: false, detail: `revealed at ${draw.revealedAt}, before contributions closed at ${draw.contributionsCloseAt}` };
  return { ok: true, detail: `committed ${draw.committedAt}, contributions until ${draw.contributionsCloseAt}, revealed ${draw.revealedAt}` };
}
