import * as assert from 'node:assert/strict';
import { CreateShareCommand, OmicsClient } from '@aws-sdk/client-omics';
import * as vscode from 'vscode';
import type { MessageNode, ShareNode } from '../../src/vscode/nodes';
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

describe('tree rows, errors and refresh (against the emulator)', function () {
  this.timeout(60_000);
  let env: TestEnv | undefined;
  afterEach(async () => {
    delete process.env.AWS_ENDPOINT_URL_OMICS;
    await env?.close();
    env = undefined;
  });

  it('renders share rows: label, description, icon, id, and a tooltip that escapes untrusted text', async () => {
    const evil = share(O.id, S.id, 'FAILED', 201, 'evil_name');
    evil.statusMessage = '[click me](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**';
    env = await setUpEnv({ accounts: accounts(), shares: [evil] });
    await showView();
    await settledTree(env.api);
    const failed = statusNode(env.api, 'SELF', 'FAILED');
    assert.ok(failed);
    const row = env.api.tree.getChildren(failed)[0] as ShareNode;
    const item = row.toTreeItem();
    assert.equal(item.label, 'evil_name');
    assert.equal(item.description, `Workflow · ${1_000_201} · to ${S.id}`);
    assert.equal(item.id, `owner/SELF/FAILED/${evil.shareId}`);
    assert.equal(item.contextValue, 'share.revoke', 'a failed owned share: no accept; revoke is still offered');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'symbol-event');
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    // Markdown specials from the server are escaped, so no link, image or emphasis can render.
    // (appendText also turns spaces into &nbsp;; HTML stays inert because supportHtml is off.)
    assert.ok(tooltip.value.includes('\\[click&nbsp;me\\]\\(command:workbench'), tooltip.value);
    assert.ok(!tooltip.value.includes('](command:'), 'no live command link');
    assert.ok(tooltip.value.includes('\\*\\*bold\\*\\*'));
    assert.ok(tooltip.value.includes('**Resource ARN:** '), 'our own labels are Markdown');
    // Built once: a group refresh (every "Load more…") does not rebuild the items of rows already shown.
    assert.equal(row.toTreeItem(), item);
  });

  it('status groups carry counts, lifecycle order and icons', async () => {
    const shares = (['FAILED', 'ACTIVE', 'PENDING', 'DELETED', 'ACTIVATING', 'DELETING'] as const).map((s, i) =>
      share(O.id, S.id, s, 300 + i),
    );
    env = await setUpEnv({ accounts: accounts(), shares });
    await showView();
    const tree = await settledTree(env.api);
    assert.deepEqual(tree.get('SELF')?.map(labelOf), [
      'Pending',
      'Activating',
      'Active',
      'Deleting',
      'Deleted',
      'Failed',
    ]);
    const icons = tree.get('SELF')?.map((n) => (n.toTreeItem().iconPath as vscode.ThemeIcon).id);
    assert.deepEqual(icons, ['watch', 'sync', 'pass', 'trash', 'circle-slash', 'error']);
    assert.ok(tree.get('SELF')?.every((n) => n.toTreeItem().description === '1'));
  });

  it('an unreachable endpoint becomes a "Cannot reach" row naming the host; nothing pops up', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE')] });
    process.env.AWS_ENDPOINT_URL_OMICS = 'http://127.0.0.1:9'; // discard port: connection refused
    await env.api.connections.update(true);
    await showView();
    const tree = await settledTree(env.api);
    const row = tree.get('SELF')?.[0] as MessageNode;
    assert.equal(row.options.error?.kind, 'network');
    assert.match(labelOf(row), /Cannot reach 127\.0\.0\.1:9/);
    assert.equal(row.toTreeItem().contextValue, 'error.network');
  });

  it('credentials the service rejects become a readable row, and an injected 5xx a server-error row', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE')] });
    env.emulator.setFaults({ serverError: { count: 10 } });
    await showView();
    let tree = await settledTree(env.api);
    assert.equal((tree.get('SELF')?.[0] as MessageNode).options.error?.kind, 'server');
    env.emulator.clearFaults();
    // A profile whose key the service does not know (rotated or deleted keys).
    const fs = await import('node:fs');
    fs.appendFileSync(
      process.env.AWS_SHARED_CREDENTIALS_FILE!,
      '\n[rotated]\naws_access_key_id = AKIAUNKNOWN000000000\naws_secret_access_key = nope\n',
    );
    fs.appendFileSync(process.env.AWS_CONFIG_FILE!, '\n[profile rotated]\nregion = us-east-1\n');
    await setSettings({ profile: 'rotated' });
    await env.api.ready();
    await waitFor('rotated profile', () => env!.api.connections.connection?.profile === 'rotated');
    tree = await settledTree(env.api);
    const row = tree.get('SELF')?.[0] as MessageNode;
    assert.equal(row.options.error?.kind, 'expiredCredentials');
    assert.match(labelOf(row), /rotated/);
  });

  it('a profile that does not exist shows the welcome content (no tree rows, no requests)', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE')] });
    await setSettings({ profile: 'no-such-profile' });
    await env.api.ready();
    await waitFor('missing profile', () => env!.api.connections.connection?.problem?.kind === 'missingProfile');
    await showView();
    assert.deepEqual(env.api.tree.getChildren(), []);
    assert.equal(listRequests(env.emulator).length, 0);
  });

  it('Refresh reloads from the first page and drops results of requests started before it', async () => {
    env = await setUpEnv({ accounts: accounts(), shares: [share(O.id, S.id, 'ACTIVE', 400, 'before')] });
    await showView();
    await settledTree(env.api);
    // A slow load is in flight (it would answer with only "before") when a share is created and the user refreshes.
    env.emulator.setFaults({ latencyMs: 1500 });
    await vscode.commands.executeCommand('healthomics.refreshShares');
    await waitFor('a slow load', () => env!.api.tree.ownerNodes.some((o) => o.shares.state.kind === 'loading'));
    await new Promise((r) => setTimeout(r, 300));
    env.emulator.clearFaults();
    const client = new OmicsClient({
      region: REGION,
      endpoint: env.emulator.url,
      disableHostPrefix: true,
      credentials: { accessKeyId: O.accessKeyId, secretAccessKey: O.secretAccessKey },
    });
    await client.send(
      new CreateShareCommand({
        resourceArn: `arn:aws:omics:${REGION}:${O.id}:workflow/4242`,
        principalSubscriber: S.id,
        shareName: 'after',
      }),
    );
    client.destroy();
    await vscode.commands.executeCommand('healthomics.refreshShares');
    await settledTree(env.api);
    const labels = () =>
      env!.api.tree
        .getChildren(env!.api.tree.ownerNodes[0])
        .flatMap((g) => env!.api.tree.getChildren(g))
        .map(labelOf);
    assert.deepEqual(labels(), ['after', 'before']);
    // Let the slow first-generation responses arrive: they change nothing.
    await waitFor('slow responses', () => listRequests(env!.emulator).length === 6, 5000);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(labels(), ['after', 'before']);
  });
});
