import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { ResourceOwner, ShareStatusOrUnknown } from '../../src/core/model';
import { actionIds, availableActions, deleteVerb } from '../../src/core/shareActions';
import { makeShare } from './fakes';

/** [owner, status, expected "id:label" list] */
const TABLE: [ResourceOwner, ShareStatusOrUnknown, string[]][] = [
  ['OTHER', 'PENDING', ['accept:Accept share', 'delete:Decline share', 'details', 'openConsole']],
  ['OTHER', 'ACTIVATING', ['delete:Leave share', 'details', 'openConsole']],
  ['OTHER', 'ACTIVE', ['delete:Leave share', 'details', 'openConsole']],
  ['OTHER', 'FAILED', ['delete:Leave share', 'details', 'openConsole']],
  ['OTHER', 'UNKNOWN', ['delete:Leave share', 'details', 'openConsole']],
  ['OTHER', 'DELETING', ['details', 'openConsole']],
  ['OTHER', 'DELETED', ['details', 'openConsole']],
  ['SELF', 'PENDING', ['delete:Revoke share', 'details', 'openConsole']],
  ['SELF', 'ACTIVATING', ['delete:Revoke share', 'details', 'openConsole']],
  ['SELF', 'ACTIVE', ['delete:Revoke share', 'details', 'openConsole']],
  ['SELF', 'FAILED', ['delete:Revoke share', 'details', 'openConsole']],
  ['SELF', 'UNKNOWN', ['delete:Revoke share', 'details', 'openConsole']],
  ['SELF', 'DELETING', ['details', 'openConsole']],
  ['SELF', 'DELETED', ['details', 'openConsole']],
];

describe('availableActions', () => {
  for (const [owner, status, expected] of TABLE) {
    it(`${owner} ${status} → ${expected.join(', ')}`, () => {
      const got = availableActions(makeShare(1, status), owner).map((a) =>
        a.id === 'accept' || a.id === 'delete' ? `${a.id}:${a.label}` : a.id,
      );
      assert.deepEqual(got, expected);
    });
  }

  it('offers no accept or delete without a share id, and no console link without an ARN', () => {
    const noId = makeShare(1, 'PENDING', { shareId: undefined, resourceArn: '' });
    assert.deepEqual([...actionIds(noId, 'OTHER')], ['details']);
  });

  it('labels every action, and carries the delete verb', () => {
    const actions = availableActions(makeShare(1, 'PENDING'), 'OTHER');
    assert.ok(actions.every((a) => a.label !== ''));
    assert.equal(actions.find((a) => a.id === 'delete')?.verb, 'decline');
    assert.equal(deleteVerb({ status: 'PENDING' }, 'SELF'), 'revoke');
  });
});
