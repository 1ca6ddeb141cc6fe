/**
 * Links to the AWS console for a share's resource, opened with "Open in AWS Console".
 *
 * The HealthOmics console is a single-page app; the fragment paths used here (`#/workflows/<id>`,
 * `#/variantStores/<name>`, `#/annotationStores/<name>`) are our best knowledge of its routes, not a documented
 * contract. If they change, the page still opens on the HealthOmics home in the right region. `goToArnUrl` is
 * the console's generic "go to this ARN" link, for resources we cannot parse.
 *
 * Every piece of the URL comes from a validated ARN (parseOmicsArn) or a checked region code, and is encoded.
 */
import { parseOmicsArn } from './arn';
import type { Share, ShareResourceType } from './model';

/** The console domain per partition; partitions without a public console (ISO) have none. */
const CONSOLE_DOMAINS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

const FRAGMENTS: Record<ShareResourceType, string> = {
  WORKFLOW: 'workflows',
  VARIANT_STORE: 'variantStores',
  ANNOTATION_STORE: 'annotationStores',
};

const REGION = /^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$/;

export function consoleDomain(partition: string): string | undefined {
  return Object.hasOwn(CONSOLE_DOMAINS, partition) ? CONSOLE_DOMAINS[partition] : undefined;
}

/**
 * The HealthOmics console page of the share's resource, in `region` (the session's region; shares are
 * same-region) on `partition`'s console. Falls back to `goToArnUrl` when the ARN does not parse, and to the
 * HealthOmics home when it is missing. Undefined when the partition has no known console or the region is not a
 * region code.
 */
export function consoleUrl(share: Pick<Share, 'resourceArn'>, region: string, partition = 'aws'): string | undefined {
  const domain = consoleDomain(partition);
  if (domain === undefined || !REGION.test(region)) {
    return undefined;
  }
  const home = `https://${region}.${domain}/omics/home?region=${region}`;
  if (share.resourceArn === '') {
    return home;
  }
  const arn = parseOmicsArn(share.resourceArn);
  if (arn === undefined) {
    return goToArnUrl(share.resourceArn, partition);
  }
  return `${home}#/${FRAGMENTS[arn.resourceType]}/${encodeURIComponent(arn.resourceName)}`;
}

/** `https://console.aws.amazon.com/go/view?arn=<ARN>` (on the partition's console domain). */
export function goToArnUrl(arn: string, partition = 'aws'): string | undefined {
  const domain = consoleDomain(partition);
  return domain === undefined ? undefined : `https://${domain}/go/view?arn=${encodeURIComponent(arn)}`;
}
