import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Share } from '../../src/core/model';
import { oneLine, shareFields, shareJson } from '../../src/core/shareFields';

const share: Share = {
  key: 'a-b',
  shareId: 'a-b',
  resourceArn: 'arn:aws:omics:us-east-1:111122223333:workflow/1234567',
  resourceId: '1234567',
  resourceType: 'WORKFLOW',
  ownerId: '111122223333',
  principalSubscriber: '444455556666',
  status: 'FAILED',
  statusMessage: 'line one\nline two\u0007',
  shareName: 'rnaseq',
  creationTime: new Date('2025-01-02T03:04:05.000Z'),
};

describe('shareFields (tooltip rows)', () => {
  it('lists every present field in reading order, naming which side is "you"', () => {
    const rows = shareFields(share, 'SELF');
    assert.deepEqual(
      rows.map(([label]) => label),
      [
        'Name',
        'Share ID',
        'Status',
        'Status message',
        'Resource type',
        'Resource ARN',
        'Resource ID',
        'Owner (you)',
        'Subscriber',
        'Created',
      ],
    );
    assert.deepEqual(Object.fromEntries(shareFields(share, 'OTHER'))['Subscriber (you)'], '444455556666');
  });

  it('flattens control characters and new lines from server text', () => {
    assert.equal(Object.fromEntries(shareFields(share, 'SELF'))['Status message'], 'line one line two');
    assert.equal(oneLine('x'.repeat(600)).length, 500);
  });

  it('shows the raw status of an unknown status', () => {
    const rows = Object.fromEntries(shareFields({ ...share, status: 'UNKNOWN', rawStatus: 'PAUSED' }, 'SELF'));
    assert.equal(rows.Status, 'PAUSED');
  });
});

describe('shareJson (Copy as JSON)', () => {
  it('is the API ShareDetails shape with ISO timestamps and no empty fields', () => {
    assert.deepEqual(shareJson({ ...share, shareName: undefined, statusMessage: '' }), {
      shareId: 'a-b',
      resourceArn: share.resourceArn,
      resourceId: '1234567',
      principalSubscriber: '444455556666',
      ownerId: '111122223333',
      status: 'FAILED',
      creationTime: '2025-01-02T03:04:05.000Z',
    });
  });
});
