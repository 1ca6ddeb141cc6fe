/**
 * Helpers for the share-action tests (not a test file):
 * - `withEmulator`: the REAL local emulator (test/emulator) with two signing accounts and real OmicsClients
 *   (maxAttempts 1, so an injected fault fails exactly one call), wrapped in our OmicsShareOperations and
 *   OmicsSharesApi;
 * - `FakeClock`: a SEAM FAKE of the `Scheduler` interface (virtual time; `advance(ms)` runs due callbacks in
 *   order), so the poller's back-off is tested deterministically without real timers. The poller against real
 *   timers and the emulator is tested separately (polling.test.ts).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import type { OmicsClient } from '@aws-sdk/client-omics';
import type { Scheduler } from '../../src/core/scheduler';
import { OmicsShareOperations } from '../../src/core/shareOperations';
import { createOmicsClient, OmicsSharesApi } from '../../src/core/sharesApi';
import type { Logger } from '../../src/core/logger';
import { DEMO_OWNER, DEMO_SUBSCRIBER } from '../emulator/generate';
import { startEmulator } from '../emulator/server';
import type { Emulator, EmulatorAccount, EmulatorOptions, ShareRecord, ShareStatus } from '../emulator/server';

export const OWNER = DEMO_OWNER;
export const SUB = DEMO_SUBSCRIBER;
export const REGION = 'us-east-1';

export const wfArn = (id: string, account = OWNER.id): string => `arn:aws:omics:${REGION}:${account}:workflow/${id}`;
export const vsArn = (name: string, account = OWNER.id): string =>
  `arn:aws:omics:${REGION}:${account}:variantStore/${name}`;

/** A share record for the emulator's data file; the owner is the ARN's account. */
export function record(
  shareId: string,
  resourceArn: string,
  opts: { status?: ShareStatus; subscriber?: string; shareName?: string; created?: string } = {},
): ShareRecord {
  const created = opts.created ?? '2025-01-01T00:00:00.000Z';
  return {
    shareId,
    resourceArn,
    ownerId: resourceArn.split(':')[4] ?? '',
    principalSubscriber: opts.subscriber ?? SUB.id,
    status: opts.status ?? 'ACTIVE',
    ...(opts.shareName !== undefined ? { shareName: opts.shareName } : {}),
    creationTime: created,
    updateTime: created,
  };
}

export interface Party {
  client: OmicsClient;
  ops: OmicsShareOperations;
  api: OmicsSharesApi;
}

export interface EmulatorFixture {
  em: Emulator;
  owner: Party;
  sub: Party;
  /** A client for another account of the data (e.g. a stranger). */
  party: (account: EmulatorAccount, logger?: Logger) => Party;
}

/** Starts an emulator with OWNER and SUB (plus `extraAccounts`), runs `fn`, and always cleans up. */
export async function withEmulator(
  shares: ShareRecord[],
  fn: (fx: EmulatorFixture) => Promise<void>,
  options: Partial<Omit<EmulatorOptions, 'data'>> & { extraAccounts?: EmulatorAccount[] } = {},
): Promise<void> {
  const { extraAccounts = [], ...emulatorOptions } = options;
  const em = await startEmulator({
    port: 0,
    activationDelayMs: 50,
    deletionDelayMs: 50,
    ...emulatorOptions,
    data: { accounts: [OWNER, SUB, ...extraAccounts], shares },
  });
  const clients: OmicsClient[] = [];
  const party = (account: EmulatorAccount, logger?: Logger): Party => {
    const client = createOmicsClient({
      region: REGION,
      endpoint: em.url,
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
      maxAttempts: 1,
    });
    clients.push(client);
    return { client, ops: new OmicsShareOperations(client, { logger }), api: new OmicsSharesApi(client) };
  };
  try {
    await fn({ em, owner: party(OWNER), sub: party(SUB), party });
  } finally {
    clients.forEach((c) => c.destroy());
    await em.close();
  }
}

/** Resolves after `ms` real milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 10 ms until it returns true (real time), failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('waitFor: timed out');
    }
    await sleep(10);
  }
}

/** Calls `read` every 10 ms until `ok` holds (real time); returns the last value, even on timeout. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) {
      return value;
    }
    await sleep(10);
  }
}

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** SEAM FAKE of `Scheduler` (see the module comment): virtual time that only moves in `advance`. */
export class FakeClock implements Scheduler {
  now = 0;
  private timers: Timer[] = [];
  private nextId = 1;
  /** Every delay ever requested, in order: the back-off sequence under test. */
  readonly requested: number[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, due: this.now + ms, callback };
    this.timers.push(timer);
    this.requested.push(ms);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, running every timer that falls due on the way, in due order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (next === undefined || next.due > end) {
        break;
      }
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.due;
      next.callback();
    }
    this.now = end;
  }
}
