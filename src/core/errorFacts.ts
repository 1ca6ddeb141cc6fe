/**
 * Reads the few properties `describeError` needs from an unknown thrown value: SDK service exceptions
 * (`name`, `$fault`, `$metadata`), Node network errors (`code`, `hostname`, `address`, wrapped in `cause` or an
 * AggregateError), deserialization errors (`$response`). Nothing here trusts a property's type.
 */

export interface ErrorFacts {
  name: string;
  message: string;
  /** The string `code`s (ECONNREFUSED, …) found on the error, its causes and aggregated errors, outermost first. */
  codes: string[];
  httpStatus?: number;
  fault?: 'client' | 'server';
  requestId?: string;
  /** The host (and port) of a failed connection, when the error names it. */
  host?: string;
  /** The SDK attached the raw HTTP response (deserialization failures). */
  hasResponse: boolean;
  /** The error came from the SDK's credential providers (CredentialsProviderError, ProviderError, …). */
  fromCredentialProvider: boolean;
}

type Bag = Record<string, unknown>;

function asBag(value: unknown): Bag | undefined {
  return typeof value === 'object' && value !== null ? (value as Bag) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const PROVIDER_ERROR_NAMES = ['CredentialsProviderError', 'ProviderError', 'TokenProviderError'];

export function errorFacts(err: unknown): ErrorFacts {
  const bag = asBag(err);
  if (!bag) {
    return { name: 'Error', message: String(err), codes: [], hasResponse: false, fromCredentialProvider: false };
  }
  const name = str(bag.name) ?? 'Error';
  const metadata = asBag(bag.$metadata);
  const response = asBag(bag.$response);
  const fault = bag.$fault === 'client' || bag.$fault === 'server' ? bag.$fault : undefined;
  const related = relatedErrors(bag);
  return {
    name,
    message: str(bag.message) ?? '',
    codes: related.map((e) => str(e.code)).filter((c): c is string => c !== undefined),
    httpStatus: num(metadata?.httpStatusCode) ?? num(response?.statusCode),
    fault,
    requestId: str(metadata?.requestId),
    host: firstOf(related, hostOf),
    hasResponse: response !== undefined,
    fromCredentialProvider: PROVIDER_ERROR_NAMES.includes(name) || typeof bag.tryNextLink === 'boolean',
  };
}

/** The error, its `cause` chain and AggregateError members, breadth-first, at most a few levels deep. */
function relatedErrors(root: Bag): Bag[] {
  const out: Bag[] = [];
  const queue: { bag: Bag; depth: number }[] = [{ bag: root, depth: 0 }];
  while (queue.length > 0 && out.length < 16) {
    const { bag, depth } = queue.shift() as { bag: Bag; depth: number };
    if (out.includes(bag)) {
      continue;
    }
    out.push(bag);
    if (depth >= 3) {
      continue;
    }
    const children = [bag.cause, ...(Array.isArray(bag.errors) ? (bag.errors as unknown[]) : [])];
    for (const child of children) {
      const childBag = asBag(child);
      if (childBag) {
        queue.push({ bag: childBag, depth: depth + 1 });
      }
    }
  }
  return out;
}

function firstOf(bags: Bag[], pick: (bag: Bag) => string | undefined): string | undefined {
  for (const bag of bags) {
    const value = pick(bag);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}

function hostOf(bag: Bag): string | undefined {
  const host = str(bag.hostname) ?? str(bag.host) ?? str(bag.address);
  const port = num(bag.port);
  if (host === undefined) {
    return undefined;
  }
  return port === undefined ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
