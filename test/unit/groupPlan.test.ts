import assert from 'node:assert/strict';
import { groupByStatus, planGroups } from '../../src/core/groupPlan';
import { STATUS_ORDER } from '../../src/core/model';
import { makeShare } from './fakes';
import { describe, it } from './testing';

describe('planGroups', () => {
  const items = [makeShare(1, 'ACTIVE'), makeShare(2, 'PENDING'), makeShare(3, 'UNKNOWN'), makeShare(4, 'ACTIVE')];

  it('groups a last page by status, in lifecycle order, keeping the server order inside a group', () => {
    const seeds = planGroups({ items, requestId: 'r' }, STATUS_ORDER);
    assert.deepEqual(
      seeds.map((s) => [s.status, s.initialPage?.items.map((x) => x.shareId), s.initialPage?.nextToken]),
      [
        ['PENDING', ['share-pending-2'], undefined],
        ['ACTIVE', ['share-active-1', 'share-active-4'], undefined],
        ['UNKNOWN', ['share-unknown-3'], undefined],
      ],
    );
    assert.ok(seeds.every((s) => s.initialPage?.requestId === 'r'));
  });

  it('reuses the first page for the only allowed status', () => {
    const first = { items, nextToken: 't' };
    assert.deepEqual(planGroups(first, ['ACTIVE']), [{ status: 'ACTIVE', initialPage: first }]);
  });

  it('makes every allowed status query its own first page, keeping unknown-status shares', () => {
    const seeds = planGroups({ items, nextToken: 't' }, ['PENDING', 'FAILED']);
    assert.deepEqual(seeds, [
      { status: 'PENDING' },
      { status: 'FAILED' },
      { status: 'UNKNOWN', initialPage: { items: [items[2]] } },
    ]);
  });

  it('plans nothing for an empty last page', () => {
    assert.deepEqual(planGroups({ items: [] }, STATUS_ORDER), []);
    assert.equal(groupByStatus([]).size, 0);
  });
});
