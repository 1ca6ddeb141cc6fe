/**
 * Shared helpers for the conformance tests (not a test file itself).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import * as nodeTest from 'node:test';
import { OmicsClient, paginateListShares, type ListSharesCommandInput, type ShareDetails } from '@aws-sdk/client-omics';
import type { BuildMiddleware, DeserializeMiddleware, MetadataBearer, MiddlewareStack } from '@smithy/types';
import { parseArn, isParsedArn } from '../emulator/data';
import { DEMO_OWNER, DEMO_SUBSCRIBER } from '../emulator/generate';
import type { Emulator, EmulatorAccount, EmulatorData, ShareRecord, ShareStatus } from '../emulator/server';

export { DEMO_OWNER, DEMO_SUBSCRIBER };

export type ListSharesFilter = NonNullable<ListSharesCommandInput['filter']>;

/** A third signable account that is party to none of the demo shares. */
export const STRANGER: EmulatorAccount = {
  id: '999988887777',
  name: 'stranger',
  accessKeyId: 'AKIASTRANGER00000001',
  secretAccessKey: 'strangerSecret000000000000000000000000000',
};

export const REGION = 'us-east-1';

/** node:test's describe/it return promises the runner handles itself; these wrappers keep no-floating-promises quiet. */
export function describe(name: string, fn: () => void): void {
  void nodeTest.describe(name, fn);
}
export function it(name: string, fn: () => Promise<void> | void, options: { timeout?: number } = {}): void {
  void nodeTest.it(name, options, fn);
}

export interface ClientOptions {
  region?: string;
  maxAttempts?: number;
  sessionToken?: string;
}

export function client(
  em: Emulator,
  account: Pick<EmulatorAccount, 'accessKeyId' | 'secretAccessKey'>,
  opts: ClientOptions = {},
): OmicsClient {
  return new OmicsClient({
    region: opts.region ?? REGION,
    endpoint: em.url,
    disableHostPrefix: true,
    maxAttempts: opts.maxAttempts ?? 1,
    credentials: {
      accessKeyId: account.accessKeyId,
      secretAccessKey: account.secretAccessKey,
      ...(opts.sessionToken !== undefined ? { sessionToken: opts.sessionToken } : {}),
    },
  });
}

/** Lists every page with the SDK's own paginator (fresh input object: the paginator mutates it). */
export async function listAll(
  c: OmicsClient,
  input: () => ListSharesCommandInput,
  pageSize?: number,
): Promise<{ shares: ShareDetails[]; pages: number }> {
  const shares: ShareDetails[] = [];
  let pages = 0;
  for await (const page of paginateListShares({ client: c, ...(pageSize ? { pageSize } : {}) }, input())) {
    pages++;
    shares.push(...(page.shares ?? []));
  }
  return { shares, pages };
}

/** The shares a caller should see, in the documented server order (creationTime, then shareId). */
export function expectedShares(
  data: EmulatorData,
  caller: string,
  owner: 'SELF' | 'OTHER',
  region: string,
  filter: ListSharesFilter = {},
): ShareRecord[] {
  return data.shares
    .filter((s) => {
      const arn = parseArn(s.resourceArn);
      assert.ok(isParsedArn(arn));
      return (
        arn.region === region &&
        (owner === 'SELF' ? s.ownerId : s.principalSubscriber) === caller &&
        (!filter.resourceArns || filter.resourceArns.includes(s.resourceArn)) &&
        (!filter.status || filter.status.includes(s.status)) &&
        (!filter.type || filter.type.includes(arn.type))
      );
    })
    .sort((a, b) => {
      const ta = Date.parse(a.creationTime);
      const tb = Date.parse(b.creationTime);
      return ta !== tb ? ta - tb : a.shareId < b.shareId ? -1 : a.shareId > b.shareId ? 1 : 0;
    });
}

export function ids(shares: { shareId?: string }[]): string[] {
  return shares.map((s) => s.shareId ?? '<missing>');
}

export function assertNoDuplicates(list: string[]): void {
  assert.equal(new Set(list).size, list.length, 'duplicate share ids');
}

export type ServiceError = Error & MetadataBearer & { $fault?: string; $response?: unknown; code?: string };

/** Awaits a rejection and checks the error name (the SDK's error type); returns the error. */
export async function rejectsWith(p: Promise<unknown>, name: string, message?: RegExp): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    const err = e as ServiceError;
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    if (message) {
      assert.match(err.message, message);
    }
    return err;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

/** A share record for hand-built test data. */
export function share(p: {
  id: string;
  arn: string;
  subscriber: string;
  status?: ShareStatus;
  created?: string;
  shareName?: string;
  statusMessage?: string;
}): ShareRecord {
  const arn = parseArn(p.arn);
  assert.ok(isParsedArn(arn), p.arn);
  const created = p.created ?? '2025-01-01T00:00:00.000Z';
  return {
    shareId: p.id,
    resourceArn: p.arn,
    principalSubscriber: p.subscriber,
    ownerId: arn.account,
    status: p.status ?? 'ACTIVE',
    ...(p.statusMessage !== undefined ? { statusMessage: p.statusMessage } : {}),
    ...(p.shareName !== undefined ? { shareName: p.shareName } : {}),
    creationTime: created,
    updateTime: created,
  };
}

export const wfArn = (account: string, id: string, region = REGION): string =>
  `arn:aws:omics:${region}:${account}:workflow/${id}`;
export const vsArn = (account: string, name: string, region = REGION): string =>
  `arn:aws:omics:${region}:${account}:variantStore/${name}`;
export const asArn = (account: string, name: string, region = REGION): string =>
  `arn:aws:omics:${region}:${account}:annotationStore/${name}`;

export function listSharesCount(em: Emulator): number {
  return em.requests.filter((r) => r.operation === 'ListShares').length;
}

export interface WireRequest {
  method: string;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

type AnyCommand = { middlewareStack: unknown };

function addToStack(command: AnyCommand, step: 'build' | 'deserialize', edit: (req: WireRequest) => void): void {
  const stack = command.middlewareStack as MiddlewareStack<object, MetadataBearer>;
  if (step === 'build') {
    const mw: BuildMiddleware<object, MetadataBearer> = (next) => (args) => {
      edit(args.request as WireRequest);
      return next(args);
    };
    stack.add(mw, { step, name: 'emulatorTestEditBeforeSigning' });
  } else {
    const mw: DeserializeMiddleware<object, MetadataBearer> = (next) => (args) => {
      edit(args.request as WireRequest);
      return next(args);
    };
    stack.add(mw, { step, name: 'emulatorTestEditAfterSigning' });
  }
}

/** Edits the HTTP request before the SDK signs it (the result is correctly signed). */
export function beforeSigning<C extends AnyCommand>(command: C, edit: (req: WireRequest) => void): C {
  addToStack(command, 'build', edit);
  return command;
}

/** Edits the HTTP request after the SDK signed it (so the signature no longer matches). */
export function afterSigning<C extends AnyCommand>(command: C, edit: (req: WireRequest) => void): C {
  addToStack(command, 'deserialize', edit);
  return command;
}

/**
 * Makes the SDK send `body` instead of the serialized input, still correctly signed, so the server's own input
 * checks can be exercised.
 */
export function withRawBody<C extends AnyCommand>(command: C, body: string): C {
  return beforeSigning(command, (req) => {
    req.body = body;
    req.headers['content-length'] = String(Buffer.byteLength(body));
  });
}
