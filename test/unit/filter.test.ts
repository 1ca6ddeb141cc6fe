import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOmicsArn, resourceTypeOfArn } from '../../src/core/arn';
import { deserializeFilter, describeFilter, parseArnList, validateFilterArgument } from '../../src/core/filter';
import { buildListSharesInput } from '../../src/core/sharesApi';

const WF = 'arn:aws:omics:us-east-1:123456789012:workflow/1234567';
const VS = 'arn:aws:omics:us-west-2:555555555555:variantStore/omics_dev_var_store';
const AS = 'arn:aws:omics:us-east-1:123456789012:annotationStore/my_annotation_store';

describe('parseArnList', () => {
  it('splits on commas, spaces and new lines and drops duplicates', () => {
    const r = parseArnList(`${WF}, ${VS}\n${AS}  ${WF}\n\n`);
    assert.deepEqual(r, { ok: true, value: [WF, VS, AS] });
  });

  it('accepts an empty box as no ARNs', () => {
    assert.deepEqual(parseArnList('  \n '), { ok: true, value: [] });
  });

  it('says exactly which entry is wrong and why', () => {
    const r = parseArnList(`${WF}, arn:aws:omics:us-east-1:123456789012:workflow/abc, ${VS}`);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /^Entry 2 \(arn:aws:omics:us-east-1:123456789012:workflow\/abc\): /);
  });

  it('rejects version ARNs, other resource kinds and bad accounts', () => {
    for (const bad of [
      'arn:aws:omics:us-east-1:123456789012:annotationStore/x/version/v1',
      'arn:aws:omics:us-east-1:123456789012:sequenceStore/1234567890',
      'arn:aws:omics:us-east-1:12345678901:workflow/1',
      'arn:aws:omics:us-east-1:123456789012:variantStore/My-Store',
    ]) {
      const r = parseArnList(bad);
      assert.equal(r.ok, false, bad);
      assert.match(r.ok ? '' : r.message, /^Entry 1 /);
    }
  });

  it('allows at most 10 distinct ARNs', () => {
    const arns = Array.from({ length: 11 }, (_, i) => `arn:aws:omics:us-east-1:123456789012:workflow/${i + 1}`);
    const r = parseArnList(arns.join(','));
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /At most 10 ARNs .*got 11/);
    assert.equal(parseArnList(arns.slice(0, 10).join(',')).ok, true);
  });
});

describe('validateFilterArgument (keybindings.json arguments)', () => {
  it('accepts statuses, types and ARNs and normalises them', () => {
    const r = validateFilterArgument({
      status: ['ACTIVE', 'PENDING', 'ACTIVE'],
      type: ['WORKFLOW'],
      resourceArns: [WF],
    });
    assert.deepEqual(r, { ok: true, value: { status: ['PENDING', 'ACTIVE'], type: ['WORKFLOW'], resourceArns: [WF] } });
  });

  it('treats {} and empty lists as "no filter"', () => {
    assert.deepEqual(validateFilterArgument({}), { ok: true, value: undefined });
    assert.deepEqual(validateFilterArgument({ status: [], type: [] }), { ok: true, value: undefined });
  });

  it('rejects unknown fields, unknown values, wrong shapes and bad ARNs with a clear message', () => {
    const cases: [unknown, RegExp][] = [
      ['PENDING', /must be an object/],
      [['PENDING'], /must be an object/],
      [{ statuses: ['PENDING'] }, /Unknown filter field\(s\): statuses/],
      [{ status: 'PENDING' }, /"status" must be a list of strings/],
      [{ status: ['pending'] }, /Unknown status "pending"/],
      [{ type: ['SEQUENCE_STORE'] }, /Unknown resource type "SEQUENCE_STORE"/],
      [{ resourceArns: ['arn:aws:s3:::bucket'] }, /Entry 1 \(arn:aws:s3:::bucket\)/],
    ];
    for (const [arg, message] of cases) {
      const r = validateFilterArgument(arg);
      assert.equal(r.ok, false, JSON.stringify(arg));
      assert.match(r.ok ? '' : r.message, message);
    }
  });
});

describe('the filter as the user sees it and as it is sent', () => {
  it('describes itself in a few words', () => {
    assert.equal(describeFilter(undefined), undefined);
    assert.equal(describeFilter({ status: ['ACTIVE', 'PENDING'], type: ['WORKFLOW'] }), 'Pending, Active · Workflow');
    assert.equal(describeFilter({ resourceArns: [WF] }), '1 ARN');
    assert.equal(describeFilter({ resourceArns: [WF, VS], type: [] }), '2 ARNs');
  });

  it('becomes the ListShares request body filter, without empty lists', () => {
    const v = validateFilterArgument({ status: ['PENDING'], type: [], resourceArns: [AS] });
    assert.ok(v.ok);
    const input = buildListSharesInput({ resourceOwner: 'OTHER', filter: v.value, maxResults: 50 });
    assert.deepEqual(input, {
      resourceOwner: 'OTHER',
      maxResults: 50,
      filter: { resourceArns: [AS], status: ['PENDING'] },
    });
  });

  it('round-trips through storage and drops a stored value that no longer validates', () => {
    const stored = JSON.parse(JSON.stringify({ status: ['FAILED'], type: ['VARIANT_STORE'] })) as unknown;
    assert.deepEqual(deserializeFilter(stored), { status: ['FAILED'], type: ['VARIANT_STORE'] });
    assert.equal(deserializeFilter({ status: ['GONE'] }), undefined);
    assert.equal(deserializeFilter(undefined), undefined);
    assert.equal(deserializeFilter('garbage'), undefined);
  });
});

describe('resourceTypeOfArn (the fast path used when mapping pages)', () => {
  it('agrees with parseOmicsArn on valid and invalid ARNs', () => {
    const samples = [
      WF,
      VS,
      AS,
      'arn:aws-us-gov:omics:us-gov-west-1:123456789012:workflow/9876543',
      'arn:aws-cn:omics:cn-north-1:123456789012:variantStore/abc',
      'arn:aws:omics:us-east-1:123456789012:annotationStore/x/version/v1',
      'arn:aws:omics:us-east-1:123456789012:variantStore/My-Store',
      'arn:aws:omics:us-east-1:123456789012:workflow/abc',
      'arn:aws:omics:us-east-1:12345678901:workflow/1',
      'arn:aws:omics:us-east-1:123456789012:sequenceStore/123',
      'arn:aws:s3:us-east-1:123456789012:workflow/1',
      'arn:bogus:omics:us-east-1:123456789012:workflow/1',
      'arn:aws:omics:us-east-1:123456789012:workflow/1234567890123456789',
      'arn:aws:omics:useast1:123456789012:workflow/1',
      'arn:aws:omics:us-east-1:123456789012:variantStore/ab',
      ' arn:aws:omics:us-east-1:123456789012:workflow/1',
      '',
    ];
    for (const arn of samples) {
      assert.equal(resourceTypeOfArn(arn), parseOmicsArn(arn)?.resourceType, arn);
    }
    assert.equal(resourceTypeOfArn(WF), 'WORKFLOW');
    assert.equal(resourceTypeOfArn(VS), 'VARIANT_STORE');
  });
});
