import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShareNode, StatusNode } from '../../src/vscode/nodes';
import {
  accounts,
  DEMO_OWNER as O,
  DEMO_SUBSCRIBER as S,
  labelOf,
  listRequests,
  owner,
  settledTree,
  setUpEnv,
  share,
  showView,
  statusNode,
  type TestEnv,
} from './helpers';

const WORKFLOW_ARN = (n: number) => `arn:aws:omics:us-east-1:${O.id}:workflow/${1_000_000 + n}`;

describe('Filter Shares and copy commands (against the emulator)', function () {
  this.timeout(60_000);
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.api.filters.set(undefined);
    await env?.close();
    env = undefined;
  });

  async function fixture(): Promise<TestEnv> {
    return setUpEnv({
      accounts: accounts(),
      shares: [
        share(O.id, S.id, 'PENDING', 101, 'pending-one'),
        share(O.id, S.id, 'ACTIVE', 102, 'active-one'),
        share(O.id, S.id, 'ACTIVE', 103, 'active-two'),
        share(O.id, S.id, 'FAILED', 104, 'failed-one'),
        share(S.id, O.id, 'PENDING', 105, 'offered-to-me'),
      ],
    });
  }

  it('applies a filter given as an argument: sent to the server, only those groups exist, shown in the view', async () => {
    env = await fixture();
    await showView();
    await settledTree(env.api);
    env.emulator.clearRequests();
    await vscode.commands.executeCommand('healthomics.filterShares', { status: ['ACTIVE', 'FAILED'] });
    const tree = await settledTree(env.api);
    assert.deepEqual(tree.get('SELF')?.map(labelOf), ['Active', 'Failed']);
    assert.deepEqual(tree.get('OTHER')?.map(labelOf), ['No shares match the filter']);
    const sent = listRequests(env.emulator);
    assert.equal(sent.length, 2);
    for (const r of sent) {
      assert.deepEqual(r.filter, { status: ['ACTIVE', 'FAILED'] });
    }
    assert.equal(env.api.treeView.message, 'Filter: Active, Failed');
    assert.equal(owner(env.api, 'SELF').toTreeItem().description, 'Active, Failed');
    const clear = tree.get('OTHER')?.[0].toTreeItem().command;
    assert.equal(clear?.command, 'healthomics.clearShareFilter', 'the empty row offers Clear');
  });

  it('filters by resource ARN and type on the server', async () => {
    env = await fixture();
    await vscode.commands.executeCommand('healthomics.filterShares', {
      resourceArns: [WORKFLOW_ARN(102)],
      type: ['WORKFLOW'],
    });
    await showView();
    const tree = await settledTree(env.api);
    const active = statusNode(env.api, 'SELF', 'ACTIVE');
    assert.ok(active);
    assert.deepEqual(env.api.tree.getChildren(active).map(labelOf), ['active-one']);
    assert.deepEqual(tree.get('SELF')?.map(labelOf), ['Active']);
    assert.deepEqual(listRequests(env.emulator).at(-1)?.filter, {
      resourceArns: [WORKFLOW_ARN(102)],
      type: ['WORKFLOW'],
    });
  });

  it('refuses an invalid argument without sending anything and keeps the current filter', async () => {
    env = await fixture();
    await vscode.commands.executeCommand('healthomics.filterShares', { status: ['PENDING'] });
    await showView();
    await settledTree(env.api);
    env.emulator.clearRequests();
    for (const bad of [
      { status: ['NOPE'] },
      { resourceArns: ['arn:aws:omics:us-east-1:123:workflow/1'] },
      { colour: ['red'] },
    ]) {
      await vscode.commands.executeCommand('healthomics.filterShares', bad);
    }
    assert.deepEqual(env.api.filters.current, { status: ['PENDING'] });
    assert.equal(listRequests(env.emulator).length, 0, 'nothing was sent');
  });

  it('keeps the filter per profile + region and restores it when switching back; Clear removes it', async () => {
    env = await fixture();
    await vscode.commands.executeCommand('healthomics.filterShares', { status: ['PENDING'] });
    const ownerKey = env.api.connections.connection?.key;
    await vscode.workspace
      .getConfiguration('healthomics')
      .update('profile', 'demo-subscriber', vscode.ConfigurationTarget.Global);
    await env.api.ready();
    assert.notEqual(env.api.connections.connection?.key, ownerKey);
    assert.equal(env.api.filters.current, undefined, 'the other profile has its own (no) filter');
    await vscode.workspace
      .getConfiguration('healthomics')
      .update('profile', 'demo-owner', vscode.ConfigurationTarget.Global);
    await env.api.ready();
    assert.deepEqual(env.api.filters.current, { status: ['PENDING'] });
    await vscode.commands.executeCommand('healthomics.clearShareFilter');
    assert.equal(env.api.filters.current, undefined);
    assert.equal(env.api.treeView.message, undefined);
  });

  it('copies the ARN of one row, of a multi-selection (one per line), and every other field', async () => {
    env = await fixture();
    await showView();
    await settledTree(env.api);
    const active = statusNode(env.api, 'SELF', 'ACTIVE') as StatusNode;
    const [one, two] = env.api.tree.getChildren(active) as ShareNode[];
    await vscode.commands.executeCommand('healthomics.copyResourceArn', one, [one]);
    assert.equal(await vscode.env.clipboard.readText(), WORKFLOW_ARN(102));
    await vscode.commands.executeCommand('healthomics.copyResourceArn', two, [one, two]);
    assert.equal(await vscode.env.clipboard.readText(), `${WORKFLOW_ARN(102)}\n${WORKFLOW_ARN(103)}`);
    // A right-click on a row outside the selection acts on that row only (as the explorer does).
    await vscode.commands.executeCommand('healthomics.copyShareName', two, [one]);
    assert.equal(await vscode.env.clipboard.readText(), 'active-two');
    await vscode.commands.executeCommand('healthomics.copyShareId', one);
    assert.equal(await vscode.env.clipboard.readText(), one.share.shareId);
    await vscode.commands.executeCommand('healthomics.copyResourceId', one);
    assert.equal(await vscode.env.clipboard.readText(), String(1_000_102));
    await vscode.commands.executeCommand('healthomics.copyOwnerAccount', one);
    assert.equal(await vscode.env.clipboard.readText(), O.id);
    await vscode.commands.executeCommand('healthomics.copySubscriberAccount', one);
    assert.equal(await vscode.env.clipboard.readText(), S.id);
    await vscode.commands.executeCommand('healthomics.copyShareJson', one);
    const json = JSON.parse(await vscode.env.clipboard.readText()) as Record<string, string>;
    assert.equal(json.shareId, one.share.shareId);
    assert.equal(json.status, 'ACTIVE');
    assert.equal(json.shareName, 'active-one');
  });
});
