/**
 * The emulator's STS AssumeRole against the SDK's own STS client (through @aws-sdk/credential-providers:
 * fromTemporaryCredentials and fromIni's assume-role profiles), and the share API accepting the session
 * credentials it issues.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { ListSharesCommand, OmicsClient } from '@aws-sdk/client-omics';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, BuildMiddleware, MetadataBearer, Pluggable } from '@smithy/types';
import { startEmulator, type Emulator, type EmulatorAccount, type EmulatorData } from '../emulator/server';
import { DEMO_OWNER as OWNER, DEMO_SUBSCRIBER as SUB, REGION, client, describe, it, share, wfArn } from './helpers';

const ROLE = `arn:aws:iam::${SUB.id}:role/ShareReader`;
const MFA_ROLE = `arn:aws:iam::${SUB.id}:role/MfaOnly`;
const SERIAL = `arn:aws:iam::${OWNER.id}:mfa/alice`;
const MFA_CODE = '739184';

const data: EmulatorData = {
  accounts: [OWNER, SUB],
  shares: [
    share({ id: 'owner-1', arn: wfArn(OWNER.id, '1'), subscriber: SUB.id, created: '2025-01-01T00:00:00Z' }),
    share({ id: 'sub-1', arn: wfArn(SUB.id, '2'), subscriber: OWNER.id, created: '2025-01-02T00:00:00Z' }),
  ],
};

let em: Emulator;
before(async () => {
  em = await startEmulator({ data, sts: { mfaCode: MFA_CODE, rolesRequiringMfa: [MFA_ROLE] } });
});
after(async () => {
  await em.close();
});

interface AssumeOptions {
  roleArn?: string;
  serial?: string;
  code?: string;
  source?: Pick<EmulatorAccount, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;
  duration?: number;
  /** Edits the form body before signing (still correctly signed). */
  editBody?: (body: string) => string;
}

function assume(o: AssumeOptions = {}): Promise<AwsCredentialIdentity> {
  const plugins: Pluggable<object, MetadataBearer>[] = [];
  if (o.editBody) {
    const edit = o.editBody;
    const mw: BuildMiddleware<object, MetadataBearer> = (next) => (args) => {
      const req = args.request as { body?: unknown; headers: Record<string, string> };
      if (typeof req.body === 'string') {
        req.body = edit(req.body);
        req.headers['content-length'] = String(Buffer.byteLength(req.body as string));
      }
      return next(args);
    };
    plugins.push({ applyToStack: (stack) => stack.add(mw, { step: 'build', name: 'stsTestEditBody' }) });
  }
  const source = o.source ?? OWNER;
  return fromTemporaryCredentials({
    params: {
      RoleArn: o.roleArn ?? ROLE,
      RoleSessionName: 'conformance',
      ...(o.serial ? { SerialNumber: o.serial } : {}),
      ...(o.duration ? { DurationSeconds: o.duration } : {}),
    },
    masterCredentials: {
      accessKeyId: source.accessKeyId,
      secretAccessKey: source.secretAccessKey,
      ...(source.sessionToken ? { sessionToken: source.sessionToken } : {}),
    },
    clientConfig: { region: REGION, endpoint: em.url, maxAttempts: 1 },
    clientPlugins: plugins,
    ...(o.code !== undefined ? { mfaCodeProvider: () => Promise.resolve(o.code as string) } : {}),
  })();
}

async function assumeFails(o: AssumeOptions, name: string, status: number, message?: RegExp): Promise<void> {
  await assert.rejects(assume(o), (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (message) {
      assert.match(e.message, message);
    }
    return true;
  });
}

const last = () => em.requests.at(-1);

