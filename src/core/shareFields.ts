import type { ResourceOwner, Share } from './model';
import { resourceTypeLabel, statusLabel } from './model';

/** Control characters and line breaks would break a one-line tooltip field; the server's text is untrusted. */
export function oneLine(text: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Every field of a share as [label, value] pairs, in reading order; missing values are left out. */
export function shareFields(share: Share, owner: ResourceOwner): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['Name', share.shareName],
    ['Share ID', share.shareId],
    ['Status', share.status === 'UNKNOWN' ? (share.rawStatus ?? statusLabel(share.status)) : statusLabel(share.status)],
    ['Status message', share.statusMessage],
    ['Resource type', resourceTypeLabel(share.resourceType)],
    ['Resource ARN', share.resourceArn],
    ['Resource ID', share.resourceId],
    [owner === 'SELF' ? 'Owner (you)' : 'Owner', share.ownerId],
    [owner === 'OTHER' ? 'Subscriber (you)' : 'Subscriber', share.principalSubscriber],
    ['Created', share.creationTime?.toISOString()],
    ['Updated', share.updateTime?.toISOString()],
  ];
  return rows
    .filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '')
    .map(([l, v]) => [l, oneLine(v)]);
}

/** The share as the API's ShareDetails JSON (ISO timestamps, absent fields left out), for "Copy as JSON". */
export function shareJson(share: Share): Record<string, string> {
  const out: Record<string, string | undefined> = {
    shareId: share.shareId,
    resourceArn: share.resourceArn,
    resourceId: share.resourceId,
    principalSubscriber: share.principalSubscriber,
    ownerId: share.ownerId,
    status: share.rawStatus ?? share.status,
    statusMessage: share.statusMessage,
    shareName: share.shareName,
    creationTime: share.creationTime?.toISOString(),
    updateTime: share.updateTime?.toISOString(),
  };
  return Object.fromEntries(
    Object.entries(out).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}
