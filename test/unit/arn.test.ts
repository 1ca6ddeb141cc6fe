import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { formatOmicsArn, parseOmicsArn, validateShareableArn } from '../../src/core/arn';

describe('parseOmicsArn / validateShareableArn', () => {
  // The valid examples of the API notes §8, plus other partitions and the edges of each constraint.
  const valid: [string, object][] = [
    [
      'arn:aws:omics:us-west-2:555555555555:variantStore/omics_dev_var_store',
      {
        partition: 'aws',
        region: 'us-west-2',
        account: '555555555555',
        resourceType: 'VARIANT_STORE',
        resourceName: 'omics_dev_var_store',
      },
    ],
    [
      'arn:aws:omics:us-east-1:123456789012:annotationStore/my_annotation_store',
      {
        partition: 'aws',
        region: 'us-east-1',
        account: '123456789012',
        resourceType: 'ANNOTATION_STORE',
        resourceName: 'my_annotation_store',
      },
    ],
    [
      'arn:aws:omics:eu-west-2:123456789012:workflow/1234567',
      {
        partition: 'aws',
        region: 'eu-west-2',
        account: '123456789012',
        resourceType: 'WORKFLOW',
        resourceName: '1234567',
      },
    ],
    [
      'arn:aws-us-gov:omics:us-gov-west-1:123456789012:workflow/9876543',
      {
        partition: 'aws-us-gov',
        region: 'us-gov-west-1',
        account: '123456789012',
        resourceType: 'WORKFLOW',
        resourceName: '9876543',
      },
    ],
    [
      'arn:aws-cn:omics:cn-north-1:123456789012:variantStore/abc',
      {
        partition: 'aws-cn',
        region: 'cn-north-1',
        account: '123456789012',
        resourceType: 'VARIANT_STORE',
        resourceName: 'abc',
      },
    ],
    [
      `arn:aws:omics:il-central-1:123456789012:annotationStore/a${'b'.repeat(254)}`,
      {
        partition: 'aws',
        region: 'il-central-1',
        account: '123456789012',
        resourceType: 'ANNOTATION_STORE',
        resourceName: `a${'b'.repeat(254)}`,
      },
    ],
    [
      'arn:aws:omics:us-east-1:123456789012:workflow/123456789012345678',
      {
        partition: 'aws',
        region: 'us-east-1',
        account: '123456789012',
        resourceType: 'WORKFLOW',
        resourceName: '123456789012345678',
      },
    ],
  ];

  for (const [arn, parts] of valid) {
    it(`accepts ${arn.length > 80 ? `${arn.slice(0, 77)}...` : arn}`, () => {
      assert.deepEqual(parseOmicsArn(arn), parts);
      assert.deepEqual(validateShareableArn(arn), { ok: true, arn: parts });
      assert.equal(formatOmicsArn(parseOmicsArn(arn)!), arn);
    });
  }

  // The notes' "should fail a validator" list first, then one case per reason. [input, expected reason pattern]
  const base = 'arn:aws:omics:us-east-1:123456789012';
  const invalid: [unknown, RegExp][] = [
    [`${base}:annotationStore/x/version/v1`, /Version ARNs cannot be shared; share the whole annotationStore/],
    [`${base}:variantStore/My-Store`, /store name "My-Store" must start with a lowercase letter/],
    [`${base}:workflow/abc`, /workflow id "abc" must be 1–18 digits/],
    ['arn:aws:omics:us-east-1:12345678901:workflow/1', /account "12345678901" must be exactly 12 digits \(it has 11\)/],
    [
      `${base}:sequenceStore/1234567890`,
      /"sequenceStore" resources cannot be shared; only variantStore, annotationStore, workflow/,
    ],
    [`${base}:variantStore/my-store`, /may contain only lowercase letters, digits and underscores/],
    [`${base}:variantStore/ab`, /must be 3–255 characters long \(it has 2\)/],
    [`${base}:variantStore/a${'b'.repeat(255)}`, /must be 3–255 characters long \(it has 256\)/],
    [`${base}:workflow/1234567890123456789`, /workflow id "1234567890123456789" must be 1–18 digits/],
    [`${base}:workflow/`, /The workflow id after "workflow\/" is missing/],
    [`${base}:variantStore`, /The store name after "variantStore\/" is missing/],
    [`${base}:workflow/1/extra`, /Unexpected "\/extra" after the workflow name/],
    ['arn:aws:s3:us-east-1:123456789012:workflow/1', /service is "s3", expected "omics"/],
    ['arn:aws-moon:omics:us-east-1:123456789012:workflow/1', /Unknown partition "aws-moon"/],
    ['arn:aws:omics::123456789012:workflow/1', /The region is missing/],
    ['arn:aws:omics:useast1:123456789012:workflow/1', /"useast1" is not a region code/],
    ['arn:aws:omics:us-east-1:abcdefghijkl:workflow/1', /account "abcdefghijkl" must be exactly 12 digits\.$/],
    ['arn:aws:omics:us-east-1:123456789012', /6 colon-separated parts.*this one has 5/],
    ['arn:aws:omics:us-east-1:123456789012:workflow/1:x', /this one has 7/],
    ['urn:aws:omics:us-east-1:123456789012:workflow/1', /must start with "arn:"/],
    [` ${base}:workflow/1`, /whitespace/],
    ['', /empty/],
    [undefined, /empty/],
    [42, /empty/],
  ];

  for (const [arn, reason] of invalid) {
    it(`rejects ${JSON.stringify(arn)?.slice(0, 80) ?? String(arn)}`, () => {
      const result = validateShareableArn(arn);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
      assert.equal(parseOmicsArn(arn), undefined);
    });
  }

  it('keeps a reason short when the input is huge', () => {
    const result = validateShareableArn(`${base}:variantStore/${'X'.repeat(5000)}`);
    assert.ok(!result.ok && result.reason.length < 200, result.ok ? '' : result.reason);
  });

  it('does not treat Object.prototype names as resource types', () => {
    const result = validateShareableArn(`${base}:constructor/abc`);
    assert.deepEqual(result, {
      ok: false,
      reason: '"constructor" resources cannot be shared; only variantStore, annotationStore, workflow can.',
    });
    assert.equal(parseOmicsArn(`${base}:toString/abc`), undefined);
  });
});
