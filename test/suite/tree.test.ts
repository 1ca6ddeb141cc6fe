import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoadMoreNode, MessageNode, ShareNode } from '../../src/vscode/nodes';
import type { ShareRecord } from '../emulator/server';
import {
  accounts,
  DEMO_OWNER as O,
  DEMO_SUBSCRIBER as S,
  labelOf,
  listRequests,
  owner,
  setSettings,
  settledTree,
  setUpEnv,
  share,
  showView,
  statusNode,
  waitFor,
  type TestEnv,
} from './helpers';

describe('shares tree (against the emulator)', function () {
  this.timeout(60_000);
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('first render costs exactly one ListShares per owner when each fits a page; collapsing and re-expanding costs none', async () => {
    const shares: ShareRecord[] = [
      share(O.id, S.id, 'PENDING'),
      share(O.id, S.id, 'ACTIVE'),
      share(O.id, '210987654321', 'FAILED'),
      share(S.id, O.id, 'ACTIVE'),
      share(S.id, O.id, 'PENDING'),
    ];
    env = await setUpEnv({ accounts: accounts(), shares });
    await showView();
    const tree = await settledTree(env.api);
    assert.deepEqual(tree.get('SELF')?.map(labelOf), ['Pending', 'Active', 'Failed']);
    assert.deepEqual(tree.get('OTHER')?.map(labelOf), ['Pending', 'Active']);
    assert.equal(listRequests(env.emulator).length, 2, 'one request per owner');
    assert.deepEqual(
      listRequests(env.emulator)
        .map((r) => r.resourceOwner)
        .sort(),
      ['OTHER', 'SELF'],
    );
    // Walk every level again, as VS Code does on collapse/expand: served from memory.
    for (const which of ['SELF', 'OTHER'] as const) {
      for (const group of env.api.tree.getChildren(owner(env.api, which))) {
        env.api.tree.getChildren(group);
      }
    }
    await vscode.commands.executeCommand('workbench.actions.treeView.healthomics.shares.collapseAll');
    await showView();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(listRequests(env.emulator).length, 2);
  });

  it('shows a Pending share that the server lists after 500 Active ones under Pending at first render', async () => {
    const shares = Array.from({ length: 500 }, () => share(O.id, S.id, 'ACTIVE'));
    const late = share(O.id, S.id, 'PENDING', undefined, 'late-pending-share');
    shares.push(late);
    env = await setUpEnv({ accounts: accounts(), shares });
    await showView();
    await settledTree(env.api);
    const pending = statusNode(env.api, 'SELF', 'PENDING');
    assert.ok(pending, 'a Pending group exists');
    assert.deepEqual(env.api.tree.getChildren(pending).map(labelOf), ['late-pending-share']);
    const active = statusNode(env.api, 'SELF', 'ACTIVE');
    assert.ok(active);
    assert.equal(active.toTreeItem().description, '50+');
    assert.equal(active.toTreeItem().contextValue, 'statusGroupMore', 'inline Load more action');
  });

  it('"Load more…" appends the next page with one request and ignores a second click while loading', async () => {
    const shares = Array.from({ length: 120 }, () => share(O.id, S.id, 'ACTIVE'));
    env = await setUpEnv({ accounts: accounts(), shares });
    await setSettings({ pageSize: 50 });
    await showView();
    await settledTree(env.api);
    const active = statusNode(env.api, 'SELF', 'ACTIVE');
    assert.ok(active);
    const rows = env.api.tree.getChildren(active);
    assert.equal(rows.filter((r) => r.kind === 'share').length, 50);
    const more = rows.at(-1) as LoadMoreNode;
    assert.equal(more.kind, 'loadMore');
    assert.equal(labelOf(more), 'Load more…');
    const before = listRequests(env.emulator).length;
    env.emulator.setFaults({ latencyMs: 300 });
    // Two clicks in a row: the second arrives while the first page is still loading.
    const first = vscode.commands.executeCommand('healthomics.loadMore', active);
    await waitFor('loading to start', () => active.group.isLoading);
    assert.equal(labelOf(env.api.tree.getChildren(active).at(-1)!), 'Loading…');
    await vscode.commands.executeCommand('healthomics.loadMore', active);
    await first;
    env.emulator.clearFaults();
    await waitFor('page 2', () => !active.group.isLoading);
    assert.equal(listRequests(env.emulator).length, before + 1, 'exactly one request for two clicks');
    const after = env.api.tree.getChildren(active);
    const ids = after.filter((r): r is ShareNode => r.kind === 'share').map((r) => r.share.shareId);
    assert.equal(ids.length, 100);
    assert.equal(new Set(ids).size, 100, 'no duplicates');
    assert.deepEqual(
      ids.slice(0, 50),
      rows.filter((r): r is ShareNode => r.kind === 'share').map((r) => r.share.shareId),
      'appended, earlier rows unchanged',
    );
    assert.equal(active.toTreeItem().description, '100+');
    await vscode.commands.executeCommand('healthomics.loadMore', active);
    await waitFor('page 3', () => !active.group.isLoading && !active.group.hasMore);
    assert.equal(active.toTreeItem().description, '120');
    assert.equal(env.api.tree.getChildren(active).at(-1)?.kind, 'share', 'no Load more row at the end');
  });

  it('maps an injected throttling error to a readable row with Retry, then recovers', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE'), share(S.id, O.id, 'PENDING')] });
    env.emulator.setFaults({ throttle: { count: 100 } });
    await showView();
    const tree = await settledTree(env.api);
    const row = tree.get('SELF')?.[0] as MessageNode;
    assert.equal(row.kind, 'message');
    assert.equal(row.options.error?.kind, 'throttled');
    assert.match(labelOf(row), /thrott/i);
    assert.equal(row.toTreeItem().contextValue, 'error.throttled');
    assert.equal(row.toTreeItem().command?.command, 'healthomics.retry');
    env.emulator.clearFaults();
    await vscode.commands.executeCommand('healthomics.retry', row);
    const after = await settledTree(env.api);
    assert.deepEqual(after.get('SELF')?.map(labelOf), ['Active']);
  });

  it('says "No shares" for an owner without any', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE')] }, 'demo-subscriber');
    await showView();
    const tree = await settledTree(env.api);
    assert.deepEqual(tree.get('SELF')?.map(labelOf), ['No shares']);
    assert.deepEqual(tree.get('OTHER')?.map(labelOf), ['Active']);
  });

  it('never shows rows of a superseded profile: slow results of the old identity are discarded', async () => {
    const shares = [
      share(O.id, S.id, 'ACTIVE', undefined, 'owned-by-owner'),
      share(S.id, O.id, 'ACTIVE', undefined, 'owned-by-subscriber'),
    ];
    env = await setUpEnv({ accounts: accounts(), shares });
    env.emulator.setFaults({ latencyByAccount: { [O.id]: 1500 } });
    await showView();
    await waitFor(
      'owner requests in flight',
      () => listRequests(env!.emulator).length > 0 || env!.emulator.requests.length > 0 || undefined,
      5000,
    ).catch(() => undefined);
    // Switch while demo-owner's slow requests are still in flight, back and forth, ending on the subscriber.
    await setSettings({ profile: 'demo-subscriber' });
    await setSettings({ profile: 'demo-owner' });
    await setSettings({ profile: 'demo-subscriber' });
    await env.api.ready();
    await waitFor('subscriber identity', () => env!.api.connections.connection?.profile === 'demo-subscriber');
    await showView();
    const tree = await settledTree(env.api);
    const self = tree.get('SELF') ?? [];
    const selfShares = self.flatMap((g) => (g.kind === 'status' ? env!.api.tree.getChildren(g) : [])).map(labelOf);
    assert.deepEqual(selfShares, ['owned-by-subscriber']);
    // Wait past the slow responses: they must not land.
    await new Promise((r) => setTimeout(r, 1800));
    const again = env.api.tree
      .getChildren(owner(env.api, 'SELF'))
      .flatMap((g) => (g.kind === 'status' ? env!.api.tree.getChildren(g) : []));
    assert.deepEqual(again.map(labelOf), ['owned-by-subscriber']);
  });
});
