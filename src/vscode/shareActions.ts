/**
 * Acting on shares from the tree: accept, revoke/decline/leave (several at once), create, details, open in the
 * console, find; plus live status polling of Activating/Deleting rows and the pending-offers badge.
 *
 * Every action updates only the affected rows (`OwnerShares.updateShare`), never reloads the tree, and maps
 * failures to one clear message (describeError), with details in the log.
 */
import * as vscode from 'vscode';
import { parseOmicsArn } from '../core/arn';
import { deleteConfirmation, deleteShares, summarizeDeletes } from '../core/batchDelete';
import { consoleUrl, goToArnUrl } from '../core/consoleUrl';
import { describeError, errorLogLine } from '../core/errors';
import { findShare, parseFindInput } from '../core/findShare';
import type { Logger } from '../core/logger';
import type { ResourceOwner, Share } from '../core/model';
import { pendingBadge } from '../core/pendingBadge';
import { StatusPoller } from '../core/polling';
import { hiddenByFilter, loadUntilFound } from '../core/reveal';
import { shareDetailsDocument } from '../core/shareDetails';
import { OmicsShareOperations, type ShareOperationName } from '../core/shareOperations';
import { validateResourceArn, validateShareName, validateSubscriberAccount } from '../core/shareValidation';
import { errorContextOf, type Session } from '../core/connection';
import type { ConnectionManager } from './connectionManager';
import { type Confirm, type CreateShareArgs, modalConfirm, promptCreateShare, promptFindInput } from './sharePrompts';
import type { ShareFilterStore } from './filterStore';
import type { OwnerNode, ShareNode } from './nodes';
import type { SharesTreeProvider } from './treeProvider';

export const DETAILS_SCHEME = 'healthomics-share';

export class ShareActions implements vscode.Disposable {
  private session: { owner: Session; ops: OmicsShareOperations; poller: StatusPoller } | undefined;
  private readonly busy = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private callerAccountId: string | undefined;

