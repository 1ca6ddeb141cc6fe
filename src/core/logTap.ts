/**
 * Keeps the last lines given to a logger (every level, whatever the channel's log level), so the extension's
 * API can show what reached the log: the security tests scan it for secrets after a full run.
 */
import type { Logger } from './logger';

type Level = keyof Logger;
const LEVELS: Level[] = ['trace', 'debug', 'info', 'warn', 'error'];

export interface LogTap {
  /** Forwards to the inner logger and records `[level] message args…` lines. */
  readonly logger: Logger;
  /** The recorded lines, oldest first (at most `capacity`). */
  lines(): readonly string[];
  clear(): void;
}

export function tapLogger(inner: Logger, capacity = 5000): LogTap {
  let lines: string[] = [];
  const record = (level: Level, message: string, args: unknown[]) => {
    lines.push([`[${level}]`, message, ...args.map((a) => (typeof a === 'string' ? a : String(a)))].join(' '));
    if (lines.length > capacity + 1000) {
      lines = lines.slice(lines.length - capacity); // trimmed in batches: O(1) amortised per line
    }
  };
  const logger = Object.fromEntries(
    LEVELS.map((level) => [
      level,
      (message: string, ...args: unknown[]) => {
        record(level, message, args);
        inner[level](message, ...args);
      },
    ]),
  ) as unknown as Logger;
  return {
    logger,
    lines: () => (lines.length > capacity ? lines.slice(lines.length - capacity) : lines),
    clear: () => {
      lines = [];
    },
  };
}
