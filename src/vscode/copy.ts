import * as vscode from 'vscode';
import type { Share } from '../core/model';
import type { SharesTreeProvider } from './treeProvider';
import { shareNodesOf } from './nodes';

/**
 * The shares a copy command acts on: the selection when the clicked row is part of it (multi-select), the
 * clicked row otherwise, and — from the palette, with nothing given — a quick pick of the loaded shares.
 */
export async function sharesForCommand(
  tree: SharesTreeProvider,
  clicked: unknown,
  selected: unknown,
  title: string,
): Promise<Share[]> {
  const nodes = shareNodesOf(clicked, selected);
  if (nodes.length > 0) {
    return nodes.map((n) => n.share);
  }
  const loaded = tree.loadedShares();
  if (loaded.length === 0) {
    void vscode.window.showInformationMessage('No shares are loaded yet: open the HealthOmics view first.');
    return [];
  }
  const picked = await vscode.window.showQuickPick(
    loaded.map((s) => ({
      label: s.shareName || s.shareId || s.key,
      description: s.shareId,
      detail: s.resourceArn,
      share: s,
    })),
    {
      title,
      placeHolder: 'Search loaded shares by name, id or ARN',
      matchOnDescription: true,
      matchOnDetail: true,
      canPickMany: true,
    },
  );
  return (picked ?? []).map((p) => p.share);
}

/** Writes one value per line and confirms in the status bar (not a notification). */
export async function copyValues(values: string[], what: string): Promise<void> {
  const nonEmpty = values.filter((v) => v !== '');
  if (nonEmpty.length === 0) {
    vscode.window.setStatusBarMessage(`$(warning) Nothing to copy: no ${what}`, 4000);
    return;
  }
  await vscode.env.clipboard.writeText(nonEmpty.join('\n'));
  const label = nonEmpty.length === 1 ? what : `${nonEmpty.length} ${what}s`;
  vscode.window.setStatusBarMessage(`$(clippy) Copied ${label} to the clipboard`, 4000);
}