  constructor(
    private readonly tree: SharesTreeProvider,
    private readonly connections: ConnectionManager,
    private readonly filters: ShareFilterStore,
    private readonly treeView: vscode.TreeView<unknown>,
    private readonly logger: Logger,
  ) {
    tree.busy = (key) => this.busy.get(key);
    this.disposables.push(
      tree.onDidChangeTreeData(() => this.afterTreeChange()),
      treeView.onDidChangeVisibility((e) => (e.visible ? this.session?.poller.resume() : this.session?.poller.pause())),
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, {
        provideTextDocumentContent: (uri) => this.detailsContent(uri),
      }),
    );
  }

  /** The operations client for the current identity (recreated when the session changes). */
  private current(): { ops: OmicsShareOperations; poller: StatusPoller } | undefined {
    const session = this.connections.current;
    if (!session || session.connection.problem) {
      return undefined;
    }
    // Keyed by the Session object: a new session (even for the same profile/region/endpoint) has a new client.
    if (this.session?.owner !== session) {
      this.session?.poller.dispose();
      this.callerAccountId = undefined;
      const ops = new OmicsShareOperations(session.client, { logger: this.logger });
      const c = session.connection;
      const poller = new StatusPoller({
        fetch: (id, signal) => ops.getShare(id, signal),
        errorContext: errorContextOf(c),
      });
      poller.onDidChange(({ share }) => this.apply(share));
      poller.onDidFail((f) => this.logger.warn(errorLogLine(`Status poll of ${f.shareId}`, f.error)));
      if (!this.treeView.visible) {
        poller.pause();
      }
      this.session = { owner: session, ops, poller };
    }
    return this.session;
  }

  async accept(nodes: readonly ShareNode[]): Promise<void> {
    const s = this.current();
    const targets = nodes.filter(
      (n) => n.share.shareId && n.parent.parent.owner === 'OTHER' && n.share.status === 'PENDING',
    );
    if (!s || targets.length === 0) {
      return;
    }
    await Promise.all(
      targets.map(async (node) => {
        const share = node.share;
        this.setBusy(share.key, 'Accepting…');
        try {
          const status = await s.ops.acceptShare(share.shareId!);
          this.apply({ ...share, status }, 'OTHER');
          vscode.window.setStatusBarMessage(`$(check) Accepted ${share.shareName ?? share.shareId}`, 4000);
        } catch (err) {
          this.fail('AcceptShare', err, share);
        } finally {
          this.setBusy(share.key, undefined);
        }
      }),
    );
  }

  /** Revoke (owned), decline or leave (received); one confirmation and one summary for several rows. */
  async delete(nodes: readonly ShareNode[], confirm: Confirm = modalConfirm): Promise<string | undefined> {
    const s = this.current();
    const targets = nodes.filter(
      (n) => n.share.shareId && n.share.status !== 'DELETING' && n.share.status !== 'DELETED',
    );
    if (!s || targets.length === 0) {
      return undefined;
    }
    const ownerOf = new Map(targets.map((n) => [n.share, n.parent.parent.owner]));
    const owner = (share: Share): ResourceOwner => ownerOf.get(share) ?? 'SELF';
    const shares = targets.map((n) => n.share);
    const question = deleteConfirmation(shares, owner);
    if (!(await confirm(question.message, question.detail, question.confirm))) {
      return undefined;
    }
    shares.forEach((sh) => this.setBusy(sh.key, 'Deleting…'));
    const results = await deleteShares(s.ops, shares, {
      owner,
      errorContext: errorContextOf(this.connections.connection),
    });
    shares.forEach((sh) => this.setBusy(sh.key, undefined));
    for (const r of results) {
      if (r.ok) {
        this.apply({ ...r.share, status: r.status }, owner(r.share));
      } else {
        this.logger.error(errorLogLine(`DeleteShare ${r.share.shareId}`, r.error));
      }
    }
    const summary = summarizeDeletes(results);
    if (summary.severity === 'info') {
      vscode.window.setStatusBarMessage(`$(check) ${summary.text}`, 5000);
    } else {
      void vscode.window.showWarningMessage(summary.text);
    }
    return summary.text;
  }

  async create(args?: CreateShareArgs): Promise<Share | undefined> {
    const s = this.current();
    if (!s) {
      void vscode.window.showWarningMessage('Select an AWS profile before sharing a resource.');
      return undefined;
    }
    // With arguments (keybindings, tests) nothing is asked; otherwise three validated prompts.
    const input = args ?? (await promptCreateShare(this.ownResourceArns(), this.callerAccountId));
    if (!input?.resourceArn || !input.principalSubscriber) {
      return undefined;
    }
    const { resourceArn, principalSubscriber, shareName } = input;
    const problem =
      validateResourceArn(resourceArn) ??
      validateSubscriberAccount(principalSubscriber) ??
      validateShareName(shareName ?? '');
    if (problem) {
      void vscode.window.showErrorMessage(`Share Resource: ${problem}`);
      return undefined;
    }
    try {
      const created = await s.ops.createShare({
        resourceArn: resourceArn.trim(),
        principalSubscriber: principalSubscriber.trim(),
        shareName: shareName?.trim() || undefined,
      });
      const share = created.shareId ? await s.ops.getShare(created.shareId) : undefined;
      if (share) {
        this.callerAccountId = share.ownerId;
        this.apply(share, 'SELF');
        const node = this.nodeFor(share.key);
        if (node) {
          await this.treeView.reveal(node, { select: true, focus: false, expand: true });
        }
      }
      vscode.window.setStatusBarMessage(`$(check) Shared ${resourceArn} with ${principalSubscriber}`, 5000);
      return share;
    } catch (err) {
      this.fail('CreateShare', err);
      return undefined;
    }
  }

  /** The resource ARNs already seen in "Shared by me", offered first when sharing a resource. */
  private ownResourceArns(): string[] {
    const own = this.tree.ownerNodes.find((o) => o.owner === 'SELF');
    const arns = own?.shares.groups().flatMap((g) => g.items.map((sh) => sh.resourceArn)) ?? [];
    return [...new Set(arns)].filter((a) => a !== '');
  }

  async showDetails(node: ShareNode): Promise<void> {
    const id = node.share.shareId;
    if (!id) {
      return;
    }
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${id}.md`, query: node.parent.parent.owner });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  /** Fresh GetShare every time the details document is opened. */
  private async detailsContent(uri: vscode.Uri): Promise<string> {
    const s = this.current();
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const owner: ResourceOwner = uri.query === 'OTHER' ? 'OTHER' : 'SELF';
    if (!s) {
      return '# Share details\n\nNo AWS connection.';
    }
    try {
      const share = await s.ops.getShare(id);
      this.apply(share, owner);
      return shareDetailsDocument(share, owner, new Date());
    } catch (err) {
      const d = describeError(err, { ...errorContextOf(this.connections.connection), operation: 'GetShare' });
      this.logger.error(errorLogLine(`GetShare ${id}`, d));
      return `# Share details\n\n${d.title}\n\n${d.detail}\n`;
    }
  }

  async openInConsole(node: ShareNode): Promise<void> {
    const arn = parseOmicsArn(node.share.resourceArn);
    const url =
      consoleUrl(node.share, arn?.region ?? this.connections.connection?.region ?? 'us-east-1', arn?.partition) ??
      goToArnUrl(node.share.resourceArn, arn?.partition);
    if (url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }
  }

  /** Finds a share by id or resource ARN and reveals it, loading pages as needed (cancellable). */
  async find(input?: string): Promise<ShareNode | undefined> {
    const s = this.current();
    const session = this.connections.current;
    if (!s || !session) {
      return undefined;
    }
    const text = input ?? (await promptFindInput());
    if (text === undefined) {
      return undefined;
    }
    const query = parseFindInput(text);
    if (!query.ok) {
      void vscode.window.showErrorMessage(`Find Share: ${query.message}`);
      return undefined;
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Finding share…', cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        try {
          const result = await findShare(
            { operations: s.ops, shares: session.api, callerAccountId: this.callerAccountId },
            query.value,
            {
              signal: controller.signal,
              onProgress: (p) => progress.report({ message: `${p.pagesScanned} page(s) searched` }),
            },
          );
          if (result.kind === 'notFound') {
            void vscode.window.showInformationMessage(result.message);
            return undefined;
          }
          this.callerAccountId = result.callerAccountId ?? this.callerAccountId;
          const match = result.matches[0];
          if (hiddenByFilter(match.share, this.filters.current)) {
            await this.filters.set(undefined);
            vscode.window.setStatusBarMessage('$(filter) Cleared the share filter to show the share', 5000);
          }
          return await this.reveal(match.owner, match.share, controller.signal, (n) =>
            progress.report({ message: `${n} shares loaded` }),
          );
        } catch (err) {
          if (!controller.signal.aborted) {
            this.fail('GetShare', err);
          }
          return undefined;
        }
      },
    );
  }

  private async reveal(
    owner: ResourceOwner,
    share: Share,
    signal: AbortSignal,
    onPage: (n: number) => void,
  ): Promise<ShareNode | undefined> {
    const ownerNode = this.tree.ownerNodes.find((o) => o.owner === owner);
    if (!ownerNode) {
      return undefined;
    }
    await this.treeView.reveal(ownerNode, { expand: true, select: false, focus: false });
    await ownerNode.shares.load();
    const group = ownerNode.shares.group(share.status);
    if (!group) {
      return undefined;
    }
    const found = await loadUntilFound(group, share.key, { signal, onPage });
    const node = found ? this.nodeFor(share.key, ownerNode) : undefined;
    if (node) {
      await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    } else {
      void vscode.window.showInformationMessage(
        `The share ${share.shareId ?? share.key} is not in the ${group.label} list any more; refresh and try again.`,
      );
    }
    return node;
  }

  /** The tree node showing this share, if loaded. */
  nodeFor(key: string, only?: OwnerNode): ShareNode | undefined {
    for (const o of only ? [only] : this.tree.ownerNodes) {
      for (const g of o.shares.groups()) {
        const node = o
          .statusNode(g)
          .shareNodes()
          .find((n) => n.share.key === key);
        if (node) {
          return node;
        }
      }
    }
    return undefined;
  }

  /** Applies a share's new state to the owner that shows it, and keeps polling it while it is transitional. */
  private apply(share: Share, owner?: ResourceOwner): void {
    const target =
      this.tree.ownerNodes.find((o) => o.owner === owner) ??
      this.tree.ownerNodes.find((o) => o.shares.findShare(share.key) !== undefined);
    target?.shares.updateShare(share);
    this.session?.poller.watch(share);
  }

  private setBusy(key: string, text: string | undefined): void {
    if (text) {
      this.busy.set(key, text);
    } else {
      this.busy.delete(key);
    }
    const node = this.nodeFor(key);
    if (node) {
      this.tree.refreshNode(node);
    }
  }

  private fail(operation: ShareOperationName, err: unknown, share?: Share): void {
    const d = describeError(err, { ...errorContextOf(this.connections.connection), operation });
    this.logger.error(errorLogLine(`${operation}${share?.shareId ? ` ${share.shareId}` : ''}`, d));
    void vscode.window.showErrorMessage(`${d.title}. ${d.detail}`);
  }

  /** After any tree change: poll the visible transitional shares; update the pending badge. */
  private afterTreeChange(): void {
    const s = this.current();
    // Only the transitional groups: copying every loaded share on each tree change would make each "Load more…"
    // cost O(everything loaded).
    s?.poller.setVisible(this.tree.sharesIn(['ACTIVATING', 'DELETING']));
    const other = this.tree.ownerNodes.find((o) => o.owner === 'OTHER');
    const pending =
      other?.shares.state.kind === 'ready' || other?.shares.state.kind === 'empty'
        ? other.shares.group('PENDING')
        : undefined;
    const badge =
      other && (other.shares.state.kind === 'ready' || other.shares.state.kind === 'empty')
        ? pendingBadge({ items: [...(pending?.items ?? [])], nextToken: pending?.hasMore ? 'more' : undefined })
        : undefined;
    this.treeView.badge = badge ? { value: badge.value, tooltip: badge.tooltip } : undefined;
  }

  get pollingShareIds(): string[] {
    return this.session?.poller.shareIds ?? [];
  }

  dispose(): void {
    this.session?.poller.dispose();
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
