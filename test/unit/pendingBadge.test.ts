import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { pendingBadge, pendingBadgeRequest } from '../../src/core/pendingBadge';
import { makeShare, sharesOf } from './fakes';

describe('pendingBadge', () => {
  it('no pending shares → no badge', () => {
    assert.equal(pendingBadge({ items: [] }), undefined);
    assert.equal(pendingBadge({ items: [makeShare(1, 'ACTIVE')] }), undefined);
  });

  it('counts the first page', () => {
    assert.deepEqual(pendingBadge({ items: sharesOf({ PENDING: 1 }) }), {
      value: 1,
      tooltip: '1 pending share offered to you',
    });
    assert.deepEqual(pendingBadge({ items: sharesOf({ PENDING: 3 }) }), {
      value: 3,
      tooltip: '3 pending shares offered to you',
    });
  });

  it('says N+ when more pages follow', () => {
    assert.deepEqual(pendingBadge({ items: sharesOf({ PENDING: 50 }), nextToken: 't' }), {
      value: 50,
      tooltip: '50+ pending shares offered to you',
    });
    assert.equal(
      pendingBadge({ items: sharesOf({ PENDING: 1 }), nextToken: 't' })?.tooltip,
      '1+ pending shares offered to you',
    );
  });

  it('is backed by one OTHER + PENDING request', () => {
    assert.deepEqual(pendingBadgeRequest(50), {
      resourceOwner: 'OTHER',
      filter: { status: ['PENDING'] },
      maxResults: 50,
    });
  });
});
