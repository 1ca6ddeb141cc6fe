import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { PagedList } from '../../src/core/paging';
import { hiddenByFilter, loadUntilFound } from '../../src/core/reveal';
import type { Share } from '../../src/core/model';
import { dataSet, FakeSharesApi, makeShare, sharesOf } from './fakes';

function activeList(api: FakeSharesApi): PagedList<Share> {
  const list = new PagedList<Share>(
    (nextToken, signal) =>
      api.listShares({ resourceOwner: 'SELF', filter: { status: ['ACTIVE'] }, maxResults: 2, nextToken }, signal),
    { keyOf: (s) => s.key },
  );
  return list;
}

describe('loadUntilFound', () => {
  it('pages until the row is loaded, reporting each page', async () => {
    const api = new FakeSharesApi(dataSet(sharesOf({ ACTIVE: 7 })));
    const list = activeList(api);
    await list.loadFirst();
    const pages: number[] = [];
    const hit = await loadUntilFound(list, 'share-active-4', { onPage: (n) => pages.push(n) });
    assert.equal(hit?.key, 'share-active-4');
    assert.deepEqual(pages, [4, 6]);
    assert.equal(api.calls.length, 3);
  });

  it('resolves undefined when the list ends without it, or after maxPages', async () => {
    const api = new FakeSharesApi(dataSet(sharesOf({ ACTIVE: 5 })));
    const list = activeList(api);
    await list.loadFirst();
    assert.equal(await loadUntilFound(list, 'share-active-4', { maxPages: 1 }), undefined);
    assert.equal(await loadUntilFound(list, 'nope'), undefined);
    assert.equal(list.items.length, 5);
  });

  it("rejects with the list's error, and with AbortError when aborted", async () => {
    const failing = new FakeSharesApi((req) => {
      if (req.nextToken !== undefined) {
        throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      }
      return dataSet(sharesOf({ ACTIVE: 5 }))(req);
    });
    const list = activeList(failing);
    await list.loadFirst();
    await assert.rejects(loadUntilFound(list, 'share-active-4'), { name: 'ThrottlingException' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(loadUntilFound(list, 'share-active-4', { signal: controller.signal }), { name: 'AbortError' });
  });
});

describe('hiddenByFilter', () => {
  const share = makeShare(1, 'PENDING');
  it('tells whether the tree filter hides a share', () => {
    assert.equal(hiddenByFilter(share, undefined), false);
    assert.equal(hiddenByFilter(share, { status: [] }), false);
    assert.equal(hiddenByFilter(share, { status: ['PENDING'], type: ['WORKFLOW'] }), false);
    assert.equal(hiddenByFilter(share, { status: ['ACTIVE'] }), true);
    assert.equal(hiddenByFilter(share, { type: ['VARIANT_STORE'] }), true);
    assert.equal(hiddenByFilter(share, { resourceArns: ['arn:aws:omics:us-east-1:111111111111:workflow/9'] }), true);
  });
});
