/**
 * The tree's node kinds: small objects (not TreeItem subclasses) that know their parent and build their TreeItem.
 * Ids are stable (owner / status / share key) so expansion and selection survive a refresh.
 */
import * as vscode from 'vscode';
import type { ErrorDescription } from '../core/errors';
import type { ResourceOwner, Share, ShareStatusOrUnknown } from '../core/model';
import { resourceTypeLabel } from '../core/model';
import { canAccept, canDelete, deleteVerb } from '../core/shareActions';
import type { OwnerShares } from '../core/ownerShares';
import type { StatusGroup } from '../core/statusGroup';
import { shareTooltip } from './tooltip';

export const OWNER_LABELS: Record<ResourceOwner, string> = { SELF: 'Shared by me', OTHER: 'Shared with me' };

const STATUS_ICONS: Record<ShareStatusOrUnknown, [string, string | undefined]> = {
  PENDING: ['watch', 'charts.yellow'],
  ACTIVATING: ['sync', 'charts.blue'],
  ACTIVE: ['pass', 'testing.iconPassed'],
  DELETING: ['trash', 'charts.orange'],
  DELETED: ['circle-slash', 'disabledForeground'],
  FAILED: ['error', 'testing.iconFailed'],
  UNKNOWN: ['question', undefined],
};

const TYPE_ICONS: Record<string, string> = {
  WORKFLOW: 'symbol-event',
  VARIANT_STORE: 'database',
  ANNOTATION_STORE: 'note',
};

