import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from './testing';
import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  OmicsServiceException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-omics';
import { fromIni } from '@aws-sdk/credential-providers';
import type { ErrorContext, ErrorKind } from '../../src/core/errors';
import { describeError, MfaCancelledError } from '../../src/core/errors';

const ctx: ErrorContext = { operation: 'ListShares', profile: 'demo', region: 'us-west-2' };
const meta = (httpStatusCode: number, requestId = 'rid-1') => ({ httpStatusCode, requestId, attempts: 3 });
const named = (name: string, message: string, extra: object = {}): Error =>
  Object.assign(new Error(message), { name }, extra);
const service = (name: string, status: number, message = 'msg') =>
  new OmicsServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: meta(status), message });

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('describeError', () => {
  // [what, error, kind, retryable, title pattern]
  const table: [string, unknown, ErrorKind, boolean, RegExp][] = [
    [
      'AccessDeniedException',
      new AccessDeniedException({ message: 'no', $metadata: meta(403) }),
      'accessDenied',
      false,
      /^Access denied: omics:ListShares$/,
    ],
    [
      'ThrottlingException',
      new ThrottlingException({ message: 'slow', $metadata: meta(429) }),
      'throttled',
      true,
      /^Throttled: ListShares$/,
    ],
    [
      'ValidationException',
      new ValidationException({ message: 'bad filter', $metadata: meta(400) }),
      'validation',
      false,
      /^Invalid request/,
    ],
    [
      'ResourceNotFoundException',
      new ResourceNotFoundException({ message: 'gone', $metadata: meta(404) }),
      'notFound',
      false,
      /^Not found/,
    ],
    [
      'ConflictException',
      new ConflictException({ message: 'state', $metadata: meta(409) }),
      'conflict',
      false,
      /^Conflict/,
    ],
    [
      'InternalServerException',
      new InternalServerException({ message: 'oops', $metadata: meta(500) }),
      'server',
      true,
      /^HealthOmics error/,
    ],
    ['unmodelled 503', service('ServiceUnavailableException', 503), 'server', true, /^HealthOmics error/],
    [
      'ServiceQuotaExceeded',
      new ServiceQuotaExceededException({ message: 'q', $metadata: meta(402) }),
      'unknown',
      false,
      /quota/,
    ],
    ['ExpiredTokenException', service('ExpiredTokenException', 403), 'expiredCredentials', false, /expired: demo/],
    [
      'UnrecognizedClientException',
      service('UnrecognizedClientException', 400),
      'expiredCredentials',
      false,
      /rejected/,
    ],
    ['InvalidSignatureException', service('InvalidSignatureException', 403), 'expiredCredentials', false, /rejected/],
    ['"Unknown" 403 with empty body', service('Unknown', 403, 'UnknownError'), 'accessDenied', false, /Access denied/],
    ['"Unknown" 429', service('Unknown', 429), 'throttled', true, /Throttled/],
    [
      'ECONNREFUSED',
      named('Error', 'connect ECONNREFUSED 127.0.0.1:4566', { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4566 }),
      'network',
      true,
      /^Cannot reach 127\.0\.0\.1:4566$/,
    ],
    [
      'ENOTFOUND',
      named('Error', 'getaddrinfo ENOTFOUND analytics-omics.us-west-2.amazonaws.com', {
        code: 'ENOTFOUND',
        hostname: 'analytics-omics.us-west-2.amazonaws.com',
      }),
      'network',
      true,
      /^Cannot reach analytics-omics\.us-west-2\.amazonaws\.com$/,
    ],
    [
      'ETIMEDOUT in a cause',
      named('Error', 'fetch failed', { cause: { code: 'ETIMEDOUT' } }),
      'network',
      true,
      /Cannot reach/,
    ],
    [
      'ECONNREFUSED in an AggregateError',
      new AggregateError([named('Error', 'x', { code: 'ECONNREFUSED', address: '::1', port: 80 })], 'agg'),
      'network',
      true,
      /^Cannot reach \[::1\]:80$/,
    ],
    ['ECONNRESET', named('Error', 'read ECONNRESET', { code: 'ECONNRESET' }), 'network', true, /Cannot reach/],
    ['socket hang up', named('Error', 'socket hang up'), 'network', true, /Cannot reach/],
    ['TimeoutError', named('TimeoutError', 'Connection timed out after 1000 ms'), 'network', true, /Cannot reach/],
    [
      'SyntaxError with $response',
      Object.assign(new SyntaxError('Unexpected token <'), { $response: { statusCode: 502 }, $metadata: meta(502) }),
      'server',
      true,
      /^Unreadable response: ListShares$/,
    ],
    ['AbortError', named('AbortError', 'Request aborted'), 'cancelled', true, /^Cancelled/],
    ['MfaCancelledError', new MfaCancelledError(), 'mfaCancelled', true, /^MFA code not entered for demo$/],
    [
      'SSO network failure',
      named('CredentialsProviderError', 'Error: getaddrinfo ENOTFOUND portal.sso.us-east-1.amazonaws.com', {
        tryNextLink: false,
      }),
      'network',
      true,
      /^Cannot reach portal\.sso\.us-east-1\.amazonaws\.com$/,
    ],
    [
      'SSO legacy expired',
      named(
        'CredentialsProviderError',
        'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
      'ssoLogin',
      false,
      /^SSO session expired for demo$/,
    ],
    [
      'no providers',
      named('CredentialsProviderError', 'Could not load credentials from any providers'),
      'noCredentials',
      false,
      /^No AWS credentials found$/,
    ],
    ['plain Error', new Error('something odd'), 'unknown', true, /^ListShares failed$/],
    ['a thrown string', 'just a string', 'unknown', true, /^ListShares failed$/],
    ['undefined', undefined, 'unknown', true, /^ListShares failed$/],
  ];

  for (const [what, err, kind, retryable, title] of table) {
    it(`${what} → ${kind}`, () => {
      const d = describeError(err, ctx);
      assert.equal(d.kind, kind, d.title);
      assert.equal(d.retryable, retryable);
      assert.match(d.title, title);
      assert.ok(d.detail.length > 10 && d.detail.length < 400, d.detail);
    });
  }

  it('names the permission, the profile and the region, and keeps the request id', () => {
    const d = describeError(new AccessDeniedException({ message: 'x', $metadata: meta(403, 'abc-123') }), ctx);
    assert.equal(
      d.detail,
      'Profile "demo" is not allowed to call omics:ListShares in us-west-2. Ask an administrator to grant that IAM permission, or select another profile.',
    );
    assert.equal(d.requestId, 'abc-123');
    assert.match(d.technical, /^AccessDeniedException: x \(HTTP 403\)$/);
  });

  it('speaks of the default credential chain when no profile is set', () => {
    const d = describeError(new AccessDeniedException({ message: 'x', $metadata: meta(403) }), {
      operation: 'AcceptShare',
    });
    assert.match(d.detail, /^The default credential chain is not allowed to call omics:AcceptShare\./);
  });

  it('takes the profile name from the message when the context has none (AWS_PROFILE)', () => {
    const err = named(
      'CredentialsProviderError',
      'Could not resolve credentials using profile: [from-env] in configuration/credentials file(s).',
      { tryNextLink: true },
    );
    const d = describeError(err, { operation: 'ListShares' });
    assert.equal(d.kind, 'missingProfile');
    assert.equal(d.title, 'No credentials for profile from-env');
    assert.match(d.detail, /^Profile "from-env" is missing/);
  });

  it('says the throttling outlasted the SDK retries', () => {
    assert.match(describeError(new ThrottlingException({ message: '', $metadata: meta(429) }), ctx).detail, /retries/);
  });

  it('names the custom endpoint when it cannot be reached, and the region for an unknown host', () => {
    const refused = named('Error', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    const d = describeError(refused, { ...ctx, endpoint: 'http://localhost:4566/base' });
    assert.equal(d.title, 'Cannot reach localhost:4566');
    assert.match(d.detail, /endpoint setting \(http:\/\/localhost:4566\/base\)/);
    const dns = named('Error', 'getaddrinfo ENOTFOUND analytics-omics.ap-south-1.amazonaws.com', { code: 'ENOTFOUND' });
    assert.match(describeError(dns, { ...ctx, region: 'ap-south-1' }).detail, /not be available in ap-south-1/);
  });

  it('quotes the service message for validation errors, redacted', () => {
    const d = describeError(
      new ValidationException({ message: `Invalid filter; key=${SECRET}`, $metadata: meta(400) }),
      ctx,
    );
    assert.match(d.detail, /^Invalid filter; key=\[redacted\]\. HealthOmics rejected the request/);
  });

  it('never lets a secret from an error message through', () => {
    const leaky = [
      new Error(`aws_secret_access_key = ${SECRET}`),
      named('CredentialsProviderError', `Profile p credential_process returned {"SecretAccessKey":"${SECRET}"}`),
      service('Unknown', 400, `Signature=${'ab'.repeat(32)} Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1`),
    ];
    for (const err of leaky) {
      const d = describeError(err, ctx);
      const all = `${d.title} ${d.detail} ${d.technical}`;
      assert.ok(!all.includes(SECRET) && !all.includes('ab'.repeat(32)), all);
      assert.ok(!all.includes('AKIAIOSFODNN7EXAMPLE'), all);
    }
  });
});

describe('describeError on real credential-provider failures (fromIni over fixture files)', () => {
  let dir: string;
  const saved = { ...process.env };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omics-errors-'));
    fs.writeFileSync(
      path.join(dir, 'config'),
      [
        '[profile mfa]',
        'role_arn = arn:aws:iam::123456789012:role/r',
        'source_profile = base',
        'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
        '[profile sso]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Admin',
        '[sso-session corp]',
        'sso_region = us-east-1',
        'sso_start_url = https://example.awsapps.com/start',
        '[profile regiononly]',
        'region = eu-west-1',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'credentials'),
      `[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`,
    );
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    process.env.HOME = dir; // the SSO token cache (~/.aws/sso/cache) is empty here
  });

  after(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function failureOf(profile: string, mfaCodeProvider?: (serial: string) => Promise<string>): Promise<unknown> {
    return fromIni({ profile, ignoreCache: true, mfaCodeProvider })().then(
      () => assert.fail(`profile ${profile} unexpectedly resolved`),
      (e: unknown) => e,
    );
  }

  const cases: [string, ((serial: string) => Promise<string>) | undefined, ErrorKind, RegExp][] = [
    ['does-not-exist', undefined, 'missingProfile', /^No credentials for profile does-not-exist$/],
    ['regiononly', undefined, 'missingProfile', /^No credentials for profile regiononly$/],
    ['sso', undefined, 'ssoLogin', /^SSO session expired for sso$/],
    ['mfa', undefined, 'mfaCancelled', /^MFA code not entered for mfa$/],
    ['mfa', () => Promise.reject(new MfaCancelledError()), 'mfaCancelled', /^MFA code not entered for mfa$/],
  ];

  for (const [profile, mfa, kind, title] of cases) {
    it(`${profile}${mfa ? ' (MFA prompt dismissed)' : ''} → ${kind}`, async () => {
      const d = describeError(await failureOf(profile, mfa), { profile, operation: 'ListShares' });
      assert.equal(d.kind, kind, d.technical);
      assert.match(d.title, title);
      if (kind === 'ssoLogin') {
        assert.equal(d.detail, `Run "aws sso login --profile ${profile}" in a terminal, then retry.`);
      }
    });
  }
});
