/**
 * StatusPoller. The scheduling rules run on FakeClock, a seam fake of the Scheduler interface (see
 * shareFixtures.ts), with a fake fetch whose answers the test settles; one test runs real timers and the real
 * SDK against the emulator.
 */
import assert from 'node:assert/strict';
import { describe, it } from './testing';
import type { Share, ShareStatusOrUnknown } from '../../src/core/model';
import type { PollFailure, StatusChange } from '../../src/core/polling';
import { StatusPoller } from '../../src/core/polling';
import type { Deferred } from './fakes';
import { abortError, deferred, flush, makeShare } from './fakes';
import { FakeClock, record, waitFor, wfArn, withEmulator } from './shareFixtures';

interface Call {
  shareId: string;
  signal: AbortSignal;
  answer: Deferred<Share>;
}

function setup(): {
  clock: FakeClock;
  poller: StatusPoller;
  calls: Call[];
  changes: StatusChange[];
  failures: PollFailure[];
  /** Answers every open call of `shareId` with that share in `status`. */
  answer(shareId: string, status: ShareStatusOrUnknown): Promise<void>;
  fail(shareId: string, name: string): Promise<void>;
} {
  const clock = new FakeClock();
  const calls: Call[] = [];
  const open = (id: string): Call[] => calls.filter((c) => c.shareId === id && !settled.has(c));
  const settled = new Set<Call>();
  const poller = new StatusPoller({
    scheduler: clock,
    fetch: (shareId, signal) => {
      const answer = deferred<Share>();
      const call = { shareId, signal, answer };
      calls.push(call);
      signal.addEventListener('abort', () => answer.reject(abortError()));
      return answer.promise;
    },
  });
  const changes: StatusChange[] = [];
  const failures: PollFailure[] = [];
  poller.onDidChange((c) => changes.push(c));
  poller.onDidFail((f) => failures.push(f));
  return {
    clock,
    poller,
    calls,
    changes,
    failures,
    async answer(shareId, status) {
      for (const c of open(shareId)) {
        settled.add(c);
        c.answer.resolve(share(shareId, status));
      }
      await flush();
    },
    async fail(shareId, name) {
      for (const c of open(shareId)) {
        settled.add(c);
        c.answer.reject(Object.assign(new Error(`${name} for ${shareId}`), { name }));
      }
      await flush();
    },
  };
}

const share = (id: string, status: ShareStatusOrUnknown): Share => makeShare(0, status, { key: id, shareId: id });
const ids = (calls: Call[]): string[] => calls.map((c) => c.shareId);

