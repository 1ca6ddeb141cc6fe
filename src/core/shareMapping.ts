/**
 * ShareDetails (SDK) → Share (ours). Every ShareDetails member is optional and the SDK checks nothing, so each
 * field is read defensively; see the `Share` doc comment for the rules.
 */
import type { ShareDetails } from '@aws-sdk/client-omics';
import { resourceTypeOfArn } from './arn';
import type { Share } from './model';
import { isShareStatus, UNKNOWN_STATUS } from './model';

export function shareFromDetails(details: ShareDetails): Share {
  const shareId = nonEmptyString(details.shareId);
  const resourceArn = nonEmptyString(details.resourceArn) ?? '';
  const ownerId = nonEmptyString(details.ownerId) ?? '';
  const principalSubscriber = nonEmptyString(details.principalSubscriber) ?? '';
  const creationTime = validDate(details.creationTime);
  const rawStatus: unknown = details.status;
  const known = isShareStatus(rawStatus);
  // Optional members are left out rather than present-and-undefined (so `deepEqual` and `'x' in share` behave),
  // by adding them only when set: deleting keys afterwards would put every share object in V8's slow dictionary
  // mode, which showed up as ~20 % extra time and heap when loading 10,000 shares (npm run bench).
  const share: Mutable<Share> = {
    key: shareId ?? syntheticKey(resourceArn, ownerId, principalSubscriber, creationTime),
    resourceArn,
    resourceId: nonEmptyString(details.resourceId) ?? '',
    ownerId,
    principalSubscriber,
    status: known ? rawStatus : UNKNOWN_STATUS,
  };
  const optional: Partial<Share> = {
    shareId,
    resourceType: resourceTypeOfArn(resourceArn),
    rawStatus: known || typeof rawStatus !== 'string' ? undefined : rawStatus,
    statusMessage: nonEmptyString(details.statusMessage),
    shareName: nonEmptyString(details.shareName),
    creationTime,
    updateTime: validDate(details.updateTime),
  };
  for (const key of Object.keys(optional) as (keyof Share)[]) {
    if (optional[key] !== undefined) {
      (share as Record<string, unknown>)[key] = optional[key];
    }
  }
  return share;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A row key for a share the API sent without an id: derived from the fields that identify a share (resource,
 * both accounts, creation time) so it is the same on every refresh. Two id-less shares with identical fields
 * collide; the paged list then keeps the first (see paging.ts).
 */
function syntheticKey(resourceArn: string, ownerId: string, subscriber: string, created: Date | undefined): string {
  return `no-share-id:${resourceArn}|${ownerId}|${subscriber}|${created?.toISOString() ?? ''}`;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function validDate(value: unknown): Date | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}
