/**
 * The server-side SigV4 verifier against AWS's published Signature Version 4 test-suite vectors, so its correctness
 * does not rest on agreeing with the SDK's signer.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import * as assert from 'node:assert/strict';
import { canonicalQuery, canonicalUri, verifySignature } from '../emulator/sigv4';
import type { EmulatorAccount } from '../emulator/types';
import { describe, it } from './helpers';

// The credentials and clock of the AWS SigV4 test suite.
const EXAMPLE: EmulatorAccount = {
  id: '123456789012',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const NOW = Date.UTC(2015, 7, 30, 12, 36, 0);
const lookup = (k: string) => (k === EXAMPLE.accessKeyId ? EXAMPLE : undefined);

function vector(rawPath: string, rawQuery: string, signature: string) {
  return verifySignature(
    {
      method: 'GET',
      rawPath,
      rawQuery,
      rawHeaders: [
        'Host',
        'example.amazonaws.com',
        'X-Amz-Date',
        '20150830T123600Z',
        'Authorization',
        `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      ],
      body: Buffer.alloc(0),
    },
    lookup,
    NOW,
    'service',
  );
}

describe('SigV4 verifier', () => {
  it('accepts the test-suite vectors get-vanilla and get-vanilla-query-order-key-case', () => {
    assert.equal(vector('/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31').ok, true);
    assert.equal(
      vector('/', 'Param2=value2&Param1=value1', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500').ok,
      true,
    );
  });

  it('rejects a vector with one changed signature digit, a wrong service and a stale clock', () => {
    const bad = vector('/', '', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf30');
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.errorType, 'InvalidSignatureException');
    const wrongService = verifySignature(
      {
        method: 'GET',
        rawPath: '/',
        rawQuery: '',
        rawHeaders: [
          'Host',
          'example.amazonaws.com',
          'X-Amz-Date',
          '20150830T123600Z',
          'Authorization',
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
        ],
        body: Buffer.alloc(0),
      },
      lookup,
      NOW,
    );
    assert.equal(!wrongService.ok && wrongService.message, "Credential should be scoped to correct service: 'omics'. ");
    const stale = verifySignature(
      {
        method: 'GET',
        rawPath: '/',
        rawQuery: '',
        rawHeaders: [
          'Host',
          'example.amazonaws.com',
          'X-Amz-Date',
          '20150830T123600Z',
          'Authorization',
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
        ],
        body: Buffer.alloc(0),
      },
      lookup,
      NOW + 16 * 60 * 1000,
      'service',
    );
    assert.match(!stale.ok ? stale.message : '', /^Signature expired/);
  });

  it('canonicalises paths and queries like the suite (non-S3 rules)', () => {
    assert.equal(canonicalQuery('Param2=value2&Param1=value1'), 'Param1=value1&Param2=value2');
    assert.equal(canonicalQuery('Param1=value2&Param1=Value1'), 'Param1=Value1&Param1=value2');
    assert.equal(canonicalQuery('%E1%88%B4=bar'), '%E1%88%B4=bar');
    assert.equal(canonicalQuery('Param1=value-_.~'), 'Param1=value-_.~');
    assert.equal(
      canonicalQuery('nextToken=abc%2F%2B%3D%20x&maxResults=25'),
      'maxResults=25&nextToken=abc%2F%2B%3D%20x',
    );
    assert.equal(canonicalUri('/example/..'), '/');
    assert.equal(canonicalUri('/./'), '/');
    assert.equal(canonicalUri('//example//'), '/example/');
    assert.equal(canonicalUri('/share/a%20b%2Fc'), '/share/a%2520b%252Fc');
    assert.equal(canonicalUri('/share/'), '/share/');
  });
});
