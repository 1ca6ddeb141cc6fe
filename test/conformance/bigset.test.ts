/**
 * A generated 10,000-share set listed completely by the SDK's own paginator.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { OmicsClient } from '@aws-sdk/client-omics';
import { generateData } from '../emulator/generate';
import { startEmulator, type Emulator, type EmulatorData } from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  REGION,
  assertNoDuplicates,
  client,
  describe,
  expectedShares,
  ids,
  it,
  listAll,
} from './helpers';

const data: EmulatorData = generateData({ shares: 10_000, seed: 42 });
let em: Emulator;
let owner: OmicsClient;
let sub: OmicsClient;

before(async () => {
  em = await startEmulator({ data });
  owner = client(em, OWNER);
  sub = client(em, SUB);
});
after(async () => {
  owner.destroy();
  sub.destroy();
  await em.close();
});

describe('10,000 shares', () => {
  it('every share is listed exactly once by its owner (SELF) and by its subscriber (OTHER)', async () => {
    const seen = new Set<string>();
    let total = 0;
    for (const [c, id] of [
      [owner, OWNER.id],
      [sub, SUB.id],
    ] as const) {
      for (const resourceOwner of ['SELF', 'OTHER'] as const) {
        const { shares, pages } = await listAll(c, () => ({ resourceOwner }), 100);
        const expected = ids(expectedShares(data, id, resourceOwner, REGION));
        assertNoDuplicates(ids(shares));
        assert.deepEqual(ids(shares), expected);
        assert.equal(pages, Math.ceil(expected.length / 100));
        total += shares.length;
        ids(shares).forEach((x) => seen.add(x));
      }
    }
    // Shares between the two demo accounts are seen twice (SELF by one, OTHER by the other).
    const between = data.shares.filter(
      (s) => [OWNER.id, SUB.id].includes(s.ownerId) && [OWNER.id, SUB.id].includes(s.principalSubscriber),
    );
    assert.equal(total, seen.size + between.length);
    const involving = data.shares.filter((s) =>
      [OWNER.id, SUB.id].some((a) => a === s.ownerId || a === s.principalSubscriber),
    );
    assert.equal(seen.size, involving.length);
  });

  it('the default page size and a filter also list the owner completely', async () => {
    const filter = { status: ['ACTIVE' as const], type: ['WORKFLOW' as const, 'VARIANT_STORE' as const] };
    const { shares } = await listAll(owner, () => ({ resourceOwner: 'SELF', filter: structuredClone(filter) }));
    const expected = ids(expectedShares(data, OWNER.id, 'SELF', REGION, filter));
    assert.ok(expected.length > 1000);
    assert.deepEqual(ids(shares), expected);
  });
});
