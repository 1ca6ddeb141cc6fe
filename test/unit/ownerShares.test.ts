import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { ShareFilter } from '../../src/core/model';
import { OwnerShares } from '../../src/core/ownerShares';
import type { OwnerSharesChange } from '../../src/core/ownerShares';
import { dataSet, FakeSharesApi, flush, makeShare, sharesOf } from './fakes';

// FakeSharesApi is a seam fake (see fakes.ts): it lets these tests count requests exactly and hold or fail single
// responses. The same guarantees are checked against the emulator, through the SDK, by the integration tests.

function owner(api: FakeSharesApi, pageSize = 50, filter?: ShareFilter): OwnerShares {
  return new OwnerShares({ api, resourceOwner: 'SELF', pageSize, filter });
}

const summary = (o: OwnerShares) => o.groups().map((g) => `${g.status}:${g.countText()}`);

describe('OwnerShares', () => {
  it('costs exactly one request when the owner fits one page, and nothing after', async () => {
    const data = [
      ...sharesOf({ ACTIVE: 3 }),
      makeShare(1, 'PENDING'),
      makeShare(1, 'FAILED'),
      ...sharesOf({ DELETED: 2 }),
    ];
    const api = new FakeSharesApi(dataSet(data));
    const o = owner(api);
    await o.load();

    assert.equal(api.calls.length, 1);
    assert.deepEqual(api.calls[0].req, {
      resourceOwner: 'SELF',
      filter: undefined,
      nextToken: undefined,
      maxResults: 50,
    });
    assert.deepEqual(summary(o), ['PENDING:1', 'ACTIVE:3', 'DELETED:2', 'FAILED:1']);
    assert.deepEqual(o.state, { kind: 'ready' });

    // Re-reading, re-loading and "load more" on complete groups cost nothing.
    o.groups();
    await o.load();
    await Promise.all(o.groups().map((g) => g.loadMore()));
    assert.equal(api.calls.length, 1);
    assert.equal(o.group('ACTIVE')?.hasMore, false);
  });

  it('queries each status separately (1 + 6 requests, concurrently) when there are more pages', async () => {
    const api = new FakeSharesApi(); // holds every response
    const o = owner(api, 2);
    const loading = o.load();
    await flush();
    assert.equal(api.calls.length, 1);
    api.calls[0].respond.resolve({ items: sharesOf({ ACTIVE: 2 }), nextToken: 'o2' });
    await flush();

    assert.equal(api.calls.length, 7, 'all six status queries are out before any answers');
    assert.deepEqual(api.statusesQueried(), ['*', 'PENDING', 'ACTIVATING', 'ACTIVE', 'DELETING', 'DELETED', 'FAILED']);
    assert.ok(api.calls.slice(1).every((c) => c.req.nextToken === undefined && c.req.maxResults === 2));
    assert.equal(o.state.kind, 'loading');

    const answers: Record<string, { n: number; more: boolean }> = {
      PENDING: { n: 1, more: false },
      ACTIVE: { n: 2, more: true },
    };
    for (const call of api.calls.slice(1)) {
      const status = call.req.filter?.status?.[0] ?? 'ACTIVE';
      const a = answers[status] ?? { n: 0, more: false };
      const items = Array.from({ length: a.n }, (_, i) => makeShare(i, status));
      call.respond.resolve(a.more ? { items, nextToken: 'next' } : { items });
    }
    await loading;
    assert.deepEqual(summary(o), ['PENDING:1', 'ACTIVE:2+'], 'statuses with zero shares have no group');
  });

  it('shows a PENDING share that the server lists after 500 ACTIVE ones under Pending at once', async () => {
    const api = new FakeSharesApi(dataSet([...sharesOf({ ACTIVE: 500 }), makeShare(0, 'PENDING')]));
    const o = owner(api, 50);
    await o.load();
    assert.deepEqual(summary(o), ['PENDING:1', 'ACTIVE:50+']);
    assert.equal(o.group('PENDING')?.items[0].shareId, 'share-pending-0');
    assert.equal(api.calls.length, 7);

    // Each group pages on its own: one request per "load more".
    await o.group('ACTIVE')?.loadMore();
    assert.equal(api.calls.length, 8);
    assert.deepEqual(api.calls[7].req.filter, { status: ['ACTIVE'] });
    assert.equal(api.calls[7].req.nextToken, 'o50');
    assert.equal(o.group('ACTIVE')?.countText(), '100+');
  });

  it('never queries a status the user filtered out, and keeps the rest of the filter', async () => {
    const data = [...sharesOf({ ACTIVE: 5, PENDING: 2, FAILED: 4 })];
    const api = new FakeSharesApi(dataSet(data));
    const filter: ShareFilter = { status: ['ACTIVE', 'PENDING'], type: ['WORKFLOW'], resourceArns: [] };
    const o = owner(api, 3, filter);
    await o.load();
    assert.deepEqual(api.statusesQueried(), ['PENDING,ACTIVE', 'PENDING', 'ACTIVE']);
    assert.ok(api.calls.every((c) => c.req.filter?.type?.join() === 'WORKFLOW'));
    assert.ok(
      api.calls.every((c) => c.req.filter?.resourceArns === undefined),
      'empty lists are not sent',
    );
    assert.deepEqual(summary(o), ['PENDING:2', 'ACTIVE:3+']);
    assert.deepEqual(filter.status, ['ACTIVE', 'PENDING'], "the caller's filter is not modified");
  });

  it('costs one request per page when the filter allows a single status', async () => {
    const api = new FakeSharesApi(dataSet(sharesOf({ PENDING: 2, ACTIVE: 5 })));
    const o = owner(api, 2, { status: ['ACTIVE'] });
    await o.load();
    assert.equal(api.calls.length, 1);
    assert.deepEqual(summary(o), ['ACTIVE:2+']);
    await o.group('ACTIVE')?.loadMore();
    assert.equal(api.calls.length, 2);
    assert.equal(api.calls[1].req.nextToken, 'o2');
    assert.deepEqual(summary(o), ['ACTIVE:4+']);
  });

  it('tells "no shares" from "no shares match the filter"', async () => {
    const plain = owner(new FakeSharesApi(dataSet([])));
    await plain.load();
    assert.deepEqual(plain.state, { kind: 'empty', filtered: false, message: 'No shares' });

    const filtered = owner(new FakeSharesApi(dataSet(sharesOf({ ACTIVE: 2 }))), 50, { status: ['FAILED'] });
    await filtered.load();
    assert.deepEqual(filtered.state, { kind: 'empty', filtered: true, message: 'No shares match the filter' });
    assert.deepEqual(filtered.groups(), []);

    const emptyLists = owner(new FakeSharesApi(dataSet([])), 50, { status: [], type: [] });
    await emptyLists.load();
    assert.equal(emptyLists.state.kind === 'empty' && emptyLists.state.filtered, false);
  });

  it('reports an owner-level error and retries from the start on load()', async () => {
    let fail = true;
    const failure = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    const api = new FakeSharesApi((req) => {
      if (fail) {
        throw failure;
      }
      return dataSet([makeShare(0, 'ACTIVE')])(req);
    });
    const o = owner(api);
    await o.load();
    assert.deepEqual(o.state, { kind: 'error', error: failure });
    assert.deepEqual(o.groups(), []);

    fail = false;
    await o.load();
    assert.equal(api.calls.length, 2);
    assert.equal(api.calls[1].req.nextToken, undefined);
    assert.deepEqual(summary(o), ['ACTIVE:1']);
  });

  it('shows a status whose first page failed as a group with its error, and retries it on loadMore', async () => {
    let pendingFails = true;
    const data = dataSet([...sharesOf({ ACTIVE: 3 }), makeShare(0, 'PENDING')]);
    const api = new FakeSharesApi((req) => {
      if (req.filter?.status?.[0] === 'PENDING' && pendingFails) {
        throw new Error('throttled');
      }
      return data(req);
    });
    const o = owner(api, 2);
    const changes: OwnerSharesChange[] = [];
    o.onDidChange((c) => changes.push(c));
    await o.load();
    const pending = o.group('PENDING');
    assert.ok(pending);
    assert.match(String(pending.error), /throttled/);
    assert.equal(pending.items.length, 0);
    assert.deepEqual(summary(o), ['PENDING:0', 'ACTIVE:2+']);

    pendingFails = false;
    changes.length = 0;
    await pending.loadMore();
    assert.equal(api.calls.at(-1)?.req.nextToken, undefined, 'the retry re-issues the first page');
    assert.deepEqual(summary(o), ['PENDING:1', 'ACTIVE:2+']);
    assert.ok(changes.length > 0 && changes.every((c) => c.scope === 'group' && c.group === pending));
  });

  it('removes an errored group whose retry finds nothing, with an owner-level change', async () => {
    let fail = true;
    const data = dataSet(sharesOf({ ACTIVE: 3 }));
    const api = new FakeSharesApi((req) => {
      if (req.filter?.status?.[0] === 'FAILED' && fail) {
        throw new Error('flaky');
      }
      return data(req);
    });
    const o = owner(api, 2);
    await o.load();
    assert.deepEqual(summary(o), ['ACTIVE:2+', 'FAILED:0']);
    fail = false;
    const scopes: string[] = [];
    o.onDidChange((c) => scopes.push(c.scope));
    await o.group('FAILED')?.loadMore();
    assert.deepEqual(summary(o), ['ACTIVE:2+']);
    assert.equal(scopes.at(-1), 'owner');
  });

  it('drops a late first page after reset and aborts it', async () => {
    const api = new FakeSharesApi();
    const o = owner(api);
    const stale = o.load();
    await flush();
    o.reset();
    assert.equal(api.calls[0].signal?.aborted, true);
    assert.deepEqual(o.state, { kind: 'idle' });
    await stale;
    assert.deepEqual(o.state, { kind: 'idle' });
    assert.deepEqual(o.groups(), []);
  });

  it('drops late per-status pages after reset and aborts every one of them', async () => {
    const api = new FakeSharesApi();
    const o = owner(api, 1);
    const stale = o.load();
    await flush();
    api.calls[0].respond.resolve({ items: [makeShare(0, 'ACTIVE')], nextToken: 'o1' });
    await flush();
    assert.equal(api.calls.length, 7);
    o.reset();
    assert.ok(
      api.calls.slice(1).every((c) => c.signal?.aborted === true),
      'the six status queries in flight are aborted',
    );
    await stale;

    // The next generation loads normally; nothing from the old one shows up.
    const fresh = o.load();
    await flush();
    api.calls[7].respond.resolve({ items: [makeShare(9, 'DELETED')] });
    await fresh;
    assert.deepEqual(summary(o), ['DELETED:1']);
  });

  it('ignores a result that answers after reset even if the server ignores the abort', async () => {
    const api = new FakeSharesApi();
    const o = owner(api);
    const first = o.load();
    await flush();
    const old = api.calls[0];
    o.reset();
    const second = o.load();
    await flush();
    api.calls[1].respond.resolve({ items: [makeShare(1, 'PENDING')] });
    await second;
    // Settle the old call as if the abort never reached the server (a no-op if it already rejected).
    old.respond.resolve({ items: [makeShare(2, 'ACTIVE')] });
    await first;
    await flush();
    assert.deepEqual(summary(o), ['PENDING:1']);
  });

  it('coalesces load() calls while loading', async () => {
    const api = new FakeSharesApi(dataSet([makeShare(0, 'ACTIVE')]));
    const o = owner(api);
    const a = o.load();
    const b = o.load();
    assert.equal(a, b);
    await a;
    assert.equal(api.calls.length, 1);
  });

  it('keeps shares with an unknown status in a last group', async () => {
    const api = new FakeSharesApi(dataSet([makeShare(0, 'UNKNOWN'), makeShare(1, 'ACTIVE')]));
    const o = owner(api);
    await o.load();
    assert.deepEqual(summary(o), ['ACTIVE:1', 'UNKNOWN:1']);
    assert.equal(o.group('UNKNOWN')?.label, 'Unknown status');
  });

  it('fires owner-level changes when loading starts and ends, and reload() starts over', async () => {
    const api = new FakeSharesApi(dataSet([makeShare(0, 'ACTIVE')]));
    const o = owner(api);
    const states: string[] = [];
    o.onDidChange((c) => states.push(`${c.scope}:${o.state.kind}`));
    await o.load();
    assert.deepEqual(states, ['owner:loading', 'owner:ready']);
    await o.reload();
    assert.equal(api.calls.length, 2);
    assert.deepEqual(states.slice(2), ['owner:idle', 'owner:loading', 'owner:ready']);
  });

  it('falls back to the default page size for a nonsensical one', async () => {
    const api = new FakeSharesApi(dataSet([]));
    await owner(api, Number.NaN).load();
    await owner(api, 0).load();
    assert.deepEqual(
      api.calls.map((c) => c.req.maxResults),
      [50, 50],
    );
  });
});
