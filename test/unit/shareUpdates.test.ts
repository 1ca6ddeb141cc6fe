// OwnerShares.updateShare / PagedList.update+prepend: a share's new state after an action or a status poll is
// applied locally, without a request. Uses the in-memory FakeSharesApi (a seam fake; the SDK path is covered by
// the extension-host tests against the emulator).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OwnerShares } from '../../src/core/ownerShares';
import { PagedList } from '../../src/core/paging';
import { dataSet, FakeSharesApi, makeShare, sharesOf } from './fakes';

const summary = (o: OwnerShares) => o.groups().map((g) => `${g.status}:${g.items.map((s) => s.key).join(',')}`);

describe('PagedList.update / prepend', () => {
  it('replaces in place, removes, and prepends without duplicates, bumping structureVersion', async () => {
    const list = new PagedList<{ k: string; v: number }>(() => Promise.resolve({ items: [] }), {
      keyOf: (x) => x.k,
      initialPage: {
        items: [
          { k: 'a', v: 1 },
          { k: 'b', v: 1 },
        ],
      },
    });
    const v0 = list.structureVersion;
    assert.equal(list.update('a', { k: 'a', v: 2 }), true);
    assert.deepEqual(list.items, [
      { k: 'a', v: 2 },
      { k: 'b', v: 1 },
    ]);
    assert.equal(list.update('zzz', undefined), false);
    assert.equal(list.update('a', undefined), true);
    list.prepend({ k: 'c', v: 1 });
    list.prepend({ k: 'b', v: 9 });
    assert.deepEqual(list.items, [
      { k: 'c', v: 1 },
      { k: 'b', v: 9 },
    ]);
    assert.ok(list.structureVersion > v0);
    await list.loadMore(); // at the end: no request, nothing changes
    assert.equal(list.items.length, 2);
  });
});

describe('OwnerShares.updateShare', () => {
  it('moves a share to the top of its new status group, creating the group, with no request', async () => {
    const pending = makeShare(1, 'PENDING');
    const api = new FakeSharesApi(dataSet([pending, ...sharesOf({ ACTIVE: 2 })]));
    const o = new OwnerShares({ api, resourceOwner: 'OTHER', pageSize: 50 });
    await o.load();
    const calls = api.calls.length;
    o.updateShare({ ...pending, status: 'ACTIVATING' });
    assert.deepEqual(
      o.groups().map((g) => g.status),
      ['ACTIVATING', 'ACTIVE'],
      'Pending is gone (empty), Activating appeared in lifecycle order',
    );
    assert.deepEqual(
      o.group('ACTIVATING')?.items.map((s) => s.key),
      [pending.key],
    );
    o.updateShare({ ...pending, status: 'ACTIVE' });
    assert.equal(o.group('ACTIVE')?.items[0].key, pending.key);
    assert.equal(o.group('ACTIVE')?.items.length, 3);
    assert.equal(o.group('ACTIVATING'), undefined);
    assert.equal(o.findShare(pending.key)?.status, 'ACTIVE');
    assert.equal(api.calls.length, calls);
  });

  it('drops a share whose new status the filter excludes, and ignores updates before loading', async () => {
    const a = makeShare(1, 'PENDING');
    const o = new OwnerShares({
      api: new FakeSharesApi(dataSet([a, makeShare(2, 'PENDING')])),
      resourceOwner: 'OTHER',
      filter: { status: ['PENDING'] },
      pageSize: 50,
    });
    o.updateShare({ ...a, status: 'ACTIVATING' }); // not loaded yet: no-op
    await o.load();
    assert.equal(o.group('PENDING')?.items.length, 2);
    o.updateShare({ ...a, status: 'ACTIVATING' });
    assert.deepEqual(summary(o), [`PENDING:${makeShare(2, 'PENDING').key}`]);
  });
});
