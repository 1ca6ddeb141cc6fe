/**
 * A lazily paged, append-only list: the state behind one "Load more…" row.
 *
 * Guarantees:
 * - at most one request in flight: a `loadMore()`/`loadFirst()` while one runs returns the same promise;
 * - a page that loaded is never requested again; a failed page keeps what was loaded and a retry
 *   (`loadMore()`) re-issues the same token;
 * - `reset()` aborts the request in flight and starts a new generation: a result that arrives for an older
 *   generation is dropped, so a list never shows rows from a superseded query;
 * - work per page is O(page): items are pushed onto one array (never copied), and duplicates are detected with
 *   a Set of keys. `version` counts changes, so a caller can tell cheaply whether anything happened and read only
 *   `items.slice(previousLength)`.
 *
 * The promises returned by `loadFirst`/`loadMore` never reject: the outcome is in `error` and `items`.
 */
import type { Disposable } from './events';
import { Emitter } from './events';
import type { Page } from './model';

/** Fetches one page: `nextToken` is undefined for the first page. Must honour `signal`. */
export type PageLoader<T> = (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedListOptions<T> {
  /**
   * Identity of an item. When given, an item whose key was already loaded is dropped: a server that pages by
   * offset repeats an item when the data shifts between pages, and a repeated id breaks a tree view.
   */
  keyOf?: (item: T) => string;
  /** A first page that was already fetched (e.g. the owner's unfiltered page); the list starts loaded. */
  initialPage?: Page<T>;
}

export class PagedList<T> {
  private _items: T[] = [];
  private keys = new Set<string>();
  /** Tokens already requested: a token that comes back again would re-request a loaded page, so it ends the list. */
  private usedTokens = new Set<string>();
  private _nextToken: string | undefined;
  private _loaded = false;
  private _error: unknown;
  private _version = 0;
  private _structureVersion = 0;
  private _lastRequestId: string | undefined;
  private inflight: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;
  private readonly changed = new Emitter<void>();

  /** Fires after every state change (loading started, page appended, error, reset). */
  readonly onDidChange: (listener: () => void) => Disposable = this.changed.event;

  constructor(
    private readonly loader: PageLoader<T>,
    private readonly options: PagedListOptions<T> = {},
  ) {
    if (options.initialPage) {
      this.append(options.initialPage, undefined);
    }
  }

  /** The loaded items, in load order. The same array grows in place until `reset()`; do not mutate it. */
  get items(): readonly T[] {
    return this._items;
  }
  /** The token of the next page, when there is one. */
  get nextToken(): string | undefined {
    return this._nextToken;
  }
  /** True when the first page has loaded (successfully). */
  get loaded(): boolean {
    return this._loaded;
  }
  /** True when a loaded page said more remain (before the first page, false: see `loaded`). */
  get hasMore(): boolean {
    return this._loaded && this._nextToken !== undefined;
  }
  get isLoading(): boolean {
    return this.inflight !== undefined;
  }
  /** The last request's error, cleared when the next request starts. */
  get error(): unknown {
    return this._error;
  }
  /** Increments on every change. */
  get version(): number {
    return this._version;
  }
  get lastRequestId(): string | undefined {
    return this._lastRequestId;
  }

  /** Loads the first page unless it is loaded or loading. */
  loadFirst(): Promise<void> {
    if (this.inflight) {
      return this.inflight;
    }
    return this._loaded ? Promise.resolve() : this.start();
  }

  /** Loads the next page (or the first, or retries the failed one); a no-op at the end of the list. */
  loadMore(): Promise<void> {
    if (this.inflight) {
      return this.inflight;
    }
    return this._loaded && this._nextToken === undefined ? Promise.resolve() : this.start();
  }

  /** Forgets everything and aborts the request in flight; its result, if it still arrives, is dropped. */
  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.inflight = undefined;
    // New containers rather than clearing: a caller holding the old `items` keeps a consistent snapshot.
    this._items = [];
    this.keys = new Set();
    this.usedTokens = new Set();
    this._nextToken = undefined;
    this._loaded = false;
    this._error = undefined;
    this._lastRequestId = undefined;
    this._structureVersion++;
    this.bump();
  }

  dispose(): void {
    this.reset();
    this.changed.dispose();
  }

  private start(): Promise<void> {
    const generation = this.generation;
    const token = this._loaded ? this._nextToken : undefined;
    const controller = new AbortController();
    this.controller = controller;
    this._error = undefined;
    // `then` callbacks always run asynchronously, so `this.inflight` is assigned before either can clear it.
    this.inflight = this.fetch(token, controller.signal).then(
      (page) => this.settle(generation, () => this.append(page, token)),
      (err: unknown) =>
        this.settle(generation, () => {
          this._error = err;
        }),
    );
    this.bump();
    return this.inflight;
  }

  /** Turns a loader that throws synchronously into a rejected promise. */
  private async fetch(token: string | undefined, signal: AbortSignal): Promise<Page<T>> {
    return this.loader(token, signal);
  }

  private settle(generation: number, apply: () => void): void {
    if (generation !== this.generation) {
      return; // a reset happened since this request started
    }
    apply();
    this.inflight = undefined;
    this.controller = undefined;
    this.bump();
  }

  private append(page: Page<T>, requestedToken: string | undefined): void {
    const keyOf = this.options.keyOf;
    for (const item of page.items) {
      if (keyOf) {
        const key = keyOf(item);
        if (this.keys.has(key)) {
          continue;
        }
        this.keys.add(key);
      }
      this._items.push(item);
    }
    if (requestedToken !== undefined) {
      this.usedTokens.add(requestedToken);
    }
    const next = page.nextToken;
    this._nextToken = next === undefined || next === '' || this.usedTokens.has(next) ? undefined : next;
    this._loaded = true;
    this._lastRequestId = page.requestId;
  }

  /**
   * Replaces the item with `key` in place (a share whose details changed but not its group), or removes it when
   * `item` is undefined (a share that moved to another status). Returns whether it was there. O(n), used for
   * single actions, never per page. Removal changes earlier indices: `structureVersion` tells callers that cache
   * per-index rows to rebuild them.
   */
  update(key: string, item: T | undefined): boolean {
    const keyOf = this.options.keyOf;
    const index = keyOf ? this._items.findIndex((i) => keyOf(i) === key) : -1;
    if (index < 0) {
      return false;
    }
    if (item === undefined) {
      this._items.splice(index, 1);
      this.keys.delete(key);
    } else {
      this._items[index] = item;
    }
    this._structureVersion++;
    this.bump();
    return true;
  }

  /** Adds an item at the top (a share that just entered this status); a key already loaded is replaced instead. */
  prepend(item: T): void {
    const key = this.options.keyOf?.(item);
    if (key !== undefined && this.keys.has(key)) {
      this.update(key, item);
      return;
    }
    if (key !== undefined) {
      this.keys.add(key);
    }
    this._items.unshift(item);
    this._loaded = true;
    this._structureVersion++;
    this.bump();
  }

  /** Increments when items were replaced, removed or inserted other than by appending a page. */
  get structureVersion(): number {
    return this._structureVersion;
  }

  private bump(): void {
    this._version++;
    this.changed.fire();
  }
}
