/**
 * Fault injection (options API and HTTP control endpoint) and how the real SDK reacts to each fault.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { GetShareCommand, ListSharesCommand, type OmicsClient } from '@aws-sdk/client-omics';
import {
  startEmulator,
  type Emulator,
  type EmulatorData,
  type FaultSpec,
  type RequestRecord,
} from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  client,
  describe,
  it,
  rejectsWith,
  share,
  wfArn,
  type ServiceError,
} from './helpers';

const data: EmulatorData = {
  accounts: [OWNER, SUB],
  shares: [share({ id: 's1', arn: wfArn(OWNER.id, '1'), subscriber: SUB.id })],
};

let em: Emulator;
const clients: OmicsClient[] = [];
const mk = (account = OWNER, maxAttempts = 1): OmicsClient => {
  const c = client(em, account, { maxAttempts });
  clients.push(c);
  return c;
};
const list = (c: OmicsClient) => c.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
const statuses = (): number[] => em.requests.map((r) => r.status);

before(async () => {
  em = await startEmulator({ data });
});
beforeEach(() => {
  em.clearFaults();
  em.clearRequests();
});
after(async () => {
  for (const c of clients) {
    c.destroy();
  }
  await em.close();
});

describe('throttling', () => {
  it('N < maxAttempts: the SDK retries to success', async () => {
    em.setFaults({ throttle: { count: 1 } });
    const out = await list(mk(OWNER, 2));
    assert.equal(out.shares?.length, 1);
    assert.equal(out.$metadata.attempts, 2);
    assert.deepEqual(statuses(), [429, 200]);
    assert.equal(em.requests[0]?.errorType, 'ThrottlingException');
    assert.equal(em.requests[0]?.fault, 'throttle');
  });

  it('N ≥ maxAttempts: ThrottlingException after every attempt', async () => {
    em.setFaults({ throttle: { count: 2 } });
    const e = await rejectsWith(list(mk(OWNER, 2)), 'ThrottlingException', /Rate exceeded/);
    assert.equal(e.$metadata.httpStatusCode, 429);
    assert.equal(e.$metadata.attempts, 2);
    assert.deepEqual(statuses(), [429, 429]);
    assert.deepEqual(em.getFaults(), {}, 'the count is used up');
  });
});

describe('server errors', () => {
  it('500 InternalServerException is retried by the SDK (maxAttempts 3)', async () => {
    em.setFaults({ serverError: { count: 2 } });
    const out = await list(mk(OWNER, 3));
    assert.equal(out.$metadata.attempts, 3);
    assert.deepEqual(statuses(), [500, 500, 200]);
  });

  it('503 is reported as a server fault when attempts run out', async () => {
    em.setFaults({ serverError: { count: 1, status: 503 } });
    const e = await rejectsWith(list(mk()), 'ServiceUnavailableException');
    assert.equal(e.$metadata.httpStatusCode, 503);
    assert.equal(e.$fault, 'server');
    em.setFaults({ serverError: { count: 1 } });
    const e2 = await rejectsWith(list(mk()), 'InternalServerException');
    assert.equal(e2.$fault, 'server');
  });

  it('faults can be limited to an operation and/or an account', async () => {
    em.setFaults({ serverError: { count: 5, operation: 'GetShare', account: SUB.id } });
    await list(mk(SUB));
    await mk(OWNER).send(new GetShareCommand({ shareId: 's1' }));
    await rejectsWith(mk(SUB).send(new GetShareCommand({ shareId: 's1' })), 'InternalServerException');
    assert.deepEqual(statuses(), [200, 200, 500]);
    assert.equal(em.getFaults().serverError?.count, 4);
    em.setFaults({ throttle: { count: 1, operation: ['GetShare', 'ListShares'] } });
    await rejectsWith(list(mk(SUB)), 'ThrottlingException');
  });
});

describe('latency', () => {
  it('adds global latency and per-account latency', async () => {
    em.setFaults({ latencyMs: 50, latencyByAccount: { [SUB.id]: 150 } });
    const t0 = Date.now();
    await list(mk(SUB));
    const subElapsed = Date.now() - t0;
    await list(mk(OWNER));
    const [subRec, ownerRec] = em.requests as [RequestRecord, RequestRecord];
    assert.equal(subRec.latencyMs, 200);
    assert.equal(ownerRec.latencyMs, 50);
    assert.ok(subElapsed >= 190, `elapsed ${subElapsed} ms`);
    assert.ok(subRec.durationMs >= 190);
  });
});

describe('malformed body and dropped connection', () => {
  it('a 200 with a non-JSON body surfaces as a deserialization error', async () => {
    em.setFaults({ malformedBody: { count: 1 } });
    const e = await rejectsWith(list(mk()), 'SyntaxError', /Deserialization error/);
    assert.equal(e.$metadata.httpStatusCode, 200);
    assert.equal(em.requests[0]?.fault, 'malformedBody');
    assert.equal((await list(mk())).shares?.length, 1, 'the next request is fine');
  });

  it('a custom malformed body is sent as is', async () => {
    em.setFaults({ malformedBody: { count: 1, body: '<html>oops</html>' } });
    await rejectsWith(list(mk()), 'SyntaxError');
  });

  it('a dropped connection fails a single attempt and is retried by the SDK otherwise', async () => {
    em.setFaults({ dropConnection: { count: 1 } });
    const e = (await list(mk()).then(
      () => assert.fail('expected a network error'),
      (err: unknown) => err,
    )) as ServiceError;
    assert.match(`${e.code ?? ''} ${e.message}`, /ECONNRESET|socket hang up/);
    assert.equal(em.requests[0]?.status, 0);
    assert.equal(em.requests[0]?.fault, 'dropConnection');
    em.setFaults({ dropConnection: { count: 1 } });
    const out = await list(mk(OWNER, 2));
    assert.equal(out.$metadata.attempts, 2);
  });
});

describe('HTTP control endpoint', () => {
  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${em.url}/__emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json() };
  };

  it('sets, reads and clears faults without a signature, and is not logged', async () => {
    const spec: FaultSpec = { throttle: { count: 2, operation: 'ListShares' }, latencyMs: 5 };
    const set = await control('POST', 'faults', spec);
    assert.equal(set.status, 200);
    assert.deepEqual(set.json, spec);
    await rejectsWith(list(mk()), 'ThrottlingException');
    assert.deepEqual((await control('GET', 'faults')).json, {
      throttle: { count: 1, operation: 'ListShares' },
      latencyMs: 5,
    });
    assert.equal((await control('DELETE', 'faults')).status, 200);
    assert.deepEqual(em.getFaults(), {});
    await list(mk());
    const logged = (await control('GET', 'requests?operation=ListShares')).json as { requests: RequestRecord[] };
    assert.deepEqual(
      logged.requests.map((r) => r.status),
      [429, 200],
    );
    assert.equal(logged.requests[0]?.account, OWNER.id);
    assert.equal(
      ((await control('GET', `requests?account=${SUB.id}`)).json as { requests: unknown[] }).requests.length,
      0,
    );
    assert.deepEqual((await control('DELETE', 'requests')).json, { cleared: 2 });
    assert.equal(em.requests.length, 0);
  });

  it('health and shares report the state; bad input is a 400 with a message', async () => {
    assert.deepEqual((await control('GET', 'health')).json, { status: 'ok', accounts: 2, shares: 1, requests: 0 });
    const shares = (await control('GET', 'shares')).json as { shares: { shareId: string }[] };
    assert.deepEqual(
      shares.shares.map((s) => s.shareId),
      ['s1'],
    );
    for (const bad of ['{', { throttle: { count: -1 } }, { nope: 1 }, { throttle: { count: 1, operation: 'Foo' } }]) {
      const r = await control('POST', 'faults', bad);
      assert.equal(r.status, 400);
      assert.match((r.json as { message: string }).message, /./);
    }
    assert.equal((await control('GET', 'nope')).status, 404);
    assert.throws(() => em.setFaults({ latencyMs: -1 }), /latencyMs/);
  });
});
