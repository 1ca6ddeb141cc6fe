/**
 * Batch delete: the real SDK against the emulator for the deletions (one failure injected by a wrong-state share
 * or by a server fault), and the pure summary and confirmation texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { DeleteResult } from '../../src/core/batchDelete';
import { deleteConfirmation, deleteShares, summarizeDeletes } from '../../src/core/batchDelete';
import { describeError } from '../../src/core/errors';
import type { Share } from '../../src/core/model';
import { makeShare } from './fakes';
import { record, vsArn, wfArn, withEmulator } from './shareFixtures';

describe('deleteShares against the emulator', () => {
  const data = [
    record('s1', wfArn('1'), { shareName: 'align-v1' }),
    record('s2', wfArn('2'), { shareName: 'rnaseq-v3', status: 'DELETED' }),
    record('s3', vsArn('gnomad'), { shareName: 'gnomad', status: 'PENDING' }),
    record('s4', wfArn('4'), { shareName: 'qc-v2' }),
  ];

  it('deletes every share, keeps input order, and reports the wrong-state one as a Conflict', async () => {
    await withEmulator(data, async ({ em, owner }) => {
      const shares = (await owner.api.listShares({ resourceOwner: 'SELF', maxResults: 10 })).items;
      const progress: number[] = [];
      const results = await deleteShares(owner.ops, shares, {
        owner: 'SELF',
        concurrency: 2,
        onProgress: (done) => progress.push(done),
      });
      assert.deepEqual(
        results.map((r) => [r.share.shareId, r.ok ? r.status : r.error.kind]),
        [
          ['s1', 'DELETING'],
          ['s2', 'conflict'],
          ['s3', 'DELETING'],
          ['s4', 'DELETING'],
        ],
      );
      assert.deepEqual(progress, [1, 2, 3, 4]);
      assert.equal(em.requests.filter((r) => r.operation === 'DeleteShare').length, 4);
      const summary = summarizeDeletes(results);
      assert.match(summary.text, /^Revoked 3 shares; 1 failed: rnaseq-v3 — Conflict: DeleteShare\. .+/);
      assert.equal(summary.severity, 'warning');
      assert.equal(summary.failures.length, 1);
    });
  });

  it('reports an injected server error for one share and still deletes the others', async () => {
    await withEmulator(data, async ({ em, sub }) => {
      em.setFaults({ serverError: { count: 1, operation: 'DeleteShare' } });
      const shares = (await sub.api.listShares({ resourceOwner: 'OTHER', maxResults: 10 })).items.filter(
        (s) => s.status !== 'DELETED',
      );
      const results = await deleteShares(sub.ops, shares, { owner: 'OTHER', concurrency: 1 });
      assert.deepEqual(
        results.map((r) => [r.share.shareName, r.ok ? r.status : r.error.kind]),
        [
          ['align-v1', 'server'],
          ['gnomad', 'DELETING'],
          ['qc-v2', 'DELETING'],
        ],
      );
      const summary = summarizeDeletes(results);
      assert.match(
        summary.text,
        /^Declined 1 share, left 1 share; 1 failed: align-v1 — HealthOmics error: DeleteShare\./,
      );
    });
  });

  it('fails a share without an id before sending anything', async () => {
    await withEmulator([], async ({ em, owner }) => {
      const noId = makeShare(1, 'ACTIVE', { shareName: 'ghost', shareId: undefined });
      const [result] = await deleteShares(owner.ops, [noId], { owner: 'SELF' });
      assert.equal(result?.ok, false);
      assert.equal(em.requests.length, 0);
    });
  });
});

const ok = (share: Share, verb: DeleteResult['verb'] = 'revoke'): DeleteResult => ({
  share,
  verb,
  ok: true,
  status: 'DELETING',
});
const failed = (share: Share, name: string): DeleteResult => {
  const cause = Object.assign(new Error('Share is in state DELETED'), { name });
  return { share, verb: 'revoke', ok: false, cause, error: describeError(cause, { operation: 'DeleteShare' }) };
};

describe('summarizeDeletes', () => {
  const s = (n: number, name?: string): Share => makeShare(n, 'ACTIVE', name === undefined ? {} : { shareName: name });

  it('all succeeded', () => {
    assert.deepEqual(summarizeDeletes([ok(s(1)), ok(s(2))]), {
      text: 'Revoked 2 shares',
      failures: [],
      severity: 'info',
    });
    assert.equal(summarizeDeletes([ok(s(1), 'leave')]).text, 'Left 1 share');
  });

  it('all failed: one names its full reason, several name the first two and count the rest', () => {
    const one = summarizeDeletes([failed(s(1, 'a'), 'ConflictException')]);
    assert.match(one.text, /^The share failed: a — Conflict: DeleteShare\. Share is in state DELETED\. /);
    assert.equal(one.severity, 'error');
    const many = summarizeDeletes([
      failed(s(1, 'a'), 'ConflictException'),
      failed(s(2, 'b'), 'AccessDeniedException'),
      failed(s(3), 'ConflictException'),
    ]);
    assert.equal(
      many.text,
      'All 3 shares failed: a — Conflict: DeleteShare; b — Access denied: omics:DeleteShare; and 1 more',
    );
    assert.equal(many.failures.length, 3);
    assert.match(many.failures[2] ?? '', /^share-active-3 — Conflict/);
  });

  it('an empty selection', () => {
    assert.equal(summarizeDeletes([]).text, 'Nothing to delete.');
  });
});

describe('deleteConfirmation', () => {
  it('one owned share: names the share, the resource, the subscriber and what happens', () => {
    const c = deleteConfirmation([makeShare(1, 'ACTIVE', { shareName: 'rnaseq-v3' })], 'SELF');
    assert.equal(c.message, 'Revoke share "rnaseq-v3"?');
    assert.equal(c.confirm, 'Revoke');
    assert.equal(
      c.detail,
      [
        'Workflow: arn:aws:omics:us-east-1:111111111111:workflow/1001',
        'Subscriber account: 222222222222',
        'Share ID: share-active-1',
        '',
        'The subscriber loses access to the resource. To restore it, share the resource again.',
      ].join('\n'),
    );
  });

  it('one offer: decline, naming the owner account', () => {
    const c = deleteConfirmation([makeShare(1, 'PENDING')], 'OTHER');
    assert.equal(c.message, 'Decline share "share-pending-1"?');
    assert.match(c.detail, /^Owner account: 111111111111$/m);
  });

  it('several shares: the count, the first few names, resources and accounts', () => {
    const shares = [1, 2, 3, 4, 5].map((n) =>
      makeShare(n, 'ACTIVE', { shareName: `wf-${n}`, principalSubscriber: `00000000000${n}` }),
    );
    const c = deleteConfirmation(shares, 'SELF');
    assert.equal(c.message, 'Revoke 5 shares?');
    assert.match(c.detail, /^Shares: wf-1, wf-2, wf-3 and 2 more$/m);
    assert.match(c.detail, /^Resources: arn:aws:omics:us-east-1:111111111111:workflow\/1001, .+ and 2 more$/m);
    assert.match(c.detail, /^Other accounts: 000000000001, 000000000002, 000000000003 and 2 more$/m);
  });

  it('a mixed selection says Delete and lists each consequence', () => {
    const shares = [makeShare(1, 'ACTIVE'), makeShare(2, 'PENDING')];
    const c = deleteConfirmation(shares, (share) => (share.status === 'PENDING' ? 'OTHER' : 'SELF'));
    assert.equal(c.message, 'Delete 2 shares?');
    assert.match(c.detail, /subscriber loses access.*The offer is declined/);
  });

  it('flattens untrusted names to one line', () => {
    const c = deleteConfirmation([makeShare(1, 'ACTIVE', { shareName: 'a\nb\u0007c' })], 'SELF');
    assert.equal(c.message, 'Revoke share "a b c"?');
  });
});
