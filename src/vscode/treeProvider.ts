/**
 * The Resource Shares tree: "Shared by me" / "Shared with me" → status groups → shares, paged lazily.
 *
 * All data state lives in the core (`OwnerShares`, one per owner); this class maps it to nodes and forwards the
 * core's change events to VS Code, refreshing only the element that changed. `setSession` swaps in a new
 * identity: the old owners are disposed (which aborts their requests and drops any late results) before the new
 * ones exist, so the tree never shows rows from a superseded profile, region, endpoint or filter.
 */
import * as vscode from 'vscode';
import type { Connection, Session } from '../core/connection';
import { errorContextOf } from '../core/connection';
import { describeError, errorLogLine } from '../core/errors';
import type { Logger } from '../core/logger';
import type { ResourceOwner, Share, ShareFilter, ShareStatusOrUnknown } from '../core/model';
import { OwnerShares } from '../core/ownerShares';
import type { StatusGroup } from '../core/statusGroup';
import { LoadMoreNode, MessageNode, OwnerNode, ShareNode, StatusNode, type TreeNode } from './nodes';

const OWNERS: ResourceOwner[] = ['SELF', 'OTHER'];
export const VIEW_ID = 'healthomics.shares';

export class SharesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private owners: OwnerNode[] = [];
  private subscriptions: { dispose(): void }[] = [];
  private session: Session | undefined;
  private filter: ShareFilter | undefined;
  private pageSize = 50;
  private filterDescription: string | undefined;
  /** A transient row state ("Accepting…") by share key; set by the share actions. */
  busy: (key: string) => string | undefined = () => undefined;

  constructor(
    private readonly logger: Logger,
    /** Runs a load with the view's progress indicator. */
    private readonly withProgress: <T>(task: () => Promise<T>) => Promise<T>,
  ) {}

  get connection(): Connection | undefined {
    return this.session?.connection;
  }

  /** Replaces the identity/query. Everything from before is discarded; nothing is requested until shown. */
  setSession(
    session: Session | undefined,
    options: { filter?: ShareFilter; filterDescription?: string; pageSize: number },
  ): void {
    this.clear();
    this.session = session;
    this.filter = options.filter;
    this.filterDescription = options.filterDescription;
    this.pageSize = options.pageSize;
    if (session && !session.connection.problem) {
      this.owners = OWNERS.map((owner) => this.createOwner(session, owner));
    }
    this.changed.fire(undefined);
  }

  /** Reloads everything from the first page; ids are stable, so VS Code keeps what was expanded. */
  refresh(): void {
    if (this.session) {
      this.setSession(this.session, {
        filter: this.filter,
        filterDescription: this.filterDescription,
        pageSize: this.pageSize,
      });
    }
  }

  /** Redraws one row (e.g. its transient state changed). */
  refreshNode(node: TreeNode): void {
    this.changed.fire(node);
  }

  /** Every share loaded so far (for palette copy commands), in tree order. */
  loadedShares(): Share[] {
    return this.owners.flatMap((o) => o.shares.groups().flatMap((g) => [...g.items]));
  }

  /** The loaded shares of the given statuses only (e.g. the transitional ones to poll): no full-tree copy. */
  sharesIn(statuses: readonly ShareStatusOrUnknown[]): Share[] {
    return this.owners.flatMap((o) => statuses.flatMap((s) => o.shares.group(s)?.items ?? []));
  }

  /** Owners and groups, for tests and commands (e.g. the pending badge). */
  get ownerNodes(): readonly OwnerNode[] {
    return this.owners;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return this.owners;
    }
    if (!this.owners.includes(node.kind === 'owner' ? node : ownerOf(node))) {
      return []; // a node of a replaced session (VS Code can still ask for it): nothing from another identity
    }
    switch (node.kind) {
      case 'owner':
        return this.ownerChildren(node);
      case 'status':
        return this.statusChildren(node);
      default:
        return [];
    }
  }

  async loadMore(node: StatusNode): Promise<void> {
    if (node.group.isLoading || !node.group.hasMore) {
      return; // a second click while a page loads, or nothing left: no request
    }
    await this.withProgress(() => node.group.loadMore());
  }

  private ownerChildren(node: OwnerNode): TreeNode[] {
    const state = node.shares.state;
    switch (state.kind) {
      case 'idle':
        void this.withProgress(() => node.shares.load());
        return [this.loadingRow(node)];
      case 'loading':
        return [this.loadingRow(node)];
      case 'error':
        return [this.errorRow(node, state.error, 'ListShares', () => node.shares.reload())];
      case 'empty':
        return [
          new MessageNode(node, state.message, {
            icon: state.filtered ? 'filter' : 'info',
            ...(state.filtered
              ? {
                  command: { command: 'healthomics.clearShareFilter', title: 'Clear Share Filter' },
                  tooltip: 'Click to clear the filter',
                }
              : {}),
          }),
        ];
      case 'ready':
        return node.shares.groups().map((g) => node.statusNode(g));
    }
  }

  private loadingRow(node: OwnerNode): MessageNode {
    return new MessageNode(node, 'Loading shares…', { icon: 'loading~spin' });
  }

  private statusChildren(node: StatusNode): TreeNode[] {
    const rows: TreeNode[] = [...node.shareNodes()];
    if (node.group.error !== undefined && !node.group.isLoading) {
      rows.push(this.errorRow(node, node.group.error, 'ListShares', () => node.group.loadMore()));
    } else if (node.group.hasMore) {
      rows.push(new LoadMoreNode(node));
    }
    return rows;
  }

  private errorRow(
    parent: OwnerNode | StatusNode,
    err: unknown,
    operation: string,
    retry: () => Promise<void>,
  ): MessageNode {
    const error = describeError(err, { ...errorContextOf(this.session?.connection), operation });
    return new MessageNode(parent, error.title, { error, retry: () => this.withProgress(retry) });
  }

  private createOwner(session: Session, owner: ResourceOwner): OwnerNode {
    const shares = new OwnerShares({
      api: session.api,
      resourceOwner: owner,
      filter: this.filter,
      pageSize: this.pageSize,
      logger: this.logger,
    });
    const node = new OwnerNode(
      owner,
      shares,
      () => this.filterDescription,
      (key) => this.busy(key),
    );
    this.subscriptions.push(
      shares.onDidChange((change) => {
        if (change.scope === 'group') {
          this.logGroupError(node, change.group);
          this.changed.fire(node.statusNode(change.group));
        } else {
          this.logOwnerErrors(node);
          this.changed.fire(node);
        }
      }),
    );
    return node;
  }

  private logOwnerErrors(node: OwnerNode): void {
    const state = node.shares.state;
    if (state.kind === 'error') {
      const d = describeError(state.error, { ...errorContextOf(this.session?.connection), operation: 'ListShares' });
      this.logger.error(errorLogLine(node.owner, d));
    }
  }

  private logGroupError(node: OwnerNode, group: StatusGroup): void {
    if (group.error !== undefined && !group.isLoading) {
      const d = describeError(group.error, { ...errorContextOf(this.session?.connection), operation: 'ListShares' });
      this.logger.error(errorLogLine(`${node.owner}/${group.status}`, d));
    }
  }

  private clear(): void {
    for (const s of this.subscriptions) {
      s.dispose();
    }
    this.subscriptions = [];
    for (const o of this.owners) {
      o.shares.dispose();
    }
    this.owners = [];
  }

  dispose(): void {
    this.clear();
    this.changed.dispose();
  }
}

function ownerOf(node: Exclude<TreeNode, OwnerNode>): OwnerNode {
  let n: TreeNode = node;
  while (n.parent) {
    n = n.parent;
  }
  return n;
}

export function isShareNode(node: unknown): node is ShareNode {
  return node instanceof ShareNode;
}