export class OwnerNode {
  readonly kind = 'owner';
  readonly parent = undefined;
  readonly statusNodes = new Map<ShareStatusOrUnknown, StatusNode>();
  constructor(
    readonly owner: ResourceOwner,
    readonly shares: OwnerShares,
    private readonly description: () => string | undefined,
    /** A transient state to show on a share row ("Accepting…"), by share key. */
    readonly busy: (key: string) => string | undefined = () => undefined,
  ) {}
  get id(): string {
    return `owner/${this.owner}`;
  }
  statusNode(group: StatusGroup): StatusNode {
    let node = this.statusNodes.get(group.status);
    if (!node || node.group !== group) {
      node = new StatusNode(this, group);
      this.statusNodes.set(group.status, node);
    }
    return node;
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(OWNER_LABELS[this.owner], vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = 'owner';
    item.iconPath = new vscode.ThemeIcon(this.owner === 'SELF' ? 'export' : 'inbox');
    item.description = this.description();
    item.tooltip =
      this.owner === 'SELF' ? 'Shares of resources your account owns' : 'Shares other accounts offered you';
    return item;
  }
}

export class StatusNode {
  readonly kind = 'status';
  /** Share rows, extended in place as pages arrive: a page costs O(page), not O(everything loaded). */
  private rows: ShareNode[] = [];
  private structureVersion: number;
  constructor(
    readonly parent: OwnerNode,
    readonly group: StatusGroup,
  ) {
    this.structureVersion = group.structureVersion;
  }
  get id(): string {
    return `${this.parent.id}/${this.group.status}`;
  }
  shareNodes(): readonly ShareNode[] {
    const items = this.group.items;
    if (this.group.structureVersion !== this.structureVersion) {
      // A share moved in or out after an action (rare): rebuild, reusing nodes whose share object is unchanged.
      const old = new Map(this.rows.map((r) => [r.share, r]));
      this.rows = items.map((s) => old.get(s) ?? new ShareNode(this, s));
      this.structureVersion = this.group.structureVersion;
    }
    for (let i = this.rows.length; i < items.length; i++) {
      this.rows.push(new ShareNode(this, items[i]));
    }
    return this.rows;
  }
  toTreeItem(): vscode.TreeItem {
    const expand = this.group.status === 'PENDING' || this.group.status === 'FAILED';
    const item = new vscode.TreeItem(
      this.group.label,
      expand ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.description = this.group.isLoading ? `${this.group.countText()} · loading…` : this.group.countText();
    const [icon, color] = STATUS_ICONS[this.group.status];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = this.group.hasMore ? 'statusGroupMore' : 'statusGroup';
    item.tooltip = `${this.group.label}: ${this.group.items.length} loaded${this.group.hasMore ? ', more available' : ''}`;
    return item;
  }
}

export class ShareNode {
  readonly kind = 'share';
  /**
   * The row's TreeItem, built once: VS Code asks for every child's item whenever a group refreshes (each "Load
   * more…"), so rebuilding 10,000 tooltips per page would make a page cost O(everything loaded). A share object
   * never changes (updates make a new node), so only the transient busy text invalidates it.
   */
  private cached: { busy: string | undefined; item: vscode.TreeItem } | undefined;
  constructor(
    readonly parent: StatusNode,
    readonly share: Share,
  ) {}
  get id(): string {
    return `${this.parent.id}/${this.share.key}`;
  }
  toTreeItem(): vscode.TreeItem {
    const busy = this.parent.parent.busy(this.share.key);
    if (this.cached?.busy !== busy || !this.cached) {
      this.cached = { busy, item: this.buildItem(busy) };
    }
    return this.cached.item;
  }
  private buildItem(busy: string | undefined): vscode.TreeItem {
    const s = this.share;
    const item = new vscode.TreeItem(s.shareName || s.shareId || s.key, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const owner = this.parent.parent.owner;
    const other = owner === 'SELF' ? `to ${s.principalSubscriber}` : `from ${s.ownerId}`;
    item.description = [busy, resourceTypeLabel(s.resourceType), s.resourceId, other].filter(Boolean).join(' · ');
    item.iconPath = busy
      ? new vscode.ThemeIcon('loading~spin')
      : new vscode.ThemeIcon(TYPE_ICONS[s.resourceType ?? ''] ?? 'question');
    item.tooltip = shareTooltip(s, owner);
    item.contextValue = busy ? 'share.busy' : shareContextValue(s, owner);
    return item;
  }
}

/**
 * `share` plus the actions that apply, for menu `when` clauses: e.g. `share.accept.decline` for a pending offer,
 * `share.revoke` for an owned active share, `share.leave`, or plain `share` once deleted.
 */
export function shareContextValue(share: Share, owner: ResourceOwner): string {
  const parts = ['share'];
  if (canAccept(share, owner)) {
    parts.push('accept');
  }
  if (canDelete(share)) {
    parts.push(deleteVerb(share, owner));
  }
  return parts.join('.');
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: StatusNode) {}
  get id(): string {
    return `${this.parent.id}/$loadMore`;
  }
  toTreeItem(): vscode.TreeItem {
    const loading = this.parent.group.isLoading;
    const item = new vscode.TreeItem(loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    item.contextValue = 'loadMore';
    item.tooltip = `Load the next page of ${this.parent.group.label.toLowerCase()} shares`;
    item.command = { command: 'healthomics.loadMore', title: 'Load More', arguments: [this.parent] };
    return item;
  }
}

/** What clicking an error row does when retrying as-is cannot help; the inline Retry action stays available. */
const ROW_ACTIONS: Partial<Record<ErrorDescription['kind'], vscode.Command>> = {
  ssoLogin: {
    command: 'healthomics.ssoLogin',
    title: 'Run AWS SSO Login',
    tooltip: 'Click to run aws sso login in a terminal, then retry.',
  },
  missingProfile: {
    command: 'healthomics.selectProfile',
    title: 'Select AWS Profile',
    tooltip: 'Click to select another AWS profile.',
  },
  noCredentials: {
    command: 'healthomics.selectProfile',
    title: 'Select AWS Profile',
    tooltip: 'Click to select an AWS profile.',
  },
};

/** An informational or error row ("No shares", "Access denied: omics:ListShares", …); errors offer Retry. */
export class MessageNode {
  readonly kind = 'message';
  constructor(
    readonly parent: OwnerNode | StatusNode,
    readonly label: string,
    readonly options: {
      error?: ErrorDescription;
      icon?: string;
      retry?: () => Promise<void>;
      command?: vscode.Command;
      tooltip?: string;
    } = {},
  ) {}
  get id(): string {
    return `${this.parent.id}/$message`;
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const err = this.options.error;
    if (err) {
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
      item.description = err.detail;
      const md = new vscode.MarkdownString();
      md.isTrusted = false;
      md.supportHtml = false;
      md.appendText(err.title);
      md.appendMarkdown('\n\n');
      md.appendText(err.detail);
      if (err.requestId) {
        md.appendMarkdown('\n\n*Request id:* ');
        md.appendText(err.requestId);
      }
      md.appendMarkdown(
        `\n\n*${ROW_ACTIONS[err.kind]?.tooltip ?? 'Click to retry.'} Details are in the HealthOmics log.*`,
      );
      item.tooltip = md;
      // error.<kind> lets menus offer kind-specific actions (e.g. "Run AWS SSO Login" on error.ssoLogin).
      item.contextValue = `error.${err.kind}`;
      item.command = ROW_ACTIONS[err.kind] ?? { command: 'healthomics.retry', title: 'Retry', arguments: [this] };
    } else {
      item.iconPath = new vscode.ThemeIcon(this.options.icon ?? 'info');
      item.contextValue = 'message';
      item.tooltip = this.options.tooltip;
      item.command = this.options.command;
    }
    return item;
  }
}

export type TreeNode = OwnerNode | StatusNode | ShareNode | LoadMoreNode | MessageNode;

/**
 * The rows a row command acts on: the selection when the clicked row is part of a multi-selection, the clicked
 * row otherwise (as the explorer does); with no row clicked, the selected rows (possibly none).
 */
export function shareNodesOf(clicked: unknown, selected: unknown): ShareNode[] {
  const sel = Array.isArray(selected) ? selected.filter((n): n is ShareNode => n instanceof ShareNode) : [];
  if (clicked instanceof ShareNode) {
    return sel.includes(clicked) && sel.length > 1 ? sel : [clicked];
  }
  return sel;
}
