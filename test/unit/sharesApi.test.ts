/**
 * OmicsSharesApi over a REAL OmicsClient (from createOmicsClient) talking to a tiny node:http server on
 * 127.0.0.1:0 that records each request and answers with canned JSON: this checks what actually goes on the wire
 * and how real SDK responses and errors are mapped.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from './testing';
import type { OmicsClient } from '@aws-sdk/client-omics';
import { describeError } from '../../src/core/errors';
import { buildListSharesInput, createOmicsClient, OmicsSharesApi } from '../../src/core/sharesApi';
import type { ListSharesRequest } from '../../src/core/sharesApi';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}
/** Returns the reply, or undefined to hold the request open (for abort tests). */
type Handler = (req: Received) => Reply | undefined;

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const ctx = { operation: 'ListShares', profile: 'demo', region: 'us-east-1' };

describe('OmicsSharesApi against a local HTTP server', () => {
  let server: http.Server;
  let endpoint: string;
  let received: Received[] = [];
  let handler: Handler = () => ({ body: '{"shares":[]}' });
  const clients: OmicsClient[] = [];

  function newClient(maxAttempts = 1): OmicsClient {
    const client = createOmicsClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts });
    clients.push(client);
    return client;
  }
  const api = (maxAttempts = 1): OmicsSharesApi => new OmicsSharesApi(newClient(maxAttempts));

  before(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: Received = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        };
        received.push(r);
        const reply = handler(r);
        if (reply) {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    received = [];
    handler = () => ({ body: '{"shares":[]}' });
  });

  after(async () => {
    clients.forEach((c) => c.destroy());
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('configures the client: host prefix off only with a custom endpoint, standard retries, maxAttempts', async () => {
    const plain = createOmicsClient({ region: 'us-west-2', credentials: CREDENTIALS });
    clients.push(plain);
    const custom = newClient(5);
    assert.equal(plain.config.disableHostPrefix, false);
    assert.equal(custom.config.disableHostPrefix, true);
    assert.equal(custom.config.retryMode, 'standard');
    assert.equal(await custom.config.maxAttempts(), 5);
  });

  it('sends owner and filter in the body, paging in the query, and omits empty filter lists', async () => {
    await api().listShares({
      resourceOwner: 'SELF',
      filter: { status: ['ACTIVE', 'PENDING'], resourceArns: [], type: [] },
      nextToken: 'abc/+= x',
      maxResults: 25,
    });
    assert.equal(received.length, 1);
    const r = received[0];
    assert.equal(r.method, 'POST');
    assert.equal(r.url, '/shares?maxResults=25&nextToken=abc%2F%2B%3D%20x', 'no analytics- host prefix, no base path');
    assert.deepEqual(JSON.parse(r.body), { resourceOwner: 'SELF', filter: { status: ['PENDING', 'ACTIVE'] } });
    assert.match(String(r.headers.authorization), /Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/omics\/aws4_request/);
    assert.equal(r.headers.host, new URL(endpoint).host);
  });

  it('sends no filter at all when every list is empty, and no token for the first page', async () => {
    await api().listShares({ resourceOwner: 'OTHER', filter: { status: [], type: [] }, maxResults: 50 });
    assert.equal(received[0].url, '/shares?maxResults=50');
    assert.equal(received[0].body, '{"resourceOwner":"OTHER"}');
  });

  it('builds a fresh input per call and never mutates the request', async () => {
    const req: ListSharesRequest = { resourceOwner: 'SELF', filter: { type: ['WORKFLOW'] }, maxResults: 10 };
    const before = structuredClone(req);
    const a = buildListSharesInput(req);
    const b = buildListSharesInput(req);
    assert.notEqual(a, b);
    assert.notEqual(a.filter?.type, req.filter?.type, 'no aliasing of the caller’s arrays');
    const client = newClient();
    await new OmicsSharesApi(client).listShares(req);
    await new OmicsSharesApi(client).listShares(req);
    assert.deepEqual(req, before);
    assert.equal(received[0].body, received[1].body);
  });

  it('maps shares, parses ISO timestamps, and returns nextToken and the request id', async () => {
    handler = () => ({
      headers: { 'x-amzn-requestid': 'req-123' },
      body: JSON.stringify({
        nextToken: 'page-2',
        shares: [
          {
            shareId: '495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a',
            resourceArn: 'arn:aws:omics:us-east-1:111111111111:variantStore/my_store',
            resourceId: 'a3b6c1d2-0000-4000-8000-000000000000',
            principalSubscriber: '222222222222',
            ownerId: '111111111111',
            status: 'ACTIVE',
            statusMessage: 'ok',
            shareName: 'to-lab',
            creationTime: '2024-05-01T12:34:56.789Z',
            updateTime: '2024-05-02T00:00:00Z',
          },
        ],
      }),
    });
    const page = await api().listShares({ resourceOwner: 'SELF', maxResults: 50 });
    assert.equal(page.nextToken, 'page-2');
    assert.equal(page.requestId, 'req-123');
    assert.deepEqual(page.items, [
      {
        key: '495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a',
        shareId: '495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a',
        resourceArn: 'arn:aws:omics:us-east-1:111111111111:variantStore/my_store',
        resourceId: 'a3b6c1d2-0000-4000-8000-000000000000',
        resourceType: 'VARIANT_STORE',
        principalSubscriber: '222222222222',
        ownerId: '111111111111',
        status: 'ACTIVE',
        statusMessage: 'ok',
        shareName: 'to-lab',
        creationTime: new Date('2024-05-01T12:34:56.789Z'),
        updateTime: new Date('2024-05-02T00:00:00Z'),
      },
    ]);
  });

  it('treats a missing shares member (empty body) as an empty last page', async () => {
    handler = () => ({ body: '{}' });
    assert.deepEqual(await api().listShares({ resourceOwner: 'SELF', maxResults: 5 }), { items: [] });
    handler = () => ({ body: '' });
    assert.deepEqual(await api().listShares({ resourceOwner: 'SELF', maxResults: 5 }), { items: [] });
  });

  it('keeps shares with missing fields, giving them a stable key and an UNKNOWN status', async () => {
    const odd = { resourceArn: 'arn:aws:omics:us-east-1:111111111111:workflow/42', ownerId: '1', status: 'EXPIRED' };
    handler = () => ({ body: JSON.stringify({ shares: [odd, {}], nextToken: '' }) });
    const client = newClient();
    const page = await new OmicsSharesApi(client).listShares({ resourceOwner: 'SELF', maxResults: 5 });
    const again = await new OmicsSharesApi(client).listShares({ resourceOwner: 'SELF', maxResults: 5 });
    assert.equal(page.nextToken, undefined, 'an empty token ends the list');
    const [a, b] = page.items;
    assert.equal(a.shareId, undefined);
    assert.equal(a.status, 'UNKNOWN');
    assert.equal(a.rawStatus, 'EXPIRED');
    assert.equal(a.resourceType, 'WORKFLOW');
    assert.match(a.key, /^no-share-id:arn:aws:omics:us-east-1:111111111111:workflow\/42\|1\|/);
    assert.equal(a.key, again.items[0].key, 'the synthetic key is the same on every refresh');
    assert.deepEqual(b, {
      key: 'no-share-id:|||',
      resourceArn: '',
      resourceId: '',
      ownerId: '',
      principalSubscriber: '',
      status: 'UNKNOWN',
    });
  });

  it('aborts a request in flight', async () => {
    handler = () => undefined; // never answers
    const controller = new AbortController();
    const pending = api().listShares({ resourceOwner: 'SELF', maxResults: 5 }, controller.signal);
    while (received.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort();
    const err = await pending.then(
      () => assert.fail('should reject'),
      (e: unknown) => e,
    );
    assert.equal((err as Error).name, 'AbortError');
    assert.equal(describeError(err, ctx).kind, 'cancelled');
  });

  it('surfaces service errors that describeError maps, with the request id', async () => {
    handler = () => ({
      status: 403,
      headers: { 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': 'rid-403' },
      body: '{"message":"User is not authorized to perform omics:ListShares"}',
    });
    const err = await api()
      .listShares({ resourceOwner: 'SELF', maxResults: 5 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const d = describeError(err, ctx);
    assert.equal(d.kind, 'accessDenied');
    assert.equal(d.title, 'Access denied: omics:ListShares');
    assert.match(d.detail, /Profile "demo" is not allowed to call omics:ListShares in us-east-1/);
    assert.equal(d.requestId, 'rid-403');
  });

  it('maps an empty 403 (name "Unknown") by its HTTP status', async () => {
    handler = () => ({ status: 403, body: '' });
    const err = await api()
      .listShares({ resourceOwner: 'SELF', maxResults: 5 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.equal(describeError(err, ctx).kind, 'accessDenied');
  });

  it('retries a 500 up to maxAttempts, then reports a server error', async () => {
    handler = () => ({
      status: 500,
      headers: { 'x-amzn-errortype': 'InternalServerException' },
      body: '{"message":"boom"}',
    });
    const err = await api(2)
      .listShares({ resourceOwner: 'SELF', maxResults: 5 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.equal(received.length, 2);
    const d = describeError(err, ctx);
    assert.equal(d.kind, 'server');
    assert.equal(d.retryable, true);
  });

  it('reports an HTML 502 as an unreadable response', async () => {
    handler = () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' });
    const err = await api()
      .listShares({ resourceOwner: 'SELF', maxResults: 5 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const d = describeError(err, ctx);
    assert.equal(d.kind, 'server');
    assert.equal(d.title, 'Unreadable response: ListShares');
  });

  it('reports a refused connection as a network error naming the endpoint', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const deadEndpoint = `http://127.0.0.1:${port}`;
    const client = createOmicsClient({
      region: 'us-east-1',
      endpoint: deadEndpoint,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    clients.push(client);
    const err = await new OmicsSharesApi(client).listShares({ resourceOwner: 'SELF', maxResults: 5 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const d = describeError(err, { ...ctx, endpoint: deadEndpoint });
    assert.equal(d.kind, 'network');
    assert.equal(d.title, `Cannot reach 127.0.0.1:${port}`);
    assert.match(d.detail, /refused the connection/);
  });
});
