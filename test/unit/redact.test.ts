import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { Emitter } from '../../src/core/events';
import type { Logger } from '../../src/core/logger';
import { redactingLogger } from '../../src/core/logger';
import { redact } from '../../src/core/redact';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6Zm9vYmFyYmF6cXV4' + 'Ab1'.repeat(60);

describe('redact', () => {
  // [input, expected output]
  const masked: [string, string][] = [
    [`aws_secret_access_key = ${SECRET}`, 'aws_secret_access_key = [redacted]'],
    [`aws_session_token=${TOKEN}`, 'aws_session_token=[redacted]'],
    [`AWS_SECRET_ACCESS_KEY: ${SECRET}`, 'AWS_SECRET_ACCESS_KEY: [redacted]'],
    [
      `{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"${SECRET}","SessionToken":"${TOKEN}"}`,
      '{"AccessKeyId":"ASIA[redacted]","SecretAccessKey":"[redacted]","SessionToken":"[redacted]"}',
    ],
    [
      `{"accessToken": "eyJhbGciOi.x.y", "refreshToken": "r-1", "clientSecret": "c-2"}`,
      '{"accessToken": "[redacted]", "refreshToken": "[redacted]", "clientSecret": "[redacted]"}',
    ],
    [
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/us-east-1/omics/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      'Authorization: AWS4-HMAC-SHA256 Credential=[redacted], SignedHeaders=host;x-amz-date, Signature=[redacted]',
    ],
    [
      '?X-Amz-Credential=AKID%2F2026&X-Amz-Signature=abc123&X-Amz-Security-Token=tok',
      '?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]',
    ],
    [`a bare secret ${SECRET} in text`, 'a bare secret [redacted] in text'],
    [`token ${TOKEN}.`, 'token [redacted].'],
    ['key AKIAIOSFODNN7EXAMPLE', 'key AKIA[redacted]'],
    ['TokenCode=123456', 'TokenCode=[redacted]'],
  ];
  for (const [input, expected] of masked) {
    it(`masks ${input.slice(0, 40)}…`, () => {
      const out = redact(input);
      assert.equal(out, expected);
      assert.ok(!out.includes(SECRET) && !out.includes(TOKEN));
    });
  }

  // Things that look long or random but are not secrets must survive.
  const kept = [
    'arn:aws:omics:us-west-2:555555555555:variantStore/omics_dev_var_store',
    'share 495c21bedc889d07d0ab69d710a6841e-dd75ab7a1a9c384fa848b5bd8e5a7e0a not found',
    'Could not resolve credentials using profile: [dev] in configuration/credentials file(s).',
    'cannot read /Users/JaneDoe/Projects/Omics2024/Configuration/Settings/Main',
    'sha1 file 5d672d79c15b13162d9279b0855cfba6789a8edb.json',
    'Incorrect password for user',
  ];
  for (const text of kept) {
    it(`keeps ${text.slice(0, 40)}…`, () => assert.equal(redact(text), text));
  }
});

describe('redactingLogger', () => {
  it('redacts messages, string and Error arguments, and objects', () => {
    const lines: unknown[][] = [];
    const sink = (...a: unknown[]) => lines.push(a);
    const inner: Logger = { trace: sink, debug: sink, info: sink, warn: sink, error: sink };
    const log = redactingLogger(inner);
    log.info(
      `secret ${SECRET}`,
      `x=${SECRET}`,
      new Error(`aws_secret_access_key=${SECRET}`),
      { SecretAccessKey: SECRET },
      42,
    );
    log.error('plain');
    assert.equal(lines.length, 2);
    assert.ok(!JSON.stringify(lines).includes(SECRET), JSON.stringify(lines));
    assert.equal(lines[0][0], 'secret [redacted]');
    assert.equal(lines[0][2], 'Error: aws_secret_access_key=[redacted]');
    assert.equal(lines[0][4], 42);
    assert.deepEqual(lines[1], ['plain']);
  });
});

describe('Emitter', () => {
  it('isolates a throwing listener and supports unsubscribing', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((e) => errors.push(e));
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('bad listener');
    });
    const sub = emitter.event((n) => seen.push(n));
    emitter.fire(1);
    sub.dispose();
    emitter.fire(2);
    assert.deepEqual(seen, [1]);
    assert.equal(errors.length, 2);
    assert.equal(emitter.listenerCount, 1);
  });
});
