import assert from 'node:assert/strict';
import { describe, it } from './testing';
import { DEFAULT_REGION, isRegionCode, OMICS_REGIONS, omicsRegion, resolveRegion } from '../../src/core/regions';

describe('regions', () => {
  it('lists the ten HealthOmics Regions once each, with names', () => {
    assert.deepEqual(
      OMICS_REGIONS.map((r) => r.id),
      [
        'us-east-1',
        'us-east-2',
        'us-west-2',
        'ap-northeast-1',
        'ap-northeast-2',
        'ap-southeast-1',
        'eu-central-1',
        'eu-west-1',
        'eu-west-2',
        'il-central-1',
      ],
    );
    assert.ok(OMICS_REGIONS.every((r) => isRegionCode(r.id) && r.name.length > 0));
    assert.equal(omicsRegion('eu-west-2')?.name, 'Europe (London)');
    assert.equal(omicsRegion('ca-central-1'), undefined);
  });

  it('recognises Region codes, and only those', () => {
    for (const ok of ['us-east-1', 'ca-central-1', 'us-gov-west-1', 'ap-southeast-5']) {
      assert.ok(isRegionCode(ok), ok);
    }
    for (const bad of ['', 'us-east', 'US-EAST-1', 'us_east_1', 'us-east-1 ', 'useast1', 'eu-west-2a']) {
      assert.ok(!isRegionCode(bad), JSON.stringify(bad));
    }
  });
});

describe('resolveRegion: the setting, then the profile, then AWS_REGION, then us-east-1', () => {
  const all = { setting: 'eu-west-1', profileRegion: 'us-west-2', envRegion: 'ap-northeast-1' };
  it('the setting wins over everything', () => {
    assert.deepEqual(resolveRegion(all), { region: 'eu-west-1', source: 'setting' });
  });
  it("then the profile's region", () => {
    assert.deepEqual(resolveRegion({ ...all, setting: '' }), { region: 'us-west-2', source: 'profile' });
  });
  it('then AWS_REGION', () => {
    assert.deepEqual(resolveRegion({ envRegion: 'ap-northeast-1', setting: ' ' }), {
      region: 'ap-northeast-1',
      source: 'environment',
    });
  });
  it('then us-east-1', () => {
    assert.deepEqual(resolveRegion({}), { region: DEFAULT_REGION, source: 'default' });
    assert.equal(DEFAULT_REGION, 'us-east-1');
  });
  it('trims values', () => {
    assert.deepEqual(resolveRegion({ setting: '  eu-west-2 ' }), { region: 'eu-west-2', source: 'setting' });
  });
  it('skips a value that is not a Region code and reports the first one skipped', () => {
    assert.deepEqual(resolveRegion({ setting: 'Frankfurt', profileRegion: 'eu_central_1', envRegion: 'us-east-2' }), {
      region: 'us-east-2',
      source: 'environment',
      ignored: { source: 'setting', value: 'Frankfurt' },
    });
    assert.deepEqual(resolveRegion({ profileRegion: 'nope' }), {
      region: 'us-east-1',
      source: 'default',
      ignored: { source: 'profile', value: 'nope' },
    });
  });
});
