/**
 * Activation (implicit: when the Resource Shares view opens or a command runs). Builds the pieces, wires their
 * events, and pushes every disposable into the extension context.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { redactingLogger } from '../core/logger';
import { registerCommands } from './commands';
import { onDidChangeSettings, readSettings } from './config';
import { ConnectionManager } from './connectionManager';
import { ShareFilterStore } from './filterStore';
import { asLogger, createLog } from './log';
import { mfaCodeProvider } from './pickers';
import { ConnectionStatusBar } from './statusBar';
import { SharesTreeProvider, VIEW_ID } from './treeProvider';

export interface HealthOmicsApi {
  readonly tree: SharesTreeProvider;
  readonly connections: ConnectionManager;
  readonly filters: ShareFilterStore;
  readonly treeView: vscode.TreeView<unknown>;
  /** Resolves when the connection in effect reflects the latest settings/config files. */
  ready(): Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<HealthOmicsApi> {
  const log = createLog();
  const logger = redactingLogger(asLogger(log));
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
  context.subscriptions.push(log, connections, filters, tree, treeView, statusBar);

  const rebuildTree = () => {
    const session = connections.current;
    const filterDescription = filters.description;
    tree.setSession(session, { filter: filters.current, filterDescription, pageSize: readSettings().pageSize });
    treeView.message = filterDescription ? `Filter: ${filterDescription}` : undefined;
    statusBar.update(session?.connection);
    void vscode.commands.executeCommand(
      'setContext',
      'healthomics.state',
      session?.connection.problem ? 'noCredentials' : 'ready',
    );
  };

  context.subscriptions.push(
    connections.onDidChange((session) => {
      if (session) {
        filters.useConnection(session.connection.key);
      }
      rebuildTree();
    }),
    filters.onDidChange(() => rebuildTree()),
    onDidChangeSettings(() => void connections.update().then(() => refreshIfPageSizeChanged())),
    ...watchAwsFiles(() => void connections.update(true), logger),
    ...registerCommands({ tree, connections, filters, log, logger }),
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
  return { tree, connections, filters, treeView, ready: () => connections.update().then(() => initial) };
}

/**
 * Watches the shared config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured), so a
 * profile added or credentials refreshed outside VS Code are picked up without a reload. Directory watches
 * survive editors that replace the file on save.
 */
function watchAwsFiles(onChange: () => void, logger: { debug(m: string): void }): vscode.Disposable[] {
  const files = [
    process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config'),
    process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials'),
  ].map((f) => path.resolve(f.replace(/^~(?=$|\/)/, os.homedir())));
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 300);
  };
  const disposables: vscode.Disposable[] = [{ dispose: () => clearTimeout(timer) }];
  for (const dir of new Set(files.map((f) => path.dirname(f)))) {
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (name && files.includes(path.join(dir, name.toString()))) {
          logger.debug(`${path.join(dir, name.toString())} changed: re-reading profiles`);
          fire();
        }
      });
      watcher.on('error', () => watcher.close());
      disposables.push({ dispose: () => watcher.close() });
    } catch {
      // The directory does not exist (no AWS files yet): nothing to watch.
    }
  }
  return disposables;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
