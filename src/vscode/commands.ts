/**
 * Every command of the extension, in one table: id → handler. Handlers are wrapped once: an unexpected error is
 * logged (with details) and shown as a single message; expected failures never get here (they are tree rows).
 */
import * as vscode from 'vscode';
import { validateFilterArgument } from '../core/filter';
import type { Logger } from '../core/logger';
import type { Share } from '../core/model';
import { shareJson } from '../core/shareFields';
import { copyValues, sharesForCommand } from './copy';
import { runSsoLogin } from './ssoLogin';
import type { ShareFilterStore } from './filterStore';
import { pickFilter } from './filterPicker';
import { MessageNode, type ShareNode, shareNodesOf, StatusNode } from './nodes';
import type { ShareActions } from './shareActions';
import { pickProfile, pickRegion } from './pickers';
import type { ConnectionManager } from './connectionManager';
import type { SharesTreeProvider } from './treeProvider';

export interface CommandContext {
  tree: SharesTreeProvider;
  actions: ShareActions;
  connections: ConnectionManager;
  filters: ShareFilterStore;
  log: vscode.LogOutputChannel;
  logger: Logger;
}

type Handler = (...args: unknown[]) => unknown;

export function commandTable(ctx: CommandContext): Record<string, Handler> {
  const { tree, connections, filters, log, logger, actions } = ctx;
  /** The row a palette command acts on when none was clicked: a quick pick of the loaded shares. */
  const pickNode = async (clicked: unknown, selected: unknown, title: string): Promise<ShareNode[]> => {
    const nodes = shareNodesOf(clicked, selected);
    if (nodes.length > 0) {
      return nodes;
    }
    const shares = await sharesForCommand(tree, undefined, undefined, title);
    return shares.map((s) => actions.nodeFor(s.key)).filter((n): n is ShareNode => n !== undefined);
  };
  return {
    'healthomics.refreshShares': () => connections.update(true),
    'healthomics.selectProfile': () => pickProfile(connections.connection, logger),
    'healthomics.selectRegion': () => pickRegion(connections.connection),
    'healthomics.filterShares': async (arg?: unknown) => {
      if (arg !== undefined) {
        // From keybindings.json: apply without prompting, validated exactly like the picker.
        const v = validateFilterArgument(arg);
        if (!v.ok) {
          void vscode.window.showErrorMessage(`Omics: Filter Shares: ${v.message} The filter is unchanged.`);
          return;
        }
        await filters.set(v.value);
        return;
      }
      const picked = await pickFilter(filters.current);
      if (picked !== false) {
        await filters.set(picked);
      }
    },
    'healthomics.filterSharesActive': () => vscode.commands.executeCommand('healthomics.filterShares'),
    'healthomics.clearShareFilter': () => filters.set(undefined),
    'healthomics.copyResourceArn': copier(tree, 'Copy Resource ARN', 'resource ARN', (s) => s.resourceArn),
    'healthomics.copyShareId': copier(tree, 'Copy Share ID', 'share ID', (s) => s.shareId ?? ''),
    'healthomics.copyResourceId': copier(tree, 'Copy Resource ID', 'resource ID', (s) => s.resourceId),
    'healthomics.copyShareName': copier(tree, 'Copy Share Name', 'share name', (s) => s.shareName ?? ''),
    'healthomics.copyOwnerAccount': copier(tree, 'Copy Owner Account', 'owner account', (s) => s.ownerId),
    'healthomics.copySubscriberAccount': copier(
      tree,
      'Copy Subscriber Account',
      'subscriber account',
      (s) => s.principalSubscriber,
    ),
    'healthomics.copyShareJson': async (node?: unknown, selected?: unknown) => {
      const shares = await sharesForCommand(tree, node, selected, 'Copy as JSON');
      if (shares.length > 0) {
        const json = shares.map(shareJson);
        const what = shares.length === 1 ? 'share as JSON' : `${shares.length} shares as JSON`;
        await copyValues([JSON.stringify(json.length === 1 ? json[0] : json, null, 2)], what);
      }
    },
    'healthomics.ssoLogin': () => {
      runSsoLogin(connections.connection?.profile);
    },
    'healthomics.acceptShare': (node?: unknown, selected?: unknown) => actions.accept(shareNodesOf(node, selected)),
    'healthomics.revokeShare': (node?: unknown, selected?: unknown) => actions.delete(shareNodesOf(node, selected)),
    'healthomics.declineShare': (node?: unknown, selected?: unknown) => actions.delete(shareNodesOf(node, selected)),
    'healthomics.leaveShare': (node?: unknown, selected?: unknown) => actions.delete(shareNodesOf(node, selected)),
    'healthomics.createShare': (args?: unknown) =>
      actions.create(typeof args === 'object' && args !== null ? args : undefined),
    'healthomics.showShareDetails': async (node?: unknown, selected?: unknown) => {
      const [first] = await pickNode(node, selected, 'Show Share Details');
      if (first) {
        await actions.showDetails(first);
      }
    },
    'healthomics.openInConsole': async (node?: unknown, selected?: unknown) => {
      const [first] = await pickNode(node, selected, 'Open in AWS Console');
      if (first) {
        await actions.openInConsole(first);
      }
    },
    'healthomics.findShare': (text?: unknown) => actions.find(typeof text === 'string' ? text : undefined),
    'healthomics.loadMore': async (node?: unknown) => {
      if (node instanceof StatusNode) {
        await tree.loadMore(node);
      }
    },
    'healthomics.retry': async (node?: unknown) => {
      if (node instanceof MessageNode && node.options.retry) {
        await node.options.retry();
      } else {
        await connections.update(true);
      }
    },
    'healthomics.showLog': () => log.show(true),
  };
}

/** A copy command: one value per selected share, joined one per line. */
function copier(tree: SharesTreeProvider, title: string, what: string, value: (s: Share) => string): Handler {
  return async (node?: unknown, selected?: unknown) => {
    const shares = await sharesForCommand(tree, node, selected, title);
    if (shares.length > 0) {
      await copyValues(shares.map(value), what);
    }
  };
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(commandTable(ctx)).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        ctx.logger.error(`Command ${id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(`${id}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
  );
}
