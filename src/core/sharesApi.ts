/**
 * The one seam between the core and the network: `SharesApi` is what paging and grouping call, and
 * `OmicsSharesApi` is its implementation over the real SDK. Unit tests of the layers above use an in-memory fake
 * of the interface; the SDK path is tested against a local HTTP server here and against the emulator by the
 * integration tests.
 */
import { ListSharesCommand, OmicsClient } from '@aws-sdk/client-omics';
import type { ListSharesCommandInput, OmicsClientConfig } from '@aws-sdk/client-omics';
import type { Logger } from './logger';
import { nullLogger } from './logger';
import type { Page, ResourceOwner, Share, ShareFilter } from './model';
import { normalizeFilter } from './model';
import { shareFromDetails } from './shareMapping';

export interface ListSharesRequest {
  resourceOwner: ResourceOwner;
  filter?: ShareFilter;
  /** The token of the page to fetch; undefined for the first page. */
  nextToken?: string;
  maxResults: number;
}

export interface SharesApi {
  /** One ListShares call. Rejects with the SDK's error (see errors.ts); aborting `signal` rejects with AbortError. */
  listShares(req: ListSharesRequest, signal?: AbortSignal): Promise<Page<Share>>;
}

/**
 * The SDK input for one call: a fresh object every time (the SDK's paginator mutates its input, and nothing
 * here may alias the caller's arrays), with empty filter lists left out because the API rejects 0-item lists.
 */
export function buildListSharesInput(req: ListSharesRequest): ListSharesCommandInput {
  const input: ListSharesCommandInput = { resourceOwner: req.resourceOwner, maxResults: req.maxResults };
  const filter = normalizeFilter(req.filter);
  if (filter) {
    input.filter = filter;
  }
  if (req.nextToken !== undefined && req.nextToken !== '') {
    input.nextToken = req.nextToken;
  }
  return input;
}

export class OmicsSharesApi implements SharesApi {
  constructor(
    private readonly client: OmicsClient,
    private readonly logger: Logger = nullLogger,
  ) {}

  async listShares(req: ListSharesRequest, signal?: AbortSignal): Promise<Page<Share>> {
    const input = buildListSharesInput(req);
    const started = Date.now();
    const out = await this.client.send(new ListSharesCommand(input), { abortSignal: signal });
    // The SDK does not enforce the required `shares` member: a 200 with an empty body gives undefined.
    const items = (out.shares ?? []).map(shareFromDetails);
    const page: Page<Share> = { items };
    if (out.nextToken !== undefined && out.nextToken !== '') {
      page.nextToken = out.nextToken;
    }
    if (out.$metadata.requestId !== undefined) {
      page.requestId = out.$metadata.requestId;
    }
    this.logger.debug(
      `ListShares ${describeRequest(input)} → ${items.length} shares, ${page.nextToken ? 'more' : 'last page'}, ` +
        `requestId=${page.requestId ?? '-'}, ${Date.now() - started} ms`,
    );
    return page;
  }
}

/** A one-line summary for the log; the page token is opaque and long, so only its presence is shown. */
function describeRequest(input: ListSharesCommandInput): string {
  const filter = input.filter ? ` filter=${JSON.stringify(input.filter)}` : '';
  const token = input.nextToken ? ' nextToken=…' : '';
  return `owner=${input.resourceOwner ?? '?'} maxResults=${input.maxResults ?? '-'}${filter}${token}`;
}

export interface OmicsClientOptions {
  region: string;
  /** A custom endpoint (emulator, proxy). When set, the `analytics-` host prefix is disabled, or it would be
   * prepended to the endpoint's host (API notes §5). */
  endpoint?: string;
  /** Static credentials or a provider such as `fromIni({ profile })`; resolving profiles is the caller's job. */
  credentials: NonNullable<OmicsClientConfig['credentials']>;
  /** Total attempts including the first (SDK default 3). */
  maxAttempts?: number;
}

/** An OmicsClient with standard retries; the caller owns it and must `destroy()` it when replaced. */
export function createOmicsClient(options: OmicsClientOptions): OmicsClient {
  const config: OmicsClientConfig = {
    region: options.region,
    credentials: options.credentials,
    retryMode: 'standard',
  };
  if (options.endpoint !== undefined && options.endpoint !== '') {
    config.endpoint = options.endpoint;
    config.disableHostPrefix = true;
  }
  if (options.maxAttempts !== undefined) {
    config.maxAttempts = options.maxAttempts;
  }
  return new OmicsClient(config);
}
