import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from './testing';
import type { AwsFilesChange } from '../../src/core/awsFiles';
import {
  awsFilePaths,
  awsHome,
  AwsFilesWatcher,
  checkAwsFiles,
  displayPath,
  fingerprint,
  readAwsFiles,
} from '../../src/core/awsFiles';

describe('awsFilePaths: resolved as the SDK resolves them', () => {
  it('HOME, then USERPROFILE, then HOMEDRIVE+HOMEPATH, then os.homedir()', () => {
    assert.equal(awsHome({ HOME: '/h', USERPROFILE: '/u' }), '/h');
    assert.equal(awsHome({ USERPROFILE: '/u', HOMEPATH: '/p' }), '/u');
    assert.equal(awsHome({ HOMEDRIVE: 'D:', HOMEPATH: '/p' }), 'D:/p');
    assert.equal(awsHome({}), os.homedir());
  });
  it('~/.aws/config and ~/.aws/credentials by default; AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE (with ~/)', () => {
    assert.deepEqual(awsFilePaths({ HOME: '/h' }), {
      home: '/h',
      config: '/h/.aws/config',
      credentials: '/h/.aws/credentials',
      ssoCache: '/h/.aws/sso/cache',
    });
    const custom = awsFilePaths({ HOME: '/h', AWS_CONFIG_FILE: '~/cfg/c', AWS_SHARED_CREDENTIALS_FILE: '/etc/aws/k' });
    assert.equal(custom.config, '/h/cfg/c');
    assert.equal(custom.credentials, '/etc/aws/k');
  });
  it('displayPath shows ~/ for files under the home directory only', () => {
    assert.equal(displayPath('/h/.aws/config', '/h'), '~/.aws/config');
    assert.equal(displayPath('/elsewhere/config', '/h'), '/elsewhere/config');
    assert.equal(displayPath('/hx/config', '/h'), '/hx/config');
  });
});

describe('readAwsFiles + checkAwsFiles', () => {
  it('a missing file is fine; one that cannot be read is an error; problems name the file as shown', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ho-files-'));
    try {
      const paths = awsFilePaths({ HOME: home });
      assert.deepEqual(checkAwsFiles(await readAwsFiles(paths), home), []);
      fs.mkdirSync(path.join(home, '.aws'));
      fs.writeFileSync(paths.config, '[default]\nregion us-east-1\n');
      fs.mkdirSync(paths.credentials); // a directory: EISDIR
      const issues = checkAwsFiles(await readAwsFiles(paths), home);
      assert.deepEqual(
        issues.map((i) => [i.file, i.displayPath, i.line, i.severity]),
        [
          ['config', '~/.aws/config', 2, 'error'],
          ['credentials', '~/.aws/credentials', 0, 'error'],
        ],
      );
      assert.match(issues[1]?.message ?? '', /cannot be read \(EISDIR\)/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('fingerprint: equal parts, equal digest; any change (or a missing part) differs; contents are not kept', () => {
    const a = fingerprint(['x', 'secret', undefined]);
    assert.equal(a, fingerprint(['x', 'secret', undefined]));
    assert.notEqual(a, fingerprint(['x', 'secret', '']));
    assert.notEqual(a, fingerprint(['xs', 'ecret', undefined]));
    assert.ok(!a.includes('secret'));
  });
});

describe('AwsFilesWatcher', () => {
  const waitFor = async (what: string, probe: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!probe()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('reports edits of the config and credentials files (debounced), and SSO cache tokens', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ho-watch-'));
    const paths = awsFilePaths({ HOME: home });
    fs.mkdirSync(paths.ssoCache, { recursive: true });
    fs.writeFileSync(paths.config, '[default]\n');
    const seen: AwsFilesChange[] = [];
    const watcher = new AwsFilesWatcher((c) => seen.push(c), 50);
    try {
      watcher.watch(paths);
      fs.appendFileSync(paths.config, 'region = us-east-1\n');
      fs.appendFileSync(paths.config, 'output = json\n');
      await waitFor('profiles', () => seen.includes('profiles'));
      await new Promise((r) => setTimeout(r, 150));
      assert.deepEqual(seen, ['profiles'], 'two quick writes, one event');
      fs.writeFileSync(path.join(paths.ssoCache, 'abc.json'), '{}');
      await waitFor('ssoCache', () => seen.includes('ssoCache'));
      fs.writeFileSync(path.join(home, '.aws', 'unrelated.txt'), 'x');
      fs.writeFileSync(paths.credentials, '[x]\n');
      await waitFor('credentials', () => seen.filter((c) => c === 'profiles').length === 2);
    } finally {
      watcher.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('starts watching ~/.aws once it is created (no AWS files at first)', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ho-watch-'));
    const paths = awsFilePaths({ HOME: home });
    const seen: AwsFilesChange[] = [];
    const watcher = new AwsFilesWatcher((c) => seen.push(c), 50);
    try {
      watcher.watch(paths);
      fs.mkdirSync(path.join(home, '.aws'));
      await waitFor('the .aws directory', () => seen.includes('profiles'));
      const before = seen.length;
      fs.writeFileSync(paths.config, '[profile new]\nregion = eu-west-1\n');
      await waitFor('the new config file', () => seen.length > before && seen.at(-1) === 'profiles');
    } finally {
      watcher.dispose();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('is silent after dispose', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ho-watch-'));
    const paths = awsFilePaths({ HOME: home });
    fs.mkdirSync(path.join(home, '.aws'));
    const seen: AwsFilesChange[] = [];
    const watcher = new AwsFilesWatcher((c) => seen.push(c), 20);
    watcher.watch(paths);
    watcher.dispose();
    fs.writeFileSync(paths.config, '[default]\n');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen, []);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
