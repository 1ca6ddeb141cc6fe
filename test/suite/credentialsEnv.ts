/**
 * Set-up for the credential tests in the extension host: the emulator (with STS) started in this process, the
 * fixture AWS files of test/fixtures/aws (or any text), and the extension pointed at them through this process's
 * environment (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL_OMICS, AWS_ENDPOINT_URL_STS, and HOME
 * for the SSO token cache). Everything is restored by `close()`, so the other suites see the environment they
 * expect. Plus helpers to answer the extension's quick picks and input boxes through the workbench.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HealthOmicsApi } from '../../src/vscode/extension';
import type { MessageNode, TreeNode } from '../../src/vscode/nodes';
import type { Emulator, EmulatorAccount, ShareRecord } from '../emulator/server';
import { startEmulator } from '../emulator/server';
import type { MaterializedFiles } from '../fixtures/aws/fixtures';
import { materialize, PROCESS_ACCOUNT } from '../fixtures/aws/fixtures';
import {
  DEMO_OWNER,
  DEMO_SUBSCRIBER,
  extensionApi,
  labelOf,
  owner,
  REGION,
  setSettings,
  settledTree,
  showView,
  waitFor,
} from './helpers';

export const MFA_CODE = '739184';
/** The profile a test starts on: in no file, so nothing is requested until the test selects one. */
export const UNSET_PROFILE = 'healthomics-test-no-profile-yet';
const ENV_KEYS = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL_OMICS',
  'AWS_ENDPOINT_URL_STS',
  'AWS_MAX_ATTEMPTS',
  'AWS_REGION',
  'AWS_PROFILE',
  'HOME',
] as const;

export interface CredEnv {
  api: HealthOmicsApi;
  emulator: Emulator;
  files: MaterializedFiles;
  /** The HOME this host uses during the test (`<files.dir>/home`): the SSO cache lives under it. */
  home: string;
  /** Selects a profile (and optionally a region) in the settings and waits until the extension uses it. */
  use(profile: string, region?: string): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;
/** A share owned by `ownerId`, offered to `subscriber`, named for the test to recognise. */
export function namedShare(ownerId: string, subscriber: string, name: string, region = REGION): ShareRecord {
  const n = 900_000 + counter++;
  const hex = n.toString(16).padStart(32, '0');
  const created = new Date(Date.UTC(2025, 1, 1) + n).toISOString();
  return {
    shareId: `${hex}-${hex}`,
    resourceArn: `arn:aws:omics:${region}:${ownerId}:workflow/${n}`,
    principalSubscriber: subscriber,
    ownerId,
    status: 'ACTIVE',
    shareName: name,
    creationTime: created,
    updateTime: created,
  };
}

/** One share owned by each of the owner, the subscriber and the credential_process account. */
export function defaultShares(): ShareRecord[] {
  return [
    namedShare(DEMO_OWNER.id, DEMO_SUBSCRIBER.id, 'owned-by-owner'),
    namedShare(DEMO_SUBSCRIBER.id, DEMO_OWNER.id, 'owned-by-subscriber'),
    namedShare(PROCESS_ACCOUNT.id, DEMO_OWNER.id, 'owned-by-process'),
  ];
}

export function testAccounts(): EmulatorAccount[] {
  return [DEMO_OWNER, DEMO_SUBSCRIBER, PROCESS_ACCOUNT].map((a) => ({ ...a }));
}

export async function setUpCredEnv(
  options: {
    shares?: ShareRecord[];
    accounts?: EmulatorAccount[];
    config?: string;
    credentials?: string;
    extraConfig?: string;
    /** Write these instead of the fixture files. */
    configText?: string;
    credentialsText?: string;
  } = {},
): Promise<CredEnv> {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  const emulator = await startEmulator({
    data: { accounts: options.accounts ?? testAccounts(), shares: options.shares ?? defaultShares() },
    activationDelayMs: 200,
    deletionDelayMs: 200,
    sts: { mfaCode: MFA_CODE },
  });
  const files = materialize(options);
  if (options.configText !== undefined) {
    fs.writeFileSync(files.config, options.configText);
  }
  if (options.credentialsText !== undefined) {
    fs.writeFileSync(files.credentials, options.credentialsText);
  }
  const home = path.join(files.dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  process.env.AWS_CONFIG_FILE = files.config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentials;
  process.env.AWS_ENDPOINT_URL_OMICS = emulator.url;
  process.env.AWS_ENDPOINT_URL_STS = emulator.url;
  process.env.AWS_MAX_ATTEMPTS = '1';
  process.env.HOME = home;
  delete process.env.AWS_REGION;
  delete process.env.AWS_PROFILE;
  const api = await extensionApi();
  // Start on a profile that does not exist: no tree, so no request is in flight when the test begins.
  await setSettings({ profile: UNSET_PROFILE, region: REGION, endpoint: '', pageSize: 50 });
  await api.connections.update(true);
  await api.filters.set(undefined);
  emulator.clearRequests();
  const use = async (profile: string, region?: string) => {
    await setSettings(region === undefined ? { profile } : { profile, region });
    await api.ready();
    await waitFor(`profile ${profile}`, () => api.connections.connection?.profile === profile);
  };
  return {
    api,
    emulator,
    files,
    home,
    use,
    close: async () => {
      await closePrompts(api);
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = v;
        }
      }
      await setSettings({ endpoint: '', region: REGION });
      await emulator.close();
      files.remove();
    },
  };
}

/** Dismisses whatever prompt of ours is still open (a failed test must not leave one for the next). */
export async function closePrompts(api: HealthOmicsApi): Promise<void> {
  for (let i = 0; i < 3 && api.prompts.active; i++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await waitFor('the prompt to close', () => !api.prompts.active, 5000).catch(() => undefined);
  }
}

