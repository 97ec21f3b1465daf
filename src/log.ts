import type { Logger, LogLevel } from './context.js';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One JSON line per event on stderr; callers pass only fields that are safe to publish. */
export function jsonLogger(min: LogLevel): Logger {
  return (level, message, fields) => {
    if (order[level] < order[min]) return;
    console.error(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  };
}
