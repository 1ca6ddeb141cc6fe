/**
 * Turns anything a ListShares (or other share operation) can throw into a short row title, one or two sentences
 * saying what to do, and a kind the UI can pick an action by (Retry, "aws sso login", Select profile…).
 * Every piece of text taken from an error goes through `redact`.
 */
import type { ErrorFacts } from './errorFacts';
import { errorFacts } from './errorFacts';
import { redact } from './redact';
import { byHttpStatus, byName, fallback, lead, who, whose } from './serviceErrors';

export { redact } from './redact';

export type ErrorKind =
  | 'accessDenied'
  | 'throttled'
  | 'network'
  | 'expiredCredentials'
  | 'ssoLogin'
  | 'mfaCancelled'
  | 'noCredentials'
  | 'missingProfile'
  | 'validation'
  | 'notFound'
  | 'conflict'
  | 'server'
  | 'cancelled'
  | 'unknown';

export interface ErrorContext {
  /** The profile in use; undefined for the default credential chain. */
  profile?: string;
  region?: string;
  /** The API operation, e.g. 'ListShares' (named in titles and in the IAM permission `omics:<operation>`). */
  operation: string;
  /** The custom endpoint, if any (named when it cannot be reached). */
  endpoint?: string;
}

export interface ErrorDescription {
  kind: ErrorKind;
  /** Short, for a tree row: 'Access denied: omics:ListShares'. */
  title: string;
  /** One or two sentences saying what to do. */
  detail: string;
  requestId?: string;
  /**
   * True when the failure is transient (throttling, network, server, cancelled, a dismissed MFA prompt), so
   * retrying as-is may succeed. The UI may still offer Retry on every error row.
   */
  retryable: boolean;
  /** Redacted `Name: message` (code, HTTP status) for the log. */
  technical: string;
}

/** Thrown by the VS Code layer's `mfaCodeProvider` when the user dismisses the MFA input box. */
export class MfaCancelledError extends Error {
  override readonly name = 'MfaCancelledError';
  constructor(message = 'MFA code entry was cancelled.') {
    super(message);
  }
}

export type Described = Omit<ErrorDescription, 'requestId' | 'technical'>;
export type Classifier = (f: ErrorFacts, ctx: ErrorContext) => Described | undefined;

export function describeError(err: unknown, ctx: ErrorContext): ErrorDescription {
  const facts = errorFacts(err);
  const classifiers: Classifier[] = [cancelled, credentialProblem, network, unreadable, byName, byHttpStatus];
  const described = classifiers.reduce<Described | undefined>((found, c) => found ?? c(facts, ctx), undefined);
  const result: ErrorDescription = { ...(described ?? fallback(facts, ctx)), technical: technical(facts) };
  if (facts.requestId !== undefined) {
    result.requestId = facts.requestId;
  }
  return result;
}

/** One log line for a described error: what, what to do, the technical cause and the request id. */
export function errorLogLine(subject: string, d: ErrorDescription): string {
  return `${subject}: ${d.title}. ${d.detail} [${d.technical}]${d.requestId ? ` (request id ${d.requestId})` : ''}`;
}

function technical(f: ErrorFacts): string {
  const extras = [f.codes[0], f.httpStatus === undefined ? undefined : `HTTP ${f.httpStatus}`].filter(Boolean);
  return redact(`${f.name}: ${f.message}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`);
}

const cancelled: Classifier = (f, ctx) =>
  f.name === 'AbortError'
    ? { kind: 'cancelled', title: `Cancelled: ${ctx.operation}`, detail: 'The request was cancelled.', retryable: true }
    : undefined;

