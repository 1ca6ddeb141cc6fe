process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { after, before, describe, it } from './testing';
import type { ConnectionSettings } from '../../src/core/connection';
import {
  createCredentialProvider,
  CredentialCache,
  resolveConnection,
  resolveEndpoint,
  Session,
} from '../../src/core/connection';
import { describeError, MfaCancelledError } from '../../src/core/errors';
import type { Logger } from '../../src/core/logger';
import { nullLogger, redactingLogger } from '../../src/core/logger';
import { tapLogger } from '../../src/core/logTap';
import type { ParsedFiles } from '../../src/core/profiles';
import { DEMO_OWNER as OWNER, DEMO_SUBSCRIBER as SUB } from '../emulator/generate';
import type { Emulator, ShareRecord } from '../emulator/server';
import { startEmulator } from '../emulator/server';
import type { MaterializedFiles } from '../fixtures/aws/fixtures';
import {
  expiredSsoToken,
  materialize,
  MFA_SERIAL,
  PROCESS_ACCOUNT,
  PROCESS_FAIL_SECRET,
  ROLE_ACCOUNT,
} from '../fixtures/aws/fixtures';

const settings = (s: Partial<ConnectionSettings> = {}): ConnectionSettings => ({
  profile: '',
  region: '',
  endpoint: '',
  ...s,
});

const FILES: ParsedFiles = {
  configFile: {
    default: { region: 'eu-central-1' },
    west: { region: 'us-west-2', role_arn: 'arn:aws:iam::1:role/r', source_profile: 'keys' },
    noregion: { credential_process: 'x' },
    both: { region: 'eu-west-2', max_attempts: '7' },
    svc: { services: 'local', aws_access_key_id: 'A', aws_secret_access_key: 'B' },
    'services.local': { 'omics.endpoint_url': 'http://svc.example:1', 's3.endpoint_url': 'http://s3' },
    own: { endpoint_url: 'http://own.example:2', aws_access_key_id: 'A', aws_secret_access_key: 'B' },
    ignoring: {
      endpoint_url: 'http://own.example:2',
      ignore_configured_endpoint_urls: 'true',
      aws_access_key_id: 'A',
      aws_secret_access_key: 'B',
    },
  },
  credentialsFile: {
    keys: { aws_access_key_id: 'A', aws_secret_access_key: 'B' },
    both: { region: 'us-east-2', aws_access_key_id: 'A', aws_secret_access_key: 'B' },
  },
};

describe('resolveConnection: region', () => {
  it('healthomics.region first', () => {
    const c = resolveConnection(
      settings({ profile: 'west', region: 'eu-west-1' }),
      { AWS_REGION: 'ap-northeast-1' },
      FILES,
    );
    assert.equal(c.region, 'eu-west-1');
    assert.equal(c.regionSource, 'setting');
  });
  it("then the profile's region (the credentials file winning over the config file)", () => {
    const c = resolveConnection(settings({ profile: 'west' }), { AWS_REGION: 'ap-northeast-1' }, FILES);
    assert.deepEqual([c.region, c.regionSource], ['us-west-2', 'profile']);
    const both = resolveConnection(settings({ profile: 'both' }), {}, FILES);
    assert.deepEqual([both.region, both.regionSource], ['us-east-2', 'profile']);
  });
  it('then AWS_REGION (and AWS_DEFAULT_REGION when AWS_REGION is unset)', () => {
    const c = resolveConnection(settings({ profile: 'noregion' }), { AWS_REGION: 'ap-northeast-1' }, FILES);
    assert.deepEqual([c.region, c.regionSource], ['ap-northeast-1', 'environment']);
    const d = resolveConnection(settings({ profile: 'noregion' }), { AWS_DEFAULT_REGION: 'eu-west-1' }, FILES);
    assert.deepEqual([d.region, d.regionSource], ['eu-west-1', 'environment']);
  });
  it('then us-east-1', () => {
    const c = resolveConnection(settings({ profile: 'noregion' }), {}, FILES);
    assert.deepEqual([c.region, c.regionSource], ['us-east-1', 'default']);
  });
  it("the default chain takes the region of AWS_PROFILE's profile, else [default]'s", () => {
    const viaEnv = resolveConnection(settings(), { AWS_PROFILE: 'west' }, FILES);
    assert.deepEqual(
      [viaEnv.region, viaEnv.profile, viaEnv.profileLabel],
      ['us-west-2', undefined, 'default chain (AWS_PROFILE=west)'],
    );
    const viaDefault = resolveConnection(settings(), {}, FILES);
    assert.deepEqual([viaDefault.region, viaDefault.profileLabel], ['eu-central-1', 'default chain']);
  });
  it('reports a region setting that is not a Region code, and falls through', () => {
    const c = resolveConnection(settings({ profile: 'west', region: 'oregon' }), {}, FILES);
    assert.equal(c.region, 'us-west-2');
    assert.deepEqual(c.ignoredRegion, { source: 'setting', value: 'oregon' });
  });
});

