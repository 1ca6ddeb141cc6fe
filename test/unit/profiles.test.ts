import assert from 'node:assert/strict';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { describe, it } from './testing';
import type { ParsedFiles } from '../../src/core/profiles';
import { findProfile, KIND_LABELS, listProfiles, profileKind } from '../../src/core/profiles';
import { FIXTURE_PROFILES, MFA_SERIAL, materialize } from '../fixtures/aws/fixtures';

/** The fixture files as the SDK parses them (the same loader the extension calls). */
async function parsedFixtures(extraConfig = ''): Promise<ParsedFiles> {
  const files = materialize({ extraConfig });
  try {
    const parsed = await loadSharedConfigFiles({
      configFilepath: files.config,
      filepath: files.credentials,
      ignoreCache: true,
    });
    return { configFile: parsed.configFile, credentialsFile: parsed.credentialsFile };
  } finally {
    files.remove();
  }
}

describe('listProfiles over the fixture files (parsed by the SDK)', () => {
  it('lists every profile of both files once, [default] first, the rest by name', async () => {
    const names = listProfiles(await parsedFixtures()).map((p) => p.name);
    assert.deepEqual(names, [
      'default',
      ...FIXTURE_PROFILES.filter((n) => n !== 'default').sort((a, b) => a.localeCompare(b)),
    ]);
  });

  it('leaves out [sso-session x] and [services x] sections, and a bare [x] in the config file (the SDK drops it)', async () => {
    const profiles = listProfiles(await parsedFixtures('\n[orphan]\nregion = us-east-2\n'));
    const names = profiles.map((p) => p.name);
    for (const notAProfile of ['corp', 'sso-session.corp', 'local-omics', 'services.local-omics', 'orphan']) {
      assert.ok(!names.includes(notAProfile), `${notAProfile} is not a profile`);
    }
  });

  it('gives each profile its kind, region, sources and (for MFA) the device serial', async () => {
    const byName = new Map(listProfiles(await parsedFixtures()).map((p) => [p.name, p]));
    const expect: [string, string, string | undefined, string[]][] = [
      ['default', 'incomplete', 'us-east-1', ['config']],
      ['demo-owner', 'static', 'us-east-1', ['config', 'credentials']],
      ['demo-subscriber', 'static', 'us-east-1', ['config', 'credentials']],
      ['role', 'assumeRole', 'us-west-2', ['config']],
      ['role-mfa', 'assumeRoleMfa', 'us-east-1', ['config']],
      ['sso-dev', 'sso', 'us-east-1', ['config']],
      ['legacy-sso', 'sso', undefined, ['config']],
      ['process', 'credentialProcess', 'us-east-1', ['config']],
      ['web', 'webIdentity', undefined, ['config']],
      ['with-services', 'static', 'eu-central-1', ['config']],
      ['region-only', 'incomplete', 'ap-northeast-1', ['config']],
      ['dotted.name', 'incomplete', 'eu-west-1', ['config']],
      ['creds-only', 'static', 'eu-west-2', ['credentials']],
    ];
    for (const [name, kind, region, sources] of expect) {
      const p = byName.get(name);
      assert.ok(p, name);
      assert.equal(p.kind, kind, `${name} kind`);
      assert.equal(p.region, region, `${name} region`);
      assert.deepEqual(p.sources, sources, `${name} sources`);
    }
    assert.equal(byName.get('role-mfa')?.mfaSerial, MFA_SERIAL);
    assert.equal(byName.get('role')?.mfaSerial, undefined);
  });

  it('merges per key with the credentials file winning, as the SDK does', () => {
    const files: ParsedFiles = {
      configFile: { dev: { region: 'eu-west-2', output: 'json' } },
      credentialsFile: { dev: { region: 'us-east-2', aws_access_key_id: 'A', aws_secret_access_key: 'B' } },
    };
    assert.equal(findProfile(files, 'dev')?.region, 'us-east-2');
    assert.equal(findProfile(files, 'dev')?.kind, 'static');
    assert.equal(findProfile(files, 'nope'), undefined);
  });
});

describe('profileKind follows the precedence of fromIni', () => {
  const cases: [Record<string, string>, string][] = [
    [{ role_arn: 'r', source_profile: 's', aws_access_key_id: 'a', aws_secret_access_key: 'b' }, 'assumeRole'],
    [{ role_arn: 'r', credential_source: 'Environment', mfa_serial: 'm' }, 'assumeRoleMfa'],
    [{ aws_access_key_id: 'a', aws_secret_access_key: 'b', credential_process: 'x' }, 'static'],
    [{ aws_access_key_id: 'a' }, 'incomplete'],
    [{ role_arn: 'r', web_identity_token_file: '/t' }, 'webIdentity'],
    [{ credential_process: 'x', sso_session: 's' }, 'credentialProcess'],
    [{ sso_start_url: 'u' }, 'sso'],
    [{ login_session: 'x' }, 'loginSession'],
    [{ role_arn: 'r' }, 'incomplete'],
    [{}, 'incomplete'],
  ];
  for (const [section, kind] of cases) {
    it(`${JSON.stringify(section)} → ${kind}`, () => {
      assert.equal(profileKind(section), kind);
    });
  }
  it('has a label for every kind', () => {
    for (const [, kind] of cases) {
      assert.ok(KIND_LABELS[kind as keyof typeof KIND_LABELS]);
    }
  });
});
