/**
 * Each operation's wire shape as the real SDK sees it, and the share lifecycle (with a controllable clock).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  AcceptShareCommand,
  CreateShareCommand,
  DeleteShareCommand,
  GetShareCommand,
  ListSharesCommand,
  type OmicsClient,
} from '@aws-sdk/client-omics';
import { startEmulator, type Emulator, type EmulatorData } from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  STRANGER,
  asArn,
  client,
  describe,
  it,
  rejectsWith,
  share,
  vsArn,
  wfArn,
  withRawBody,
} from './helpers';

const LATER = '2025-02-01T00:00:00.000Z';
const data: EmulatorData = {
  accounts: [OWNER, SUB, STRANGER],
  shares: [
    {
      ...share({
        id: 'wf-active',
        arn: wfArn(OWNER.id, '1234567'),
        subscriber: SUB.id,
        shareName: 'rnaseq-pipeline-v3',
      }),
      resourceId: '1234567',
      creationTime: '2025-01-01T00:00:00.000Z',
      updateTime: '2025-01-01T00:05:30.250Z',
    },
    share({
      id: 'vs-pending',
      arn: vsArn(OWNER.id, 'gnomad_v4_variants'),
      subscriber: SUB.id,
      status: 'PENDING',
      created: '2025-01-02T00:00:00.000Z',
    }),
    share({
      id: 'as-failed',
      arn: asArn(OWNER.id, 'clinvar_annotations'),
      subscriber: SUB.id,
      status: 'FAILED',
      statusMessage: 'Share activation failed: internal error.',
      created: '2025-01-03T00:00:00.000Z',
    }),
    share({
      id: 'loaded-activating',
      arn: wfArn(OWNER.id, '42'),
      subscriber: SUB.id,
      status: 'ACTIVATING',
      created: LATER,
    }),
    share({
      id: 'sub-pending',
      arn: wfArn(SUB.id, '8801234'),
      subscriber: OWNER.id,
      status: 'PENDING',
      created: LATER,
    }),
    share({ id: 'deleted', arn: wfArn(OWNER.id, '77'), subscriber: SUB.id, status: 'DELETED', created: LATER }),
    share({ id: 'to-delete-by-sub', arn: wfArn(OWNER.id, '78'), subscriber: SUB.id, status: 'ACTIVE', created: LATER }),
    share({ id: 'pending-reject', arn: wfArn(OWNER.id, '79'), subscriber: SUB.id, status: 'PENDING', created: LATER }),
  ],
};

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
let now = T0;
let em: Emulator;
let owner: OmicsClient;
let sub: OmicsClient;
let stranger: OmicsClient;

before(async () => {
  em = await startEmulator({ data, activationDelayMs: 1000, deletionDelayMs: 3000, now: () => now });
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

describe('response shapes', () => {
  it('ListShares returns ShareDetails with Date timestamps and optional fields only when set', async () => {
    const out = await owner.send(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 3 }));
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.ok(out.shares);
    assert.equal(out.shares.length, 3);
    const [first, second, third] = out.shares;
    assert.deepEqual(first, {
      shareId: 'wf-active',
      resourceArn: wfArn(OWNER.id, '1234567'),
      resourceId: '1234567',
      principalSubscriber: SUB.id,
      ownerId: OWNER.id,
      status: 'ACTIVE',
      shareName: 'rnaseq-pipeline-v3',
      creationTime: new Date('2025-01-01T00:00:00.000Z'),
      updateTime: new Date('2025-01-01T00:05:30.250Z'),
    });
    assert.ok(first?.creationTime instanceof Date);
    assert.equal(second?.shareId, 'vs-pending');
    assert.equal(second?.shareName, undefined);
    assert.equal(second?.statusMessage, undefined);
    assert.match(second?.resourceId ?? '', /^[0-9a-f]{12}$/, 'store resourceId is derived when the data omits it');
    assert.equal(third?.statusMessage, 'Share activation failed: internal error.');
    assert.equal(typeof out.nextToken, 'string');
  });

  it('GetShare returns {share} for the owner and for the subscriber', async () => {
    for (const c of [owner, sub]) {
      const out = await c.send(new GetShareCommand({ shareId: 'as-failed' }));
      assert.equal(out.share?.shareId, 'as-failed');
      assert.equal(out.share?.status, 'FAILED');
      assert.equal(out.share?.ownerId, OWNER.id);
      assert.ok(out.share?.updateTime instanceof Date);
    }
  });

  it('x-amzn-RequestId reaches $metadata.requestId, on successes and errors', async () => {
    em.clearRequests();
    const ok = await owner.send(new GetShareCommand({ shareId: 'wf-active' }));
    const err = await rejectsWith(owner.send(new GetShareCommand({ shareId: 'nope' })), 'ResourceNotFoundException');
    const [r1, r2] = em.requests;
    assert.match(ok.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(ok.$metadata.requestId, r1?.requestId);
    assert.equal(err.$metadata.requestId, r2?.requestId);
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.equal(err.$fault, 'client');
  });

  it('GetShare of an unknown or odd id is a 404, and odd ids are signed correctly (double-encoded path)', async () => {
    for (const shareId of ['does-not-exist', 'a b/c', 'ü+%=&?', '']) {
      const e = await rejectsWith(owner.send(new GetShareCommand({ shareId })), 'ResourceNotFoundException');
      assert.equal(e.$metadata.httpStatusCode, 404);
    }
    await rejectsWith(owner.send(new AcceptShareCommand({ shareId: 'nope' })), 'ResourceNotFoundException');
    await rejectsWith(owner.send(new DeleteShareCommand({ shareId: 'nope' })), 'ResourceNotFoundException');
  });
});

describe('CreateShare', () => {
  it('creates a PENDING share with a real-format id, visible to both parties', async () => {
    now = T0 + 10_000;
    const out = await owner.send(
      new CreateShareCommand({
        resourceArn: wfArn(OWNER.id, '5555555'),
        principalSubscriber: SUB.id,
        shareName: 'new_share-1',
      }),
    );
    assert.match(out.shareId ?? '', /^[0-9a-f]{32}-[0-9a-f]{32}$/);
    assert.equal(out.status, 'PENDING');
    assert.equal(out.shareName, 'new_share-1');
    const got = await sub.send(new GetShareCommand({ shareId: out.shareId }));
    assert.deepEqual(got.share, {
      shareId: out.shareId,
      resourceArn: wfArn(OWNER.id, '5555555'),
      resourceId: '5555555',
      principalSubscriber: SUB.id,
      ownerId: OWNER.id,
      status: 'PENDING',
      shareName: 'new_share-1',
      creationTime: new Date(T0 + 10_000),
      updateTime: new Date(T0 + 10_000),
    });
    const other = await sub.send(new ListSharesCommand({ resourceOwner: 'OTHER', filter: { status: ['PENDING'] } }));
    assert.ok(
      other.shares?.some((s) => s.shareId === out.shareId),
      'PENDING offers are listed under OTHER',
    );
  });

  it('omits shareName from the response when none was given', async () => {
    const out = await owner.send(
      new CreateShareCommand({ resourceArn: vsArn(OWNER.id, 'no_name_store'), principalSubscriber: SUB.id }),
    );
    assert.equal(out.shareName, undefined);
    assert.equal(out.status, 'PENDING');
  });

  it('rejects a duplicate live share of the same resource to the same subscriber with ConflictException', async () => {
    await rejectsWith(
      owner.send(new CreateShareCommand({ resourceArn: wfArn(OWNER.id, '1234567'), principalSubscriber: SUB.id })),
      'ConflictException',
    );
  });

  it('only the resource owner may share it', async () => {
    const e = await rejectsWith(
      sub.send(new CreateShareCommand({ resourceArn: wfArn(OWNER.id, '1234567'), principalSubscriber: STRANGER.id })),
      'AccessDeniedException',
    );
    assert.equal(e.$metadata.httpStatusCode, 403);
  });

  it('validates input the SDK sends unchanged', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { principalSubscriber: SUB.id },
        /Value null at 'resourceArn' failed to satisfy constraint: Member must not be null/,
      ],
      [{ resourceArn: wfArn(OWNER.id, '1') }, /at 'principalSubscriber'.*must not be null/],
      [{}, /^2 validation errors detected/],
      [
        { resourceArn: wfArn(OWNER.id, '1'), principalSubscriber: SUB.id, shareName: 'bad name!' },
        /at 'shareName'.*pattern/,
      ],
      [
        { resourceArn: wfArn(OWNER.id, '1'), principalSubscriber: SUB.id, shareName: 'x'.repeat(257) },
        /less than or equal to 256/,
      ],
      [{ resourceArn: wfArn(OWNER.id, '1'), principalSubscriber: SUB.id, shareName: '' }, /greater than or equal to 1/],
      [
        { resourceArn: 'arn:aws:omics:us-east-1:111122223333:sequenceStore/1', principalSubscriber: SUB.id },
        /Invalid resourceArn/,
      ],
      [{ resourceArn: vsArn(OWNER.id, 'My-Store'), principalSubscriber: SUB.id }, /store name/],
      [{ resourceArn: wfArn(OWNER.id, 'abc'), principalSubscriber: SUB.id }, /Invalid resourceArn/],
      [{ resourceArn: wfArn(OWNER.id, '1'), principalSubscriber: '12345' }, /12-digit/],
      [{ resourceArn: wfArn(OWNER.id, '1'), principalSubscriber: OWNER.id }, /your own account/],
      [{ resourceArn: wfArn(OWNER.id, '1', 'eu-west-2'), principalSubscriber: SUB.id }, /regional/],
    ];
    for (const [input, message] of cases) {
      const e = await rejectsWith(owner.send(new CreateShareCommand(input as never)), 'ValidationException', message);
      assert.equal(e.$metadata.httpStatusCode, 400);
    }
  });

  it('answers a malformed or mistyped JSON body with SerializationException (as restJson1 servers do)', async () => {
    for (const body of ['{"resourceArn": ', '[]', '{"resourceArn": 5, "principalSubscriber": "444455556666"}']) {
      const cmd = withRawBody(new CreateShareCommand({ resourceArn: 'x', principalSubscriber: 'y' }), body);
      const e = await rejectsWith(owner.send(cmd), 'SerializationException');
      assert.equal(e.$metadata.httpStatusCode, 400);
    }
  });
});

describe('lifecycle', () => {
  it('accept: PENDING → ACTIVATING → ACTIVE after the activation delay, updating updateTime', async () => {
    now = T0 + 100_000;
    const acc = await sub.send(new AcceptShareCommand({ shareId: 'vs-pending' }));
    assert.equal(acc.status, 'ACTIVATING');
    let got = await owner.send(new GetShareCommand({ shareId: 'vs-pending' }));
    assert.equal(got.share?.status, 'ACTIVATING');
    assert.deepEqual(got.share?.updateTime, new Date(T0 + 100_000));
    assert.deepEqual(got.share?.creationTime, new Date('2025-01-02T00:00:00.000Z'));
    now = T0 + 100_999;
    got = await owner.send(new GetShareCommand({ shareId: 'vs-pending' }));
    assert.equal(got.share?.status, 'ACTIVATING');
    now = T0 + 101_000;
    got = await sub.send(new GetShareCommand({ shareId: 'vs-pending' }));
    assert.equal(got.share?.status, 'ACTIVE');
    assert.deepEqual(got.share?.updateTime, new Date(T0 + 101_000));
    const listed = await owner.send(
      new ListSharesCommand({
        resourceOwner: 'SELF',
        filter: { resourceArns: [vsArn(OWNER.id, 'gnomad_v4_variants')] },
      }),
    );
    assert.equal(listed.shares?.[0]?.status, 'ACTIVE');
  });

  it('accept of a non-PENDING share is a ConflictException; only the subscriber may accept', async () => {
    const c = await rejectsWith(sub.send(new AcceptShareCommand({ shareId: 'wf-active' })), 'ConflictException');
    assert.equal(c.$metadata.httpStatusCode, 409);
    await rejectsWith(sub.send(new AcceptShareCommand({ shareId: 'as-failed' })), 'ConflictException');
    await rejectsWith(sub.send(new AcceptShareCommand({ shareId: 'deleted' })), 'ConflictException');
    const d = await rejectsWith(
      owner.send(new AcceptShareCommand({ shareId: 'pending-reject' })),
      'AccessDeniedException',
    );
    assert.equal(d.$metadata.httpStatusCode, 403);
    // sub-pending is owned by SUB and offered to OWNER: OWNER is its subscriber.
    await rejectsWith(sub.send(new AcceptShareCommand({ shareId: 'sub-pending' })), 'AccessDeniedException');
    assert.equal((await owner.send(new AcceptShareCommand({ shareId: 'sub-pending' }))).status, 'ACTIVATING');
  });

  it('delete by the owner: → DELETING → DELETED after the deletion delay; deleting again conflicts', async () => {
    now = T0 + 200_000;
    const del = await owner.send(new DeleteShareCommand({ shareId: 'wf-active' }));
    assert.equal(del.status, 'DELETING');
    assert.equal((await sub.send(new GetShareCommand({ shareId: 'wf-active' }))).share?.status, 'DELETING');
    await rejectsWith(sub.send(new DeleteShareCommand({ shareId: 'wf-active' })), 'ConflictException');
    now = T0 + 203_000;
    const got = await owner.send(new GetShareCommand({ shareId: 'wf-active' }));
    assert.equal(got.share?.status, 'DELETED');
    assert.deepEqual(got.share?.updateTime, new Date(T0 + 203_000));
    await rejectsWith(owner.send(new DeleteShareCommand({ shareId: 'wf-active' })), 'ConflictException');
  });

  it('the subscriber may delete (revoke its own access or decline a PENDING offer)', async () => {
    assert.equal((await sub.send(new DeleteShareCommand({ shareId: 'to-delete-by-sub' }))).status, 'DELETING');
    assert.equal((await sub.send(new DeleteShareCommand({ shareId: 'pending-reject' }))).status, 'DELETING');
    assert.equal((await sub.send(new DeleteShareCommand({ shareId: 'as-failed' }))).status, 'DELETING');
    const got = await sub.send(new GetShareCommand({ shareId: 'as-failed' }));
    assert.equal(got.share?.statusMessage, undefined, 'a new transition clears the old statusMessage');
  });

  it('a third account gets AccessDeniedException for Get, Accept and Delete', async () => {
    for (const cmd of [
      new GetShareCommand({ shareId: 'sub-pending' }),
      new AcceptShareCommand({ shareId: 'sub-pending' }),
      new DeleteShareCommand({ shareId: 'sub-pending' }),
    ]) {
      const e = await rejectsWith(stranger.send(cmd), 'AccessDeniedException');
      assert.equal(e.$metadata.httpStatusCode, 403);
    }
    const list = await stranger.send(new ListSharesCommand({ resourceOwner: 'OTHER' }));
    assert.deepEqual(list.shares, []);
    assert.equal(list.nextToken, undefined);
  });

  it('shares loaded in a transitional status stay there (only API-started transitions progress)', async () => {
    now = T0 + 10_000_000;
    const got = await owner.send(new GetShareCommand({ shareId: 'loaded-activating' }));
    assert.equal(got.share?.status, 'ACTIVATING');
  });

  it('the failTransition fault ends the next transition in FAILED with a statusMessage', async () => {
    em.setFaults({ failTransition: { count: 1, operation: 'AcceptShare', message: 'Share activation failed: test.' } });
    now = T0 + 20_000_000;
    const created = await owner.send(
      new CreateShareCommand({ resourceArn: wfArn(OWNER.id, '999'), principalSubscriber: SUB.id }),
    );
    assert.equal((await sub.send(new AcceptShareCommand({ shareId: created.shareId }))).status, 'ACTIVATING');
    now += 1000;
    const got = await sub.send(new GetShareCommand({ shareId: created.shareId }));
    assert.equal(got.share?.status, 'FAILED');
    assert.equal(got.share?.statusMessage, 'Share activation failed: test.');
    assert.deepEqual(em.getFaults(), {});
  });
});
