/**
 * Every kind of AWS profile, from the fixture ini files in test/fixtures/aws, through the real extension (its real
 * SDK fromIni, the MFA input box answered through the workbench) against the emulator with STS.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { expiredSsoToken, MFA_SERIAL, PROCESS_ACCOUNT, ROLE_ACCOUNT } from '../fixtures/aws/fixtures';
import {
  answerInputBox,
  dismiss,
  errorRow,
  MFA_CODE,
  setUpCredEnv,
  settled,
  shareNames,
  waitForInputBox,
  type CredEnv,
} from './credentialsEnv';
import { DEMO_OWNER as O, labelOf, REGION, setSettings, waitFor } from './helpers';

describe('credentials: every kind of profile (fixture ini files, emulator with STS)', function () {
  this.timeout(60_000);
  let env: CredEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('static keys: [profile x] in config + [x] in credentials, and [x] in credentials only', async () => {
    env = await setUpCredEnv();
    await env.use('demo-owner');
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-owner']);
    assert.deepEqual(shareNames(env.api, 'OTHER'), ['owned-by-subscriber', 'owned-by-process']);
    await env.use('creds-only', REGION);
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber']);
  });

  it('assume role + MFA: one input box naming the serial; the code reaches STS; the role account is listed', async () => {
    env = await setUpCredEnv();
    const shownBefore = env.api.prompts.shown;
    await env.use('role-mfa');
    void settled(env.api).catch(() => undefined); // expands the owners; both wait for the one MFA prompt
    const box = await waitForInputBox(env.api, /MFA/);
    assert.equal(box.title, 'MFA code for AWS profile role-mfa');
    assert.equal(box.prompt, `Enter the code from MFA device ${MFA_SERIAL}`);
    assert.equal(box.password, true, 'the code is masked');
    await answerInputBox(env.api, box, MFA_CODE);
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber'], `the role's account ${ROLE_ACCOUNT}`);
    assert.equal(env.api.prompts.shown, shownBefore + 1, 'one prompt for both owners');
    const sts = env.emulator.requests.filter((r) => r.operation === 'AssumeRole');
    assert.equal(sts.length, 1);
    assert.equal(sts[0]?.serialNumber, MFA_SERIAL);
    assert.equal(sts[0]?.account, O.id, 'signed with source_profile demo-owner');
    assert.equal(sts[0]?.roleSessionName, 'healthomics-mfa-test');
    const lists = env.emulator.requests.filter((r) => r.operation === 'ListShares');
    assert.ok(lists.length >= 2 && lists.every((r) => r.account === ROLE_ACCOUNT && r.accessKeyId?.startsWith('ASIA')));

    // Another region: same profile and files, so the credentials are reused (no second prompt).
    env.emulator.clearRequests();
    await setSettings({ region: 'us-east-2' });
    await env.api.ready();
    await waitFor('us-east-2', () => env!.api.connections.connection?.region === 'us-east-2');
    await settled(env.api);
    assert.equal(env.api.prompts.shown, shownBefore + 1, 'no new MFA prompt after a region switch');
    assert.deepEqual(
      env.emulator.requests.map((r) => `${r.operation} ${r.region}`),
      ['ListShares us-east-2', 'ListShares us-east-2'],
    );
  });

  it('assume role + MFA, prompt dismissed: a "MFA code not entered" row per owner, no storm; Retry asks again', async () => {
    env = await setUpCredEnv();
    const shownBefore = env.api.prompts.shown;
    await env.use('role-mfa');
    const tree = settled(env.api);
    await waitForInputBox(env.api, /MFA/);
    await dismiss(env.api);
    await tree;
    for (const which of ['SELF', 'OTHER'] as const) {
      const row = errorRow(env.api, which);
      assert.equal(row.options.error?.kind, 'mfaCancelled');
      assert.equal(labelOf(row), 'MFA code not entered for role-mfa');
      assert.equal(row.toTreeItem().command?.command, 'healthomics.retry');
    }
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(env.api.prompts.shown, shownBefore + 1, 'one prompt, dismissed once');
    assert.equal(env.api.prompts.active, undefined, 'no prompt re-opened by itself');
    assert.deepEqual(env.emulator.requests, [], 'nothing sent');

    const retry = vscode.commands.executeCommand('healthomics.retry', errorRow(env.api, 'SELF'));
    await answerInputBox(env.api, await waitForInputBox(env.api, /MFA/), MFA_CODE);
    await retry;
    await waitFor('SELF loaded', () => shareNames(env!.api, 'SELF').length > 0);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber']);
  });

  it('assume role + MFA, a wrong code: a readable credentials row (not an omics permission problem)', async () => {
    env = await setUpCredEnv();
    await env.use('role-mfa');
    const tree = settled(env.api);
    await answerInputBox(env.api, await waitForInputBox(env.api, /MFA/), '000000');
    await tree;
    const row = errorRow(env.api, 'SELF');
    assert.equal(row.options.error?.kind, 'noCredentials');
    assert.equal(labelOf(row), 'Cannot get credentials for role-mfa');
    assert.match(String(row.toTreeItem().description), /MultiFactorAuthentication failed/);
  });

  it('SSO with an expired cached token: "SSO session expired" row whose click runs aws sso login; the cache is watched', async () => {
    env = await setUpCredEnv();
    const tokenFile = env.files.writeSsoToken(expiredSsoToken(), 'corp', env.home);
    await env.use('sso-dev');
    await settled(env.api);
    const row = errorRow(env.api, 'SELF');
    assert.equal(row.options.error?.kind, 'ssoLogin');
    assert.equal(labelOf(row), 'SSO session expired for sso-dev');
    const item = row.toTreeItem();
    assert.equal(item.command?.command, 'healthomics.ssoLogin');
    assert.equal(item.contextValue, 'error.ssoLogin');
    assert.match(String(item.description), /aws sso login --profile sso-dev/);

    const before = new Set(vscode.window.terminals);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    const terminal = await waitFor('the login terminal', () =>
      vscode.window.terminals.find((t) => !before.has(t) && t.name === 'AWS SSO login (sso-dev)'),
    );
    terminal.dispose();

    // `aws sso login` writes the token cache: the tree retries by itself (still expired here, so the same row).
    const owners = env.api.tree.ownerNodes;
    fs.writeFileSync(tokenFile, JSON.stringify(expiredSsoToken()));
    await waitFor('a retry', () => env!.api.tree.ownerNodes[0] !== owners[0]);
    await settled(env.api);
    assert.equal(errorRow(env.api, 'SELF').options.error?.kind, 'ssoLogin');
    assert.ok(env.api.log.lines().some((l) => l.includes('The SSO token cache changed: retrying.')));
  });

  it('credential_process: the JSON it prints signs the requests; garbage gives a readable row', async () => {
    env = await setUpCredEnv();
    await env.use('process');
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-process']);
    const requests = env.emulator.requests.filter((r) => r.operation === 'ListShares');
    assert.ok(requests.length >= 2);
    assert.ok(
      requests.every((r) => r.accessKeyId === PROCESS_ACCOUNT.accessKeyId && r.status === 200),
      'signed with the printed key and session token (the emulator checks the token)',
    );

    await env.use('process-garbage');
    await settled(env.api);
    const row = errorRow(env.api, 'SELF');
    assert.equal(labelOf(row), 'Cannot get credentials for process-garbage');
    assert.equal(
      String(row.toTreeItem().description),
      'Profile process-garbage credential_process returned invalid JSON. Fix the profile or select another one.',
    );
    assert.equal(row.toTreeItem().command?.command, 'healthomics.selectProfile');
  });

  it('a missing profile: welcome content (no rows, state noCredentials); other profiles keep working', async () => {
    env = await setUpCredEnv();
    await env.use('no-such-profile');
    await waitFor('state noCredentials', () => env!.api.state() === 'noCredentials');
    assert.deepEqual(env.api.tree.getChildren(), [], 'an empty tree: the welcome content shows');
    assert.equal(env.api.treeView.message, undefined, 'no message hides the welcome content');
    assert.equal(env.api.statusBar.text, `$(warning) no-such-profile · ${REGION}`);
    assert.match(env.api.statusBar.tooltipText, /Profile "no-such-profile" is not in your AWS config/);
    assert.deepEqual(env.emulator.requests, []);

    await env.use('demo-owner');
    await waitFor('state ready', () => env!.api.state() === 'ready');
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-owner']);
  });

  it('a malformed config file: the message names the file and line; valid profiles keep working; fixing it clears it', async () => {
    env = await setUpCredEnv({ config: 'config-malformed' });
    await env.use('demo-owner');
    const expected = `${env.files.config} line 7: expected "[section]" or "key = value" (and 1 more: see the HealthOmics log).`;
    await waitFor('the message', () => env!.api.treeView.message?.includes(expected));
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-owner'], 'demo-owner still works');
    const logged = env.api.log.lines().filter((l) => l.includes(env!.files.config));
    assert.ok(
      logged.some((l) => l.includes('line 7: expected "[section]" or "key = value" (the AWS SDK ignores this line)')),
    );
    assert.ok(
      logged.some((l) =>
        l.includes('line 8: expected "[section]" or "key = value": the section header has no closing "]"'),
      ),
    );

    // The profile lost to the unclosed header: not found, and the message says why.
    await env.use('broken');
    await waitFor('state noCredentials', () => env!.api.state() === 'noCredentials');
    assert.match(
      env.api.treeView.message ?? '',
      /line 7: .* Profile "broken" is not in your AWS config or credentials files\./,
    );

    // Fixed outside VS Code: picked up by the file watcher, no reload, no command.
    fs.writeFileSync(
      env.files.config,
      '[profile demo-owner]\nregion = us-east-1\n\n[profile broken]\nregion = us-east-1\nsource_profile = demo-owner\nrole_arn = arn:aws:iam::444455556666:role/Fixed\n',
    );
    await waitFor('the fix', () => env!.api.state() === 'ready' && env!.api.treeView.message === undefined);
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber']);
  });
});
