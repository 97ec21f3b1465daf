/**
 * Where the server meets the pure draw algorithm (src/draw/): its errors become 422s naming the field, and a
 * stored draw becomes the algorithm's input. Nothing else of the server touches src/draw/.
 */
import { commitPools, DRAW_ALGORITHM, runDraw } from '../../draw/algorithm.js';
import { DrawError } from '../../draw/draw-error.js';
import type { DrawParameters, Pools } from '../../draw/inputs.js';
import type { PoolDigests } from '../../draw/pools.js';
import { checkReveal, randomHex32 } from '../../draw/seed.js';
import { problems, type Problem } from '../../errors.js';

export { DRAW_ALGORITHM, randomHex32, type DrawParameters, type Pools };

/** A DrawError as the 422 of the request that caused it: a pointer into the task's parameters, or the secret. */
export function drawProblem(err: unknown): Problem | unknown {
  if (!(err instanceof DrawError)) return err;
  const pointer = err.code === 'too-few-inspectors-after-recusal' ? '/inspectorsPerEntity' : (err.pointer ?? '');
  return problems.unprocessable([{ in: 'body', pointer, detail: err.detail }]);
}

/** The pools' published hashes, once a draw from them is known to be possible (a 422 otherwise). */
export function digestFeasible(pools: Pools, parameters: DrawParameters): PoolDigests {
  try {
    return commitPools(pools, parameters);
  } catch (err) {
    throw drawProblem(err);
  }
}

/** 422 naming /secret unless the secret hashes to the commitment. */
export function assertSecret(secret: string, commitment: string): void {
  try {
    checkReveal(secret, commitment);
  } catch (err) {
    throw drawProblem(err);
  }
}

export function computeDraw(taskId: string, parameters: DrawParameters, pools: Pools, secret: string, contributions: string[]) {
  const { seed, result } = runDraw({ taskId, pools, parameters, secret, contributions });
  return { seed, result };
}
