import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShareNode } from '../../src/vscode/nodes';
import {
  accounts,
  DEMO_OWNER as O,
  DEMO_SUBSCRIBER as S,
  labelOf,
  listRequests,
  REGION,
  setSettings,
  settledTree,
  setUpEnv,
  share,
  showView,
  statusNode,
  waitFor,
  type TestEnv,
} from './helpers';

const yes = () => Promise.resolve(true);

describe('share actions (two accounts, against the emulator)', function () {
  this.timeout(90_000);
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  async function as(profile: 'demo-owner' | 'demo-subscriber'): Promise<void> {
    await setSettings({ profile });
    await env!.api.ready();
    await waitFor(profile, () => env!.api.connections.connection?.profile === profile);
    await showView();
    await settledTree(env!.api);
  }

  function rowsOf(owner: 'SELF' | 'OTHER', status: Parameters<typeof statusNode>[2]): ShareNode[] {
    const group = statusNode(env!.api, owner, status);
    return group ? env!.api.tree.getChildren(group).filter((n): n is ShareNode => n.kind === 'share') : [];
  }

  it('owner creates → subscriber sees Pending and accepts → Active for both → owner revokes → Deleted for both', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE', 500, 'existing')] });
    await as('demo-owner');
    const before = listRequests(env.emulator).length;
    const arn = `arn:aws:omics:${REGION}:${O.id}:workflow/7777777`;
    const created = await env.api.actions.create({
      resourceArn: arn,
      principalSubscriber: S.id,
      shareName: 'new_share',
    });
    assert.ok(created?.shareId);
    assert.deepEqual(
      rowsOf('SELF', 'PENDING').map((n) => n.share.shareName),
      ['new_share'],
      'appears under Pending',
    );
    assert.equal(listRequests(env.emulator).length, before, 'no reload: the row was added in place');

    await as('demo-subscriber');
    assert.equal((env.api.treeView.badge as { value: number } | undefined)?.value, 1, 'pending badge');
    const offer = rowsOf('OTHER', 'PENDING')[0];
    assert.equal(offer.share.shareId, created.shareId);
    assert.equal(offer.toTreeItem().contextValue, 'share.accept.decline');
    await vscode.commands.executeCommand('healthomics.acceptShare', offer);
    assert.deepEqual(
      rowsOf('OTHER', 'ACTIVATING').map((n) => n.share.shareId),
      [created.shareId],
    );
    assert.equal(env.api.treeView.badge, undefined, 'no pending offers left');
    // Live status: only that share is polled (GetShare), until it settles.
    await waitFor('ACTIVE', () => rowsOf('OTHER', 'ACTIVE').some((n) => n.share.shareId === created.shareId), 15_000);
    const polls = env.emulator.requests.filter((r) => r.operation === 'GetShare');
    assert.ok(polls.length >= 1 && polls.every((r) => r.path.endsWith(created.shareId!)));
    await waitFor('polling to stop', () => env!.api.actions.pollingShareIds.length === 0);
    const accepted = rowsOf('OTHER', 'ACTIVE').find((n) => n.share.shareId === created.shareId);
    assert.equal(accepted?.toTreeItem().contextValue, 'share.leave', 'an accepted share can be left, not declined');

    await as('demo-owner');
    const active = rowsOf('SELF', 'ACTIVE').find((n) => n.share.shareId === created.shareId);
    assert.ok(active, 'the owner sees it Active');
    assert.equal(active.toTreeItem().contextValue, 'share.revoke');
    const summary = await env.api.actions.delete([active], yes);
    assert.match(summary ?? '', /Revoked/);
    assert.deepEqual(
      rowsOf('SELF', 'DELETING').map((n) => n.share.shareId),
      [created.shareId],
    );
    await waitFor('DELETED', () => rowsOf('SELF', 'DELETED').some((n) => n.share.shareId === created.shareId), 15_000);
    await as('demo-subscriber');
    assert.ok(
      rowsOf('OTHER', 'DELETED').some((n) => n.share.shareId === created.shareId),
      'the subscriber sees it Deleted',
    );
  });

  it('deletes several rows with one confirmation and summarises one injected failure', async () => {
    env = await setUpEnv({
      accounts: accounts(),
      shares: [
        share(O.id, S.id, 'ACTIVE', 510, 'one'),
        share(O.id, S.id, 'ACTIVE', 511, 'two'),
        share(O.id, S.id, 'ACTIVE', 512, 'three'),
      ],
    });
    await as('demo-owner');
    const rows = rowsOf('SELF', 'ACTIVE');
    let asked = 0;
    let question = '';
    env.emulator.setFaults({ serverError: { count: 1, operation: 'DeleteShare' } });
    const summary = await env.api.actions.delete(rows, (message) => {
      asked++;
      question = message;
      return Promise.resolve(true);
    });
    assert.equal(asked, 1, 'one confirmation');
    assert.match(question, /3 shares/);
    assert.match(summary ?? '', /Revoked 2 shares; 1 failed: \S+ — /);
    assert.equal(rowsOf('SELF', 'DELETING').length, 2);
    assert.equal(rowsOf('SELF', 'ACTIVE').length, 1, 'the failed one stays where it was');
    const deletes = env.emulator.requests.filter((r) => r.operation === 'DeleteShare');
    assert.equal(deletes.length, 3);
  });

  it('declining asks first and sends nothing when the user says no', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(S.id, O.id, 'PENDING', 520, 'offer')] });
    await as('demo-owner');
    const [offer] = rowsOf('OTHER', 'PENDING');
    assert.equal(await env.api.actions.delete([offer], () => Promise.resolve(false)), undefined);
    assert.equal(env.emulator.requests.filter((r) => r.operation === 'DeleteShare').length, 0);
  });

  it('finds a share by id or resource ARN, loading pages until it can reveal it', async () => {
    const shares = Array.from({ length: 130 }, (_, i) => share(O.id, S.id, 'ACTIVE', 600 + i));
    env = await setUpEnv({ accounts: accounts(), shares });
    await setSettings({ pageSize: 50 });
    await as('demo-owner');
    const target = shares[120];
    const node = await env.api.actions.find(target.shareId);
    assert.equal(node?.share.shareId, target.shareId);
    assert.ok(rowsOf('SELF', 'ACTIVE').length >= 121, 'pages were loaded up to it');
    const byArn = await env.api.actions.find(shares[5].resourceArn);
    assert.equal(byArn?.share.shareId, shares[5].shareId);
  });

  it('shows fresh details in a read-only document', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'FAILED', 700, 'broken_share')] });
    await as('demo-owner');
    const [row] = rowsOf('SELF', 'FAILED');
    const gets = () => env!.emulator.requests.filter((r) => r.operation === 'GetShare').length;
    await vscode.commands.executeCommand('healthomics.showShareDetails', row);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'healthomics-share');
    assert.match(editor?.document.getText() ?? '', /broken_share/);
    assert.ok(editor?.document.getText().includes(row.share.shareId!));
    assert.equal(gets(), 1, 'fetched with GetShare');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.deepEqual(labelOf(statusNode(env.api, 'SELF', 'FAILED')!), 'Failed');
  });
});
