/**
 * ShareDetails (SDK) → Share (ours). Every ShareDetails member is optional and the SDK checks nothing, so each
 * field is read defensively; see the `Share` doc comment for the rules.
 */
import type { ShareDetails } from '@aws-sdk/client-omics';
import { parseOmicsArn } from './arn';
import type { Share } from './model';
import { isShareStatus, UNKNOWN_STATUS } from './model';

export function shareFromDetails(details: ShareDetails): Share {
  const shareId = nonEmptyString(details.shareId);
  const resourceArn = nonEmptyString(details.resourceArn) ?? '';
  const ownerId = nonEmptyString(details.ownerId) ?? '';
  const principalSubscriber = nonEmptyString(details.principalSubscriber) ?? '';
  const creationTime = validDate(details.creationTime);
  const rawStatus: unknown = details.status;
  const share: Share = {
    key: shareId ?? syntheticKey(resourceArn, ownerId, principalSubscriber, creationTime),
    shareId,
    resourceArn,
    resourceId: nonEmptyString(details.resourceId) ?? '',
    resourceType: parseOmicsArn(resourceArn)?.resourceType,
    ownerId,
    principalSubscriber,
    status: isShareStatus(rawStatus) ? rawStatus : UNKNOWN_STATUS,
    rawStatus: isShareStatus(rawStatus) || typeof rawStatus !== 'string' ? undefined : rawStatus,
    statusMessage: nonEmptyString(details.statusMessage),
    shareName: nonEmptyString(details.shareName),
    creationTime,
    updateTime: validDate(details.updateTime),
  };
  return dropUndefined(share);
}

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

/** Optional members are left out rather than present-and-undefined, so `deepEqual` and `'x' in share` behave. */
function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
