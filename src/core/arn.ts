/**
 * Shareable HealthOmics ARNs (Service Authorization Reference, API notes §8):
 *
 *   arn:${Partition}:omics:${Region}:${Account}:variantStore/${StoreName}
 *   arn:${Partition}:omics:${Region}:${Account}:annotationStore/${StoreName}
 *   arn:${Partition}:omics:${Region}:${Account}:workflow/${Id}
 *
 * The API validates no ARN client-side, so this is a UX nicety: it explains precisely what is wrong with an ARN a
 * user typed. Nothing here throws.
 */
import type { ShareResourceType } from './model';

export interface ParsedOmicsArn {
  partition: string;
  region: string;
  account: string;
  resourceType: ShareResourceType;
  /** The store name, or the workflow id. */
  resourceName: string;
}

export type ArnValidation = { ok: true; arn: ParsedOmicsArn } | { ok: false; reason: string };

/** The AWS partitions. HealthOmics has endpoints only in `aws` today, but an ARN from another one is well-formed. */
export const PARTITIONS: readonly string[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

const RESOURCE_SEGMENTS: Readonly<Record<string, ShareResourceType>> = {
  variantStore: 'VARIANT_STORE',
  annotationStore: 'ANNOTATION_STORE',
  workflow: 'WORKFLOW',
};

const SEGMENT_FOR_TYPE: Readonly<Record<ShareResourceType, string>> = {
  VARIANT_STORE: 'variantStore',
  ANNOTATION_STORE: 'annotationStore',
  WORKFLOW: 'workflow',
};

const STORE_NAME = /^[a-z][a-z0-9_]{2,254}$/;
const WORKFLOW_ID = /^[0-9]{1,18}$/;
const ACCOUNT = /^[0-9]{12}$/;
/** e.g. us-east-1, us-gov-west-1, cn-north-1, il-central-1, eusc-de-east-1. */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$/;

type Check = { ok: true } | { ok: false; reason: string };
const OK: Check = { ok: true };
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Quotes a piece of the user's input for a reason, cut short so a pasted novel stays a one-line message. */
function q(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 61)}...` : text);
}

/** The parts of a shareable omics ARN, or undefined for anything else (including version ARNs). Never throws. */
export function parseOmicsArn(arn: unknown): ParsedOmicsArn | undefined {
  const result = validateShareableArn(arn);
  return result.ok ? result.arn : undefined;
}

/**
 * Every valid shareable ARN, in one regular expression (same rules as `validateShareableArn`, which explains
 * failures): the fast path for mapping thousands of shares per page, where only the resource type is needed.
 */
const SHAREABLE_ARN =
  /^arn:([a-z-]+):omics:[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}:[0-9]{12}:(?:(variantStore|annotationStore)\/[a-z][a-z0-9_]{2,254}|(workflow)\/[0-9]{1,18})$/;

/** The resource type of a shareable ARN, or undefined for anything `parseOmicsArn` rejects. ~5× faster than it. */
export function resourceTypeOfArn(arn: string): ShareResourceType | undefined {
  const m = SHAREABLE_ARN.exec(arn);
  if (!m || !PARTITIONS.includes(m[1])) {
    return undefined;
  }
  return RESOURCE_SEGMENTS[m[2] ?? m[3]];
}

/** The inverse of `parseOmicsArn`. */
export function formatOmicsArn(arn: ParsedOmicsArn): string {
  const segment = SEGMENT_FOR_TYPE[arn.resourceType];
  return `arn:${arn.partition}:omics:${arn.region}:${arn.account}:${segment}/${arn.resourceName}`;
}

/** Checks that `arn` can be shared, and if not says exactly which part is wrong. Never throws. */
export function validateShareableArn(arn: unknown): ArnValidation {
  if (typeof arn !== 'string' || arn.length === 0) {
    return fail('The ARN is empty.');
  }
  if (/\s/.test(arn)) {
    return fail('The ARN contains whitespace.');
  }
  const parts = arn.split(':');
  if (parts[0] !== 'arn') {
    return fail('Not an ARN: it must start with "arn:".');
  }
  if (parts.length !== 6) {
    return fail(
      `An ARN has 6 colon-separated parts (arn:partition:service:region:account:resource); this one has ${parts.length}.`,
    );
  }
  const [, partition, service, region, account, resource] = parts as [string, string, string, string, string, string];
  const header = checkHeader(partition, service, region, account);
  if (!header.ok) {
    return header;
  }
  return checkResource(resource, { partition, region, account });
}

function checkHeader(partition: string, service: string, region: string, account: string): Check {
  if (!PARTITIONS.includes(partition)) {
    return fail(`Unknown partition ${q(partition)} (expected one of ${PARTITIONS.join(', ')}).`);
  }
  if (service !== 'omics') {
    return fail(`Not a HealthOmics ARN: the service is ${q(service)}, expected "omics".`);
  }
  if (region === '') {
    return fail('The region is missing (shares are regional, e.g. us-east-1).');
  }
  if (!REGION.test(region)) {
    return fail(`${q(region)} is not a region code (e.g. us-east-1).`);
  }
  if (!ACCOUNT.test(account)) {
    const digits = /^[0-9]*$/.test(account) ? ` (it has ${account.length})` : '';
    return fail(`The account ${q(account)} must be exactly 12 digits${digits}.`);
  }
  return OK;
}

function checkResource(resource: string, header: Omit<ParsedOmicsArn, 'resourceType' | 'resourceName'>): ArnValidation {
  const segments = resource.split('/');
  const typeSegment = segments[0] ?? '';
  const resourceType = Object.hasOwn(RESOURCE_SEGMENTS, typeSegment) ? RESOURCE_SEGMENTS[typeSegment] : undefined;
  if (resourceType === undefined) {
    const kinds = Object.keys(RESOURCE_SEGMENTS).join(', ');
    return fail(`${q(typeSegment)} resources cannot be shared; only ${kinds} can.`);
  }
  if (segments.length < 2 || segments[1] === '') {
    const what = resourceType === 'WORKFLOW' ? 'workflow id' : 'store name';
    return fail(`The ${what} after "${typeSegment}/" is missing.`);
  }
  const name = segments[1];
  if (segments.length > 2) {
    if (segments[2] === 'version') {
      return fail(`Version ARNs cannot be shared; share the whole ${typeSegment} (…:${typeSegment}/${name}).`);
    }
    return fail(`Unexpected ${q('/' + segments.slice(2).join('/'))} after the ${typeSegment} name.`);
  }
  const nameCheck = resourceType === 'WORKFLOW' ? checkWorkflowId(name) : checkStoreName(name);
  if (!nameCheck.ok) {
    return nameCheck;
  }
  return { ok: true, arn: { ...header, resourceType, resourceName: name } };
}

function checkWorkflowId(id: string): Check {
  if (!WORKFLOW_ID.test(id)) {
    return fail(`The workflow id ${q(id)} must be 1–18 digits.`);
  }
  return OK;
}

function checkStoreName(name: string): Check {
  if (STORE_NAME.test(name)) {
    return OK;
  }
  if (name.length < 3 || name.length > 255) {
    return fail(`The store name ${q(name)} must be 3–255 characters long (it has ${name.length}).`);
  }
  if (!/^[a-z]/.test(name)) {
    return fail(`The store name ${q(name)} must start with a lowercase letter.`);
  }
  return fail(`The store name ${q(name)} may contain only lowercase letters, digits and underscores.`);
}