describe('STS AssumeRole', () => {
  it('issues session credentials for the role account, which the share API accepts as that account', async () => {
    em.clearRequests();
    const t0 = Date.now();
    const creds = await assume();
    assert.match(creds.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.equal(creds.secretAccessKey.length, 40);
    assert.ok((creds.sessionToken ?? '').length > 300, 'a long session token');
    const ttl = (creds.expiration?.getTime() ?? 0) - t0;
    assert.ok(ttl > 3590_000 && ttl <= 3601_000, `default duration 3600 s, got ${ttl} ms`);
    const rec = last();
    assert.equal(rec?.operation, 'AssumeRole');
    assert.equal(rec?.account, OWNER.id, 'the caller is the source credentials');
    assert.equal(rec?.roleArn, ROLE);
    assert.equal(rec?.roleSessionName, 'conformance');
    assert.equal(rec?.status, 200);
    assert.equal(rec?.issuedAccessKeyId, creds.accessKeyId);
    assert.equal(rec?.path, '/');

    const session = {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
    };
    const c = client(em, session, { sessionToken: creds.sessionToken ?? '' });
    const out = await c.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
    c.destroy();
    assert.deepEqual(
      out.shares?.map((s) => s.shareId),
      ['sub-1'],
      "the role's account (the subscriber) owns sub-1",
    );
    assert.equal(last()?.account, SUB.id);
    const issued = em.stsSessions().find((s) => s.account.accessKeyId === creds.accessKeyId);
    assert.equal(issued?.account.secretAccessKey, creds.secretAccessKey);
    assert.equal(issued?.sourceAccount, OWNER.id);
  });

  it('session credentials without their token, or with another one, are rejected', async () => {
    const creds = await assume();
    for (const sessionToken of [undefined, 'wrong']) {
      const c = client(
        em,
        { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
        sessionToken === undefined ? {} : { sessionToken },
      );
      await assert.rejects(c.send(new ListSharesCommand({ resourceOwner: 'SELF' })), {
        name: 'UnrecognizedClientException',
      });
      c.destroy();
    }
  });

  it('honours DurationSeconds (900–43200) and rejects values outside it with ValidationError', async () => {
    const t0 = Date.now();
    const creds = await assume({ duration: 900 });
    const ttl = (creds.expiration?.getTime() ?? 0) - t0;
    assert.ok(ttl > 890_000 && ttl <= 901_000, `900 s, got ${ttl} ms`);
    await assumeFails({ duration: 43_201 }, 'ValidationError', 400, /durationSeconds/);
  });

  it('MFA: the configured code with SerialNumber succeeds; the serial is logged, the code never is', async () => {
    em.clearRequests();
    const creds = await assume({ serial: SERIAL, code: MFA_CODE });
    assert.match(creds.accessKeyId, /^ASIA/);
    const rec = last();
    assert.equal(rec?.serialNumber, SERIAL);
    assert.equal(rec?.hasTokenCode, true);
    assert.ok(!JSON.stringify(em.requests).includes(MFA_CODE), 'the request log never holds the code');
  });

  it('MFA: a wrong code → 403 AccessDenied (XML error), and no credentials', async () => {
    const before = em.stsSessions().length;
    await assumeFails({ serial: SERIAL, code: '000000' }, 'AccessDenied', 403, /MultiFactorAuthentication failed/);
    assert.equal(em.stsSessions().length, before);
    assert.equal(last()?.errorType, 'AccessDenied');
  });

  it('MFA: a role that requires MFA cannot be assumed without it', async () => {
    await assumeFails({ roleArn: MFA_ROLE }, 'AccessDenied', 403, /not authorized to perform: sts:AssumeRole/);
    const creds = await assume({ roleArn: MFA_ROLE, serial: SERIAL, code: MFA_CODE });
    assert.match(creds.accessKeyId, /^ASIA/);
  });

  it('a malformed token code or role ARN → 400 ValidationError', async () => {
    await assumeFails({ serial: SERIAL, code: '12ab' }, 'ValidationError', 400, /tokenCode/);
    await assumeFails({ roleArn: 'arn:aws:iam::123:role/x-too-short-account' }, 'ValidationError', 400, /is invalid/);
  });

  it('signature problems use the STS error codes: SignatureDoesNotMatch, InvalidClientTokenId', async () => {
    await assumeFails(
      { source: { ...OWNER, secretAccessKey: 'not-the-secret-000000000000000000000000' } },
      'SignatureDoesNotMatch',
      403,
    );
    await assumeFails(
      { source: { ...OWNER, accessKeyId: 'AKIAUNKNOWN000000001' } },
      'InvalidClientTokenId',
      403,
      /security token included in the request is invalid/,
    );
  });

  it('an unsigned request → 403 MissingAuthenticationToken; an unknown Action → 400 InvalidAction', async () => {
    const res = await fetch(`${em.url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&RoleSessionName=x1`,
    });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /xml/);
    const text = await res.text();
    assert.match(text, /<ErrorResponse[^>]*>[\s\S]*<Code>MissingAuthenticationToken<\/Code>/);
    assert.match(text, /<RequestId>[0-9a-f-]{36}<\/RequestId>/);
    await assumeFails(
      { editBody: (b) => b.replace('Action=AssumeRole', 'Action=GetCallerIdentity') },
      'InvalidAction',
      400,
      /GetCallerIdentity/,
    );
  });

  it('session credentials can assume a further role (role chaining)', async () => {
    const first = await assume();
    const second = await assume({
      roleArn: `arn:aws:iam::${OWNER.id}:role/Back`,
      source: {
        accessKeyId: first.accessKeyId,
        secretAccessKey: first.secretAccessKey,
        sessionToken: first.sessionToken ?? '',
      },
    });
    assert.equal(last()?.account, SUB.id, 'the caller was the first session (the subscriber account)');
    assert.notEqual(second.accessKeyId, first.accessKeyId);
  });
});

