import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { Page } from '../../src/core/model';
import { PagedList } from '../../src/core/paging';
import { abortError, deferred, flush } from './fakes';
import type { Deferred } from './fakes';

/**
 * A loader whose every call is held until the test settles it, recording the token and signal. (A plain function
 * stands in for ListShares here: PagedList only knows the PageLoader type.)
 */
function heldLoader<T>() {
  const calls: { token: string | undefined; signal: AbortSignal; page: Deferred<Page<T>> }[] = [];
  const loader = (token: string | undefined, signal: AbortSignal): Promise<Page<T>> => {
    const page = deferred<Page<T>>();
    signal.addEventListener('abort', () => page.reject(abortError()), { once: true });
    calls.push({ token, signal, page });
    return page.promise;
  };
  return { calls, loader };
}

describe('PagedList', () => {
  it('loads the first page, then the next by token, then stops at the end', async () => {
    const { calls, loader } = heldLoader<string>();
    const list = new PagedList(loader);
    assert.equal(list.loaded, false);
    assert.equal(list.hasMore, false);

    const first = list.loadFirst();
    assert.equal(list.isLoading, true);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].token, undefined);
    calls[0].page.resolve({ items: ['a', 'b'], nextToken: 't2', requestId: 'r1' });
    await first;
    assert.deepEqual(list.items, ['a', 'b']);
    assert.equal(list.loaded, true);
    assert.equal(list.hasMore, true);
    assert.equal(list.nextToken, 't2');
    assert.equal(list.isLoading, false);
    assert.equal(list.lastRequestId, 'r1');

    const more = list.loadMore();
    assert.equal(calls[1].token, 't2');
    calls[1].page.resolve({ items: ['c'] });
    await more;
    assert.deepEqual(list.items, ['a', 'b', 'c']);
    assert.equal(list.hasMore, false);

    await list.loadMore();
    await list.loadFirst();
    assert.equal(calls.length, 2, 'nothing is requested at the end of the list or for a loaded first page');
  });

  it('returns the same promise for a second load while one runs (one request)', async () => {
    const { calls, loader } = heldLoader<number>();
    const list = new PagedList(loader);
    const a = list.loadMore();
    const b = list.loadMore();
    const c = list.loadFirst();
    assert.equal(a, b);
    assert.equal(a, c);
    assert.equal(calls.length, 1);
    calls[0].page.resolve({ items: [1], nextToken: 'n' });
    await a;
    const d = list.loadMore();
    const e = list.loadMore();
    assert.equal(d, e);
    assert.equal(calls.length, 2);
    calls[1].page.resolve({ items: [2] });
    await d;
    assert.deepEqual(list.items, [1, 2]);
  });

  it('keeps loaded items after an error and retries the same token', async () => {
    const { calls, loader } = heldLoader<string>();
    const list = new PagedList(loader);
    const p1 = list.loadFirst();
    calls[0].page.resolve({ items: ['a'], nextToken: 'tok-2' });
    await p1;

    const failure = new Error('throttled');
    const p2 = list.loadMore();
    calls[1].page.reject(failure);
    await p2; // never rejects
    assert.equal(list.error, failure);
    assert.deepEqual(list.items, ['a']);
    assert.equal(list.nextToken, 'tok-2');
    assert.equal(list.hasMore, true);
    assert.equal(list.isLoading, false);

    const p3 = list.loadMore();
    assert.equal(list.error, undefined, 'the error clears when the retry starts');
    assert.equal(calls[2].token, 'tok-2');
    calls[2].page.resolve({ items: ['b'] });
    await p3;
    assert.deepEqual(list.items, ['a', 'b']);
  });

  it('retries a failed first page from the start', async () => {
    const { calls, loader } = heldLoader<string>();
    const list = new PagedList(loader);
    const p1 = list.loadFirst();
    calls[0].page.reject(new Error('down'));
    await p1;
    assert.equal(list.loaded, false);
    const p2 = list.loadFirst();
    assert.equal(calls.length, 2);
    assert.equal(calls[1].token, undefined);
    calls[1].page.resolve({ items: ['x'] });
    await p2;
    assert.deepEqual(list.items, ['x']);
  });

  it('survives a loader that throws synchronously', async () => {
    let n = 0;
    const list = new PagedList<string>(() => {
      n++;
      if (n === 1) {
        throw new Error('sync boom');
      }
      return Promise.resolve({ items: ['ok'] });
    });
    await list.loadFirst();
    assert.match(String(list.error), /sync boom/);
    assert.equal(list.isLoading, false);
    await list.loadFirst();
    assert.deepEqual(list.items, ['ok']);
  });

  it('aborts the request in flight on reset and drops its late result', async () => {
    const { calls, loader } = heldLoader<string>();
    const list = new PagedList(loader);
    const stale = list.loadFirst();
    list.reset();
    assert.equal(calls[0].signal.aborted, true);
    assert.equal(list.isLoading, false);
    // A server that ignores the abort and answers anyway must not land:
    calls[0].page.resolve({ items: ['stale'], nextToken: 'old' });
    await stale;
    assert.deepEqual(list.items, []);
    assert.equal(list.loaded, false);
    assert.equal(list.nextToken, undefined);
  });

  it('lets a new generation load while the old one is still out, and ignores the old one', async () => {
    let held: Deferred<Page<string>> | undefined;
    let n = 0;
    const list = new PagedList<string>(() => {
      n++;
      if (n === 1) {
        held = deferred(); // ignores the signal: answers late no matter what
        return held.promise;
      }
      return Promise.resolve({ items: ['fresh'] });
    });
    const old = list.loadFirst();
    list.reset();
    await list.loadFirst();
    held?.resolve({ items: ['stale'] });
    await old;
    await flush();
    assert.deepEqual(list.items, ['fresh']);
    assert.equal(list.isLoading, false);
  });

  it('appends in place (no copy per page) and counts versions', async () => {
    const list = new PagedList<number>((token) => {
      const start = token === undefined ? 0 : Number(token);
      const items = Array.from({ length: 50 }, (_, i) => start + i);
      return Promise.resolve({ items, nextToken: start + 50 < 10_000 ? String(start + 50) : undefined });
    });
    await list.loadFirst();
    const array = list.items;
    let version = list.version;
    for (let page = 1; page < 200; page++) {
      await list.loadMore();
      assert.ok(list.version > version);
      version = list.version;
    }
    assert.equal(list.items, array, 'the same array grows: a page costs O(page)');
    assert.equal(list.items.length, 10_000);
    assert.equal(list.items[9_999], 9_999);
    assert.equal(list.hasMore, false);
  });

  it('drops items whose key was already loaded', async () => {
    const pages: Page<{ id: string }>[] = [
      { items: [{ id: 'a' }, { id: 'b' }], nextToken: '2' },
      { items: [{ id: 'b' }, { id: 'c' }] },
    ];
    const list = new PagedList((token) => Promise.resolve(pages[token === undefined ? 0 : 1]), {
      keyOf: (x) => x.id,
    });
    await list.loadFirst();
    await list.loadMore();
    assert.deepEqual(
      list.items.map((x) => x.id),
      ['a', 'b', 'c'],
    );
  });

  it('ends the list when the server hands back a token it already used', async () => {
    const tokens: (string | undefined)[] = [];
    const list = new PagedList<number>((token) => {
      tokens.push(token);
      return Promise.resolve({ items: [tokens.length], nextToken: 'same' });
    });
    await list.loadFirst();
    await list.loadMore();
    assert.equal(list.hasMore, false);
    await list.loadMore();
    assert.deepEqual(tokens, [undefined, 'same']);
  });

  it('starts loaded from an initial page and pages on from its token', async () => {
    const tokens: (string | undefined)[] = [];
    const list = new PagedList<string>(
      (token) => {
        tokens.push(token);
        return Promise.resolve({ items: ['b'] });
      },
      { initialPage: { items: ['a'], nextToken: 'next' } },
    );
    assert.equal(list.loaded, true);
    await list.loadFirst();
    assert.deepEqual(tokens, []);
    await list.loadMore();
    assert.deepEqual(tokens, ['next']);
    assert.deepEqual(list.items, ['a', 'b']);
  });

  it('notifies listeners on every change until they unsubscribe', async () => {
    const list = new PagedList<string>(() => Promise.resolve({ items: ['a'] }));
    let events = 0;
    const sub = list.onDidChange(() => events++);
    await list.loadFirst();
    assert.equal(events, 2, 'loading started + page appended');
    sub.dispose();
    list.reset();
    assert.equal(events, 2);
  });
});
