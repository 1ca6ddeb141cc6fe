import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { consoleUrl, goToArnUrl } from '../../src/core/consoleUrl';

const arn = (resource: string, partition = 'aws', region = 'us-east-1'): { resourceArn: string } => ({
  resourceArn: `arn:${partition}:omics:${region}:123456789012:${resource}`,
});

describe('consoleUrl', () => {
  it('deep-links each resource type', () => {
    const home = 'https://us-east-1.console.aws.amazon.com/omics/home?region=us-east-1';
    assert.equal(consoleUrl(arn('workflow/1234567'), 'us-east-1', 'aws'), `${home}#/workflows/1234567`);
    assert.equal(consoleUrl(arn('variantStore/my_store'), 'us-east-1'), `${home}#/variantStores/my_store`);
    assert.equal(consoleUrl(arn('annotationStore/ann_1'), 'us-east-1'), `${home}#/annotationStores/ann_1`);
  });

  it('uses the partition’s console domain', () => {
    assert.equal(
      consoleUrl(arn('workflow/1', 'aws-cn', 'cn-north-1'), 'cn-north-1', 'aws-cn'),
      'https://cn-north-1.console.amazonaws.cn/omics/home?region=cn-north-1#/workflows/1',
    );
    assert.equal(
      consoleUrl(arn('workflow/1', 'aws-us-gov', 'us-gov-west-1'), 'us-gov-west-1', 'aws-us-gov'),
      'https://us-gov-west-1.console.amazonaws-us-gov.com/omics/home?region=us-gov-west-1#/workflows/1',
    );
    assert.equal(consoleUrl(arn('workflow/1', 'aws-iso'), 'us-iso-east-1', 'aws-iso'), undefined);
  });

  it('falls back for unparseable or missing ARNs, and refuses a bad region', () => {
    const odd = 'arn:aws:omics:us-east-1:123456789012:sequenceStore/1';
    assert.equal(consoleUrl({ resourceArn: odd }, 'us-east-1'), goToArnUrl(odd));
    assert.equal(
      consoleUrl({ resourceArn: '' }, 'eu-west-2'),
      'https://eu-west-2.console.aws.amazon.com/omics/home?region=eu-west-2',
    );
    assert.equal(consoleUrl(arn('workflow/1'), 'evil.com/x?'), undefined);
  });
});

describe('goToArnUrl', () => {
  it('encodes the ARN', () => {
    assert.equal(
      goToArnUrl('arn:aws:omics:us-east-1:123456789012:workflow/1'),
      'https://console.aws.amazon.com/go/view?arn=arn%3Aaws%3Aomics%3Aus-east-1%3A123456789012%3Aworkflow%2F1',
    );
    assert.equal(goToArnUrl('x#y&z'), 'https://console.aws.amazon.com/go/view?arn=x%23y%26z');
    assert.equal(goToArnUrl('arn', 'aws-cn'), 'https://console.amazonaws.cn/go/view?arn=arn');
    assert.equal(goToArnUrl('arn', 'aws-iso'), undefined);
  });
});