type QuickPick = vscode.QuickPick<vscode.QuickPickItem>;

/** Waits for one of our quick picks (with items) to be shown. */
export async function waitForQuickPick(api: HealthOmicsApi, title?: string): Promise<QuickPick> {
  return waitFor(`a quick pick${title ? ` "${title}"` : ''}`, () => {
    const p = api.prompts.active;
    return p && 'items' in p && p.items.length > 0 && (title === undefined || p.title === title) ? p : undefined;
  });
}

/** Waits for one of our input boxes to be shown. */
export async function waitForInputBox(api: HealthOmicsApi, title?: RegExp): Promise<vscode.InputBox> {
  return waitFor(`an input box${title ? ` ${String(title)}` : ''}`, () => {
    const p = api.prompts.active;
    return p && !('items' in p) && (title === undefined || title.test(p.title ?? '')) ? p : undefined;
  });
}

/**
 * Picks the item labelled `label` as a keyboard user would: moves the workbench's focus down the list
 * (`workbench.action.quickOpenSelectNext`) until the quick pick reports that item active, then accepts it
 * (`workbench.action.acceptSelectedQuickOpenItem`).
 */
export async function acceptItem(api: HealthOmicsApi, qp: QuickPick, label: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (qp.activeItems[0]?.label !== label) {
    assert.ok(Date.now() < deadline, `could not focus "${label}" (at "${qp.activeItems[0]?.label ?? ''}")`);
    const before = qp.activeItems[0];
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    const moved = await waitFor('the focus to move', () => qp.activeItems[0] !== before, 1000).catch(() => false);
    if (!moved) {
      // The workbench had not focused the list yet (seen on a loaded 2-core machine): focus the item through the
      // QuickPick API instead; the accept below still goes through the workbench.
      const target = qp.items.find((i) => i.label === label);
      assert.ok(target, `"${label}" is one of the items`);
      qp.activeItems = [target];
    }
  }
  await untilGone(api, qp, 'workbench.action.acceptSelectedQuickOpenItem');
}

/**
 * Runs a workbench command on the open prompt until that prompt is gone. The workbench may not have finished
 * showing a prompt the extension just opened (the command would then find nothing to act on), so it is retried.
 */
async function untilGone(api: HealthOmicsApi, prompt: unknown, command: string): Promise<void> {
  for (let attempt = 0; attempt < 10 && api.prompts.active === prompt; attempt++) {
    await new Promise((r) => setTimeout(r, 50));
    await vscode.commands.executeCommand(command);
    await waitFor('the prompt to close', () => api.prompts.active !== prompt, 1000).catch(() => undefined);
  }
  assert.notEqual(api.prompts.active, prompt, `${command} closed the prompt`);
}

/**
 * Types `value` into the input box and presses Enter through the workbench. The value is set on the extension's
 * InputBox once the workbench shows it (the workbench's initial empty value can otherwise arrive after it), and
 * checked to have stuck before Enter.
 */
export async function answerInputBox(api: HealthOmicsApi, box: vscode.InputBox, value: string): Promise<void> {
  for (let attempt = 0; attempt < 10 && api.prompts.active === box; attempt++) {
    await new Promise((r) => setTimeout(r, 100));
    box.value = value;
    await new Promise((r) => setTimeout(r, 100));
    if (box.value !== value) {
      continue;
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the prompt to close', () => api.prompts.active !== box, 1000).catch(() => undefined);
  }
  assert.notEqual(api.prompts.active, box, `the input box took "${value}"`);
}

/** Presses Escape on the open prompt. */
export async function dismiss(api: HealthOmicsApi): Promise<void> {
  await untilGone(api, api.prompts.active, 'workbench.action.closeQuickOpen');
}

/** The share rows under an owner, by name (status groups flattened). */
export function shareNames(api: HealthOmicsApi, which: 'SELF' | 'OTHER'): string[] {
  return api.tree
    .getChildren(owner(api, which))
    .flatMap((g) => (g.kind === 'status' ? api.tree.getChildren(g) : []))
    .filter((n) => n.kind === 'share')
    .map(labelOf);
}

/** Opens the view, expands both owners and waits for them to settle; returns their children. */
export async function settled(api: HealthOmicsApi): Promise<Map<'SELF' | 'OTHER', TreeNode[]>> {
  await showView();
  for (let attempt = 0; ; attempt++) {
    try {
      return await settledTree(api);
    } catch (e) {
      // The tree was rebuilt (a new session) between listing the owners and revealing them: look again.
      if (attempt < 3 && /node not found/i.test(String(e))) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      throw e;
    }
  }
}

/** The single error row of an owner (asserted). */
export function errorRow(api: HealthOmicsApi, which: 'SELF' | 'OTHER'): MessageNode {
  const rows = api.tree.getChildren(owner(api, which));
  assert.equal(rows.length, 1, `one row under ${which}: ${rows.map(labelOf).join(', ')}`);
  const row = rows[0] as MessageNode;
  assert.equal(row.kind, 'message');
  assert.ok(row.options.error, `${labelOf(row)} is an error row`);
  return row;
}

/** Every text the view and status bar show: labels, descriptions, tooltips of all loaded rows, the message. */
export function visibleText(api: HealthOmicsApi): string {
  const out: string[] = [api.treeView.message ?? '', api.statusBar.text, api.statusBar.tooltipText];
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      const item = n.toTreeItem();
      const tooltip = item.tooltip;
      out.push(
        labelOf(n),
        String(item.description ?? ''),
        typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      );
      if (n.kind === 'owner' || n.kind === 'status') {
        walk(api.tree.getChildren(n));
      }
    }
  };
  walk(api.tree.getChildren());
  return out.join('\n');
}