describe('resolveConnection: identity, problems, retries', () => {
  it('keys (profile, region, endpoint): any change is a new key', () => {
    const base = resolveConnection(settings({ profile: 'west' }), {}, FILES);
    const same = resolveConnection(settings({ profile: 'west' }), {}, FILES);
    assert.equal(base.key, same.key);
    const keys = [
      base.key,
      resolveConnection(settings({ profile: 'both' }), {}, FILES).key,
      resolveConnection(settings({ profile: 'west', region: 'eu-west-1' }), {}, FILES).key,
      resolveConnection(settings({ profile: 'west', endpoint: 'http://127.0.0.1:1' }), {}, FILES).key,
      resolveConnection(settings(), { AWS_PROFILE: 'west' }, FILES).key,
    ];
    assert.equal(new Set(keys).size, keys.length);
  });
  it('a named profile missing from both files is a missingProfile problem', () => {
    const c = resolveConnection(settings({ profile: 'nope' }), {}, FILES);
    assert.deepEqual(c.problem, {
      kind: 'missingProfile',
      message: 'Profile "nope" is not in your AWS config or credentials files.',
    });
  });
  it('the default chain with nothing to use is a noCredentials problem; environment keys are enough', () => {
    const empty: ParsedFiles = { configFile: {}, credentialsFile: {} };
    assert.equal(resolveConnection(settings(), {}, empty).problem?.kind, 'noCredentials');
    assert.match(
      resolveConnection(settings(), { AWS_PROFILE: 'gone' }, empty).problem?.message ?? '',
      /AWS_PROFILE names "gone"/,
    );
    assert.equal(
      resolveConnection(settings(), { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'B' }, empty).problem,
      undefined,
    );
    assert.equal(resolveConnection(settings({ profile: 'keys' }), {}, FILES).problem, undefined);
  });
  it('max attempts: AWS_MAX_ATTEMPTS, then the profile max_attempts, else left to the SDK', () => {
    assert.equal(resolveConnection(settings({ profile: 'both' }), {}, FILES).maxAttempts, 7);
    assert.equal(resolveConnection(settings({ profile: 'both' }), { AWS_MAX_ATTEMPTS: '2' }, FILES).maxAttempts, 2);
    assert.equal(resolveConnection(settings({ profile: 'both' }), { AWS_MAX_ATTEMPTS: 'x' }, FILES).maxAttempts, 7);
    assert.equal(resolveConnection(settings({ profile: 'west' }), {}, FILES).maxAttempts, undefined);
  });
});

