/**
 * Test helpers: a deferred promise, share factories, and FakeSharesApi.
 *
 * FakeSharesApi is a SEAM FAKE: an in-memory implementation of the `SharesApi` interface, so the paging and
 * grouping logic can be driven deterministically (hold a response, fail one, answer late after a reset) and every
 * request and abort can be counted. It does not exercise the SDK or HTTP: that path is covered by
 * sharesApi.test.ts (real OmicsClient against a local server) and by the integration tests against the emulator.
 */
import type { Page, Share, ShareStatus, ShareStatusOrUnknown } from '../../src/core/model';
import type { ListSharesRequest, SharesApi } from '../../src/core/sharesApi';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (several rounds, for chains of awaits). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function makeShare(n: number, status: ShareStatusOrUnknown, overrides: Partial<Share> = {}): Share {
  const shareId = `share-${status.toLowerCase()}-${n}`;
  return {
    key: shareId,
    shareId,
    resourceArn: `arn:aws:omics:us-east-1:111111111111:workflow/${1000 + n}`,
    resourceId: String(1000 + n),
    resourceType: 'WORKFLOW',
    ownerId: '111111111111',
    principalSubscriber: '222222222222',
    status,
    ...overrides,
  };
}

export function abortError(): Error {
  const err = new Error('Request aborted');
  err.name = 'AbortError';
  return err;
}

export interface RecordedCall {
  req: ListSharesRequest;
  signal: AbortSignal | undefined;
  /** Settles this call (only for calls the fake did not answer by itself). */
  respond: Deferred<Page<Share>>;
}

/** Answers a request (return a Page, or throw to fail it); undefined = hold it for the test to settle. */
export type Responder = (req: ListSharesRequest) => Page<Share> | undefined;

export class FakeSharesApi implements SharesApi {
  readonly calls: RecordedCall[] = [];

  constructor(private readonly responder: Responder = () => undefined) {}

  listShares(req: ListSharesRequest, signal?: AbortSignal): Promise<Page<Share>> {
    const respond = deferred<Page<Share>>();
    this.calls.push({ req: structuredClone(req), signal, respond });
    signal?.addEventListener('abort', () => respond.reject(abortError()), { once: true });
    try {
      const page = this.responder(req);
      if (page !== undefined) {
        // Answer on a later macrotask, like a network response would.
        setImmediate(() => respond.resolve(page));
      }
    } catch (err) {
      setImmediate(() => respond.reject(err));
    }
    return respond.promise;
  }

  /** The status each call was filtered to ('*' = no status filter, 'A,B' = several). */
  statusesQueried(): string[] {
    return this.calls.map((c) => c.req.filter?.status?.join(',') ?? '*');
  }
}

/**
 * A responder over a fixed data set that filters like the service and pages by offset ("o<offset>" tokens),
 * in the data set's order.
 */
export function dataSet(shares: Share[]): Responder {
  return (req) => {
    const f = req.filter;
    const matching = shares.filter(
      (s) =>
        (!f?.status || (f.status as string[]).includes(s.status)) &&
        (!f?.type || (s.resourceType !== undefined && f.type.includes(s.resourceType))) &&
        (!f?.resourceArns || f.resourceArns.includes(s.resourceArn)),
    );
    const offset = req.nextToken === undefined ? 0 : Number(req.nextToken.slice(1));
    const end = offset + req.maxResults;
    const page: Page<Share> = { items: matching.slice(offset, end), requestId: `req-${offset}` };
    if (end < matching.length) {
      page.nextToken = `o${end}`;
    }
    return page;
  };
}

/** `count` shares of each given status, status blocks in the given order. */
export function sharesOf(counts: Partial<Record<ShareStatus, number>>): Share[] {
  return Object.entries(counts).flatMap(([status, count]) =>
    Array.from({ length: count }, (_, i) => makeShare(i, status as ShareStatus)),
  );
}
