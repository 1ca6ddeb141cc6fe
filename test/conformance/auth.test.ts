/**
 * Identity from the SigV4 signature, the analytics- host prefix, and region scoping.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  CreateShareCommand,
  GetShareCommand,
  ListSharesCommand,
  OmicsClient,
  type OmicsClientConfig,
} from '@aws-sdk/client-omics';
import { startEmulator, type Emulator, type EmulatorAccount, type EmulatorData } from '../emulator/server';
import {
  DEMO_OWNER as OWNER,
  DEMO_SUBSCRIBER as SUB,
  REGION,
  afterSigning,
  beforeSigning,
  client,
  describe,
  it,
  rejectsWith,
  share,
  vsArn,
  wfArn,
} from './helpers';

const SESSION: EmulatorAccount = {
  id: '121212121212',
  accessKeyId: 'ASIASESSION000000001',
  secretAccessKey: 'sessionSecret0000000000000000000000000000',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEsessionTOKEN',
};

const EU = 'eu-west-2';
const data: EmulatorData = {
  accounts: [OWNER, SUB, SESSION],
  shares: [
    share({ id: 'us-1', arn: wfArn(OWNER.id, '1'), subscriber: SUB.id, created: '2025-01-01T00:00:00Z' }),
    share({ id: 'us-2', arn: vsArn(OWNER.id, 'us_store'), subscriber: SUB.id, created: '2025-01-02T00:00:00Z' }),
    share({ id: 'eu-1', arn: wfArn(OWNER.id, '1', EU), subscriber: SUB.id, created: '2025-01-03T00:00:00Z' }),
    share({ id: 'eu-2', arn: wfArn(SUB.id, '2', EU), subscriber: OWNER.id, created: '2025-01-04T00:00:00Z' }),
    share({ id: 'session-1', arn: wfArn(SESSION.id, '3'), subscriber: OWNER.id, created: '2025-01-05T00:00:00Z' }),
  ],
};

let em: Emulator;
const clients: OmicsClient[] = [];
const track = (c: OmicsClient): OmicsClient => {
  clients.push(c);
  return c;
};

before(async () => {
  em = await startEmulator({ data });
});
after(async () => {
  for (const c of clients) {
    c.destroy();
  }
  await em.close();
});

async function rawFetch(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(`${em.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as unknown };
}

describe('identity from the signature', () => {
  it('a correctly signed request identifies the caller account', async () => {
    em.clearRequests();
    const out = await track(client(em, SUB)).send(new ListSharesCommand({ resourceOwner: 'OTHER' }));
    assert.deepEqual(
      out.shares?.map((s) => s.shareId),
      ['us-1', 'us-2'],
    );
    assert.equal(em.requests[0]?.account, SUB.id);
    assert.equal(em.requests[0]?.accessKeyId, SUB.accessKeyId);
    assert.equal(em.requests[0]?.region, REGION);
  });

  it('unsigned → 403 MissingAuthenticationTokenException, in the AWS error format', async () => {
    const r = await rawFetch('/shares', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resourceOwner":"SELF"}',
    });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    assert.match(r.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.deepEqual(r.json, { message: 'Missing Authentication Token' });
  });

  it('a non-SigV4 Authorization header → 400 IncompleteSignatureException', async () => {
    const r = await rawFetch('/share/us-1', { headers: { authorization: 'Bearer abc' } });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('x-amzn-errortype'), 'IncompleteSignatureException');
  });

  it('unknown access key → 403 UnrecognizedClientException', async () => {
    const c = track(client(em, { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }));
    const e = await rejectsWith(
      c.send(new ListSharesCommand({ resourceOwner: 'SELF' })),
      'UnrecognizedClientException',
    );
    assert.equal(e.$metadata.httpStatusCode, 403);
    assert.equal(e.message, 'The security token included in the request is invalid.');
  });

  it('wrong secret → 403 InvalidSignatureException', async () => {
    const c = track(client(em, { accessKeyId: OWNER.accessKeyId, secretAccessKey: 'wrong' }));
    const e = await rejectsWith(
      c.send(new ListSharesCommand({ resourceOwner: 'SELF' })),
      'InvalidSignatureException',
      /signature we calculated does not match/,
    );
    assert.equal(e.$metadata.httpStatusCode, 403);
    assert.equal(em.requests.at(-1)?.account, OWNER.id);
  });

  it('a request changed after signing (query, body, signed header) → InvalidSignatureException', async () => {
    const c = track(client(em, OWNER));
    const edits: ((r: Parameters<Parameters<typeof afterSigning>[1]>[0]) => void)[] = [
      (r) => {
        r.query.maxResults = '2';
      },
      // Same-length body edits, so Content-Length stays right: once with the signed payload hash header (which
      // then no longer matches) and once without it (the server hashes the body itself).
      (r) => {
        r.body = bodyText(r.body).replace('SELF', 'FLES');
      },
      (r) => {
        delete r.headers['x-amz-content-sha256'];
        r.body = bodyText(r.body).replace('SELF', 'FLES');
      },
      (r) => {
        r.headers['x-amz-user-agent'] = 'tampered';
      },
      (r) => {
        r.path = '/shares/';
      },
    ];
    for (const edit of edits) {
      const cmd = afterSigning(new ListSharesCommand({ resourceOwner: 'SELF', maxResults: 1 }), edit);
      await rejectsWith(c.send(cmd), 'InvalidSignatureException');
    }
  });

  it('a signature older than 15 minutes is rejected as expired', async () => {
    const c = track(new OmicsClient({ ...clientConfig(OWNER), systemClockOffset: -20 * 60 * 1000 }));
    await rejectsWith(
      c.send(new ListSharesCommand({ resourceOwner: 'SELF' })),
      'InvalidSignatureException',
      /^Signature expired/,
    );
  });

  it('session credentials: the x-amz-security-token must match the account', async () => {
    const good = track(client(em, SESSION, { sessionToken: SESSION.sessionToken }));
    const out = await good.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
    assert.deepEqual(
      out.shares?.map((s) => s.shareId),
      ['session-1'],
    );
    for (const sessionToken of [undefined, 'wrong-token']) {
      const bad = track(client(em, SESSION, sessionToken === undefined ? {} : { sessionToken }));
      await rejectsWith(bad.send(new ListSharesCommand({ resourceOwner: 'SELF' })), 'UnrecognizedClientException');
    }
    const unexpected = track(client(em, OWNER, { sessionToken: 'not-expected' }));
    await rejectsWith(unexpected.send(new ListSharesCommand({ resourceOwner: 'SELF' })), 'UnrecognizedClientException');
  });

  it('a signed request to an unknown route → 404 UnknownOperationException', async () => {
    const c = track(client(em, OWNER));
    for (const [method, path] of [
      ['GET', '/shares'],
      ['PUT', '/share/us-1'],
      ['POST', '/workflow'],
      ['GET', '/share/a/b'],
    ] as const) {
      const cmd = beforeSigning(new ListSharesCommand({ resourceOwner: 'SELF' }), (r) => {
        r.method = method;
        r.path = path;
      });
      const e = await rejectsWith(c.send(cmd), 'UnknownOperationException');
      assert.equal(e.$metadata.httpStatusCode, 404);
    }
  });
});

function bodyText(body: unknown): string {
  if (typeof body === 'string') {
    return body;
  }
  // The SDK's body is a Uint8Array subclass whose valueOf() warns; read its bytes directly.
  const bytes = body as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function clientConfig(account: EmulatorAccount, region = REGION): OmicsClientConfig {
  return {
    region,
    endpoint: em.url,
    disableHostPrefix: true,
    maxAttempts: 1,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
  };
}

describe('host prefix', () => {
  it('accepts requests whose signed Host carries the analytics- prefix (SDK default without disableHostPrefix)', async () => {
    const plain = track(client(em, OWNER));
    const inner = plain.config.requestHandler;
    const hosts: string[] = [];
    const prefixed = track(
      new OmicsClient({
        ...clientConfig(OWNER),
        disableHostPrefix: false,
        requestHandler: {
          // The SDK prepends analytics- to the hostname (which does not resolve): connect to 127.0.0.1 but keep
          // the signed Host header as the SDK wrote it.
          handle: (request: { hostname: string; headers: Record<string, string> }, options: unknown) => {
            hosts.push(request.headers.host ?? '');
            request.hostname = '127.0.0.1';
            return (inner.handle as (r: unknown, o: unknown) => ReturnType<typeof inner.handle>)(request, options);
          },
        },
      }),
    );
    em.clearRequests();
    const out = await prefixed.send(new GetShareCommand({ shareId: 'us-1' }));
    assert.equal(out.share?.shareId, 'us-1');
    assert.equal(hosts[0], `analytics-127.0.0.1:${em.port}`);
    assert.equal(em.requests[0]?.host, `analytics-127.0.0.1:${em.port}`);
    await plain.send(new GetShareCommand({ shareId: 'us-1' }));
    assert.equal(em.requests[1]?.host, `127.0.0.1:${em.port}`);
  });
});

describe('region scoping (shares are regional)', () => {
  it('ListShares only returns shares whose ARN region is the signing region', async () => {
    const us = track(client(em, OWNER));
    const eu = track(client(em, OWNER, { region: EU }));
    const other = track(client(em, OWNER, { region: 'ap-southeast-1' }));
    const ids = async (c: OmicsClient, owner: 'SELF' | 'OTHER') =>
      ((await c.send(new ListSharesCommand({ resourceOwner: owner }))).shares ?? []).map((s) => s.shareId);
    assert.deepEqual(await ids(us, 'SELF'), ['us-1', 'us-2']);
    assert.deepEqual(await ids(eu, 'SELF'), ['eu-1']);
    assert.deepEqual(await ids(eu, 'OTHER'), ['eu-2']);
    assert.deepEqual(await ids(us, 'OTHER'), ['session-1']);
    assert.deepEqual(await ids(other, 'SELF'), []);
    assert.equal(em.requests.at(-1)?.region, 'ap-southeast-1');
  });

  it('Get/Accept/Delete of a share in another region → ResourceNotFoundException', async () => {
    const us = track(client(em, SUB));
    const eu = track(client(em, SUB, { region: EU }));
    await rejectsWith(us.send(new GetShareCommand({ shareId: 'eu-1' })), 'ResourceNotFoundException');
    await rejectsWith(eu.send(new GetShareCommand({ shareId: 'us-1' })), 'ResourceNotFoundException');
    assert.equal((await eu.send(new GetShareCommand({ shareId: 'eu-1' }))).share?.shareId, 'eu-1');
  });

  it('CreateShare needs the ARN region to be the signing region', async () => {
    const us = track(client(em, OWNER));
    const eu = track(client(em, OWNER, { region: EU }));
    const input = { resourceArn: vsArn(OWNER.id, 'eu_store', EU), principalSubscriber: SUB.id };
    await rejectsWith(us.send(new CreateShareCommand(input)), 'ValidationException', /region/);
    const out = await eu.send(new CreateShareCommand(input));
    assert.equal(out.status, 'PENDING');
    const listed = await track(client(em, SUB, { region: EU })).send(new ListSharesCommand({ resourceOwner: 'OTHER' }));
    assert.ok(listed.shares?.some((s) => s.shareId === out.shareId));
  });
});
