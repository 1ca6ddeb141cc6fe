/**
 * The shares of one owner ("Shared by me" = SELF, "Shared with me" = OTHER), grouped by status.
 *
 * Strategy and request count (n = the statuses the filter allows: 6 without a status filter):
 * - `load()` first sends ONE ListShares for the user's filter with `maxResults = pageSize`.
 * - No nextToken: that page is the owner's whole tree; it is grouped in memory. Total: 1 request. Re-reading
 *   `groups()`, expanding or collapsing costs nothing, and `loadMore()` on these groups is a no-op.
 * - A nextToken, n = 1 (the filter allows one status): the page *is* that status's first page and its group
 *   pages on from its token. Total: 1 request.
 * - A nextToken, n > 1: the page is set aside (apart from shares with an unknown status, which cannot be queried
 *   by status) and the n statuses get their own first page, concurrently, with the status filter intersected
 *   with the user's. Total: 1 + n requests (7 at most). A status the user filtered out is never queried. This is
 *   what keeps a PENDING share that the server lists after 500 ACTIVE ones under Pending at first render.
 * - From then on, every `group.loadMore()` is exactly 1 request for that group's next page.
 *
 * Statuses with zero shares produce no group. A group whose first page failed is shown with its error, and its
 * `loadMore()` retries. A failed first request is an owner-level error; `load()` again retries from the start.
 * `reset()` aborts everything in flight and starts a new generation: nothing from an older one ever lands.
 */
import type { Disposable } from './events';
import { Emitter } from './events';
import type { Logger } from './logger';
import { nullLogger } from './logger';
import type { Page, ResourceOwner, Share, ShareFilter, ShareStatus, ShareStatusOrUnknown } from './model';
import { GROUP_ORDER, isFilterActive, normalizeFilter, STATUS_ORDER, UNKNOWN_STATUS } from './model';
import { planGroups } from './groupPlan';
import { PagedList } from './paging';
import type { SharesApi } from './sharesApi';
import { StatusGroup } from './statusGroup';

export interface OwnerSharesOptions {
  api: SharesApi;
  resourceOwner: ResourceOwner;
  filter?: ShareFilter;
  /** maxResults of every request; a non-positive or non-numeric value falls back to DEFAULT_PAGE_SIZE. */
  pageSize: number;
  logger?: Logger;
}

export const DEFAULT_PAGE_SIZE = 50;

export type OwnerState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'empty'; filtered: boolean; message: string }
  | { kind: 'error'; error: unknown };

/** What changed: the owner level (state or which groups exist), or one group's rows / count / progress. */
export type OwnerSharesChange = { scope: 'owner' } | { scope: 'group'; group: StatusGroup };

interface Entry {
  group: StatusGroup;
  list: PagedList<Share>;
  subscription: Disposable;
  visible: boolean;
}

export class OwnerShares {
  private readonly filter: ShareFilter | undefined;
  /** The statuses the user's filter allows, in lifecycle order. */
  private readonly statuses: readonly ShareStatus[];
  private readonly pageSize: number;
  private readonly logger: Logger;
  private readonly emitter: Emitter<OwnerSharesChange>;
  private entries: Entry[] = [];
  private phase: 'idle' | 'loading' | 'done' | 'error' = 'idle';
  private ownerError: unknown;
  private loading: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;
  private disposed = false;

  readonly onDidChange: (listener: (change: OwnerSharesChange) => void) => Disposable;

  constructor(private readonly options: OwnerSharesOptions) {
    this.filter = normalizeFilter(options.filter);
    this.statuses = this.filter?.status ?? STATUS_ORDER;
    this.pageSize =
      Number.isFinite(options.pageSize) && options.pageSize >= 1 ? Math.floor(options.pageSize) : DEFAULT_PAGE_SIZE;
    this.logger = options.logger ?? nullLogger;
    this.emitter = new Emitter((err) => this.logger.error(`A shares-tree listener failed: ${String(err)}`));
    this.onDidChange = this.emitter.event;
  }

  get resourceOwner(): ResourceOwner {
    return this.options.resourceOwner;
  }

  /** True when a filter constrains the query (empty lists do not count). */
  get filtered(): boolean {
    return isFilterActive(this.filter);
  }

  get state(): OwnerState {
    switch (this.phase) {
      case 'idle':
      case 'loading':
        return { kind: this.phase };
      case 'error':
        return { kind: 'error', error: this.ownerError };
      case 'done':
        if (this.entries.some((e) => e.visible)) {
          return { kind: 'ready' };
        }
        return { kind: 'empty', filtered: this.filtered, message: emptyMessage(this.filtered) };
    }
  }

  /** The visible status groups in lifecycle order (UNKNOWN last); empty until `load()` is done. Costs nothing. */
  groups(): StatusGroup[] {
    return this.phase === 'done' ? this.entries.filter((e) => e.visible).map((e) => e.group) : [];
  }

  group(status: ShareStatusOrUnknown): StatusGroup | undefined {
    return this.groups().find((g) => g.status === status);
  }

