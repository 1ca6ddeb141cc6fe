/**
 * The logging seam. The VS Code layer implements `Logger` with a LogOutputChannel (which gives the user a log
 * level for free); tests and headless callers use `nullLogger`.
 */
import { redact } from './redact';

export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

const noop = (): void => undefined;

export const nullLogger: Logger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop };

type Level = keyof Logger;

/**
 * Wraps a logger so that every message and every string or Error argument goes through `redact` first: secret
 * keys, session tokens and signatures never reach the log even when an error message quotes them.
 */
export function redactingLogger(inner: Logger): Logger {
  const wrap =
    (level: Level) =>
    (message: string, ...args: unknown[]): void =>
      inner[level](redact(message), ...args.map(redactValue));
  return { trace: wrap('trace'), debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

/**
 * Strings are redacted; an Error becomes a redacted "Name: message"; other objects become redacted JSON (an
 * object could hold credentials); numbers, booleans and the like pass through unchanged.
 */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return redact(value);
  }
  if (value instanceof Error) {
    return redact(`${value.name}: ${value.message}`);
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return redact(JSON.stringify(value));
    } catch {
      return '[unserialisable object]';
    }
  }
  return value;
}
