/**
 * Shared set-up for the extension-host tests: a real HealthOmics emulator on 127.0.0.1 (started inside the
 * extension host's Node process, so its request log is directly readable), AWS config/credentials files with one
 * profile per emulator account, and the extension pointed at it through AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE / AWS_ENDPOINT_URL_OMICS in this process's environment. The extension under test is
 * the real one (its real SDK, real HTTP); nothing is faked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HealthOmicsApi } from '../../src/vscode/extension';
import type { OwnerNode, StatusNode, TreeNode } from '../../src/vscode/nodes';
import type {
  Emulator,
  EmulatorAccount,
  EmulatorData,
  RequestRecord,
  ShareRecord,
  ShareStatus,
} from '../emulator/server';
import { startEmulator } from '../emulator/server';
import { DEMO_OWNER, DEMO_SUBSCRIBER } from '../emulator/generate';

export { DEMO_OWNER, DEMO_SUBSCRIBER };
export const REGION = 'us-east-1';

export async function extensionApi(): Promise<HealthOmicsApi> {
  const ext = vscode.extensions.getExtension<HealthOmicsApi>('healthomics-tools.healthomics-shares');
  assert.ok(ext, 'the extension is installed');
  return ext.activate();
}

export function profileName(a: EmulatorAccount): string {
  return a.name ?? `account-${a.id}`;
}

export interface TestEnv {
  emulator: Emulator;
  api: HealthOmicsApi;
  dir: string;
  close(): Promise<void>;
}

/** Starts the emulator on `data`, writes AWS files for its accounts, selects `profile`, and waits for the switch. */
export async function setUpEnv(
  data: EmulatorData,
  profile = profileName(data.accounts[0]),
  extraConfig = '',
): Promise<TestEnv> {
  const emulator = await startEmulator({ data, port: 0, activationDelayMs: 200, deletionDelayMs: 200 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ho-ext-aws-'));
  const config = data.accounts.map((a) => `[profile ${profileName(a)}]\nregion = ${REGION}\n`).join('\n') + extraConfig;
  const creds = data.accounts
    .map(
      (a) =>
        `[${profileName(a)}]\naws_access_key_id = ${a.accessKeyId}\naws_secret_access_key = ${a.secretAccessKey}\n`,
    )
    .join('\n');
  fs.writeFileSync(path.join(dir, 'config'), config);
  fs.writeFileSync(path.join(dir, 'credentials'), creds);
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  process.env.AWS_ENDPOINT_URL_OMICS = emulator.url;
  process.env.AWS_MAX_ATTEMPTS = '1'; // injected faults fail at once instead of after the SDK's back-off
  const api = await extensionApi();
  await setSettings({ profile, region: REGION, pageSize: 50 });
  await api.connections.update(true);
  await api.filters.set(undefined);
  emulator.clearRequests();
  return {
    emulator,
    api,
    dir,
    close: async () => {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function setSettings(
  values: Partial<Record<'profile' | 'region' | 'endpoint' | 'pageSize', unknown>>,
): Promise<void> {
  const c = vscode.workspace.getConfiguration('healthomics');
  for (const [k, v] of Object.entries(values)) {
    await c.update(k, v, vscode.ConfigurationTarget.Global);
  }
}

export function listRequests(emulator: Emulator): RequestRecord[] {
  return emulator.requests.filter((r) => r.operation === 'ListShares');
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens the view (as a user clicking the activity-bar icon) so VS Code itself asks for the children. */
export async function showView(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.healthomics');
}

export function owner(api: HealthOmicsApi, which: 'SELF' | 'OTHER'): OwnerNode {
  const node = api.tree.ownerNodes.find((o) => o.owner === which);
  assert.ok(node, `owner ${which}`);
  return node;
}

/** Expands both owners in the view (as a user would), then waits until they settled (ready, empty or error). */
export async function settledTree(api: HealthOmicsApi): Promise<Map<'SELF' | 'OTHER', TreeNode[]>> {
  await waitFor('both owners', () => api.tree.ownerNodes.length === 2);
  for (const o of api.tree.ownerNodes) {
    await api.treeView.reveal(o, { expand: true, select: false, focus: false });
  }
  await waitFor(
    'both owners to settle',
    () =>
      api.tree.ownerNodes.length === 2 &&
      api.tree.ownerNodes.every((o) => !['idle', 'loading'].includes(o.shares.state.kind)),
  );
  return new Map(api.tree.ownerNodes.map((o) => [o.owner, api.tree.getChildren(o)]));
}

export function statusNode(api: HealthOmicsApi, which: 'SELF' | 'OTHER', status: ShareStatus): StatusNode | undefined {
  return api.tree
    .getChildren(owner(api, which))
    .find((n): n is StatusNode => n.kind === 'status' && n.group.status === status);
}

export function labelOf(node: TreeNode): string {
  const l = node.toTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

let counter = 0;
/** A share record for a data set, owned by `ownerAccount`, offered to `subscriber`. */
export function share(
  ownerAccount: string,
  subscriber: string,
  status: ShareStatus,
  n = counter++,
  name?: string,
): ShareRecord {
  const created = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const hex = n.toString(16).padStart(32, '0');
  return {
    shareId: `${hex}-${hex}`,
    resourceArn: `arn:aws:omics:${REGION}:${ownerAccount}:workflow/${1_000_000 + n}`,
    principalSubscriber: subscriber,
    ownerId: ownerAccount,
    status,
    shareName: name ?? `share-${n}`,
    creationTime: created,
    updateTime: created,
  };
}

export function accounts(): EmulatorAccount[] {
  return [DEMO_OWNER, DEMO_SUBSCRIBER].map((a) => ({ ...a }));
}
