/**
 * The view badge: how many shares other accounts offered me that wait for my Accept. It costs one request, the
 * first page of ListShares(OTHER, status=PENDING), refreshed with the tree; the count is that page's, with "N+"
 * semantics when the page says more follow (counting them all could take many requests for a badge).
 */
import type { Page, Share } from './model';
import type { ListSharesRequest } from './sharesApi';

export interface PendingBadge {
  /** What the badge shows (VS Code `ViewBadge.value`); always ≥ 1. */
  value: number;
  /** '1 pending share offered to you', '3 pending shares offered to you', '50+ pending shares offered to you'. */
  tooltip: string;
}

/** The one request behind the badge. */
export function pendingBadgeRequest(pageSize: number): ListSharesRequest {
  return { resourceOwner: 'OTHER', filter: { status: ['PENDING'] }, maxResults: pageSize };
}

/** The badge for that request's first page; undefined (no badge) when nothing is pending. */
export function pendingBadge(firstPage: Page<Share>): PendingBadge | undefined {
  // The query asks for PENDING only; counting defensively keeps a misbehaving server from inflating the badge.
  const value = firstPage.items.filter((s) => s.status === 'PENDING').length;
  if (value === 0) {
    return undefined;
  }
  const more = firstPage.nextToken !== undefined;
  const noun = value === 1 && !more ? 'share' : 'shares';
  return { value, tooltip: `${value}${more ? '+' : ''} pending ${noun} offered to you` };
}
