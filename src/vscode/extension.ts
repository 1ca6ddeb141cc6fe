/**
 * Activation (implicit: when the Resource Shares view opens or a command runs). Builds the pieces, wires their
 * events, and pushes every disposable into the extension context.
 */
import * as vscode from 'vscode';
import type { AwsFileIssue } from '../core/iniCheck';
import { formatIssue } from '../core/iniCheck';
import { redactingLogger } from '../core/logger';
import { tapLogger } from '../core/logTap';
import type { ResourceOwner } from '../core/model';
import { registerCommands } from './commands';
import { onDidChangeSettings, readSettings } from './config';
import { ConnectionManager } from './connectionManager';
import { ShareFilterStore } from './filterStore';
import { asLogger, createLog } from './log';
import type { PromptTracker } from './pickers';
import { mfaCodeProvider, prompts } from './pickers';
import { ShareActions } from './shareActions';
import { ConnectionStatusBar } from './statusBar';
import { SharesTreeProvider, VIEW_ID } from './treeProvider';

/** The `healthomics.state` context key: which welcome content the empty view shows. */
export type ViewState = 'loading' | 'noCredentials' | 'ready';

export interface HealthOmicsApi {
  readonly tree: SharesTreeProvider;
  readonly connections: ConnectionManager;
  readonly filters: ShareFilterStore;
  readonly treeView: vscode.TreeView<unknown>;
  /** Accept, delete, create, details, find; polling and the pending badge. */
  readonly actions: ShareActions;
  /** Resolves when the connection in effect reflects the latest settings/config files. */
  ready(): Promise<void>;
  /** The status bar item: its text, plain-text tooltip, and the account id once a loaded share revealed it. */
  readonly statusBar: Pick<ConnectionStatusBar, 'text' | 'tooltipText' | 'account'>;
  /** The quick picks and input boxes this extension shows (profile, region, MFA code). */
  readonly prompts: PromptTracker;
  /** Every line given to the HealthOmics log (all levels, after redaction), most recent last. */
  readonly log: { lines(): readonly string[] };
  /** The current value of the `healthomics.state` context key. */
  state(): ViewState;
}

export async function activate(context: vscode.ExtensionContext): Promise<HealthOmicsApi> {
  const log = createLog();
  const tap = tapLogger(asLogger(log));
  const logger = redactingLogger(tap.logger);
  const connections: ConnectionManager = new ConnectionManager(
    logger,
    mfaCodeProvider((): string => connections.connection?.profileLabel ?? 'default'),
  );
  const filters = new ShareFilterStore(context.globalState);
  const withProgress = <T>(task: () => Promise<T>): Promise<T> =>
    Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, task));
  const tree = new SharesTreeProvider(logger, withProgress);
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: tree,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const statusBar = new ConnectionStatusBar();
  const actions = new ShareActions(tree, connections, filters, treeView, logger);
  context.subscriptions.push(log, connections, filters, tree, treeView, statusBar, actions);

  let state: ViewState = 'loading';
  const setState = (next: ViewState) => {
    state = next;
    void vscode.commands.executeCommand('setContext', 'healthomics.state', next);
  };

  /** The view's message: the filter, and any line of the AWS files the SDK cannot read (with the problem, if any). */
  const updateMessage = () => {
    const parts: string[] = [];
    const filterDescription = filters.description;
    if (filterDescription) {
      parts.push(`Filter: ${filterDescription}`);
    }
    const problems = connections.configIssues.filter((i) => i.severity === 'error');
    if (problems.length > 0) {
      const connectionProblem = connections.connection?.problem;
      parts.push(
        `⚠ ${issuesText(problems)}${connectionProblem ? ` ${connectionProblem.message} Select another profile, or fix the file.` : ''}`,
      );
    }
    treeView.message = parts.length > 0 ? parts.join(' — ') : undefined;
  };

  const rebuildTree = () => {
    const session = connections.current;
    tree.setSession(session, {
      filter: filters.current,
      filterDescription: filters.description,
      pageSize: readSettings().pageSize,
    });
    statusBar.update(session?.connection);
    updateMessage();
    setState(session?.connection.problem ? 'noCredentials' : 'ready');
  };

  context.subscriptions.push(
    connections.onDidChange((session) => {
      if (session) {
        filters.useConnection(session.connection.key);
      }
      rebuildTree();
    }),
    connections.onDidChangeConfigIssues(() => updateMessage()),
    connections.onDidChangeSsoCache(() => {
      // `aws sso login` (or the SDK refreshing a token) wrote the cache: an SSO profile's failed tree retries.
      const sso = connections.connection?.profileInfo?.kind === 'sso';
      if (sso && tree.ownerNodes.some((o) => o.shares.state.kind === 'error')) {
        logger.info('The SSO token cache changed: retrying.');
        tree.refresh();
      }
    }),
    // The account id for the status bar, from the shares the tree loaded (never from another identity's: the
    // owners are replaced, and their events unsubscribed, on every session change).
    tree.onDidChangeTreeData(() => statusBar.setAccount(accountOf(tree))),
    filters.onDidChange(() => rebuildTree()),
    onDidChangeSettings(() => void connections.update().then(() => refreshIfPageSizeChanged())),
    ...registerCommands({ tree, connections, filters, log, logger, actions }),
  );

  let pageSize = readSettings().pageSize;
  const refreshIfPageSizeChanged = () => {
    if (readSettings().pageSize !== pageSize) {
      pageSize = readSettings().pageSize;
      rebuildTree();
    }
  };

  await vscode.commands.executeCommand('setContext', 'healthomics.state', 'loading');
  const initial = connections.update();
  return {
    tree,
    connections,
    filters,
    treeView,
    actions,
    ready: () => connections.update().then(() => initial),
    statusBar,
    prompts,
    log: { lines: () => tap.lines() },
    state: () => state,
  };
}

function issuesText(problems: readonly AwsFileIssue[]): string {
  const first = problems[0];
  if (!first) {
    return '';
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: see the HealthOmics log)` : '';
  return `${formatIssue(first)}${more}.`;
}

/** The caller's account: the owner of a SELF share, or the subscriber of an OTHER share. */
function accountOf(tree: SharesTreeProvider): string | undefined {
  const field: Record<ResourceOwner, 'ownerId' | 'principalSubscriber'> = {
    SELF: 'ownerId',
    OTHER: 'principalSubscriber',
  };
  for (const owner of tree.ownerNodes) {
    for (const group of owner.shares.groups()) {
      const id = group.items[0]?.[field[owner.owner]];
      if (id) {
        return id;
      }
    }
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
