/**
 * The emulator CLI (and the generator CLI), run as child processes.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { ListSharesCommand, OmicsClient } from '@aws-sdk/client-omics';
import { startEmulator } from '../emulator/server';
import { DEMO_OWNER, describe, it, listAll, share, wfArn } from './helpers';

const CLI = path.join(__dirname, '..', 'emulator', 'cli.js');
const GENERATE = path.join(__dirname, '..', 'emulator', 'generate.js');
const LISTENING = /^HealthOmics emulator listening on http:\/\/127\.0\.0\.1:(\d+)$/;

const tmp = mkdtempSync(path.join(tmpdir(), 'omics-emulator-cli-'));
const children = new Set<ChildProcess>();
after(() => {
  for (const c of children) {
    c.kill('SIGKILL');
  }
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line, or rejects if the process exits first. */
  firstLine: Promise<string>;
}

function run(script: string, args: string[]): Run {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // the CLIs stay silent when loaded by the test runner without arguments
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        resolve(out.slice(0, nl));
      }
    });
    void exited.then(({ code }) => reject(new Error(`exited with ${code}: ${err}`)));
  });
  firstLine.catch(() => undefined);
  child.stderr?.on('data', (chunk: string) => {
    err += chunk;
  });
  return { child, stdout: () => out, stderr: () => err, exited, firstLine };
}

function demoClient(url: string): OmicsClient {
  return new OmicsClient({
    region: 'us-east-1',
    endpoint: url,
    disableHostPrefix: true,
    maxAttempts: 1,
    credentials: { accessKeyId: DEMO_OWNER.accessKeyId, secretAccessKey: DEMO_OWNER.secretAccessKey },
  });
}

describe('emulator CLI', () => {
  it('prints exactly the listening line, serves the demo data and stops cleanly on SIGTERM', async () => {
    const r = run(CLI, ['--port', '0', '--data', 'demo', '--page-size', '7', '--activation-delay', '10']);
    const line = await r.firstLine;
    const m = LISTENING.exec(line);
    assert.ok(m, line);
    const url = `http://127.0.0.1:${m[1]}`;
    const c = demoClient(url);
    try {
      const out = await c.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
      assert.equal(out.shares?.length, 7, '--page-size sets the default page size');
      assert.ok(out.nextToken);
    } finally {
      c.destroy();
    }
    r.child.kill('SIGTERM');
    assert.deepEqual(await r.exited, { code: 0, signal: null });
    assert.equal(r.stdout(), `${line}\n`);
    assert.equal(r.stderr(), '');
  });

  it('stops cleanly on SIGINT; --verbose logs one line per request', async () => {
    const r = run(CLI, ['--data=demo', '--verbose']);
    const m = LISTENING.exec(await r.firstLine);
    assert.ok(m);
    const c = demoClient(`http://127.0.0.1:${m[1]}`);
    try {
      await c.send(new ListSharesCommand({ resourceOwner: 'OTHER' }));
    } finally {
      c.destroy();
    }
    r.child.kill('SIGINT');
    assert.deepEqual(await r.exited, { code: 0, signal: null });
    assert.match(r.stdout(), /\n\S+ ListShares 111122223333 us-east-1 200 OTHER returned=\d+/);
  });

  it('rejects unknown or bad flags with a one-line error and the usage', async () => {
    for (const [args, message] of [
      [['--bogus'], 'Unknown option --bogus'],
      [['--port', 'abc'], '--port must be an integer from 0 to 65535, got "abc"'],
      [['--port'], '--port needs a value'],
      [['--page-size', '101'], '--page-size must be an integer from 1 to 100, got "101"'],
      [['--data'], '--data needs a file name or "demo"'],
      [['extra'], 'Unexpected argument "extra"'],
    ] as const) {
      const r = run(CLI, [...args]);
      const { code } = await r.exited;
      assert.equal(code, 2, args.join(' '));
      const [first, second] = r.stderr().split('\n');
      assert.equal(first, message);
      assert.match(second ?? '', /^Usage: /);
      assert.equal(r.stdout(), '');
    }
  });

  it('names the field and the share of a bad data file', async () => {
    const file = path.join(tmp, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        accounts: [DEMO_OWNER],
        shares: [
          share({ id: 'good-one', arn: wfArn(DEMO_OWNER.id, '1'), subscriber: '444455556666' }),
          { ...share({ id: 'bad-one', arn: wfArn(DEMO_OWNER.id, '2'), subscriber: '444455556666' }), status: 'BOGUS' },
        ],
      }),
    );
    const r = run(CLI, ['--data', file]);
    assert.equal((await r.exited).code, 1);
    assert.equal(
      r.stderr(),
      `Invalid data file ${file}: shares[1] (shareId bad-one): status "BOGUS" is not one of PENDING, ACTIVATING, ACTIVE, DELETING, DELETED, FAILED\n`,
    );
    const missing = run(CLI, ['--data', path.join(tmp, 'missing.json')]);
    assert.equal((await missing.exited).code, 1);
    assert.match(missing.stderr(), /^Cannot read data file .*missing\.json: ENOENT/);
    const notJson = path.join(tmp, 'not.json');
    writeFileSync(notJson, '{ nope');
    const bad = run(CLI, ['--data', notJson]);
    assert.equal((await bad.exited).code, 1);
    assert.match(bad.stderr(), /^Data file .*not\.json is not valid JSON: /);
  });

  it('reports a port in use', async () => {
    const em = await startEmulator({ data: { accounts: [], shares: [] } });
    try {
      const r = run(CLI, ['--port', String(em.port)]);
      assert.equal((await r.exited).code, 1);
      assert.equal(r.stderr(), `Port ${em.port} is already in use\n`);
    } finally {
      await em.close();
    }
  });

  it('serves a set written by the generator CLI', async () => {
    const file = path.join(tmp, 'big.json');
    const g = run(GENERATE, ['--shares', '600', '--status', 'ACTIVE', '--seed', '3', '--out', file]);
    assert.equal((await g.exited).code, 0, g.stderr());
    assert.match(g.stderr(), /Wrote 600 shares/);
    const r = run(CLI, ['--data', file]);
    const m = LISTENING.exec(await r.firstLine);
    assert.ok(m);
    const c = demoClient(`http://127.0.0.1:${m[1]}`);
    try {
      const { shares } = await listAll(c, () => ({ resourceOwner: 'SELF' }), 100);
      assert.ok(shares.length > 300);
      assert.ok(shares.every((s) => s.status === 'ACTIVE' && s.ownerId === DEMO_OWNER.id));
    } finally {
      c.destroy();
      r.child.kill('SIGTERM');
      await r.exited;
    }
  });
});
