import assert from 'node:assert/strict';
import { describe, it } from './testing';
import {
  GROUP_ORDER,
  isFilterActive,
  isShareStatus,
  normalizeFilter,
  resourceTypeLabel,
  STATUS_ORDER,
  statusLabel,
} from '../../src/core/model';

describe('model', () => {
  it('orders statuses by lifecycle, unknown last', () => {
    assert.deepEqual(STATUS_ORDER, ['PENDING', 'ACTIVATING', 'ACTIVE', 'DELETING', 'DELETED', 'FAILED']);
    assert.equal(GROUP_ORDER.at(-1), 'UNKNOWN');
    assert.equal(GROUP_ORDER.length, 7);
  });

  it('labels statuses and resource types', () => {
    assert.deepEqual(
      GROUP_ORDER.map((s) => statusLabel(s)),
      ['Pending', 'Activating', 'Active', 'Deleting', 'Deleted', 'Failed', 'Unknown status'],
    );
    assert.equal(resourceTypeLabel('VARIANT_STORE'), 'Variant store');
    assert.equal(resourceTypeLabel('ANNOTATION_STORE'), 'Annotation store');
    assert.equal(resourceTypeLabel('WORKFLOW'), 'Workflow');
    assert.equal(resourceTypeLabel(undefined), 'Unknown resource');
  });

  it('recognises only the six statuses', () => {
    assert.equal(isShareStatus('ACTIVE'), true);
    assert.equal(isShareStatus('active'), false);
    assert.equal(isShareStatus('UNKNOWN'), false);
    assert.equal(isShareStatus(undefined), false);
  });

  it('normalises filters: no empty lists, no duplicates, statuses in lifecycle order', () => {
    assert.equal(normalizeFilter(undefined), undefined);
    assert.equal(normalizeFilter({ status: [], type: [], resourceArns: [] }), undefined);
    assert.deepEqual(normalizeFilter({ status: ['FAILED', 'PENDING', 'FAILED'], resourceArns: ['a', 'a', ''] }), {
      status: ['PENDING', 'FAILED'],
      resourceArns: ['a'],
    });
    assert.equal(isFilterActive({ status: [] }), false);
    assert.equal(isFilterActive({ type: ['WORKFLOW'] }), true);
  });
});
