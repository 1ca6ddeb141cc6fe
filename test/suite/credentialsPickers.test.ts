/**
 * The profile and region quick picks, answered through the workbench (focus moved with
 * workbench.action.quickOpenSelectNext, accepted with workbench.action.acceptSelectedQuickOpenItem), the settings
 * they save, the region default chain, and the status bar.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE_PROFILES, MFA_SERIAL } from '../fixtures/aws/fixtures';
import {
  acceptItem,
  answerInputBox,
  dismiss,
  namedShare,
  setUpCredEnv,
  settled,
  shareNames,
  waitForInputBox,
  waitForQuickPick,
  type CredEnv,
} from './credentialsEnv';
import { DEMO_OWNER as O, DEMO_SUBSCRIBER as S, REGION, setSettings, waitFor } from './helpers';

/** How the pickers mark the current choice. */
const CURRENT = '$(check) current';
const setting = (key: string) => vscode.workspace.getConfiguration('healthomics').get<string>(key);
const REGIONS = [
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
];

describe('credentials: profile and region pickers, status bar', function () {
  this.timeout(60_000);
  let env: CredEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('Select AWS Profile lists every profile of both files with kind and region, marks the current one, saves the pick', async () => {
    env = await setUpCredEnv();
    await env.use('demo-owner');
    const command = vscode.commands.executeCommand('healthomics.selectProfile');
    const qp = await waitForQuickPick(env.api, 'Select AWS Profile');
    const items = qp.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'Default credential chain',
        'default',
        ...FIXTURE_PROFILES.filter((n) => n !== 'default').sort((a, b) => a.localeCompare(b)),
      ],
      'the chain, then [default], then every profile by name; no sso-session or services sections',
    );
    const detail = (label: string) => items.find((i) => i.label === label)?.detail;
    assert.equal(detail('demo-owner'), 'Static access keys · region us-east-1');
    assert.equal(detail('creds-only'), 'Static access keys · region eu-west-2', '[x] in the credentials file');
    assert.equal(detail('role'), 'Assume role · region us-west-2');
    assert.equal(detail('role-mfa'), `Assume role with MFA · region us-east-1 · MFA ${MFA_SERIAL}`);
    assert.equal(detail('sso-dev'), 'IAM Identity Center (SSO) · region us-east-1');
    assert.equal(detail('legacy-sso'), 'IAM Identity Center (SSO) · no region');
    assert.equal(detail('process'), 'credential_process · region us-east-1');
    assert.equal(detail('web'), 'Web identity · no region');
    assert.equal(detail('region-only'), 'No credentials (settings only) · region ap-northeast-1');
    assert.match(detail('Default credential chain') ?? '', /Environment variables/);
    assert.deepEqual(
      items.filter((i) => i.description === CURRENT).map((i) => i.label),
      ['demo-owner'],
    );
    assert.equal(qp.activeItems[0]?.label, 'demo-owner', 'Enter keeps the current profile');

    await acceptItem(env.api, qp, 'demo-subscriber');
    assert.equal(await command, 'demo-subscriber');
    assert.equal(setting('profile'), 'demo-subscriber');
    await waitFor('the switch', () => env!.api.connections.connection?.profile === 'demo-subscriber');
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber']);

    // "Default credential chain" saves an empty profile; Escape changes nothing.
    const again = vscode.commands.executeCommand('healthomics.selectProfile');
    const qp2 = await waitForQuickPick(env.api, 'Select AWS Profile');
    assert.equal(qp2.activeItems[0]?.label, 'demo-subscriber');
    await dismiss(env.api);
    assert.equal(await again, undefined);
    assert.equal(setting('profile'), 'demo-subscriber');
    const chain = vscode.commands.executeCommand('healthomics.selectProfile');
    await acceptItem(env.api, await waitForQuickPick(env.api, 'Select AWS Profile'), 'Default credential chain');
    assert.equal(await chain, '');
    assert.equal(setting('profile'), '');
  });

  it('Select AWS Profile: a missing current profile is listed as not found; unreadable lines are listed as problems', async () => {
    env = await setUpCredEnv({ config: 'config-malformed' });
    await env.use('gone');
    const command = vscode.commands.executeCommand('healthomics.selectProfile');
    const qp = await waitForQuickPick(env.api, 'Select AWS Profile');
    const gone = qp.items.find((i) => i.label === 'gone');
    assert.equal(gone?.description, CURRENT);
    assert.equal(gone?.detail, 'Not found in the AWS config or credentials files');
    const problems = qp.items.filter((i) => i.label.startsWith('$(warning)')).map((i) => i.label);
    assert.deepEqual(problems, [
      `$(warning) ${env.files.config} line 7: expected "[section]" or "key = value"`,
      `$(warning) ${env.files.config} line 8: expected "[section]" or "key = value": the section header has no closing "]"`,
    ]);
    // Picking a problem opens the file at that line (and changes no setting).
    await acceptItem(env.api, qp, problems[0] ?? '');
    assert.equal(await command, undefined);
    assert.equal(setting('profile'), 'gone');
    const editor = await waitFor('the config file', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === env!.files.config
        ? vscode.window.activeTextEditor
        : undefined,
    );
    assert.equal(editor.selection.active.line, 6);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Select Region lists the HealthOmics Regions with the current one marked; saves a pick, another code, or none', async () => {
    env = await setUpCredEnv();
    await env.use('demo-owner', 'us-east-1');
    let command = vscode.commands.executeCommand('healthomics.selectRegion');
    let qp = await waitForQuickPick(env.api, 'Select Region');
    const items = qp.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.deepEqual(
      items.map((i) => i.label),
      [...REGIONS, "$(discard) Use the profile's region", '$(edit) Other region…'],
    );
    assert.equal(items.find((i) => i.label === 'eu-west-2')?.description, 'Europe (London)');
    assert.equal(items.find((i) => i.label === 'us-east-1')?.description, `US East (N. Virginia) · ${CURRENT}`);
    assert.equal(qp.activeItems[0]?.label, 'us-east-1');
    await acceptItem(env.api, qp, 'eu-west-1');
    assert.equal(await command, 'eu-west-1');
    assert.equal(setting('region'), 'eu-west-1');
    await waitFor('eu-west-1', () => env!.api.connections.connection?.region === 'eu-west-1');

    // Other region…: an input box that only accepts a Region code.
    command = vscode.commands.executeCommand('healthomics.selectRegion');
    qp = await waitForQuickPick(env.api, 'Select Region');
    assert.equal(
      qp.items.find((i) => i.description?.includes(CURRENT))?.label,
      'eu-west-1',
      'the new current region is marked',
    );
    await acceptItem(env.api, qp, '$(edit) Other region…');
    const box = await waitForInputBox(env.api, /Select Region/);
    box.value = 'Canada';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the validation message', () => box.validationMessage);
    assert.equal(box.validationMessage, 'Expected a Region code such as us-east-1');
    assert.equal(env.api.prompts.active, box, 'still open');
    await answerInputBox(env.api, box, 'ca-central-1');
    assert.equal(await command, 'ca-central-1');
    assert.equal(setting('region'), 'ca-central-1');
    await waitFor('ca-central-1', () => env!.api.connections.connection?.region === 'ca-central-1');

    // A current region outside the list is still marked; "Use the profile's region" clears the setting.
    command = vscode.commands.executeCommand('healthomics.selectRegion');
    qp = await waitForQuickPick(env.api, 'Select Region');
    assert.equal(qp.items[0]?.label, 'ca-central-1');
    assert.match(qp.items[0]?.description ?? '', /Not a HealthOmics Region/);
    await acceptItem(env.api, qp, "$(discard) Use the profile's region");
    assert.equal(await command, '');
    assert.equal(setting('region'), '');
    await waitFor('the profile region', () => env!.api.connections.connection?.regionSource === 'profile');
  });

  it("the region default chain: the setting, then the profile's region, then AWS_REGION, then us-east-1", async () => {
    env = await setUpCredEnv();
    const expectRegion = async (region: string, source: string) => {
      await env!.api.ready();
      await waitFor(`${region} from ${source}`, () => {
        const c = env!.api.connections.connection;
        return c?.region === region && c.regionSource === source;
      });
      assert.equal(env!.api.statusBar.text.endsWith(` · ${region}`), true, env!.api.statusBar.text);
      assert.match(env!.api.statusBar.tooltipText, new RegExp(`Region: ${region} \\(from ${source}\\)`));
    };
    await env.use('role', 'eu-west-1');
    await expectRegion('eu-west-1', 'setting');
    await setSettings({ region: '' });
    await expectRegion('us-west-2', 'profile');
    await env.use('legacy-sso'); // no region in the profile
    process.env.AWS_REGION = 'ap-southeast-1';
    await env.api.connections.update();
    await expectRegion('ap-southeast-1', 'environment');
    delete process.env.AWS_REGION;
    await env.api.connections.update();
    await expectRegion('us-east-1', 'default');
  });

  it('the status bar shows profile and region, and the account id once a share revealed it', async () => {
    env = await setUpCredEnv();
    await env.use('demo-owner', REGION);
    assert.equal(env.api.statusBar.text, `$(cloud) demo-owner · ${REGION}`);
    assert.match(env.api.statusBar.tooltipText, /^Profile: demo-owner\nRegion: us-east-1 \(from setting\)\n/);
    assert.match(env.api.statusBar.tooltipText, new RegExp(`Endpoint: ${env.emulator.url}`));
    await settled(env.api);
    await waitFor('the account', () => env!.api.statusBar.account);
    assert.equal(env.api.statusBar.account, O.id, 'from SELF shares (ownerId)');
    assert.match(env.api.statusBar.tooltipText, new RegExp(`Account: ${O.id}`));

    // Another identity: the account is unknown again, then the subscriber's (never the owner's).
    const seen: (string | undefined)[] = [];
    const timer = setInterval(() => seen.push(env!.api.statusBar.account), 5);
    await env.use('demo-subscriber');
    assert.equal(env.api.statusBar.text, `$(cloud) demo-subscriber · ${REGION}`);
    await settled(env.api);
    await waitFor('the account', () => env!.api.statusBar.account === S.id);
    clearInterval(timer);
    assert.ok(seen.includes(undefined), 'unknown right after the switch');
    assert.ok(!seen.slice(seen.indexOf(undefined)).includes(O.id), 'no owner account after the switch');
  });

  it('the account id also comes from a share offered to the caller (principalSubscriber)', async () => {
    env = await setUpCredEnv({ shares: [namedShare(O.id, S.id, 'only-offered')] });
    await env.use('demo-subscriber', REGION);
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'OTHER'), ['only-offered']);
    await waitFor('the account', () => env!.api.statusBar.account);
    assert.equal(env.api.statusBar.account, S.id);
  });
});
