/**
 * Plain data types for HealthOmics shares. No SDK types leak past this module's users: the SDK marks every
 * ShareDetails member optional and validates nothing, so `sharesApi.ts` maps its output into these shapes.
 */

/** A share's lifecycle status, as the API spells it. */
export type ShareStatus = 'PENDING' | 'ACTIVATING' | 'ACTIVE' | 'DELETING' | 'DELETED' | 'FAILED';

/** The lifecycle order (create → accept → activate → delete, failure last); status groups are shown in it. */
export const STATUS_ORDER: readonly ShareStatus[] = [
  'PENDING',
  'ACTIVATING',
  'ACTIVE',
  'DELETING',
  'DELETED',
  'FAILED',
];

/**
 * A share whose status is missing or not one of the six known values (a newer API, a broken server) is kept
 * and shown under this pseudo-status rather than dropped. It cannot be queried by status, see `ownerShares.ts`.
 */
export const UNKNOWN_STATUS = 'UNKNOWN';
export type ShareStatusOrUnknown = ShareStatus | typeof UNKNOWN_STATUS;

/** The order of status groups in the tree: the lifecycle, then the unknown bucket. */
export const GROUP_ORDER: readonly ShareStatusOrUnknown[] = [...STATUS_ORDER, UNKNOWN_STATUS];

/** SELF = shares I own ("Shared by me"); OTHER = shares other accounts offered me ("Shared with me"). */
export type ResourceOwner = 'SELF' | 'OTHER';

export type ShareResourceType = 'VARIANT_STORE' | 'ANNOTATION_STORE' | 'WORKFLOW';

export const RESOURCE_TYPES: readonly ShareResourceType[] = ['WORKFLOW', 'VARIANT_STORE', 'ANNOTATION_STORE'];

/**
 * One share, mapped defensively from the API's ShareDetails (whose members are all optional).
 *
 * - `key` is always set and is what the UI uses as a stable row id: the shareId when there is one, otherwise a
 *   key derived from the share's other fields (stable across refreshes as long as those fields are).
 * - `shareId` is undefined when the API sent none: actions (accept, delete) must check it, which the type forces.
 * - Missing string fields become '' so rows can render them without checks.
 * - `status` is 'UNKNOWN' for a missing or unrecognised value; `rawStatus` then keeps what the server sent.
 */
export interface Share {
  readonly key: string;
  readonly shareId?: string;
  readonly resourceArn: string;
  readonly resourceId: string;
  /** Derived from `resourceArn`; undefined when the ARN is not a shareable omics ARN. */
  readonly resourceType?: ShareResourceType;
  readonly ownerId: string;
  /** The subscriber's account id (the API docs describe this field wrongly, see the API notes §11). */
  readonly principalSubscriber: string;
  readonly status: ShareStatusOrUnknown;
  readonly rawStatus?: string;
  readonly statusMessage?: string;
  readonly shareName?: string;
  readonly creationTime?: Date;
  readonly updateTime?: Date;
}

/** The ListShares filter. Empty lists mean "no constraint" and are never sent (the API rejects 0-item lists). */
export interface ShareFilter {
  resourceArns?: string[];
  status?: ShareStatus[];
  type?: ShareResourceType[];
}

export interface Page<T> {
  items: T[];
  /** Undefined on the last page. */
  nextToken?: string;
  /** The request id of the call that produced the page, for the log. */
  requestId?: string;
}

const STATUS_LABELS: Record<ShareStatusOrUnknown, string> = {
  PENDING: 'Pending',
  ACTIVATING: 'Activating',
  ACTIVE: 'Active',
  DELETING: 'Deleting',
  DELETED: 'Deleted',
  FAILED: 'Failed',
  UNKNOWN: 'Unknown status',
};

const RESOURCE_TYPE_LABELS: Record<ShareResourceType, string> = {
  VARIANT_STORE: 'Variant store',
  ANNOTATION_STORE: 'Annotation store',
  WORKFLOW: 'Workflow',
};

export function isShareStatus(value: unknown): value is ShareStatus {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}

export function isShareResourceType(value: unknown): value is ShareResourceType {
  return typeof value === 'string' && (RESOURCE_TYPES as readonly string[]).includes(value);
}

/** 'PENDING' → 'Pending'; 'UNKNOWN' → 'Unknown status'. */
export function statusLabel(status: ShareStatusOrUnknown): string {
  return STATUS_LABELS[status];
}

/** 'VARIANT_STORE' → 'Variant store'; undefined → 'Unknown resource'. */
export function resourceTypeLabel(type: ShareResourceType | undefined): string {
  return type === undefined ? 'Unknown resource' : RESOURCE_TYPE_LABELS[type];
}

/** True when the filter constrains anything (an empty list constrains nothing). */
export function isFilterActive(filter: ShareFilter | undefined): boolean {
  return (
    (filter?.resourceArns?.length ?? 0) > 0 || (filter?.status?.length ?? 0) > 0 || (filter?.type?.length ?? 0) > 0
  );
}

/**
 * A copy of the filter with duplicates removed, statuses in STATUS_ORDER, and empty lists dropped, so that two
 * filters meaning the same thing produce the same request. Returns undefined when nothing is constrained.
 */
export function normalizeFilter(filter: ShareFilter | undefined): ShareFilter | undefined {
  if (!filter) {
    return undefined;
  }
  const out: ShareFilter = {};
  const arns = [...new Set(filter.resourceArns ?? [])].filter((arn) => arn !== '');
  const status = STATUS_ORDER.filter((s) => filter.status?.includes(s));
  const type = RESOURCE_TYPES.filter((t) => filter.type?.includes(t));
  if (arns.length > 0) {
    out.resourceArns = arns;
  }
  if (status.length > 0) {
    out.status = status;
  }
  if (type.length > 0) {
    out.type = type;
  }
  return isFilterActive(out) ? out : undefined;
}
