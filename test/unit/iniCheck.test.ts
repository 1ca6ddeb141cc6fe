import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { describe, it } from './testing';
import type { IniFileKind, IniIssue } from '../../src/core/iniCheck';
import { checkIni, formatIssue } from '../../src/core/iniCheck';
import { FIXTURES_DIR, fillTemplate, materialize } from '../fixtures/aws/fixtures';

const EXPECTED = 'expected "[section]" or "key = value"';
const errors = (text: string, kind: IniFileKind = 'config'): [number, string][] =>
  checkIni(text, kind)
    .filter((i) => i.severity === 'error')
    .map((i) => [i.line, i.message]);
const hints = (text: string, kind: IniFileKind = 'config'): IniIssue[] =>
  checkIni(text, kind).filter((i) => i.severity === 'hint');

describe('checkIni: valid files never warn', () => {
  it('the fixture config and credentials files (every profile kind, sso-session, services, sub-sections)', () => {
    for (const [name, kind] of [
      ['config', 'config'],
      ['credentials', 'credentials'],
    ] as const) {
      const text = fillTemplate(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
      assert.deepEqual(checkIni(text, kind), [], name);
    }
  });

  it('comments (# and ;, whole-line and after a value), blank lines, CRLF, tabs and spacing', () => {
    const text = [
      '# comment',
      '; another',
      '',
      '[default]\t',
      'region=us-east-1 # trailing',
      '  output   =   json',
      '\tcli_pager =',
      '[profile a]\r',
      'credential_process = /bin/tool --flag=x;y',
      's3 =',
      '  max_concurrent_requests = 20',
      '[sso-session my-sso]',
      'sso_start_url = https://x.awsapps.com/start',
      '[services "dev"]',
      'omics =',
      '  endpoint_url = http://localhost:4566',
      '[profile dotted.name@x+y%z:w/v]',
      'region = eu-west-1',
    ].join('\r\n');
    assert.deepEqual(checkIni(text, 'config'), []);
    assert.deepEqual(checkIni('[default]\naws_access_key_id = A\n[work]\nregion = x\n', 'credentials'), []);
    assert.deepEqual(checkIni('', 'config'), []);
  });
});

describe('checkIni: lines the SDK ignores or misreads are errors, with their line number', () => {
  it('the malformed fixture: a key without "=", then a header without "]"', () => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, 'config-malformed'), 'utf8');
    assert.deepEqual(errors(text), [
      [7, EXPECTED],
      [8, `${EXPECTED}: the section header has no closing "]"`],
    ]);
  });

  it('…which matters: the SDK silently moves the keys below an unclosed header into the section above', async () => {
    const files = materialize({ config: 'config-malformed' });
    try {
      const parsed = await loadSharedConfigFiles({
        configFilepath: files.config,
        filepath: files.credentials,
        ignoreCache: true,
      });
      assert.equal(
        parsed.configFile['demo-subscriber']?.region,
        'eu-west-1',
        'line 9 landed in [profile demo-subscriber]',
      );
      assert.equal(parsed.configFile.broken, undefined);
    } finally {
      files.remove();
    }
  });

  const cases: [string, string, IniFileKind, [number, RegExp][]][] = [
    ['key before any section', 'region = us-east-1\n[default]\n', 'config', [[1, /before any \[section\]/]]],
    ['text before any section', 'hello\n[default]\n', 'credentials', [[1, /expected "\[section\]"/]]],
    ['no name before "="', '[default]\n= value\n', 'config', [[2, /without a name before "="/]]],
    ['empty section name', '[]\nregion = x\n', 'credentials', [[1, /empty section name/]]],
    ['spaces inside the brackets', '[ default ]\nregion = x\n', 'config', [[1, /spaces inside the brackets/]]],
    ['blocked name', '[profile __proto__]\nregion = x\n', 'config', [[1, /ignores this whole file/]]],
    ['blocked name (credentials)', '[__proto__]\n', 'credentials', [[1, /ignores this whole file/]]],
    ['space in a profile name', '[profile my dev]\nregion = x\n', 'config', [[1, /\[profile my dev\] is ignored/]]],
    ['two spaces after profile', '[profile  dev]\n', 'config', [[1, /is ignored by the AWS SDK/]]],
    ['profile without a name', '[profile]\n', 'config', [[1, /has no name/]]],
    ['unclosed header reported once', '[profile a\nregion = x\nkey = y\n', 'config', [[1, /no closing/]]],
    ['a line without "=" in a section', '[default]\naws_access_key_id AKIA\n', 'credentials', [[2, /expected/]]],
  ];
  for (const [what, text, kind, expected] of cases) {
    it(what, () => {
      const got = errors(text, kind);
      assert.equal(got.length, expected.length, JSON.stringify(got));
      expected.forEach(([line, re], i) => {
        assert.equal(got[i]?.[0], line);
        assert.match(got[i]?.[1] ?? '', re);
      });
    });
  }
});

describe('checkIni: valid ini the SDK does not use as a profile is only a hint', () => {
  it('[x] in the config file, [profile x] in the credentials file, continuation lines', () => {
    assert.deepEqual(errors('[work]\nregion = x\n'), []);
    assert.match(
      hints('[work]\nregion = x\n')[0]?.message ?? '',
      /write.*\[profile work\]|profiles there are written \[profile work\]/,
    );
    assert.match(hints('[profile work]\nregion = x\n', 'credentials')[0]?.message ?? '', /write \[work\]/);
    assert.deepEqual(errors('[default]\ncredential_process = tool\n  --more\n'), []);
    assert.equal(hints('[default]\ncredential_process = tool\n  --more\n')[0]?.line, 3);
  });
});

describe('formatIssue', () => {
  it('names the file as shown to the user and the line', () => {
    assert.equal(
      formatIssue({ file: 'config', displayPath: '~/.aws/config', line: 7, message: EXPECTED, severity: 'error' }),
      '~/.aws/config line 7: expected "[section]" or "key = value"',
    );
  });
});
