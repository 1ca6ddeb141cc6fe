/**
 * Every command of the extension, in one table: id → handler. Handlers are wrapped once: an unexpected error is
 * logged (with details) and shown as a single message; expected failures never get here (they are tree rows).
 */
import * as vscode from 'vscode';
import { validateFilterArgument } from '../core/filter';
import type { Logger } from '../core/logger';
import { copyValues, sharesForCommand } from './copy';
import type { ShareFilterStore } from './filterStore';
import { pickFilter } from './filterPicker';
import { MessageNode, StatusNode } from './nodes';
import { pickProfile, pickRegion } from './pickers';
import type { ConnectionManager } from './connectionManager';
import type { SharesTreeProvider } from './treeProvider';

export interface CommandContext {
  tree: SharesTreeProvider;
  connections: ConnectionManager;
  filters: ShareFilterStore;
  log: vscode.LogOutputChannel;
  logger: Logger;
}

type Handler = (...args: unknown[]) => unknown;

export function commandTable(ctx: CommandContext): Record<string, Handler> {
  const { tree, connections, filters, log, logger } = ctx;
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
    'healthomics.clearShareFilter': () => filters.set(undefined),
    'healthomics.copyResourceArn': async (node?: unknown, selected?: unknown) => {
      const shares = await sharesForCommand(tree, node, selected, 'Copy Resource ARN');
      await copyValues(
        shares.map((s) => s.resourceArn),
        'resource ARN',
      );
    },
    'healthomics.copyShareId': async (node?: unknown, selected?: unknown) => {
      const shares = await sharesForCommand(tree, node, selected, 'Copy Share ID');
      await copyValues(
        shares.map((s) => s.shareId ?? ''),
        'share ID',
      );
    },
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
