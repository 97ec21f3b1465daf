import type { Db } from '../db/client.js';
import { expireDuePenalties } from './penalties/lifecycle.js';

const BATCH = 500;

/**
 * The expiry sweep: every published penalty whose 公示截止期 is before today (Beijing) becomes `expired`, with
 * its feed event. Batches of 500, each its own transaction, so a big backlog never holds one long lock; rows
 * another sweep has locked are skipped (it expires them). Licences and other actions have no publicity end.
 */
export async function expireDue(db: Db, now: Date, limit = Infinity): Promise<number> {
  let total = 0;
  while (total < limit) {
    const want = Math.min(BATCH, limit - total);
    const n = await expireDuePenalties(db, now, want);
    total += n;
    if (n < want) break;
  }
  return total;
}

export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