  /** Loads the groups (see the module comment for the request count). Never rejects: see `state`. */
  load(): Promise<void> {
    if (this.disposed) {
      return Promise.resolve(); // VS Code may still ask a replaced owner node for children: never request for it
    }
    if (this.loading) {
      return this.loading;
    }
    if (this.phase === 'done') {
      return Promise.resolve();
    }
    this.phase = 'loading';
    this.ownerError = undefined;
    this.controller = new AbortController();
    this.loading = this.run(this.generation, this.controller.signal);
    this.emitter.fire({ scope: 'owner' });
    return this.loading;
  }

  /**
   * Applies a share's new state after an action or a status poll, without a request: the share leaves the group
   * of its old status and goes to the top of its new status's group (created if needed; not shown when the
   * filter excludes that status). A no-op until the owner has loaded.
   */
  updateShare(share: Share): void {
    if (this.phase !== 'done') {
      return;
    }
    for (const e of this.entries) {
      if (e.group.status !== share.status) {
        e.list.update(share.key, undefined);
      }
    }
    const allowed = share.status === UNKNOWN_STATUS || (this.statuses as readonly string[]).includes(share.status);
    if (allowed) {
      let target = this.entries.find((e) => e.group.status === share.status);
      if (!target) {
        target = this.entry(share.status, { items: [] });
        this.entries.push(target);
        this.entries.sort((a, b) => GROUP_ORDER.indexOf(a.group.status) - GROUP_ORDER.indexOf(b.group.status));
      }
      target.list.prepend(share);
    }
    this.entries.forEach((e) => (e.visible = isVisible(e.list)));
    this.emitter.fire({ scope: 'owner' });
  }

  /** The loaded share with this key, if any. */
  findShare(key: string): Share | undefined {
    for (const e of this.entries) {
      const found = e.list.items.find((s) => s.key === key);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /** Discards everything and loads again from the first page. */
  reload(): Promise<void> {
    this.reset();
    return this.load();
  }

  /** Discards everything and aborts what is in flight; late results of the old generation are dropped. */
  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.loading = undefined;
    this.discardEntries();
    this.phase = 'idle';
    this.ownerError = undefined;
    this.emitter.fire({ scope: 'owner' });
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
    this.emitter.dispose();
  }

  private async run(generation: number, signal: AbortSignal): Promise<void> {
    try {
      const first = await this.request(undefined, this.filter, signal);
      if (generation !== this.generation) {
        return;
      }
      const seeds = planGroups(first, this.statuses);
      this.logger.debug(
        `${this.resourceOwner}: ${first.nextToken === undefined ? 'one page' : 'more pages'}; ` +
          `groups ${seeds.map((s) => `${s.status}${s.initialPage ? '' : ' (query)'}`).join(', ') || 'none'}`,
      );
      this.entries = seeds.map((seed) => this.entry(seed.status, seed.initialPage));
      // Lists seeded with a page are loaded already; the others send their first request now, concurrently.
      await Promise.all(this.entries.map((e) => e.list.loadFirst()));
      if (generation !== this.generation) {
        return;
      }
      this.entries.forEach((e) => (e.visible = isVisible(e.list)));
      this.phase = 'done';
    } catch (err) {
      if (generation !== this.generation) {
        return;
      }
      this.discardEntries();
      this.phase = 'error';
      this.ownerError = err;
    }
    this.loading = undefined;
    this.controller = undefined;
    this.emitter.fire({ scope: 'owner' });
  }

  private entry(status: ShareStatusOrUnknown, initialPage: Page<Share> | undefined): Entry {
    const loader =
      status === UNKNOWN_STATUS
        ? () => Promise.resolve({ items: [] }) // cannot be queried by status; only ever seeded
        : (token: string | undefined, signal: AbortSignal) =>
            this.request(token, { ...this.filter, status: [status] }, signal);
    const list = new PagedList<Share>(loader, { keyOf: (s) => s.key, initialPage });
    const entry: Entry = {
      group: new StatusGroup(status, list),
      list,
      visible: false,
      subscription: list.onDidChange(() => this.onListChange(entry)),
    };
    return entry;
  }

  private onListChange(entry: Entry): void {
    if (this.phase !== 'done') {
      return; // first pages still loading: the owner-level event at the end covers them
    }
    const visible = isVisible(entry.list);
    const membershipChanged = visible !== entry.visible;
    entry.visible = visible;
    this.emitter.fire(membershipChanged ? { scope: 'owner' } : { scope: 'group', group: entry.group });
  }

  /** Async so that an api that throws synchronously still settles after `load()` has stored its promise. */
  private async request(
    token: string | undefined,
    filter: ShareFilter | undefined,
    signal: AbortSignal,
  ): Promise<Page<Share>> {
    const { api, resourceOwner } = this.options;
    return api.listShares({ resourceOwner, filter, nextToken: token, maxResults: this.pageSize }, signal);
  }

  private discardEntries(): void {
    for (const e of this.entries) {
      e.subscription.dispose();
      e.list.dispose();
    }
    this.entries = [];
  }
}

/** Hidden only once loaded and empty; a group whose first page failed (or is being retried) stays visible. */
function isVisible(list: PagedList<Share>): boolean {
  return list.items.length > 0 || !list.loaded;
}

export function emptyMessage(filtered: boolean): string {
  return filtered ? 'No shares match the filter' : 'No shares';
}