describe('STS session expiry', () => {
  it('expired session credentials → 403 ExpiredTokenException from the share API', async () => {
    const short = await startEmulator({ data, sts: { sessionSeconds: 1 } });
    try {
      const creds = await fromTemporaryCredentials({
        params: { RoleArn: ROLE, RoleSessionName: 'short' },
        masterCredentials: { accessKeyId: OWNER.accessKeyId, secretAccessKey: OWNER.secretAccessKey },
        clientConfig: { region: REGION, endpoint: short.url, maxAttempts: 1 },
      })();
      const c = client(short, creds, { sessionToken: creds.sessionToken ?? '' });
      await c.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
      await new Promise((r) => setTimeout(r, 1100));
      await assert.rejects(c.send(new ListSharesCommand({ resourceOwner: 'SELF' })), {
        name: 'ExpiredTokenException',
      });
      c.destroy();
    } finally {
      await short.close();
    }
  });
});

describe('STS through fromIni (what the extension uses)', () => {
  it('an assume-role + MFA profile: AWS_ENDPOINT_URL_STS reaches the emulator, one MFA prompt for two calls', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sts-ini-'));
    const saved = {
      AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE,
      AWS_ENDPOINT_URL_STS: process.env.AWS_ENDPOINT_URL_STS,
    };
    try {
      fs.writeFileSync(
        path.join(dir, 'config'),
        `[profile mfa-role]\nrole_arn = ${ROLE}\nsource_profile = base\nmfa_serial = ${SERIAL}\nrole_session_name = ini-test\n`,
      );
      fs.writeFileSync(
        path.join(dir, 'credentials'),
        `[base]\naws_access_key_id = ${OWNER.accessKeyId}\naws_secret_access_key = ${OWNER.secretAccessKey}\n`,
      );
      process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
      process.env.AWS_ENDPOINT_URL_STS = em.url;
      em.clearRequests();
      const serials: string[] = [];
      const provider = fromIni({
        profile: 'mfa-role',
        ignoreCache: true,
        mfaCodeProvider: (serial) => {
          serials.push(serial);
          return Promise.resolve(MFA_CODE);
        },
      });
      const omics = new OmicsClient({
        region: REGION,
        endpoint: em.url,
        disableHostPrefix: true,
        maxAttempts: 1,
        credentials: provider,
      });
      const [self, other] = await Promise.all([
        omics.send(new ListSharesCommand({ resourceOwner: 'SELF' })),
        omics.send(new ListSharesCommand({ resourceOwner: 'OTHER' })),
      ]);
      omics.destroy();
      assert.deepEqual(serials, [SERIAL], 'one prompt, naming the serial');
      assert.deepEqual(
        self.shares?.map((s) => s.shareId),
        ['sub-1'],
      );
      assert.deepEqual(
        other.shares?.map((s) => s.shareId),
        ['owner-1'],
      );
      const ops = em.requests.map((r) => `${r.operation}:${r.account}`);
      assert.deepEqual(
        ops.filter((o) => o.startsWith('AssumeRole')),
        [`AssumeRole:${OWNER.id}`],
      );
      assert.equal(em.requests.find((r) => r.operation === 'AssumeRole')?.roleSessionName, 'ini-test');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = v;
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hold fault (deterministic "slow answer" for the never-stale tests)', () => {
  it('holds matching requests until release(); others pass; replacing the spec releases too', async () => {
    const h = await startEmulator({ data });
    try {
      h.setFaults({ hold: { account: OWNER.id, region: REGION } });
      const owner = client(h, OWNER);
      const sub = client(h, SUB);
      const ownerEu = client(h, OWNER, { region: 'eu-west-2' });
      let done = false;
      const pending = owner.send(new ListSharesCommand({ resourceOwner: 'SELF' })).then((out) => {
        done = true;
        return out;
      });
      await sub.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
      await ownerEu.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
      const deadline = Date.now() + 5000;
      while (h.held() < 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal(h.held(), 1, 'only the owner in us-east-1 is held');
      assert.equal(done, false);
      assert.equal(h.release(), 1);
      const out = await pending;
      assert.deepEqual(
        out.shares?.map((s) => s.shareId),
        ['owner-1'],
      );
      const rec = h.requests.find((r) => r.account === OWNER.id && r.region === REGION);
      assert.ok((rec?.heldMs ?? -1) >= 0);
      // A second held request is let go by clearFaults (nothing can hang forever).
      const again = owner.send(new ListSharesCommand({ resourceOwner: 'OTHER' }));
      while (h.held() < 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      h.clearFaults();
      await again;
      assert.throws(() => h.setFaults({ hold: { region: 'Europe' } }), /faults\.hold\.region/);
      assert.throws(() => h.setFaults({ hold: { count: 1 } as never }), /unknown field "count"/);
      for (const c of [owner, sub, ownerEu]) {
        c.destroy();
      }
    } finally {
      await h.close();
    }
  });
});
