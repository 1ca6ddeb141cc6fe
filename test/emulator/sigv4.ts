/**
 * Server-side AWS Signature Version 4 verification, written from the spec with node:crypto only (deliberately not
 * the signer the SDK uses, so that a shared bug cannot hide). Header-based auth only (no presigned URLs).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorAccount } from './types';

export const SERVICE = 'omics';
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS rejects requests whose x-amz-date is more than 15 minutes off the server clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  method: string;
  /** The path exactly as sent (still percent-encoded), without the query string. */
  rawPath: string;
  /** The raw query string (after '?', without it), '' if none. */
  rawQuery: string;
  /** Node's `req.rawHeaders` (name, value, name, value, …). */
  rawHeaders: string[];
  body: Buffer;
}

export type AuthResult =
  | { ok: true; account: EmulatorAccount; accessKeyId: string; region: string }
  | {
      ok: false;
      status: number;
      errorType: string;
      message: string;
      account?: EmulatorAccount;
      accessKeyId?: string;
      region?: string;
    };

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 percent-encoding of everything except unreserved characters (A-Z a-z 0-9 - _ . ~). */
export function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Canonical URI for every service but S3: normalise the path as sent (drop empty and '.' segments, resolve '..'),
 * then percent-encode it once more (so `%20` becomes `%2520`), keeping '/' separators.
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const seg of rawPath.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      segments.pop();
    } else {
      segments.push(seg);
    }
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${
    segments.length > 0 && rawPath.endsWith('/') ? '/' : ''
  }`;
  return rfc3986(normalized).replace(/%2F/g, '/');
}

/** Canonical query: decode each pair, re-encode per RFC 3986, sort by key then by value. */
export function canonicalQuery(rawQuery: string): string {
  const byKey = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (part === '') {
      continue;
    }
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    if (key.toLowerCase() === 'x-amz-signature') {
      continue;
    }
    const k = rfc3986(key);
    const list = byKey.get(k) ?? [];
    list.push(`${k}=${rfc3986(value)}`);
    byKey.set(k, list);
  }
  return [...byKey.keys()]
    .sort()
    .map((k) => (byKey.get(k) ?? []).sort().join('&'))
    .join('&');
}

/** Lower-cased header name → values in arrival order. */
export function headerMap(rawHeaders: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const list = map.get(name) ?? [];
    list.push(rawHeaders[i + 1] ?? '');
    map.set(name, list);
  }
  return map;
}

function parseAuthorization(value: string): { params: Map<string, string> } | { error: string } {
  if (!value.startsWith(`${ALGORITHM} `)) {
    const algorithm = value.split(' ')[0] ?? '';
    return { error: `Unsupported AWS 'algorithm': '${algorithm}'. Only ${ALGORITHM} is accepted.` };
  }
  const params = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(',')) {
    const trimmed = part.trim();
    const eq = trimmed.indexOf('=');
    if (eq > 0) {
      params.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
    }
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !params.get(p));
  if (missing.length > 0) {
    return {
      error:
        missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ') +
        ` Authorization=${value.split(' ')[0] ?? ''}`,
    };
  }
  return { params };
}

function amzDateToMs(d: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(d);
  if (!m) {
    return NaN;
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Verifies a SigV4 `Authorization` header against the accounts (looked up by access key id).
 * Errors are the ones AWS sends: MissingAuthenticationTokenException, IncompleteSignatureException,
 * UnrecognizedClientException and InvalidSignatureException.
 */
export function verifySignature(
  req: SignedRequest,
  lookup: (accessKeyId: string) => EmulatorAccount | undefined,
  nowMs: number = Date.now(),
  expectedService: string = SERVICE,
): AuthResult {
  const headers = headerMap(req.rawHeaders);
  const auth = headers.get('authorization')?.[0];
  if (auth === undefined || auth.trim() === '') {
    return {
      ok: false,
      status: 403,
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    };
  }
  const parsed = parseAuthorization(auth.trim());
  if ('error' in parsed) {
    return { ok: false, status: 400, errorType: 'IncompleteSignatureException', message: parsed.error };
  }
  const credential = parsed.params.get('Credential') ?? '';
  const signedHeadersParam = parsed.params.get('SignedHeaders') ?? '';
  const signature = parsed.params.get('Signature') ?? '';
  const scopeParts = credential.split('/');
  if (scopeParts.length !== 5) {
    return {
      ok: false,
      status: 400,
      errorType: 'IncompleteSignatureException',
      message: `Authorization header has a malformed Credential '${credential}': expected <access key>/<YYYYMMDD>/<region>/${SERVICE}/aws4_request.`,
    };
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scopeParts as [string, string, string, string, string];
  const account = lookup(accessKeyId);
  if (!account) {
    return {
      ok: false,
      status: 403,
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
      accessKeyId,
      region,
    };
  }
  const fail = (errorType: string, message: string, status = 403): AuthResult => ({
    ok: false,
    status,
    errorType,
    message,
    account,
    accessKeyId,
    region,
  });
  if (service !== expectedService) {
    return fail('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'. `);
  }
  if (terminator !== 'aws4_request') {
    return fail(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
    );
  }
  if (region === '') {
    return fail('InvalidSignatureException', 'Credential should be scoped to a valid region. ');
  }
  const amzDate = headers.get('x-amz-date')?.[0];
  if (amzDate === undefined) {
    return fail(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      400,
    );
  }
  const dateMs = amzDateToMs(amzDate);
  if (Number.isNaN(dateMs)) {
    return fail(
      'IncompleteSignatureException',
      `X-Amz-Date '${amzDate}' is not in the format YYYYMMDD'T'HHMMSS'Z'.`,
      400,
    );
  }
  if (amzDate.slice(0, 8) !== scopeDate) {
    return fail(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (dateMs < nowMs - MAX_SKEW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${toAmzDate(nowMs - MAX_SKEW_MS)} (${toAmzDate(nowMs)} - 15 min.)`,
    );
  }
  if (dateMs > nowMs + MAX_SKEW_MS) {
    return fail(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${toAmzDate(nowMs + MAX_SKEW_MS)} (${toAmzDate(nowMs)} + 15 min.)`,
    );
  }
  const token = headers.get('x-amz-security-token')?.[0];
  if ((account.sessionToken ?? undefined) !== token) {
    return fail('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  const signedHeaders = signedHeadersParam.split(';');
  if (!signedHeaders.includes('host')) {
    return fail(
      'InvalidSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const actualHash = sha256Hex(req.body);
  const declaredHash = headers.get('x-amz-content-sha256')?.[0];
  if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== actualHash) {
    return fail(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  const payloadHash = declaredHash ?? actualHash;

  const canonicalHeaders = signedHeaders
    .map((name) => {
      const values = (headers.get(name) ?? []).map((v) => v.trim().replace(/\s+/g, ' '));
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(req.rawPath),
    canonicalQuery(req.rawQuery),
    canonicalHeaders,
    signedHeadersParam,
    payloadHash,
  ].join('\n');
  const scope = `${scopeDate}/${region}/${service}/${terminator}`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');

  const kDate = hmac(`AWS4${account.secretAccessKey}`, scopeDate);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, 'aws4_request');
  const expected = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest();
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key ' +
        'and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request ' +
        `should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
    );
  }
  return { ok: true, account, accessKeyId, region };
}
