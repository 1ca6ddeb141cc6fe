/**
 * Command line for the HealthOmics share emulator:
 *
 *   node out/test/emulator/cli.js --port P --data FILE|demo [--activation-delay MS] [--deletion-delay MS]
 *                                 [--page-size N] [--mfa-code CODE] [--verbose]
 *
 * Binds 127.0.0.1 only and prints exactly `HealthOmics emulator listening on http://127.0.0.1:P` once listening.
 */
import { DataValidationError, loadDataFile, resolveDataArg } from './data';
import { MAX_PAGE_SIZE, startEmulator, type Emulator } from './server';

export const USAGE = `Usage: node out/test/emulator/cli.js [--port P] [--data FILE|demo] [options]
  --port P                 port on 127.0.0.1 (default 0: a free port, printed)
  --data FILE|demo         data file, or "demo" for test/emulator/data/demo.json (default demo)
  --activation-delay MS    ACTIVATING -> ACTIVE delay after AcceptShare (default 2000)
  --deletion-delay MS      DELETING -> DELETED delay after DeleteShare (default 2000)
  --page-size N            ListShares page size when maxResults is not sent, 1-${MAX_PAGE_SIZE} (default 50)
  --mfa-code CODE          the MFA code STS AssumeRole accepts (6 digits, default 123456)
  --verbose                print one line per API request
  --help                   show this help`;

export interface CliOptions {
  port: number;
  data: string;
  activationDelayMs?: number;
  deletionDelayMs?: number;
  pageSize?: number;
  mfaCode?: string;
  verbose: boolean;
  help: boolean;
}

export class UsageError extends Error {}

function intArg(flag: string, v: string | undefined, min: number, max: number): number {
  if (v === undefined || v.startsWith('--')) {
    throw new UsageError(`${flag} needs a value`);
  }
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${v}"`);
  }
  return Number(v);
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { port: 0, data: 'demo', verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    const noValue = (): void => {
      if (inline !== undefined) {
        throw new UsageError(`${flag} takes no value`);
      }
    };
    switch (flag) {
      case '--port':
        opts.port = intArg(flag, value(), 0, 65535);
        break;
      case '--data': {
        const v = value();
        if (v === undefined || v === '' || v.startsWith('--')) {
          throw new UsageError('--data needs a file name or "demo"');
        }
        opts.data = v;
        break;
      }
      case '--activation-delay':
        opts.activationDelayMs = intArg(flag, value(), 0, 3_600_000);
        break;
      case '--deletion-delay':
        opts.deletionDelayMs = intArg(flag, value(), 0, 3_600_000);
        break;
      case '--page-size':
        opts.pageSize = intArg(flag, value(), 1, MAX_PAGE_SIZE);
        break;
      case '--mfa-code': {
        const v = value();
        if (v === undefined || !/^\d{6}$/.test(v)) {
          throw new UsageError('--mfa-code needs a 6-digit code');
        }
        opts.mfaCode = v;
        break;
      }
      case '--verbose':
        noValue();
        opts.verbose = true;
        break;
      case '--help':
      case '-h':
        noValue();
        opts.help = true;
        break;
      default:
        throw new UsageError(arg.startsWith('-') ? `Unknown option ${flag}` : `Unexpected argument "${arg}"`);
    }
  }
  return opts;
}

/** Runs the CLI; resolves with the exit code once the emulator has stopped (or failed to start). */
export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let emulator: Emulator;
  try {
    const data = loadDataFile(resolveDataArg(opts.data));
    emulator = await startEmulator({
      port: opts.port,
      host: '127.0.0.1',
      data,
      activationDelayMs: opts.activationDelayMs,
      deletionDelayMs: opts.deletionDelayMs,
      defaultPageSize: opts.pageSize,
      ...(opts.mfaCode ? { sts: { mfaCode: opts.mfaCode } } : {}),
      log: opts.verbose ? (line) => process.stdout.write(`${line}\n`) : undefined,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof DataValidationError) {
      process.stderr.write(`${err.message}\n`);
    } else if (err.code === 'EADDRINUSE') {
      process.stderr.write(`Port ${opts.port} is already in use\n`);
    } else if (err.code === 'EACCES') {
      process.stderr.write(`Permission denied to listen on port ${opts.port}\n`);
    } else {
      process.stderr.write(`Cannot start the emulator: ${err.message}\n`);
    }
    return 1;
  }
  process.stdout.write(`HealthOmics emulator listening on ${emulator.url}\n`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      emulator.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

// Run as a CLI, but not when a test runner merely loads every file under out/test.
if (require.main === module && !(process.env.NODE_TEST_CONTEXT && process.argv.length <= 2)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
