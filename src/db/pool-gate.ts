/** Raised when the database did not take an operation in time; classified as "database unavailable" (503). */
class PoolTimeoutError extends Error {
  readonly code = 'POOL_TIMEOUT';
  constructor(waitedMs: number) {
    super(`the database did not take the operation within ${waitedMs} ms`);
    this.name = 'PoolTimeoutError';
  }
}

/**
 * `work`, or PoolTimeoutError once `ms` have passed. The operation itself goes on (its statement_timeout
 * ends it at worst); only the request stops waiting for it.
 */
export function withDeadline<T>(work: PromiseLike<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new PoolTimeoutError(ms)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface PoolGate {
  /** Runs `work` once fewer than `size` others are running; refuses after `waitMs` of waiting. */
  run<T>(work: () => PromiseLike<T>): Promise<T>;
}

/**
 * Admits at most `size` transactions at a time, one per pooled connection. postgres.js queues any further
 * one without a time limit (its connect_timeout covers opening a connection, not waiting for one); here the
 * wait is bounded and the refusal is clean, because a refused transaction never reached the driver.
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
