/** Raised when no pooled connection became free in time; classified as "database unavailable" (503). */
export class PoolTimeoutError extends Error {
  readonly code = 'POOL_TIMEOUT';
  constructor(waitedMs: number) {
    super(`no database connection became free within ${waitedMs} ms`);
    this.name = 'PoolTimeoutError';
  }
}

export interface PoolGate {
  /** Runs `work` once fewer than `size` others are running; refuses after `waitMs` of waiting. */
  run<T>(work: () => PromiseLike<T>): Promise<T>;
}

/**
 * Admits at most `size` database operations (a query, or a whole transaction) at a time, one per pooled
 * connection. postgres.js queues any further query without a time limit (its connect_timeout covers
 * opening a connection, not waiting for one); here the wait is bounded and the refusal is clean, because
 * a refused operation never reached the driver.
 */
export function poolGate(size: number, waitMs: number): PoolGate {
  let running = 0;
  const waiting: Array<() => void> = [];
  const leave = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const enter = (): Promise<void> => {
    if (running < size) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(); // the leaving operation's slot passes straight to this one
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(admit), 1);
        reject(new PoolTimeoutError(waitMs));
      }, waitMs);
      waiting.push(admit);
    });
  };
  return {
    async run(work) {
      await enter();
      try {
        return await work();
      } finally {
        leave();
      }
    },
  };
}
