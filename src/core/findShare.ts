/**
 * "Find Share…": the user pastes a share id or a resource ARN; we work out where it lives in the tree (owner side,
 * status) so the UI can reveal it.
 *
 * - A share id costs one GetShare (exact and cheap), which gives the status. The owner side is `ownerId ==
 *   caller`; when the caller's account is unknown, one ListShares(SELF, resourceArns=[its ARN], maxResults=1)
 *   settles it: only a resource's owner account lists shares of it under SELF. The result names the caller's
 *   account, so the UI can remember it.
 * - A resource ARN lists ListShares(resourceArns=[arn]) for both owners, concurrently, page by page (a resource
 *   may be shared with many accounts), up to `maxPages` per owner.
 *
 * Cancellation: aborting `signal` aborts the request in flight and rejects with an AbortError. Progress is
 * reported after each page. Then `loadUntilFound` (reveal.ts) pages the
 * tree's status group until the share's row is loaded.
 */
import { parseOmicsArn, validateShareableArn } from './arn';
import type { ParsedOmicsArn } from './arn';
import { describeError } from './errors';
import type { Validated } from './filter';
import type { ResourceOwner, Share, ShareFilter, ShareStatusOrUnknown } from './model';
import type { ShareOperations } from './shareOperations';
import type { SharesApi } from './sharesApi';
import { CANONICAL_SHARE_ID, validateShareId } from './shareValidation';

export type FindQuery =
  | { kind: 'shareId'; shareId: string; /** Looks like 32 hex-32 hex. */ canonical: boolean }
  | { kind: 'resourceArn'; arn: string; parsed: ParsedOmicsArn };

/** Anything starting with "arn:" must be a shareable omics ARN; any other token without spaces is a share id. */
export function parseFindInput(text: string): Validated<FindQuery> {
  const value = text.trim();
  if (value.toLowerCase().startsWith('arn:')) {
    const parsed = parseOmicsArn(value);
    return parsed
      ? { ok: true, value: { kind: 'resourceArn', arn: value, parsed } }
      : { ok: false, message: `Not a shareable HealthOmics ARN: ${arnReason(value)}` };
  }
  const message = validateShareId(value);
  if (message !== undefined) {
    return { ok: false, message: value === '' ? 'Enter a share id or a resource ARN.' : message };
  }
  return { ok: true, value: { kind: 'shareId', shareId: value, canonical: CANONICAL_SHARE_ID.test(value) } };
}

/** For `InputBoxOptions.validateInput`. */
export function validateFindInput(text: string): string | undefined {
  const parsed = parseFindInput(text);
  return parsed.ok ? undefined : parsed.message;
}

function arnReason(arn: string): string {
  const v = validateShareableArn(arn);
  return v.ok ? '' : v.reason;
}

export interface FoundShare {
  owner: ResourceOwner;
  status: ShareStatusOrUnknown;
  shareId?: string;
  /** The tree's row key (Share.key). */
  key: string;
  share: Share;
}

export type FindResult =
  | {
      kind: 'found';
      matches: FoundShare[];
      /** More pages were left unscanned (ARN search). */ truncated: boolean;
      callerAccountId?: string;
    }
  | { kind: 'notFound'; message: string };

export interface FindShareDeps {
  operations: Pick<ShareOperations, 'getShare'>;
  shares: SharesApi;
  callerAccountId?: string;
}

export interface FindProgress {
  pagesScanned: number;
  found: number;
}

export interface FindShareOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FindProgress) => void;
  /** maxResults for ARN searches (default 100). */
  pageSize?: number;
  /** Pages per owner for ARN searches (default 10). */
  maxPages?: number;
}

export async function findShare(
  deps: FindShareDeps,
  query: FindQuery,
  options: FindShareOptions = {},
): Promise<FindResult> {
  options.signal?.throwIfAborted();
  return query.kind === 'shareId' ? findById(deps, query.shareId, options) : findByArn(deps, query.arn, options);
}

async function findById(deps: FindShareDeps, shareId: string, options: FindShareOptions): Promise<FindResult> {
  let share: Share;
  try {
    share = await deps.operations.getShare(shareId, options.signal);
  } catch (err) {
    if (describeError(err, { operation: 'GetShare' }).kind === 'notFound') {
      return { kind: 'notFound', message: `No share with id ${JSON.stringify(shareId)} in this region.` };
    }
    throw err;
  }
  let owner: ResourceOwner;
  if (deps.callerAccountId !== undefined) {
    owner = share.ownerId === deps.callerAccountId ? 'SELF' : 'OTHER';
  } else {
    owner = await ownerByListing(deps.shares, share, options.signal);
    options.onProgress?.({ pagesScanned: 1, found: 1 });
  }
  const callerAccountId = deps.callerAccountId ?? (owner === 'SELF' ? share.ownerId : share.principalSubscriber);
  const result: FindResult = { kind: 'found', matches: [found(share, owner)], truncated: false };
  if (callerAccountId !== '') {
    result.callerAccountId = callerAccountId;
  }
  return result;
}

/** SELF iff the caller lists any share of this resource as its own (only the resource's account can). */
async function ownerByListing(api: SharesApi, share: Share, signal?: AbortSignal): Promise<ResourceOwner> {
  if (share.resourceArn === '') {
    return 'OTHER'; // a broken response: no ARN to ask about; OTHER is the side offers arrive on
  }
  const filter: ShareFilter = { resourceArns: [share.resourceArn] };
  const page = await api.listShares({ resourceOwner: 'SELF', filter, maxResults: 1 }, signal);
  return page.items.length > 0 ? 'SELF' : 'OTHER';
}

async function findByArn(deps: FindShareDeps, arn: string, options: FindShareOptions): Promise<FindResult> {
  const progress: FindProgress = { pagesScanned: 0, found: 0 };
  const scan = async (owner: ResourceOwner): Promise<{ matches: FoundShare[]; truncated: boolean }> => {
    const matches: FoundShare[] = [];
    let nextToken: string | undefined;
    for (let pages = 0; pages < (options.maxPages ?? 10); pages++) {
      options.signal?.throwIfAborted();
      const req = {
        resourceOwner: owner,
        filter: { resourceArns: [arn] },
        maxResults: options.pageSize ?? 100,
        nextToken,
      };
      const page = await deps.shares.listShares(req, options.signal);
      const mine = page.items.filter((s) => s.resourceArn === arn).map((s) => found(s, owner));
      matches.push(...mine);
      progress.pagesScanned++;
      progress.found += mine.length;
      options.onProgress?.({ ...progress });
      nextToken = page.nextToken;
      if (nextToken === undefined) {
        return { matches, truncated: false };
      }
    }
    return { matches, truncated: true };
  };
  const [self, other] = await Promise.all([scan('SELF'), scan('OTHER')]);
  const matches = [...self.matches, ...other.matches];
  const truncated = self.truncated || other.truncated;
  if (matches.length === 0) {
    const scanned = truncated ? ` (searched the first ${progress.pagesScanned} pages)` : '';
    return { kind: 'notFound', message: `No share of ${arn} in this region, by or with this account${scanned}.` };
  }
  return { kind: 'found', matches, truncated };
}

function found(share: Share, owner: ResourceOwner): FoundShare {
  const out: FoundShare = { owner, status: share.status, key: share.key, share };
  if (share.shareId !== undefined) {
    out.shareId = share.shareId;
  }
  return out;
}
