/**
 * ListShares semantics: SELF/OTHER, filters, input validation, page tokens, paging completeness and concurrency.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  CreateShareCommand,
  DeleteShareCommand,
  ListSharesCommand,
  type ListSharesCommandInput,
  type OmicsClient,
} from '@aws-sdk/client-omics';
import { generateData } from '../emulator/generate';
import { startEmulator, type Emulator, type EmulatorData } from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  REGION,
  STRANGER,
  assertNoDuplicates,
  client,
  describe,
  expectedShares,
  ids,
  it,
  listAll,
  rejectsWith,
  withRawBody,
  wfArn,
  type ListSharesFilter,
} from './helpers';

const data: EmulatorData = generateData({ shares: 300, seed: 7 });
data.accounts.push(STRANGER);

let em: Emulator;
let owner: OmicsClient;
let sub: OmicsClient;
let stranger: OmicsClient;

before(async () => {
  em = await startEmulator({ data });
  owner = client(em, OWNER);
  sub = client(em, SUB);
  stranger = client(em, STRANGER);
});
after(async () => {
  for (const c of [owner, sub, stranger]) {
    c.destroy();
  }
  await em.close();
});

const expectIds = (caller: string, resourceOwner: 'SELF' | 'OTHER', filter?: ListSharesFilter): string[] =>
  ids(expectedShares(data, caller, resourceOwner, REGION, filter));

describe('SELF and OTHER', () => {
  it('SELF lists the shares the caller owns; OTHER the shares offered to it (PENDING included)', async () => {
    for (const [c, id] of [
      [owner, OWNER.id],
      [sub, SUB.id],
    ] as const) {
      for (const resourceOwner of ['SELF', 'OTHER'] as const) {
        const { shares } = await listAll(c, () => ({ resourceOwner }), 100);
        const expected = expectIds(id, resourceOwner);
        assert.ok(expected.length > 10, 'the generated data gives every combination some shares');
        assert.deepEqual(ids(shares), expected);
        for (const s of shares) {
          assert.equal(resourceOwner === 'SELF' ? s.ownerId : s.principalSubscriber, id);
        }
      }
    }
    const { shares } = await listAll(sub, () => ({ resourceOwner: 'OTHER', filter: { status: ['PENDING'] } }));
    assert.ok(shares.length > 0);
  });

  it('an account with no shares gets {shares: []} and no nextToken', async () => {
    const out = await stranger.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
    assert.deepEqual(out.shares, []);
    assert.equal(out.nextToken, undefined);
  });
});

describe('filters', () => {
  it('each field alone, OR within a field, AND across fields', async () => {
    const someArns = [...new Set(expectedShares(data, OWNER.id, 'SELF', REGION).map((s) => s.resourceArn))].slice(3, 6);
    const filters: ListSharesFilter[] = [
      { status: ['PENDING'] },
      { status: ['PENDING', 'FAILED'] },
      { status: ['DELETED', 'ACTIVE', 'PENDING', 'FAILED', 'DELETING', 'ACTIVATING'] },
      { type: ['WORKFLOW'] },
      { type: ['VARIANT_STORE', 'ANNOTATION_STORE'] },
      { type: ['ANNOTATION_STORE'] },
      { resourceArns: someArns },
      { resourceArns: ['arn:aws:omics:us-east-1:111122223333:workflow/1', 'not even an ARN'] },
      { status: ['ACTIVE'], type: ['WORKFLOW'] },
      { status: ['ACTIVE', 'FAILED'], type: ['VARIANT_STORE', 'WORKFLOW'] },
      { resourceArns: someArns, status: ['ACTIVE'], type: ['WORKFLOW', 'VARIANT_STORE', 'ANNOTATION_STORE'] },
    ];
    for (const filter of filters) {
      for (const resourceOwner of ['SELF', 'OTHER'] as const) {
        const { shares } = await listAll(owner, () => ({ resourceOwner, filter: structuredClone(filter) }), 100);
        assert.deepEqual(
          ids(shares),
          expectIds(OWNER.id, resourceOwner, filter),
          JSON.stringify({ resourceOwner, filter }),
        );
      }
    }
    const { shares: typed } = await listAll(owner, () => ({ resourceOwner: 'SELF', filter: { type: ['WORKFLOW'] } }));
    assert.ok(typed.length > 0 && typed.every((s) => s.resourceArn?.includes(':workflow/')));
  });
});

describe('input validation (the SDK sends bad input unchanged)', () => {
  const arns = Array.from({ length: 11 }, (_, i) => wfArn(OWNER.id, String(i + 1)));
  const cases: [ListSharesCommandInput, RegExp][] = [
    [
      {} as ListSharesCommandInput,
      /^1 validation error detected: Value null at 'resourceOwner' failed to satisfy constraint: Member must not be null$/,
    ],
    [{ resourceOwner: 'ME' as 'SELF' }, /Value 'ME' at 'resourceOwner'.*enum value set: \[SELF, OTHER\]/],
    [{ resourceOwner: 'SELF', filter: { status: [] } }, /'filter.status'.*greater than or equal to 1/],
    [{ resourceOwner: 'SELF', filter: { resourceArns: [] } }, /'filter.resourceArns'.*greater than or equal to 1/],
    [{ resourceOwner: 'SELF', filter: { type: [] } }, /'filter.type'.*greater than or equal to 1/],
    [{ resourceOwner: 'SELF', filter: { resourceArns: arns } }, /'filter.resourceArns'.*less than or equal to 10/],
    [{ resourceOwner: 'SELF', filter: { status: ['ACTIVE', 'ACTIVE'] } }, /'filter.status'.*unique/],
    [{ resourceOwner: 'SELF', filter: { type: ['WORKFLOW', 'WORKFLOW'] } }, /'filter.type'.*unique/],
    [{ resourceOwner: 'SELF', filter: { resourceArns: [arns[0] ?? '', arns[0] ?? ''] } }, /unique/],
    [{ resourceOwner: 'SELF', filter: { status: ['BOGUS' as 'ACTIVE'] } }, /'filter.status'.*enum value set/],
    [{ resourceOwner: 'SELF', filter: { type: ['SEQUENCE_STORE' as 'WORKFLOW'] } }, /'filter.type'.*enum value set/],
    [{ resourceOwner: 'SELF', maxResults: 0 }, /Value '0' at 'maxResults'.*greater than or equal to 1/],
    [{ resourceOwner: 'SELF', maxResults: -5 }, /greater than or equal to 1/],
    [{ resourceOwner: 'SELF', maxResults: 101 }, /Value '101' at 'maxResults'.*less than or equal to 100/],
    [{ resourceOwner: 'SELF', maxResults: 100000 }, /less than or equal to 100/],
    [{ resourceOwner: 'OTHERS' as 'OTHER', maxResults: 0 }, /^2 validation errors detected: /],
  ];
  it('rejects every model constraint violation with 400 ValidationException (no retry)', async () => {
    for (const [input, message] of cases) {
      const e = await rejectsWith(owner.send(new ListSharesCommand(input)), 'ValidationException', message);
      assert.equal(e.$metadata.httpStatusCode, 400);
      assert.equal(e.$fault, 'client');
    }
  });

  it('accepts the boundaries: 10 unique ARNs, maxResults 1 and 100', async () => {
    await owner.send(new ListSharesCommand({ resourceOwner: 'SELF', filter: { resourceArns: arns.slice(0, 10) } }));
    assert.equal((await owner.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 1 }))).shares?.length, 1);
    assert.equal(
      (await owner.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 100 }))).shares?.length,
      100,
    );
  });

  it('wrong JSON types and malformed JSON → 400 SerializationException', async () => {
    const bad: ListSharesCommandInput[] = [
      { resourceOwner: 'SELF', maxResults: 'abc' as unknown as number },
      { resourceOwner: 'SELF', maxResults: 1.5 },
      { resourceOwner: 'SELF', filter: 'ACTIVE' as unknown as ListSharesFilter },
      { resourceOwner: 'SELF', filter: { status: 'ACTIVE' as unknown as ['ACTIVE'] } },
      { resourceOwner: 5 as unknown as 'SELF' },
    ];
    for (const input of bad) {
      await rejectsWith(owner.send(new ListSharesCommand(input)), 'SerializationException');
    }
    for (const body of ['{"resourceOwner": ', '[]', '"SELF"', '{"resourceOwner":"SELF","filter":{"status":[null]}}']) {
      const e = await rejectsWith(
        owner.send(withRawBody(new ListSharesCommand({ resourceOwner: 'SELF' }), body)),
        'SerializationException',
      );
      assert.equal(e.$metadata.httpStatusCode, 400);
    }
  });

  it('ignores unknown body members and treats an empty nextToken as absent', async () => {
    const out = await owner.send(
      withRawBody(new ListSharesCommand({ resourceOwner: 'SELF' }), '{"resourceOwner":"SELF","extra":1}'),
    );
    assert.ok((out.shares?.length ?? 0) > 0);
    const first = await owner.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 2, nextToken: '' }));
    assert.deepEqual(ids(first.shares ?? []), expectIds(OWNER.id, 'SELF').slice(0, 2));
  });
});

describe('page tokens', () => {
  const firstToken = async (c: OmicsClient, input: ListSharesCommandInput): Promise<string> => {
    const out = await c.send(new ListSharesCommand({ ...input, maxResults: 5 }));
    assert.ok(out.nextToken);
    return out.nextToken;
  };

  it('are opaque strings that continue exactly after the last share, even with another page size', async () => {
    const token = await firstToken(owner, { resourceOwner: 'SELF', filter: { status: ['ACTIVE', 'PENDING'] } });
    const next = await owner.send(
      new ListSharesCommand({
        resourceOwner: 'SELF',
        filter: { status: ['PENDING', 'ACTIVE'] }, // same set in another order: the same query
        nextToken: token,
        maxResults: 3,
      }),
    );
    assert.deepEqual(
      ids(next.shares ?? []),
      expectIds(OWNER.id, 'SELF', { status: ['ACTIVE', 'PENDING'] }).slice(5, 8),
    );
  });

  it('are bound to the query, the caller and the region that made them', async () => {
    const filter: ListSharesFilter = { status: ['ACTIVE'] };
    const token = await firstToken(owner, { resourceOwner: 'SELF', filter });
    const attempts: [OmicsClient, ListSharesCommandInput, RegExp][] = [
      [owner, { resourceOwner: 'OTHER', filter }, /resourceOwner/],
      [owner, { resourceOwner: 'SELF', filter: { status: ['PENDING'] } }, /filter/],
      [owner, { resourceOwner: 'SELF' }, /filter/],
      [owner, { resourceOwner: 'SELF', filter: { status: ['ACTIVE'], type: ['WORKFLOW'] } }, /filter/],
      [sub, { resourceOwner: 'SELF', filter }, /caller/],
    ];
    for (const [c, input, message] of attempts) {
      const e = await rejectsWith(
        c.send(new ListSharesCommand({ ...input, nextToken: token })),
        'ValidationException',
        message,
      );
      assert.equal(e.$metadata.httpStatusCode, 400);
    }
    const eu = client(em, OWNER, { region: 'eu-west-2' });
    try {
      await rejectsWith(
        eu.send(new ListSharesCommand({ resourceOwner: 'SELF', filter, nextToken: token })),
        'ValidationException',
        /region/,
      );
    } finally {
      eu.destroy();
    }
  });

  it('cannot be forged, and tokens from another emulator instance are rejected', async () => {
    const token = await firstToken(owner, { resourceOwner: 'SELF' });
    const [body = '', mac = ''] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, a: SUB.id })).toString('base64url');
    const other = await startEmulator({ data });
    const otherClient = client(other, OWNER);
    let foreign: string;
    try {
      foreign = await firstToken(otherClient, { resourceOwner: 'SELF' });
    } finally {
      otherClient.destroy();
      await other.close();
    }
    for (const bad of [`${forgedBody}.${mac}`, `${body}.${mac.slice(1)}A`, 'abc/+= x', 'x'.repeat(5000), foreign]) {
      await rejectsWith(
        owner.send(new ListSharesCommand({ resourceOwner: 'SELF', nextToken: bad })),
        'ValidationException',
        /nextToken/,
      );
    }
  });
});

describe('paging', () => {
  for (const pageSize of [1, 7, 50, 100]) {
    it(`the SDK paginator lists everything exactly once in server order at page size ${pageSize}`, async () => {
      em.clearRequests();
      const expected = expectIds(OWNER.id, 'SELF');
      const { shares, pages } = await listAll(owner, () => ({ resourceOwner: 'SELF' }), pageSize);
      assertNoDuplicates(ids(shares));
      assert.deepEqual(ids(shares), expected);
      assert.equal(pages, Math.ceil(expected.length / pageSize), 'no empty trailing page');
      const calls = em.requests.filter((r) => r.operation === 'ListShares');
      assert.equal(calls.length, pages);
      assert.ok(calls.every((r) => r.maxResults === String(pageSize)));
      assert.equal(calls[0]?.hasNextToken, false);
      assert.ok(calls.slice(1).every((r) => r.hasNextToken));
      assert.ok(calls.slice(0, -1).every((r) => r.returned === pageSize && r.returnedNextToken));
      assert.equal(calls.at(-1)?.returnedNextToken, false);
    });
  }

  it('uses 50 as the default page size when maxResults is not sent', async () => {
    em.clearRequests();
    const { shares, pages } = await listAll(owner, () => ({ resourceOwner: 'SELF' }));
    const expected = expectIds(OWNER.id, 'SELF');
    assert.deepEqual(ids(shares), expected);
    assert.equal(pages, Math.ceil(expected.length / 50));
    const calls = em.requests.filter((r) => r.operation === 'ListShares');
    assert.ok(calls.every((r) => r.maxResults === undefined));
    assert.equal(calls[0]?.returned, 50);
  });

  it('stays consistent when shares are created and deleted between pages', async () => {
    const local = await startEmulator({ data, deletionDelayMs: 0 });
    const o = client(local, OWNER);
    try {
      const before = expectIds(OWNER.id, 'SELF');
      const page1 = await o.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 10 }));
      const seen = ids(page1.shares ?? []);
      // Create shares (they sort last: newest creationTime) and delete some on this and on later pages.
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        const out = await o.send(
          new CreateShareCommand({ resourceArn: wfArn(OWNER.id, String(900_000 + i)), principalSubscriber: SUB.id }),
        );
        created.push(out.shareId ?? '');
      }
      for (const shareId of [before[2], before[9], before[15], before[40]]) {
        await o.send(new DeleteShareCommand({ shareId }));
      }
      let token = page1.nextToken;
      while (token) {
        const page = await o.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 10, nextToken: token }));
        seen.push(...ids(page.shares ?? []));
        token = page.nextToken;
      }
      assertNoDuplicates(seen);
      assert.deepEqual(seen, [...before, ...created]);
    } finally {
      o.destroy();
      await local.close();
    }
  });
});

describe('concurrency', () => {
  it('clients of different accounts page concurrently and each gets exactly its own shares', async () => {
    const jobs: [OmicsClient, string, 'SELF' | 'OTHER', ListSharesFilter | undefined][] = [
      [owner, OWNER.id, 'SELF', undefined],
      [sub, SUB.id, 'SELF', undefined],
      [owner, OWNER.id, 'OTHER', undefined],
      [sub, SUB.id, 'OTHER', { status: ['ACTIVE', 'PENDING'] }],
      [owner, OWNER.id, 'SELF', { type: ['WORKFLOW'] }],
      [stranger, STRANGER.id, 'OTHER', undefined],
    ];
    const results = await Promise.all(
      jobs.map(([c, , resourceOwner, filter]) =>
        listAll(c, () => ({ resourceOwner, ...(filter ? { filter: structuredClone(filter) } : {}) }), 7),
      ),
    );
    results.forEach((r, i) => {
      const [, id, resourceOwner, filter] = jobs[i] ?? assert.fail();
      assert.deepEqual(ids(r.shares), expectIds(id, resourceOwner, filter));
    });
  });
});
