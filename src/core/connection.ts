/**
 * Which identity and endpoint the extension talks to, and the one OmicsClient for it.
 *
 * A `Connection` is resolved from the settings, the environment and the shared config files; its `key` names the
 * (profile, region, endpoint) triple. The VS Code layer keeps exactly one `Session` (client + API) for the current
 * key and destroys it when the key changes, so nothing cached for one identity is ever used for another.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { OmicsClient } from '@aws-sdk/client-omics';
import type { Logger } from './logger';
import type { ParsedFiles, ProfileInfo } from './profiles';
import { findProfile } from './profiles';
import type { RegionSource } from './regions';
import { resolveRegion } from './regions';
import { createOmicsClient, OmicsSharesApi } from './sharesApi';

export interface ConnectionSettings {
  profile: string;
  region: string;
  endpoint: string;
}

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
  readonly endpoint: string | undefined;
  /** Why no request can succeed, decided without a request (welcome content instead of a tree). */
  readonly problem?: { kind: 'missingProfile' | 'noCredentials'; message: string };
}

type Env = Record<string, string | undefined>;

export function resolveConnection(settings: ConnectionSettings, env: Env, files: ParsedFiles): Connection {
  const named = settings.profile.trim() || undefined;
  // The default chain reads AWS_PROFILE, then [default]; its region comes from that profile.
  const effectiveProfile = named ?? (env.AWS_PROFILE?.trim() || 'default');
  const info = findProfile(files, effectiveProfile);
  const { region, source } = resolveRegion({
    setting: settings.region,
    profileRegion: info?.region,
    envRegion: env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
  });
  const endpoint = settings.endpoint.trim() || env.AWS_ENDPOINT_URL_OMICS?.trim() || undefined;
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
    key: JSON.stringify([named ?? null, region, endpoint ?? null]),
    profile: named,
    profileLabel,
    profileInfo: info,
    region,
    regionSource: source,
    endpoint,
    ...(problem ? { problem } : {}),
  };
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

export interface SessionOptions {
  /** Asks the user for an MFA code (assume-role profiles with mfa_serial); reject to cancel. */
  mfaCodeProvider: (serial: string) => Promise<string>;
  logger: Logger;
  maxAttempts?: number;
}

/** One client + API for one connection. `dispose()` destroys the client (sockets, credential caches). */
export class Session {
  readonly client: OmicsClient;
  readonly api: OmicsSharesApi;
  private disposed = false;

  constructor(
    readonly connection: Connection,
    options: SessionOptions,
  ) {
    // Credentials come from the SDK's own providers; nothing is re-implemented. ignoreCache: re-read the files
    // for every new session, so credentials refreshed outside VS Code are picked up.
    const credentials = connection.profile
      ? fromIni({ profile: connection.profile, mfaCodeProvider: options.mfaCodeProvider, ignoreCache: true })
      : fromNodeProviderChain({ mfaCodeProvider: options.mfaCodeProvider, ignoreCache: true });
    this.client = createOmicsClient({
      region: connection.region,
      endpoint: connection.endpoint,
      credentials,
      maxAttempts: options.maxAttempts,
    });
    this.api = new OmicsSharesApi(this.client, options.logger);
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