describe('StatusPoller (fake clock)', () => {
  it('polls only the transitional shares, on the back-off 2, 4, 8, 16, 30, 30 s', async () => {
    const t = setup();
    t.poller.setVisible([
      share('a', 'ACTIVATING'),
      share('p', 'PENDING'),
      share('x', 'ACTIVE'),
      share('d', 'DELETING'),
    ]);
    assert.deepEqual(t.poller.shareIds, ['a', 'd']);
    for (let round = 0; round < 6; round++) {
      t.clock.advance(t.clock.requested.at(-1) ?? 0);
      await t.answer('a', 'ACTIVATING');
      await t.answer('d', 'DELETING');
    }
    assert.deepEqual(t.clock.requested, [2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.deepEqual(ids(t.calls), ['a', 'd', 'a', 'd', 'a', 'd', 'a', 'd', 'a', 'd', 'a', 'd']);
    assert.equal(t.changes.length, 0, 'nothing changed, nothing reported');
  });

  it('reports changes, drops settled shares, and stops when none remain', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING'), share('d', 'DELETING')]);
    t.clock.advance(2000);
    await t.answer('a', 'ACTIVE');
    await t.answer('d', 'DELETING');
    assert.deepEqual(
      t.changes.map((c) => [c.previous.status, c.share.status, c.settled]),
      [['ACTIVATING', 'ACTIVE', true]],
    );
    assert.deepEqual(t.poller.shareIds, ['d']);
    t.clock.advance(4000);
    assert.deepEqual(ids(t.calls), ['a', 'd', 'd']);
    await t.answer('d', 'DELETED');
    assert.deepEqual(t.poller.shareIds, []);
    assert.equal(t.poller.isScheduled, false);
    assert.equal(t.clock.pending, 0);
  });

  it('restarts the back-off when a new transitional share appears, but not for known ones', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING')]);
    t.clock.advance(2000);
    await t.answer('a', 'ACTIVATING');
    t.poller.setVisible([share('a', 'ACTIVATING')]); // same set: keeps the 4 s step
    t.poller.watch(share('b', 'DELETING')); // new: back to 2 s
    assert.deepEqual(t.clock.requested, [2000, 4000, 2000]);
    t.clock.advance(2000);
    assert.deepEqual(ids(t.calls), ['a', 'a', 'b']);
    t.poller.watch(share('c', 'ACTIVE'));
    assert.deepEqual(t.poller.shareIds, ['a', 'b'], 'settled shares are not watched');
  });

  it('never fetches a share twice at once: a slow fetch skips rounds', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING'), share('b', 'ACTIVATING')]);
    t.clock.advance(2000);
    await t.answer('b', 'ACTIVATING');
    t.clock.advance(4000);
    await t.answer('b', 'ACTIVATING');
    t.clock.advance(8000);
    assert.deepEqual(ids(t.calls), ['a', 'b', 'b', 'b'], "'a' is still in flight: not fetched again");
    await t.answer('a', 'ACTIVE');
    assert.equal(t.changes.length, 1);
  });

  it('pause stops scheduling; resume restarts at the first delay', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING')]);
    t.clock.advance(2000);
    await t.answer('a', 'ACTIVATING');
    t.poller.pause();
    assert.equal(t.clock.pending, 0);
    t.clock.advance(60_000);
    assert.equal(t.calls.length, 1);
    t.poller.resume();
    assert.equal(t.clock.requested.at(-1), 2000);
    t.clock.advance(2000);
    assert.equal(t.calls.length, 2);
  });

  it('reports errors and keeps the share with back-off; a not-found share is dropped', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING'), share('gone', 'DELETING')]);
    t.clock.advance(2000);
    await t.fail('a', 'ThrottlingException');
    await t.fail('gone', 'ResourceNotFoundException');
    assert.deepEqual(
      t.failures.map((f) => [f.shareId, f.error.kind, f.dropped]),
      [
        ['a', 'throttled', false],
        ['gone', 'notFound', true],
      ],
    );
    assert.deepEqual(t.poller.shareIds, ['a']);
    t.clock.advance(4000);
    assert.deepEqual(ids(t.calls), ['a', 'gone', 'a']);
  });

  it('forgets shares that are no longer visible, aborting their fetch; late answers are ignored', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING'), share('b', 'ACTIVATING')]);
    t.clock.advance(2000);
    t.poller.setVisible([share('b', 'ACTIVATING')]);
    assert.equal(t.calls[0]?.signal.aborted, true);
    await flush();
    assert.deepEqual([t.changes.length, t.failures.length], [0, 0], 'an aborted fetch reports nothing');
    t.poller.setVisible([]);
    assert.equal(t.poller.isScheduled, false);
  });

  it('dispose stops everything', async () => {
    const t = setup();
    t.poller.setVisible([share('a', 'ACTIVATING')]);
    t.clock.advance(2000);
    t.poller.dispose();
    assert.equal(t.calls[0]?.signal.aborted, true);
    assert.equal(t.clock.pending, 0);
    t.poller.watch(share('b', 'ACTIVATING'));
    assert.equal(t.clock.pending, 0);
    await flush();
    assert.equal(t.changes.length + t.failures.length, 0);
  });
});

describe('StatusPoller (real timers, emulator)', () => {
  it('follows an accepted share to ACTIVE with GetShare only, then stops', async () => {
    await withEmulator([record('offer', wfArn('9'), { status: 'PENDING' })], async ({ em, sub }) => {
      const poller = new StatusPoller({ fetch: (id, signal) => sub.ops.getShare(id, signal), delays: [20, 40] });
      const changes: StatusChange[] = [];
      poller.onDidChange((c) => changes.push(c));
      try {
        const offer = await sub.ops.getShare('offer');
        const status = await sub.ops.acceptShare('offer');
        poller.watch({ ...offer, status });
        await waitFor(() => changes.some((c) => c.settled));
        assert.equal(changes.at(-1)?.share.status, 'ACTIVE');
        assert.equal(poller.isScheduled, false);
        const ops = em.requests.map((r) => r.operation);
        assert.deepEqual([...new Set(ops.slice(2))], ['GetShare']);
      } finally {
        poller.dispose();
      }
    });
  });
});
