/**
 * One status group under an owner ("Pending", "Active", …): a thin, read-mostly view over the PagedList that
 * pages that status on its own.
 */
import type { ShareStatusOrUnknown, Share } from './model';
import { statusLabel } from './model';
import type { PagedList } from './paging';

export class StatusGroup {
  constructor(
    readonly status: ShareStatusOrUnknown,
    private readonly list: PagedList<Share>,
  ) {}

  /** 'Pending', 'Active', … */
  get label(): string {
    return statusLabel(this.status);
  }
  /** The loaded shares (an array that grows in place; see PagedList.items). */
  get items(): readonly Share[] {
    return this.list.items;
  }
  get hasMore(): boolean {
    return this.list.hasMore;
  }
  get isLoading(): boolean {
    return this.list.isLoading;
  }
  get error(): unknown {
    return this.list.error;
  }
  get version(): number {
    return this.list.version;
  }
  /** Changes when rows were replaced, removed or inserted (not when a page was appended). */
  get structureVersion(): number {
    return this.list.structureVersion;
  }
  get lastRequestId(): string | undefined {
    return this.list.lastRequestId;
  }

  /** The count shown next to the label: '12', or '50+' while more pages remain. */
  countText(): string {
    return `${this.list.items.length}${this.list.hasMore ? '+' : ''}`;
  }

  /**
   * Loads the next page (or retries the failed one); a second call while one runs returns the same promise, and
   * at the end of the list it costs nothing. Never rejects: see `error`.
   */
  loadMore(): Promise<void> {
    return this.list.loadMore();
  }
}
