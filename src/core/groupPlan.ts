/**
 * The pure half of OwnerShares: given the owner's first page, which status groups to create and which of them
 * start with data. See `ownerShares.ts` for the request counts this plan leads to.
 */
import type { Page, Share, ShareStatus, ShareStatusOrUnknown } from './model';
import { GROUP_ORDER, UNKNOWN_STATUS } from './model';

export interface GroupSeed {
  status: ShareStatusOrUnknown;
  /** The group's data so far; undefined = the group must fetch its own first page (filtered to its status). */
  initialPage?: Page<Share>;
}

/**
 * - The first page is the last: group it by status, every group complete (no request follows).
 * - More pages, one allowed status: the first page is that status's first page; it pages on from its token.
 * - More pages, several statuses: every allowed status fetches its own first page, so none hides behind another
 *   status's pages. Shares with an unknown status cannot be queried by status: those seen on the first page are
 *   kept as a complete UNKNOWN group.
 */
export function planGroups(first: Page<Share>, allowed: readonly ShareStatus[]): GroupSeed[] {
  if (first.nextToken === undefined) {
    const byStatus = groupByStatus(first.items);
    return GROUP_ORDER.filter((status) => byStatus.has(status)).map((status) => ({
      status,
      initialPage: { items: byStatus.get(status) ?? [], requestId: first.requestId },
    }));
  }
  if (allowed.length === 1) {
    return [{ status: allowed[0], initialPage: first }];
  }
  const seeds: GroupSeed[] = allowed.map((status) => ({ status }));
  const unknown = first.items.filter((s) => s.status === UNKNOWN_STATUS);
  if (unknown.length > 0) {
    seeds.push({ status: UNKNOWN_STATUS, initialPage: { items: unknown } });
  }
  return seeds;
}

/** Shares bucketed by status, each bucket in the order given. O(n). */
export function groupByStatus(items: readonly Share[]): Map<ShareStatusOrUnknown, Share[]> {
  const byStatus = new Map<ShareStatusOrUnknown, Share[]>();
  for (const share of items) {
    const bucket = byStatus.get(share.status);
    if (bucket) {
      bucket.push(share);
    } else {
      byStatus.set(share.status, [share]);
    }
  }
  return byStatus;
}
