/**
 * The share filter as the user edits it: parsing and validating ARNs typed into a box, validating a filter given
 * as a command argument (keybindings.json), describing it in a few words, and (de)serialising it for storage.
 * Every filter that passes validation here is one the API accepts (1–10 unique items per list, known enums).
 */
import { validateShareableArn } from './arn';
import type { ShareFilter } from './model';
import { isShareResourceType, isShareStatus, normalizeFilter, resourceTypeLabel, statusLabel } from './model';

export const MAX_FILTER_ITEMS = 10;

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

/** Splits on commas, whitespace and new lines; validates each entry; says exactly which one is wrong. */
export function parseArnList(text: string): Validated<string[]> {
  const entries = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unique = [...new Set(entries)];
  if (unique.length > MAX_FILTER_ITEMS) {
    return { ok: false, message: `At most ${MAX_FILTER_ITEMS} ARNs can be filtered on (got ${unique.length}).` };
  }
  for (const [i, arn] of unique.entries()) {
    const v = validateShareableArn(arn);
    if (!v.ok) {
      return { ok: false, message: `Entry ${i + 1} (${truncate(arn)}): ${v.reason}` };
    }
  }
  return { ok: true, value: unique };
}

/** Validates `{status?, type?, resourceArns?}` from a command argument; unknown keys and values are errors. */
export function validateFilterArgument(arg: unknown): Validated<ShareFilter | undefined> {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
    return { ok: false, message: 'The filter argument must be an object like {"status": ["PENDING"]}.' };
  }
  const record = arg as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((k) => !['status', 'type', 'resourceArns'].includes(k));
  if (unknownKeys.length) {
    return {
      ok: false,
      message: `Unknown filter field(s): ${unknownKeys.join(', ')} (expected status, type, resourceArns).`,
    };
  }
  const lists: Record<string, string[]> = {};
  for (const key of ['status', 'type', 'resourceArns'] as const) {
    const v = record[key];
    if (v === undefined) {
      continue;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      return { ok: false, message: `"${key}" must be a list of strings.` };
    }
    if (new Set(v).size > MAX_FILTER_ITEMS) {
      return { ok: false, message: `"${key}" can hold at most ${MAX_FILTER_ITEMS} values.` };
    }
    lists[key] = v as string[];
  }
  const badStatus = lists.status?.find((s) => !isShareStatus(s));
  if (badStatus !== undefined) {
    return {
      ok: false,
      message: `Unknown status "${truncate(badStatus)}" (expected PENDING, ACTIVATING, ACTIVE, DELETING, DELETED or FAILED).`,
    };
  }
  const badType = lists.type?.find((t) => !isShareResourceType(t));
  if (badType !== undefined) {
    return {
      ok: false,
      message: `Unknown resource type "${truncate(badType)}" (expected VARIANT_STORE, ANNOTATION_STORE or WORKFLOW).`,
    };
  }
  if (lists.resourceArns) {
    const arns = parseArnList(lists.resourceArns.join('\n'));
    if (!arns.ok) {
      return arns;
    }
  }
  const filter = normalizeFilter({
    status: lists.status?.filter(isShareStatus),
    type: lists.type?.filter(isShareResourceType),
    resourceArns: lists.resourceArns,
  });
  return { ok: true, value: filter };
}

/** "Pending, Active · Workflow · 2 ARNs" — what the view shows while a filter is on. */
export function describeFilter(filter: ShareFilter | undefined): string | undefined {
  const f = normalizeFilter(filter);
  if (!f) {
    return undefined;
  }
  const parts: string[] = [];
  if (f.status) {
    parts.push(f.status.map(statusLabel).join(', '));
  }
  if (f.type) {
    parts.push(f.type.map((t) => resourceTypeLabel(t)).join(', '));
  }
  if (f.resourceArns) {
    parts.push(f.resourceArns.length === 1 ? '1 ARN' : `${f.resourceArns.length} ARNs`);
  }
  return parts.join(' · ');
}

/** Reads a stored filter back; anything that no longer validates is dropped rather than sent. */
export function deserializeFilter(stored: unknown): ShareFilter | undefined {
  if (stored === undefined || stored === null) {
    return undefined;
  }
  const v = validateFilterArgument(stored);
  return v.ok ? v.value : undefined;
}

function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
