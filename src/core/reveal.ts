/**
 * Revealing a found share in the tree (see findShare.ts for finding it): page its status group until the row is
 * loaded, and tell whether the tree's filter hides it.
 */
import type { Share, ShareFilter } from './model';
import { normalizeFilter } from './model';

/** The part of the tree a status group offers (StatusGroup satisfies it). */
export interface LoadableRows {
  readonly items: readonly Share[];
  readonly hasMore: boolean;
  readonly error: unknown;
  loadMore(): Promise<void>;
}

/**
 * Pages `rows` until the share with `key` is loaded; resolves with it, or undefined when the list ended without
 * it (it changed status meanwhile: search again). Rejects with the list's error, or an AbortError on abort.
 */
export async function loadUntilFound(
  rows: LoadableRows,
  key: string,
  options: { signal?: AbortSignal; onPage?: (loaded: number) => void; maxPages?: number } = {},
): Promise<Share | undefined> {
  for (let pages = 0; ; pages++) {
    const hit = rows.items.find((s) => s.key === key);
    if (hit !== undefined) {
      return hit;
    }
    options.signal?.throwIfAborted();
    if (!rows.hasMore || pages >= (options.maxPages ?? 100)) {
      return undefined;
    }
    await rows.loadMore();
    if (rows.error !== undefined) {
      throw rows.error instanceof Error
        ? rows.error
        : new Error('Loading the next page failed.', { cause: rows.error });
    }
    options.onPage?.(rows.items.length);
  }
}

/** True when the tree's filter would hide this share (the UI then offers to clear the filter). */
export function hiddenByFilter(share: Share, filter: ShareFilter | undefined): boolean {
  const f = normalizeFilter(filter);
  if (!f) {
    return false;
  }
  const statusOk = !f.status || (f.status as string[]).includes(share.status);
  const typeOk = !f.type || (share.resourceType !== undefined && f.type.includes(share.resourceType));
  const arnOk = !f.resourceArns || f.resourceArns.includes(share.resourceArn);
  return !(statusOk && typeOk && arnOk);
}
