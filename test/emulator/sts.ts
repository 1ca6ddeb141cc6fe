/**
 * A minimal AWS STS for the emulator: `AssumeRole` only (AWS query protocol, SigV4 service `sts`, XML responses),
 * enough for the SDK's assume-role profiles (`role_arn` + `source_profile`, with or without `mfa_serial`). The
 * session credentials it issues are accepted by the share API for the account in the role ARN.
 * See README.md in this folder ("STS: AssumeRole").
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorAccount } from './types';

export const STS_VERSION = '2011-06-15';
export const STS_XMLNS = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;
/** The MFA code AssumeRole accepts when `EmulatorOptions.sts.mfaCode` is not set. */
export const DEFAULT_MFA_CODE = '123456';

export interface StsOptions {
  /** The only `TokenCode` accepted with a `SerialNumber` (default 123456). */
  mfaCode?: string;
  /** Role ARNs that can only be assumed with MFA (no SerialNumber → AccessDenied). */
  rolesRequiringMfa?: string[];
  /** Issue sessions that expire after this many seconds whatever DurationSeconds says (to test expiry). */
  sessionSeconds?: number;
}

/** Credentials issued by AssumeRole; `account` is what the share API sees when they sign. */
export interface StsSession {
  account: EmulatorAccount & { sessionToken: string };
  roleArn: string;
  roleSessionName: string;
  /** The caller (the source credentials' account). */
  sourceAccount: string;
  serialNumber?: string;
  expiresMs: number;
}

export class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

/** The SigV4 errors of the JSON services, under the names STS (a query-protocol service) sends. */
export const STS_AUTH_ERROR_CODES: Readonly<Record<string, string>> = {
  MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  IncompleteSignatureException: 'IncompleteSignature',
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
};

export function xmlEscape(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );
}

