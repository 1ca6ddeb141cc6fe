/**
 * Which identity and endpoint the extension talks to, and the one OmicsClient for it.
 *
 * A `Connection` is resolved from the settings, the environment and the shared config files; its `key` names the
 * (profile, region, endpoint) triple. The VS Code layer keeps exactly one `Session` (client + API) for the current
 * key and destroys it when the key changes, so nothing cached for one identity is ever used for another.
 *
 * Credentials come from the SDK's own providers (`fromIni` for a named profile, the default Node chain otherwise),
 * memoized per (profile, contents of the AWS files) by `CredentialCache`: switching region or endpoint reuses the
 * credentials already obtained (no second MFA prompt), while any change to the files, or an explicit refresh,
 * gets new ones.
 */
import { memoizeIdentityProvider, isIdentityExpired, doesIdentityRequireRefresh } from '@smithy/core';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { OmicsClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-omics';
import type { AwsCredentialIdentityProvider, DeserializeMiddleware, InitializeMiddleware } from '@smithy/types';
import type { ErrorContext } from './errors';
import type { Logger } from './logger';
import type { IniSection, ParsedFiles, ProfileInfo } from './profiles';
import { findProfile } from './profiles';
import type { RegionSource } from './regions';
import { resolveRegion } from './regions';
import { createOmicsClient, OmicsSharesApi } from './sharesApi';

export interface ConnectionSettings {
  profile: string;
  region: string;
  endpoint: string;
}

export type EndpointSource = 'setting' | 'AWS_ENDPOINT_URL_OMICS' | 'AWS_ENDPOINT_URL' | 'profile';

export interface Connection {
  /** Stable identity of (profile, region, endpoint): caches and persisted filters are keyed by it. */
  readonly key: string;
  /** The named profile, or undefined for the SDK's default chain. */
  readonly profile: string | undefined;
  /** What to call it in the UI: the profile name, or 'default chain' (with AWS_PROFILE when set). */
  readonly profileLabel: string;
  readonly profileInfo: ProfileInfo | undefined;
  readonly region: string;
  readonly regionSource: RegionSource;
  /** A region setting that was ignored because it is not a Region code (said in the log). */
  readonly ignoredRegion?: { source: RegionSource; value: string };
  readonly endpoint: string | undefined;
  readonly endpointSource?: EndpointSource;
  /** Total attempts per request: AWS_MAX_ATTEMPTS, then the profile's max_attempts; undefined = the SDK's 3. */
  readonly maxAttempts?: number;
  /** Why no request can succeed, decided without a request (welcome content instead of a tree). */
  readonly problem?: { kind: 'missingProfile' | 'noCredentials'; message: string };
}

type Env = Record<string, string | undefined>;

export function resolveConnection(settings: ConnectionSettings, env: Env, files: ParsedFiles): Connection {
  const named = settings.profile.trim() || undefined;
  // The default chain reads AWS_PROFILE, then [default]; its region comes from that profile.
  const effectiveProfile = named ?? (env.AWS_PROFILE?.trim() || 'default');
  const info = findProfile(files, effectiveProfile);
  const section = mergedSection(files, effectiveProfile);
  const { region, source, ignored } = resolveRegion({
    setting: settings.region,
    profileRegion: info?.region,
    envRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
  });
  const endpoint = resolveEndpoint(settings.endpoint, env, section, files);
  const maxAttempts = positiveInt(env.AWS_MAX_ATTEMPTS) ?? positiveInt(section?.max_attempts);
  const profileLabel = named ?? (env.AWS_PROFILE ? `default chain (AWS_PROFILE=${env.AWS_PROFILE})` : 'default chain');
  let problem: Connection['problem'];
  if (named && !info) {
    problem = { kind: 'missingProfile', message: `Profile "${named}" is not in your AWS config or credentials files.` };
  } else if (!named && !info && !hasEnvironmentCredentials(env)) {
    problem = {
      kind: 'noCredentials',
      message: env.AWS_PROFILE
        ? `AWS_PROFILE names "${env.AWS_PROFILE}", which is not in your AWS config or credentials files.`
        : 'No AWS profile is selected and no default credentials were found.',
    };
  }
  return {
    key: JSON.stringify([named ?? null, region, endpoint?.url ?? null]),
    profile: named,
    profileLabel,
    profileInfo: info,
    region,
    regionSource: source,
    ...(ignored ? { ignoredRegion: ignored } : {}),
    endpoint: endpoint?.url,
    ...(endpoint ? { endpointSource: endpoint.source } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The profile's keys as the SDK merges them (credentials file wins). */
function mergedSection(files: ParsedFiles, name: string): IniSection | undefined {
  const fromConfig = files.configFile[name];
  const fromCreds = files.credentialsFile[name];
  return fromConfig || fromCreds ? { ...fromConfig, ...fromCreds } : undefined;
}

function positiveInt(v: string | undefined): number | undefined {
  const n = v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

const TRUE = /^\s*true\s*$/i;

/**
 * The HealthOmics endpoint: the `healthomics.endpoint` setting, then AWS_ENDPOINT_URL_OMICS, then AWS_ENDPOINT_URL,
 * then the profile's `[services]` section (`omics = \n  endpoint_url = …`) or its own `endpoint_url` — the SDK's
 * service-specific endpoint rules, applied to the selected profile. The env and profile sources are skipped when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true. Resolved here (rather than left to
 * the SDK) so a custom endpoint always gets `disableHostPrefix`.
 */
export function resolveEndpoint(
  setting: string,
  env: Env,
  profile: IniSection | undefined,
  files: ParsedFiles,
): { url: string; source: EndpointSource } | undefined {
  const s = setting.trim();
  if (s) {
    return { url: s, source: 'setting' };
  }
  const ignore =
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== undefined
      ? TRUE.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)
      : TRUE.test(profile?.ignore_configured_endpoint_urls ?? '');
  if (ignore) {
    return undefined;
  }
  const omics = env.AWS_ENDPOINT_URL_OMICS?.trim();
  if (omics) {
    return { url: omics, source: 'AWS_ENDPOINT_URL_OMICS' };
  }
  const global = env.AWS_ENDPOINT_URL?.trim();
  if (global) {
    return { url: global, source: 'AWS_ENDPOINT_URL' };
  }
  const services = profile?.services ? files.configFile[`services.${profile.services}`] : undefined;
  const fromProfile = services?.['omics.endpoint_url']?.trim() || profile?.endpoint_url?.trim();
  return fromProfile ? { url: fromProfile, source: 'profile' } : undefined;
}

/** Sources the default chain can use without any profile: env keys, web identity, containers, instance roles. */
function hasEnvironmentCredentials(env: Env): boolean {
  return Boolean(
    (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
    env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    env.AWS_EC2_METADATA_DISABLED === 'false',
  );
}

/** Environment variables the default chain reads: part of the credentials fingerprint (hashed, never stored). */
export const CREDENTIAL_ENV = [
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL_STS',
  'HOME',
] as const;

/** Creates the SDK's credential provider for a connection, memoized until the credentials near expiry. */
export function createCredentialProvider(
  profile: string | undefined,
  mfaCodeProvider: (serial: string) => Promise<string>,
): AwsCredentialIdentityProvider {
  // ignoreCache: the files are re-read on every resolution, so credentials refreshed outside VS Code are used.
  const provider = profile
    ? fromIni({ profile, mfaCodeProvider, ignoreCache: true })
    : fromNodeProviderChain({ mfaCodeProvider, ignoreCache: true });
  const labelled: AwsCredentialIdentityProvider = (props) =>
    provider(props).catch((e: unknown) => {
      throw asCredentialsError(e);
    });
  return memoizeIdentityProvider(
    labelled,
    isIdentityExpired,
    doesIdentityRequireRefresh,
  ) as AwsCredentialIdentityProvider;
}

const PROVIDER_ERRORS = ['CredentialsProviderError', 'ProviderError', 'TokenProviderError', 'MfaCancelledError'];

/**
 * Errors from resolving credentials that the SDK does not label as such — an STS `AccessDenied` for a rejected
 * MFA code or an untrusted role, a missing web identity token file — are re-labelled `CredentialsProviderError`
 * (message, `code`, `$metadata` and `cause` kept), so they read "Cannot get credentials for <profile>: …" rather
 * than as an omics permission problem. Throttling, server and network errors stay as they are (retryable).
 */
export function asCredentialsError(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) {
    return e;
  }
  const bag = e as Record<string, unknown> & { $metadata?: { httpStatusCode?: unknown } };
  const name = typeof bag.name === 'string' ? bag.name : 'Error';
  const status = bag.$metadata?.httpStatusCode;
  const transient =
    name === 'AbortError' || /thrott/i.test(name) || (typeof status === 'number' && (status === 429 || status >= 500));
  if (PROVIDER_ERRORS.includes(name) || typeof bag.tryNextLink === 'boolean' || transient) {
    return e;
  }
  const message = typeof bag.message === 'string' ? bag.message : name;
  const wrapped = Object.assign(new Error(name === 'Error' ? message : `${name}: ${message}`, { cause: e }), {
    name: 'CredentialsProviderError',
    tryNextLink: false,
  });
  for (const key of ['code', '$metadata']) {
    if (key in bag) {
      Object.assign(wrapped, { [key]: bag[key] });
    }
  }
  return wrapped;
}

/**
 * Credential providers by key (profile + a fingerprint of the files and environment they depend on). A failed
 * resolution is never cached (the SDK's memoizer retries it), so a cancelled MFA prompt asks again on Retry.
 */
export class CredentialCache {
  private readonly entries = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly capacity = 8) {}

  get(key: string, create: () => AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
    let p = this.entries.get(key);
    if (p) {
      this.entries.delete(key); // most recently used last
    } else {
      p = create();
    }
    this.entries.set(key, p);
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return p;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface SessionOptions {
  /** Asks the user for an MFA code (assume-role profiles with mfa_serial); reject to cancel. */
  mfaCodeProvider: (serial: string) => Promise<string>;
  logger: Logger;
  /** Overrides the connection's maxAttempts. */
  maxAttempts?: number;
  /** A provider to reuse (see CredentialCache); default: a new one for the connection's profile. */
  credentials?: AwsCredentialIdentityProvider;
  /** What the credentials depend on (profile + files + environment); a different value means new credentials. */
  credentialsKey?: string;
}

/** The SDK's memoizer (shares one resolution between concurrent requests, refreshes before expiry). */
function memoized(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return memoizeIdentityProvider(
    provider,
    isIdentityExpired,
    doesIdentityRequireRefresh,
  ) as AwsCredentialIdentityProvider;
}

/** What a disposed session's client throws instead of sending: an AbortError (described as "Cancelled"). */
export function sessionClosedError(): Error {
  return Object.assign(new Error('The AWS connection changed; the request was not sent.'), { name: 'AbortError' });
}

/**
 * One client + API for one connection (profile, region, endpoint). `dispose()` destroys the client (sockets,
 * credential caches), after which it sends nothing. When only the credentials change (the AWS files changed, or
 * a refresh), the same session takes the new ones with `renew()`: whoever holds its client then uses them.
 */
export class Session {
  readonly client: OmicsClient;
  readonly api: OmicsSharesApi;
  private current: Connection;
  private provider: AwsCredentialIdentityProvider;
  private key: string | undefined;
  private disposed = false;

  constructor(connection: Connection, options: SessionOptions) {
    this.current = connection;
    this.key = options.credentialsKey;
    this.provider = memoized(
      options.credentials ?? createCredentialProvider(connection.profile, options.mfaCodeProvider),
    );
    // The client asks this session for credentials on every request (flagged as memoized: the providers memoize
    // themselves), so `renew()` takes effect at once without a new client.
    const credentials = Object.assign((props?: Parameters<AwsCredentialIdentityProvider>[0]) => this.provider(props), {
      memoized: true,
    });
    this.client = createOmicsClient({
      region: connection.region,
      endpoint: connection.endpoint,
      credentials,
      maxAttempts: options.maxAttempts ?? connection.maxAttempts,
    });
    // A disposed session never sends anything, whoever still holds its client (a late tree callback, an action
    // started before the switch): no request, no credential resolution (no MFA prompt for an old profile).
    const refuse = (): Promise<never> => Promise.reject(sessionClosedError());
    const beforeCredentials: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => (args) =>
      this.disposed ? refuse() : next(args);
    const beforeEachAttempt: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => (args) =>
      this.disposed ? refuse() : next(args);
    this.client.middlewareStack.add(beforeCredentials, {
      step: 'initialize',
      priority: 'high',
      name: 'healthomicsSessionOpen',
    });
    this.client.middlewareStack.add(beforeEachAttempt, { step: 'deserialize', name: 'healthomicsSessionOpenRetry' });
    this.api = new OmicsSharesApi(this.client, options.logger);
  }

  get connection(): Connection {
    return this.current;
  }

  /** What the current credentials depend on (see SessionOptions.credentialsKey). */
  get credentialsKey(): string | undefined {
    return this.key;
  }

  /** Whether `renew` can take `connection` (same identity and client settings); else a new session is needed. */
  canRenew(connection: Connection): boolean {
    return !this.disposed && connection.key === this.current.key && connection.maxAttempts === this.current.maxAttempts;
  }

  /** New credentials (and details such as the profile kind or problem) for the same identity and endpoint. */
  renew(connection: Connection, credentials: AwsCredentialIdentityProvider, credentialsKey: string | undefined): void {
    if (!this.canRenew(connection)) {
      throw new Error('renew() needs the same profile, region, endpoint and attempts');
    }
    this.current = connection;
    this.provider = memoized(credentials);
    this.key = credentialsKey;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.client.destroy();
    }
  }
}

/** The part of a connection that error messages name (profile, region, endpoint). */
export function errorContextOf(
  connection: Connection | undefined,
): Pick<ErrorContext, 'profile' | 'region' | 'endpoint'> {
  return { profile: connection?.profile, region: connection?.region, endpoint: connection?.endpoint };
}