describe('resolveEndpoint', () => {
  const section = (name: string) => ({ ...FILES.configFile[name], ...FILES.credentialsFile[name] });
  it('the setting, then AWS_ENDPOINT_URL_OMICS, then AWS_ENDPOINT_URL, then the profile', () => {
    const env = { AWS_ENDPOINT_URL_OMICS: 'http://omics.env:1', AWS_ENDPOINT_URL: 'http://all.env:2' };
    assert.deepEqual(resolveEndpoint(' http://set:3 ', env, section('svc'), FILES), {
      url: 'http://set:3',
      source: 'setting',
    });
    assert.deepEqual(resolveEndpoint('', env, section('svc'), FILES), {
      url: 'http://omics.env:1',
      source: 'AWS_ENDPOINT_URL_OMICS',
    });
    assert.deepEqual(resolveEndpoint('', { AWS_ENDPOINT_URL: 'http://all.env:2' }, section('svc'), FILES), {
      url: 'http://all.env:2',
      source: 'AWS_ENDPOINT_URL',
    });
    assert.deepEqual(resolveEndpoint('', {}, section('svc'), FILES), {
      url: 'http://svc.example:1',
      source: 'profile',
    });
    assert.deepEqual(resolveEndpoint('', {}, section('own'), FILES), {
      url: 'http://own.example:2',
      source: 'profile',
    });
    assert.equal(resolveEndpoint('', {}, section('west'), FILES), undefined);
  });
  it('ignore_configured_endpoint_urls / AWS_IGNORE_CONFIGURED_ENDPOINT_URLS skip all but the setting', () => {
    assert.equal(resolveEndpoint('', {}, section('ignoring'), FILES), undefined);
    const env = { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_OMICS: 'http://omics.env:1' };
    assert.equal(resolveEndpoint('', env, section('own'), FILES), undefined);
    assert.equal(resolveEndpoint('http://set:3', env, section('own'), FILES)?.url, 'http://set:3');
    // The env variable, when set, decides over the profile's flag.
    assert.equal(
      resolveEndpoint('', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, section('ignoring'), FILES)?.url,
      'http://own.example:2',
    );
  });
  it('resolveConnection uses it and keys on the endpoint', () => {
    const c = resolveConnection(settings({ profile: 'svc' }), {}, FILES);
    assert.equal(c.endpoint, 'http://svc.example:1');
    assert.equal(c.endpointSource, 'profile');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sessions over the fixture ini files, with the SDK's real fromIni, against the emulator (STS included).

const MFA_CODE = '739184';
const REGION = 'us-east-1';

function share(ownerId: string, subscriber: string, n: number): ShareRecord {
  const hex = n.toString(16).padStart(32, '0');
  return {
    shareId: `${hex}-${hex}`,
    resourceArn: `arn:aws:omics:${REGION}:${ownerId}:workflow/${1000 + n}`,
    principalSubscriber: subscriber,
    ownerId,
    status: 'ACTIVE',
    shareName: `owned-by-${ownerId}`,
    creationTime: '2025-01-01T00:00:00.000Z',
    updateTime: '2025-01-01T00:00:00.000Z',
  };
}

describe('Session with each kind of profile (fixture files, real fromIni, emulator with STS)', () => {
  let em: Emulator;
  let files: MaterializedFiles;
  const saved: Record<string, string | undefined> = {};
  const ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_STS', 'HOME', 'AWS_PROFILE'];

  before(async () => {
    em = await startEmulator({
      data: {
        accounts: [OWNER, SUB, PROCESS_ACCOUNT],
        shares: [share(OWNER.id, SUB.id, 1), share(SUB.id, OWNER.id, 2), share(PROCESS_ACCOUNT.id, OWNER.id, 3)],
      },
      sts: { mfaCode: MFA_CODE },
    });
    files = materialize();
    for (const k of ENV) {
      saved[k] = process.env[k];
    }
    process.env.AWS_CONFIG_FILE = files.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentials;
    process.env.AWS_ENDPOINT_URL_STS = em.url;
    process.env.HOME = path.join(files.dir, 'home');
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    for (const k of ENV) {
      if (saved[k] === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = saved[k];
      }
    }
    files.remove();
    await em.close();
  });

  async function parsed(): Promise<ParsedFiles> {
    const f = await loadSharedConfigFiles({ ignoreCache: true });
    return { configFile: f.configFile, credentialsFile: f.credentialsFile };
  }

  interface Run {
    names?: string[];
    error?: unknown;
    prompts: string[];
  }

  /** Lists SELF shares as `profile` in us-east-1, with an MFA callback answering `code` (null = cancel). */
  async function listAs(profile: string, code: string | null = MFA_CODE, logger: Logger = nullLogger): Promise<Run> {
    const prompts: string[] = [];
    const connection = resolveConnection(
      settings({ profile, region: REGION, endpoint: em.url }),
      process.env,
      await parsed(),
    );
    const session = new Session(connection, {
      logger,
      maxAttempts: 1,
      mfaCodeProvider: (serial) => {
        prompts.push(serial);
        return code === null ? Promise.reject(new MfaCancelledError()) : Promise.resolve(code);
      },
    });
    try {
      const page = await session.api.listShares({ resourceOwner: 'SELF', maxResults: 50 });
      return { names: page.items.map((s) => s.shareName ?? ''), prompts };
    } catch (error) {
      return { error, prompts };
    } finally {
      session.dispose();
    }
  }

  const describeAs = (profile: string, error: unknown) => describeError(error, { profile, operation: 'ListShares' });

  it('static keys ([profile x] in config + [x] in credentials)', async () => {
    assert.deepEqual((await listAs('demo-owner')).names, [`owned-by-${OWNER.id}`]);
    assert.deepEqual((await listAs('demo-subscriber')).names, [`owned-by-${SUB.id}`]);
  });

  it('static keys in the credentials file only ([x] form)', async () => {
    assert.deepEqual((await listAs('creds-only')).names, [`owned-by-${SUB.id}`]);
  });

  it("assume role: STS AssumeRole with the source profile's keys, then the role account's shares", async () => {
    em.clearRequests();
    const run = await listAs('role');
    assert.deepEqual(run.names, [`owned-by-${ROLE_ACCOUNT}`]);
    assert.deepEqual(run.prompts, [], 'no MFA prompt without mfa_serial');
    const sts = em.requests.filter((r) => r.operation === 'AssumeRole');
    assert.equal(sts.length, 1);
    assert.equal(sts[0]?.account, OWNER.id, 'signed with source_profile demo-owner');
    assert.equal(sts[0]?.roleSessionName, 'healthomics-test');
    assert.equal(sts[0]?.serialNumber, undefined);
  });

  it('assume role + MFA: one prompt naming the serial; the code reaches STS', async () => {
    em.clearRequests();
    const run = await listAs('role-mfa');
    assert.deepEqual(run.prompts, [MFA_SERIAL]);
    assert.deepEqual(run.names, [`owned-by-${ROLE_ACCOUNT}`]);
    const sts = em.requests.find((r) => r.operation === 'AssumeRole');
    assert.equal(sts?.serialNumber, MFA_SERIAL);
    assert.equal(sts?.hasTokenCode, true);
  });

  it('assume role + MFA, prompt dismissed → mfaCancelled, and nothing is sent', async () => {
    em.clearRequests();
    const run = await listAs('role-mfa', null);
    assert.equal(describeAs('role-mfa', run.error).kind, 'mfaCancelled');
    assert.equal(describeAs('role-mfa', run.error).title, 'MFA code not entered for role-mfa');
    assert.deepEqual(em.requests, []);
  });

  it('assume role + MFA, wrong code → STS AccessDenied, described as a credentials problem without the code', async () => {
    const run = await listAs('role-mfa', '000000');
    const d = describeAs('role-mfa', run.error);
    assert.equal(d.kind, 'noCredentials', 'not an omics permission problem');
    assert.equal(d.title, 'Cannot get credentials for role-mfa');
    assert.match(d.detail, /^AccessDenied: MultiFactorAuthentication failed/);
    assert.equal(d.requestId, em.requests.at(-1)?.requestId, "STS's request id is kept");
    assert.ok(!JSON.stringify(d).includes('000000'));
  });

  it('assume role with STS unreachable → a network error naming the STS endpoint', async () => {
    const sts = process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
    try {
      const d = describeAs('role', (await listAs('role')).error);
      assert.equal(d.kind, 'network');
      assert.match(d.title, /^Cannot reach 127\.0\.0\.1:9/);
    } finally {
      process.env.AWS_ENDPOINT_URL_STS = sts;
    }
  });

  it('web identity with a missing token file → a credentials problem naming the file', async () => {
    const d = describeAs('web', (await listAs('web')).error);
    assert.equal(d.kind, 'noCredentials');
    assert.match(d.detail, /no-such-token/);
  });

  it('credential_process: the JSON the script prints (with a session token) signs the requests', async () => {
    assert.deepEqual((await listAs('process')).names, [`owned-by-${PROCESS_ACCOUNT.id}`]);
  });

  it('credential_process printing garbage → a readable "Cannot get credentials" error', async () => {
    const run = await listAs('process-garbage');
    const d = describeAs('process-garbage', run.error);
    assert.equal(d.kind, 'noCredentials');
    assert.equal(d.title, 'Cannot get credentials for process-garbage');
    assert.match(d.detail, /credential_process returned invalid JSON/);
  });

  it('credential_process failing → its stderr is redacted in the description and the log', async () => {
    const tap = tapLogger(nullLogger);
    const logger = redactingLogger(tap.logger);
    const run = await listAs('process-fails', MFA_CODE, logger);
    const d = describeAs('process-fails', run.error);
    assert.equal(d.kind, 'noCredentials');
    logger.error(`${d.title}: ${d.detail} [${d.technical}]`, run.error);
    const text = JSON.stringify(d) + tap.lines().join('\n');
    assert.match(text, /Command failed/);
    assert.ok(!text.includes(PROCESS_FAIL_SECRET), text);
  });

  it('SSO (sso_session) with an expired cached token and no refresh material → ssoLogin', async () => {
    files.writeSsoToken(expiredSsoToken());
    const run = await listAs('sso-dev');
    const d = describeAs('sso-dev', run.error);
    assert.equal(d.kind, 'ssoLogin', (run.error as Error).message);
    assert.equal(d.title, 'SSO session expired for sso-dev');
    assert.match(d.detail, /aws sso login --profile sso-dev/);
  });

  it('SSO (legacy sso_start_url) without any cached token → ssoLogin', async () => {
    const d = describeAs('legacy-sso', (await listAs('legacy-sso')).error);
    assert.equal(d.kind, 'ssoLogin');
  });

  it('a profile missing from the files → missingProfile, before and after a request', async () => {
    const connection = resolveConnection(settings({ profile: 'nope' }), process.env, await parsed());
    assert.equal(connection.problem?.kind, 'missingProfile');
    assert.equal(describeAs('nope', (await listAs('nope')).error).kind, 'missingProfile');
  });

  it('a profile with only a region → missingProfile (the SDK finds no credentials in it)', async () => {
    assert.equal(describeAs('region-only', (await listAs('region-only')).error).kind, 'missingProfile');
  });
});

describe('CredentialCache: credentials survive a region switch, not a change of files', () => {
  let em: Emulator;
  let files: MaterializedFiles;
  const saved: Record<string, string | undefined> = {};
  before(async () => {
    em = await startEmulator({ data: { accounts: [OWNER, SUB], shares: [] }, sts: { mfaCode: MFA_CODE } });
    files = materialize();
    for (const k of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_STS']) {
      saved[k] = process.env[k];
    }
    process.env.AWS_CONFIG_FILE = files.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentials;
    process.env.AWS_ENDPOINT_URL_STS = em.url;
  });
  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
    files.remove();
    await em.close();
  });

  it('one MFA prompt across sessions in two regions sharing a cached provider; a new key prompts again', async () => {
    const prompts: string[] = [];
    const mfa = (serial: string) => {
      prompts.push(serial);
      return Promise.resolve(MFA_CODE);
    };
    const cache = new CredentialCache(2);
    const f = await loadSharedConfigFiles({ ignoreCache: true });
    const parsedFiles = { configFile: f.configFile, credentialsFile: f.credentialsFile };
    const run = async (region: string, key: string) => {
      const connection = resolveConnection(
        settings({ profile: 'role-mfa', region, endpoint: em.url }),
        {},
        parsedFiles,
      );
      const session = new Session(connection, {
        logger: nullLogger,
        mfaCodeProvider: mfa,
        credentials: cache.get(key, () => createCredentialProvider('role-mfa', mfa)),
      });
      try {
        await session.api.listShares({ resourceOwner: 'SELF', maxResults: 5 });
      } finally {
        session.dispose();
      }
    };
    await run('us-east-1', 'k1');
    await run('eu-west-2', 'k1');
    assert.equal(prompts.length, 1, 'the second session reused the credentials');
    assert.deepEqual(
      em.requests.filter((r) => r.operation === 'ListShares').map((r) => r.region),
      ['us-east-1', 'eu-west-2'],
    );
    await run('us-east-1', 'k2');
    assert.equal(prompts.length, 2, 'a new key (files changed) means new credentials');
    cache.get('k3', () => createCredentialProvider('x', mfa));
    assert.equal(cache.size, 2, 'bounded');
    cache.delete('k2');
    assert.equal(cache.size, 1);
  });
});

describe('Session.dispose', () => {
  it('a disposed session sends nothing and resolves no credentials, whoever still holds its client', async () => {
    const em = await startEmulator({ data: { accounts: [OWNER], shares: [] } });
    try {
      let resolved = 0;
      const connection = resolveConnection(settings({ region: REGION, endpoint: em.url }), { AWS_PROFILE: 'x' }, FILES);
      const session = new Session(connection, {
        logger: nullLogger,
        mfaCodeProvider: () => Promise.reject(new Error('no MFA here')),
        credentials: () => {
          resolved++;
          return Promise.resolve({ accessKeyId: OWNER.accessKeyId, secretAccessKey: OWNER.secretAccessKey });
        },
      });
      await session.api.listShares({ resourceOwner: 'SELF', maxResults: 5 });
      assert.equal(em.requests.length, 1);
      assert.equal(resolved, 1);
      session.dispose();
      assert.ok(session.isDisposed);
      await assert.rejects(session.api.listShares({ resourceOwner: 'OTHER', maxResults: 5 }), (e: Error) => {
        assert.equal(e.name, 'AbortError');
        assert.equal(describeError(e, { operation: 'ListShares' }).kind, 'cancelled');
        return true;
      });
      assert.equal(em.requests.length, 1, 'nothing sent after dispose');
      assert.equal(resolved, 1, 'no credentials resolved after dispose');
    } finally {
      await em.close();
    }
  });
});

describe('Session.renew', () => {
  it('new credentials for the same identity reach whoever holds the client; another identity cannot renew', async () => {
    const em = await startEmulator({
      data: { accounts: [OWNER, SUB], shares: [share(OWNER.id, SUB.id, 1), share(SUB.id, OWNER.id, 2)] },
    });
    try {
      const staticCreds = (a: typeof OWNER) => () =>
        Promise.resolve({ accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey });
      const connection = resolveConnection(settings({ profile: 'keys', region: REGION, endpoint: em.url }), {}, FILES);
      const session = new Session(connection, {
        logger: nullLogger,
        mfaCodeProvider: () => Promise.reject(new Error('unused')),
        credentials: staticCreds(OWNER),
        credentialsKey: 'a',
      });
      const client = session.client; // as an action holding the client would
      const names = async () =>
        (await session.api.listShares({ resourceOwner: 'SELF', maxResults: 5 })).items.map((i) => i.shareName);
      assert.deepEqual(await names(), [`owned-by-${OWNER.id}`]);
      assert.ok(session.canRenew(connection));
      session.renew(connection, staticCreds(SUB), 'b');
      assert.equal(session.credentialsKey, 'b');
      assert.equal(session.client, client);
      assert.deepEqual(await names(), [`owned-by-${SUB.id}`]);
      const other = resolveConnection(settings({ profile: 'keys', region: 'eu-west-1', endpoint: em.url }), {}, FILES);
      assert.equal(session.canRenew(other), false);
      assert.throws(() => session.renew(other, staticCreds(OWNER), 'c'));
      session.dispose();
      assert.equal(session.canRenew(connection), false);
    } finally {
      await em.close();
    }
  });
});

describe('tapLogger', () => {
  it('records every level in order and forwards to the inner logger; bounded', () => {
    const seen: string[] = [];
    const inner: Logger = {
      trace: (m) => seen.push(`t:${m}`),
      debug: (m) => seen.push(`d:${m}`),
      info: (m) => seen.push(`i:${m}`),
      warn: (m) => seen.push(`w:${m}`),
      error: (m) => seen.push(`e:${m}`),
    };
    const tap = tapLogger(inner, 3);
    tap.logger.trace('a');
    tap.logger.debug('b', 1);
    tap.logger.info('c');
    tap.logger.warn('d', 'x');
    tap.logger.error('e');
    assert.deepEqual(seen, ['t:a', 'd:b', 'i:c', 'w:d', 'e:e']);
    assert.deepEqual(tap.lines(), ['[info] c', '[warn] d x', '[error] e']);
    tap.clear();
    assert.deepEqual(tap.lines(), []);
  });
});