export function stsErrorXml(e: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
    `  <Error>\n    <Type>${e.type}</Type>\n    <Code>${xmlEscape(e.code)}</Code>\n` +
    `    <Message>${xmlEscape(e.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const SERIAL = /^[\w+=/:,.@-]{9,256}$/;

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  serialNumber?: string;
  tokenCode?: string;
  externalId?: string;
}

/** Reads and validates the AssumeRole parameters of a form body (STS's own validation wording). */
export function parseAssumeRole(params: URLSearchParams): AssumeRoleInput {
  const errors: string[] = [];
  const value = (name: string): string | undefined => params.get(name) ?? undefined;
  const roleArn = value('RoleArn');
  const roleSessionName = value('RoleSessionName');
  const duration = value('DurationSeconds');
  const serialNumber = value('SerialNumber');
  const tokenCode = value('TokenCode');
  const constraint = (v: string | undefined, at: string, c: string) =>
    errors.push(`Value ${v === undefined ? 'null' : `'${v}'`} at '${at}' failed to satisfy constraint: ${c}`);
  if (roleArn === undefined) {
    constraint(roleArn, 'roleArn', 'Member must not be null');
  } else if (roleArn.length < 20 || roleArn.length > 2048) {
    constraint(roleArn, 'roleArn', 'Member must have length between 20 and 2048');
  }
  if (roleSessionName === undefined) {
    constraint(roleSessionName, 'roleSessionName', 'Member must not be null');
  } else if (!SESSION_NAME.test(roleSessionName)) {
    constraint(roleSessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
  let durationSeconds = 3600;
  if (duration !== undefined) {
    durationSeconds = /^\d+$/.test(duration) ? Number(duration) : NaN;
    if (!(durationSeconds >= 900 && durationSeconds <= 43_200)) {
      constraint(duration, 'durationSeconds', 'Member must have value between 900 and 43200');
    }
  }
  if (serialNumber !== undefined && !SERIAL.test(serialNumber)) {
    constraint(serialNumber, 'serialNumber', 'Member must satisfy regular expression pattern: [\\w+=/:,.@-]*');
  }
  if (tokenCode !== undefined && !/^\d{6}$/.test(tokenCode)) {
    // The code itself is never echoed: it is a secret.
    errors.push(`Value at 'tokenCode' failed to satisfy constraint: Member must have length 6 and contain only digits`);
  }
  if (errors.length > 0) {
    throw new StsError(
      400,
      'ValidationError',
      `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${errors.join('; ')}`,
    );
  }
  if (!ROLE_ARN.test(roleArn as string)) {
    throw new StsError(400, 'ValidationError', `${roleArn as string} is invalid`);
  }
  if ((serialNumber === undefined) !== (tokenCode === undefined)) {
    throw new StsError(
      400,
      'ValidationError',
      serialNumber === undefined ? 'TokenCode requires SerialNumber.' : 'SerialNumber requires TokenCode.',
    );
  }
  const out: AssumeRoleInput = {
    roleArn: roleArn as string,
    roleSessionName: roleSessionName as string,
    durationSeconds,
  };
  if (serialNumber !== undefined) {
    out.serialNumber = serialNumber;
  }
  if (tokenCode !== undefined) {
    out.tokenCode = tokenCode;
  }
  const externalId = value('ExternalId');
  if (externalId !== undefined) {
    out.externalId = externalId;
  }
  return out;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function randomUpper(n: number): string {
  return [...randomBytes(n)].map((b) => UPPER_ALNUM[b % UPPER_ALNUM.length]).join('');
}

/**
 * Runs AssumeRole for `caller` (already authenticated): checks MFA, then issues session credentials
 * (`ASIA…` key id, 40-character secret, a long session token) for the role's account.
 */
export function assumeRole(input: AssumeRoleInput, caller: EmulatorAccount, nowMs: number, options: StsOptions) {
  const m = ROLE_ARN.exec(input.roleArn);
  const roleAccount = m?.[1] ?? '';
  const roleName = m?.[3] ?? '';
  const mfaCode = options.mfaCode ?? DEFAULT_MFA_CODE;
  if (input.serialNumber !== undefined && input.tokenCode !== mfaCode) {
    throw new StsError(403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
  }
  if (input.serialNumber === undefined && (options.rolesRequiringMfa ?? []).includes(input.roleArn)) {
    throw new StsError(
      403,
      'AccessDenied',
      `User: arn:aws:iam::${caller.id}:user/${caller.name ?? 'caller'} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn} (the role requires MFA)`,
    );
  }
  const session: StsSession = {
    account: {
      id: roleAccount,
      accessKeyId: `ASIA${randomUpper(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`,
      name: `${roleName}/${input.roleSessionName}`,
    },
    roleArn: input.roleArn,
    roleSessionName: input.roleSessionName,
    sourceAccount: caller.id,
    expiresMs: nowMs + (options.sessionSeconds ?? input.durationSeconds) * 1000,
  };
  if (input.serialNumber !== undefined) {
    session.serialNumber = input.serialNumber;
  }
  return session;
}

export function assumeRoleXml(s: StsSession, requestId: string): string {
  const roleName = /:role\/(?:.*\/)?([^/]+)$/.exec(s.roleArn)?.[1] ?? 'role';
  const expiration = new Date(s.expiresMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n` +
    `  <AssumeRoleResult>\n` +
    `    <AssumedRoleUser>\n` +
    `      <AssumedRoleId>AROA${randomUpper(17)}:${xmlEscape(s.roleSessionName)}</AssumedRoleId>\n` +
    `      <Arn>arn:aws:sts::${s.account.id}:assumed-role/${xmlEscape(roleName)}/${xmlEscape(s.roleSessionName)}</Arn>\n` +
    `    </AssumedRoleUser>\n` +
    `    <Credentials>\n` +
    `      <AccessKeyId>${s.account.accessKeyId}</AccessKeyId>\n` +
    `      <SecretAccessKey>${xmlEscape(s.account.secretAccessKey)}</SecretAccessKey>\n` +
    `      <SessionToken>${xmlEscape(s.account.sessionToken)}</SessionToken>\n` +
    `      <Expiration>${expiration}</Expiration>\n` +
    `    </Credentials>\n` +
    `  </AssumeRoleResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
    `</AssumeRoleResponse>\n`
  );
}
