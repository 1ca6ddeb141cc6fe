/**
 * Data files: validation messages, the shipped demo set (deterministic, and what the demo relies on), the generator.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { ListSharesCommand, type OmicsClient } from '@aws-sdk/client-omics';
import { buildDemoData, DEMO_BULK_ACTIVE, generateData, toJson } from '../emulator/generate';
import {
  DataValidationError,
  SHARE_STATUSES,
  demoDataPath,
  loadDataFile,
  parseArn,
  startEmulator,
  validateData,
  type Emulator,
  type EmulatorData,
} from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  client,
  describe,
  expectedShares,
  ids,
  it,
  listAll,
  share,
  wfArn,
} from './helpers';

const good = (): EmulatorData => ({
  accounts: [{ ...OWNER }],
  shares: [
    share({ id: 'a', arn: wfArn(OWNER.id, '1'), subscriber: SUB.id }),
    share({ id: 'b', arn: wfArn(OWNER.id, '2'), subscriber: SUB.id }),
  ],
});

describe('validateData', () => {
  const cases: [string, (d: Record<string, unknown> & EmulatorData) => void, string][] = [
    [
      'status',
      (d) => Object.assign(d.shares[1] ?? {}, { status: 'BOGUS' }),
      'shares[1] (shareId b): status "BOGUS" is not one of PENDING, ACTIVATING, ACTIVE, DELETING, DELETED, FAILED',
    ],
    [
      'missing field',
      (d) => delete (d.shares[0] as Partial<EmulatorData['shares'][0]>).ownerId,
      'shares[0] (shareId a): ownerId is required',
    ],
    [
      'no shareId',
      (d) => delete (d.shares[0] as Partial<EmulatorData['shares'][0]>).shareId,
      'shares[0]: shareId is required',
    ],
    [
      'duplicate id',
      (d) => Object.assign(d.shares[1] ?? {}, { shareId: 'a' }),
      'shares[1] (shareId a): shareId is not unique',
    ],
    [
      'bad ARN',
      (d) => Object.assign(d.shares[0] ?? {}, { resourceArn: 'arn:aws:omics:us-east-1:111122223333:sequenceStore/1' }),
      'shares[0] (shareId a): resourceArn "arn:aws:omics:us-east-1:111122223333:sequenceStore/1" must look like',
    ],
    [
      'bad store name',
      (d) =>
        Object.assign(d.shares[0] ?? {}, { resourceArn: 'arn:aws:omics:us-east-1:111122223333:variantStore/My-Store' }),
      'store name "My-Store" must match',
    ],
    [
      'owner ≠ ARN account',
      (d) => Object.assign(d.shares[0] ?? {}, { ownerId: '999999999999' }),
      'ownerId "999999999999" must equal the account in resourceArn (111122223333)',
    ],
    [
      'self share',
      (d) => Object.assign(d.shares[0] ?? {}, { principalSubscriber: OWNER.id }),
      'principalSubscriber must differ from ownerId',
    ],
    [
      'subscriber',
      (d) => Object.assign(d.shares[0] ?? {}, { principalSubscriber: '123' }),
      'principalSubscriber "123" must be 12 digits',
    ],
    [
      'time',
      (d) => Object.assign(d.shares[0] ?? {}, { creationTime: 1714566896 }),
      'shares[0] (shareId a): creationTime must be a string, got 1714566896',
    ],
    [
      'time format',
      (d) => Object.assign(d.shares[0] ?? {}, { updateTime: 'yesterday' }),
      'updateTime "yesterday" is not an ISO-8601 date-time',
    ],
    [
      'time order',
      (d) => Object.assign(d.shares[0] ?? {}, { updateTime: '2024-01-01T00:00:00Z' }),
      'is earlier than creationTime',
    ],
    [
      'shareName',
      (d) => Object.assign(d.shares[0] ?? {}, { shareName: 'has space' }),
      'shareName "has space" must match',
    ],
    [
      'unknown field',
      (d) => Object.assign(d.shares[0] ?? {}, { createdAt: 'x' }),
      'shares[0] (shareId a): unknown field "createdAt"',
    ],
    [
      'account id',
      (d) => Object.assign(d.accounts[0] ?? {}, { id: '42' }),
      'accounts[0] (id 42): id "42" must be 12 digits',
    ],
    [
      'account secret',
      (d) => delete (d.accounts[0] as Partial<EmulatorData['accounts'][0]>).secretAccessKey,
      'accounts[0] (id 111122223333): secretAccessKey is required',
    ],
    [
      'duplicate key',
      (d) => d.accounts.push({ ...OWNER, id: '000000000000' }),
      'accounts[1] (id 000000000000): accessKeyId "AKIADEMOOWNER0000001" is used by another account entry',
    ],
    ['top level', (d) => delete (d as Partial<EmulatorData>).shares, 'top level: "shares" must be an array'],
  ];
  for (const [name, mutate, message] of cases) {
    it(`reports ${name}`, () => {
      const d = good() as Record<string, unknown> & EmulatorData;
      mutate(d);
      assert.throws(
        () => validateData(d),
        (e: unknown) => e instanceof DataValidationError && e.message.includes(message),
      );
    });
  }

  it('accepts the good data and optional fields; startEmulator validates too', async () => {
    const d = good();
    assert.deepEqual(validateData(d), d);
    await assert.rejects(
      startEmulator({ data: { accounts: [], shares: [{ ...d.shares[0], status: 'NOPE' } as never] } }),
      DataValidationError,
    );
    await assert.rejects(startEmulator({ data: d, defaultPageSize: 0 }), /defaultPageSize/);
  });
});

describe('demo data set', () => {
  const demo = loadDataFile(demoDataPath());
  const arnOf = (s: { resourceArn: string }) => {
    const a = parseArn(s.resourceArn);
    assert.ok(!('error' in a));
    return a;
  };

  it('is exactly what buildDemoData() produces (deterministic, regenerate with generate.js --demo)', () => {
    assert.equal(readFileSync(demoDataPath(), 'utf8'), toJson(buildDemoData()));
  });

  it('has the two demo accounts, both directions, every status, FAILED messages and two regions', () => {
    assert.deepEqual(
      demo.accounts.map((a) => [a.id, a.name, a.accessKeyId]),
      [
        ['111122223333', 'demo-owner', 'AKIADEMOOWNER0000001'],
        ['444455556666', 'demo-subscriber', 'AKIADEMOSUBSCRIBER01'],
      ],
    );
    for (const region of ['us-east-1', 'eu-west-2']) {
      for (const id of [OWNER.id, SUB.id]) {
        for (const owner of ['SELF', 'OTHER'] as const) {
          assert.ok(expectedShares(demo, id, owner, region).length > 0, `${id} ${owner} ${region}`);
        }
      }
    }
    const ownerSelf = expectedShares(demo, OWNER.id, 'SELF', 'us-east-1');
    assert.deepEqual(new Set(ownerSelf.map((s) => s.status)), new Set(SHARE_STATUSES));
    assert.ok(ownerSelf.filter((s) => s.status === 'ACTIVE').length >= DEMO_BULK_ACTIVE);
    assert.ok(demo.shares.filter((s) => s.status === 'FAILED').every((s) => (s.statusMessage ?? '').length > 0));
    const eu = demo.shares.filter((s) => arnOf(s).region === 'eu-west-2');
    assert.ok(eu.length >= 2 && eu.length <= 3);
    const types = new Set(demo.shares.map((s) => arnOf(s).type));
    assert.equal(types.size, 3);
  });

  describe('served by the emulator', () => {
    let em: Emulator;
    let owner: OmicsClient;
    before(async () => {
      em = await startEmulator({ data: demo });
      owner = client(em, OWNER);
    });
    after(async () => {
      owner.destroy();
      await em.close();
    });

    it('the owner needs several default-size pages, and a PENDING share comes last', async () => {
      const { shares, pages } = await listAll(owner, () => ({ resourceOwner: 'SELF' }));
      assert.ok(pages >= 3, `pages: ${pages}`);
      const last = shares.at(-1);
      assert.equal(last?.status, 'PENDING');
      const first = await owner.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
      assert.ok(!ids(first.shares ?? []).includes(last?.shareId ?? ''), 'not on the first unfiltered page');
      const pending = await owner.send(
        new ListSharesCommand({ resourceOwner: 'SELF', filter: { status: ['PENDING'] } }),
      );
      assert.ok(ids(pending.shares ?? []).includes(last?.shareId ?? ''), 'found at once with a status filter');
    });
  });
});

describe('generator', () => {
  it('is deterministic per seed and honours --status', () => {
    assert.deepEqual(generateData({ shares: 50, seed: 9 }), generateData({ shares: 50, seed: 9 }));
    assert.notDeepEqual(generateData({ shares: 50, seed: 9 }), generateData({ shares: 50, seed: 10 }));
    const active = generateData({ shares: 200, status: 'ACTIVE', region: 'eu-west-2' });
    validateData(active);
    assert.ok(active.shares.every((s) => s.status === 'ACTIVE' && s.resourceArn.includes(':eu-west-2:')));
    assert.ok(active.shares.every((s) => /^[0-9a-f]{32}-[0-9a-f]{32}$/.test(s.shareId)));
  });
});