const credentialProblem: Classifier = (f, ctx) => {
  if (f.name === 'MfaCancelledError' || /no MFA code callback was provided/.test(f.message)) {
    const detail = `${who(ctx)} needs an MFA code. Retry and enter the code, or select another profile.`;
    return { kind: 'mfaCancelled', title: `MFA code not entered for ${whose(ctx)}`, detail, retryable: true };
  }
  if (!f.fromCredentialProvider || networkCode(f) !== undefined) {
    return undefined; // a network failure while fetching credentials is reported as a network error
  }
  if (/aws sso login/i.test(f.message)) {
    const login = ctx.profile === undefined ? 'aws sso login' : `aws sso login --profile ${ctx.profile}`;
    const detail = `Run "${login}" in a terminal, then retry.`;
    return { kind: 'ssoLogin', title: `SSO session expired for ${whose(ctx)}`, detail, retryable: false };
  }
  if (/Could not resolve credentials using profile|Profile .* (was )?not found/i.test(f.message)) {
    const profile = ctx.profile ?? /profile: \[([^\]]*)\]/.exec(f.message)?.[1] ?? '(unnamed)';
    const title = `No credentials for profile ${profile}`;
    const detail = `Profile "${profile}" is missing from the AWS config and credentials files, or has no credentials there. Select another profile or fix the files.`;
    return { kind: 'missingProfile', title, detail, retryable: false };
  }
  if (/Could not load credentials from any providers/i.test(f.message)) {
    const detail =
      'Select an AWS profile, or set up the default credential chain (environment variables, ~/.aws/credentials).';
    return { kind: 'noCredentials', title: 'No AWS credentials found', detail, retryable: false };
  }
  const detail = `${lead(f)}Fix the profile or select another one.`;
  return { kind: 'noCredentials', title: `Cannot get credentials for ${whose(ctx)}`, detail, retryable: false };
};

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ENOTFOUND: 'was not found (DNS)',
  EAI_AGAIN: 'could not be resolved (DNS)',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'closed the connection',
  EPIPE: 'closed the connection',
  EHOSTUNREACH: 'is unreachable',
  ENETUNREACH: 'is unreachable (no network)',
  ECONNABORTED: 'closed the connection',
};

function networkCode(f: ErrorFacts): string | undefined {
  const code = f.codes.find((c) => Object.hasOwn(NETWORK_CODES, c));
  if (code !== undefined) {
    return code;
  }
  const inMessage = /\b(E[A-Z_]+)\b/.exec(f.message)?.[1];
  if (inMessage !== undefined && Object.hasOwn(NETWORK_CODES, inMessage)) {
    return inMessage;
  }
  if (/socket hang up/i.test(f.message)) {
    return 'ECONNRESET';
  }
  return f.name === 'TimeoutError' || f.name === 'TimeoutException' ? 'ETIMEDOUT' : undefined;
}

const network: Classifier = (f, ctx) => {
  const code = networkCode(f);
  if (code === undefined) {
    return undefined;
  }
  const host = f.host ?? hostInMessage(f.message) ?? hostOfUrl(ctx.endpoint) ?? 'HealthOmics';
  const where = ctx.endpoint === undefined ? 'your network or proxy' : `the endpoint setting (${ctx.endpoint})`;
  const maybeRegion =
    code === 'ENOTFOUND' && ctx.endpoint === undefined && ctx.region !== undefined
      ? ` HealthOmics may not be available in ${ctx.region}.`
      : '';
  const detail = `${host} ${NETWORK_CODES[code] ?? 'failed'} during ${ctx.operation}. Check ${where}, then retry.${maybeRegion}`;
  return { kind: 'network', title: `Cannot reach ${host}`, detail, retryable: true };
};

/** "connect ECONNREFUSED 127.0.0.1:4566", "getaddrinfo ENOTFOUND portal.sso.us-east-1.amazonaws.com". */
function hostInMessage(message: string): string | undefined {
  return /\bE[A-Z_]+ ([A-Za-z0-9.:[\]-]+)/.exec(message)?.[1];
}

function hostOfUrl(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).host;
  } catch {
    return undefined;
  }
}

const unreadable: Classifier = (f, ctx) => {
  if (f.name !== 'SyntaxError' || !f.hasResponse) {
    return undefined;
  }
  const status = f.httpStatus === undefined ? '' : ` (HTTP ${f.httpStatus})`;
  const detail = `The server sent a response that is not valid JSON${status}, even after the SDK's retries. Retry later; if it persists, check the endpoint or proxy.`;
  return { kind: 'server', title: `Unreadable response: ${ctx.operation}`, detail, retryable: true };
};
