import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a database query runs for, so a read can be cancelled on the server when its client goes away
 * (an abandoned search or export page would otherwise run to its end). AsyncLocalStorage follows the request's
 * async work without threading a signal through every domain function; Node and Workers (nodejs_compat) both
 * have it.
 */
const scope = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` (a request's handling) with its signal in scope. */
export const withRequestSignal = <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> => scope.run(signal, work);

/** The signal of the request the caller runs for, if any. */
export const requestSignal = (): AbortSignal | undefined => scope.getStore();
