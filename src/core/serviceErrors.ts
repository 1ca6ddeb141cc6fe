/**
 * Service-side errors: SDK exceptions recognised by `name` (the modelled omics errors plus the generic AWS
 * auth and throttling codes), then by HTTP status for unmodelled ones (a 403 with an empty body arrives as
 * name "Unknown"), then the catch-all.
 */
import type { ErrorFacts } from './errorFacts';
import type { Classifier, Described, ErrorContext } from './errors';
import { redact } from './redact';

export const who = (ctx: ErrorContext): string =>
  ctx.profile === undefined ? 'The default credential chain' : `Profile "${ctx.profile}"`;
export const whose = (ctx: ErrorContext): string => (ctx.profile === undefined ? 'default credentials' : ctx.profile);
const inRegion = (ctx: ErrorContext): string => (ctx.region === undefined ? '' : ` in ${ctx.region}`);

/** The error's own message, redacted and cut to a readable length; '' when it has none. */
export function said(f: ErrorFacts): string {
  const text = redact(f.message).trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** The message as a sentence to put in front of advice ('' when there is none). */
export const lead = (f: ErrorFacts): string => {
  const text = said(f);
  return text === '' || text === 'UnknownError' ? '' : `${text}${/[.!?]$/.test(text) ? '' : '.'} `;
};

const EXPIRED = ['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired', 'RequestExpired'];
const REJECTED = [
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'MissingAuthenticationToken',
  'AuthFailure',
];
const THROTTLED = [
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
];
const SERVER = ['InternalServerException', 'InternalFailure', 'InternalServerError', 'ServiceUnavailable'];

const accessDenied = (_f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'accessDenied',
  title: `Access denied: omics:${ctx.operation}`,
  detail: `${who(ctx)} is not allowed to call omics:${ctx.operation}${inRegion(ctx)}. Ask an administrator to grant that IAM permission, or select another profile.`,
  retryable: false,
});

const throttled = (_f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'throttled',
  title: `Throttled: ${ctx.operation}`,
  detail: `HealthOmics kept throttling ${ctx.operation} even after the SDK's retries. Wait a moment, then retry.`,
  retryable: true,
});

const validation = (f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'validation',
  title: `Invalid request: ${ctx.operation}`,
  detail: `${lead(f)}HealthOmics rejected the request; check the filter and settings.`,
  retryable: false,
});

const notFound = (f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'notFound',
  title: `Not found: ${ctx.operation}`,
  detail: `${lead(f)}It may have been deleted; refresh the view.`,
  retryable: false,
});

const conflict = (f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'conflict',
  title: `Conflict: ${ctx.operation}`,
  detail: `${lead(f)}The share may have changed state; refresh the view and try again.`,
  retryable: false,
});

const server = (f: ErrorFacts, ctx: ErrorContext): Described => ({
  kind: 'server',
  title: `HealthOmics error: ${ctx.operation}`,
  detail: `${lead(f)}The service failed even after the SDK's retries (${f.name}). Retry later.`,
  retryable: true,
});

const credentials =
  (expired: boolean) =>
  (f: ErrorFacts, ctx: ErrorContext): Described => ({
    kind: 'expiredCredentials',
    title: `Credentials ${expired ? 'expired' : 'rejected'}: ${whose(ctx)}`,
    detail: expired
      ? `HealthOmics says the credentials of ${whose(ctx)} have expired (${f.name}). Refresh them (or check the system clock), then retry.`
      : `HealthOmics did not accept the credentials of ${whose(ctx)} (${f.name}). Refresh or fix them, or select another profile.`,
    retryable: false,
  });

export const byName: Classifier = (f, ctx) => {
  const name = f.name;
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return accessDenied(f, ctx);
  }
  if (THROTTLED.includes(name)) {
    return throttled(f, ctx);
  }
  if (name === 'ValidationException') {
    return validation(f, ctx);
  }
  if (name === 'ResourceNotFoundException') {
    return notFound(f, ctx);
  }
  if (name === 'ConflictException') {
    return conflict(f, ctx);
  }
  if (SERVER.includes(name)) {
    return server(f, ctx);
  }
  if (EXPIRED.includes(name) || REJECTED.includes(name)) {
    return credentials(EXPIRED.includes(name))(f, ctx);
  }
  if (name === 'ServiceQuotaExceededException') {
    const detail = `${lead(f)}A HealthOmics quota for this account was reached; see Service Quotas in the console.`;
    return { kind: 'unknown', title: `Service quota exceeded: ${ctx.operation}`, detail, retryable: false };
  }
  return undefined;
};

/** For service errors without a recognised name (the SDK names those after the code, or "Unknown"). */
export const byHttpStatus: Classifier = (f, ctx) => {
  const status = f.httpStatus;
  if (status === undefined) {
    return undefined;
  }
  const byStatus: Record<number, (f: ErrorFacts, ctx: ErrorContext) => Described> = {
    400: validation,
    401: credentials(false),
    403: accessDenied,
    404: notFound,
    409: conflict,
    429: throttled,
  };
  const pick = byStatus[status] ?? (status >= 500 || f.fault === 'server' ? server : undefined);
  return pick?.(f, ctx);
};

/** Anything not recognised: the operation failed, with the (redacted) message. */
export function fallback(f: ErrorFacts, ctx: ErrorContext): Described {
  const text = said(f);
  return {
    kind: 'unknown',
    title: `${ctx.operation} failed`,
    detail: text === '' ? `${f.name}. Retry, or see the log for details.` : `${f.name}: ${text}`,
    retryable: true,
  };
}
