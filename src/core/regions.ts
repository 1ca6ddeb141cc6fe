/** Regions with HealthOmics endpoints (botocore endpoints.json; see docs/notes). Shares are regional. */
export const OMICS_REGIONS: readonly { id: string; name: string }[] = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-east-2', name: 'US East (Ohio)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
  { id: 'eu-west-2', name: 'Europe (London)' },
  { id: 'il-central-1', name: 'Israel (Tel Aviv)' },
];

export const DEFAULT_REGION = 'us-east-1';
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionCode(value: string): boolean {
  return REGION_PATTERN.test(value);
}

export type RegionSource = 'setting' | 'profile' | 'environment' | 'default';

/**
 * The region to use: the `healthomics.region` setting, then the profile's `region`, then AWS_REGION, then
 * us-east-1. Always resolved here so the SDK never probes instance metadata for a region. A value that is not a
 * Region code is skipped (and reported as `ignored`, the first one only), so a typo never breaks the connection.
 */
export function resolveRegion(input: { setting?: string; profileRegion?: string; envRegion?: string }): {
  region: string;
  source: RegionSource;
  ignored?: { source: RegionSource; value: string };
} {
  const candidates: [string | undefined, RegionSource][] = [
    [input.setting, 'setting'],
    [input.profileRegion, 'profile'],
    [input.envRegion, 'environment'],
  ];
  let ignored: { source: RegionSource; value: string } | undefined;
  for (const [value, source] of candidates) {
    const v = value?.trim();
    if (v && isRegionCode(v)) {
      return { region: v, source, ...(ignored ? { ignored } : {}) };
    }
    if (v && !ignored) {
      ignored = { source, value: v };
    }
  }
  return { region: DEFAULT_REGION, source: 'default', ...(ignored ? { ignored } : {}) };
}

/** The HealthOmics Region with this code, if it is one (for labels: "eu-west-2 (Europe (London))"). */
export function omicsRegion(id: string): { id: string; name: string } | undefined {
  return OMICS_REGIONS.find((r) => r.id === id);
}
