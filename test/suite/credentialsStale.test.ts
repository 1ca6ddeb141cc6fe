/**
 * "Never stale": switching profile, region or endpoint — by command, by settings, or by the AWS files changing on
 * disk — while the first identity's requests are still in flight, back and forth. The first identity's requests
 * are held by the emulator (its `hold` fault: injected latency that ends only when the test releases it, so the
 * slow answers arrive after the switch on any machine). The tree must end up showing only the final identity's
 * shares, the slow answers must never land, and the emulator's request log must show that nothing was sent for a
 * superseded identity after the switch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Emulator, RequestRecord } from '../emulator/server';
import { startEmulator } from '../emulator/server';
import {
  acceptItem,
  namedShare,
  setUpCredEnv,
  settled,
  shareNames,
  testAccounts,
  waitForQuickPick,
  type CredEnv,
} from './credentialsEnv';
import { DEMO_OWNER as O, DEMO_SUBSCRIBER as S, REGION, setSettings, showView, waitFor } from './helpers';

const EU = 'eu-west-2';

const listShares = (em: Emulator): RequestRecord[] => em.requests.filter((r) => r.operation === 'ListShares');
const arrived = (r: RequestRecord): number => Date.parse(r.time);

describe('credentials: the tree is never stale', function () {
  this.timeout(60_000);
  let env: CredEnv | undefined;
  let second: Emulator | undefined;
  afterEach(async () => {
    await env?.close();
    await second?.close();
    env = undefined;
    second = undefined;
  });

  /** Shows the view as the slow identity: its requests are held in flight (latency until released). */
  async function startSlow(e: CredEnv, profile: string, region?: string): Promise<void> {
    const em = e.emulator;
    await e.use(profile);
    em.setFaults({ hold: { account: O.id, ...(region ? { region } : {}) } });
    await showView();
    await waitFor('requests held in flight', () => em.held() >= 2);
  }

  /**
   * After the final switch (at `switchedAt`): the tree shows exactly `expected` under SELF; the held answers are
   * then let go (they arrive after the switch) and the tree still shows exactly `expected`; and no request
   * matching `stale` arrived after the switch.
   */
  async function assertFinal(
    e: CredEnv,
    expected: string[],
    switchedAt: number,
    stale: (r: RequestRecord) => boolean,
    em: Emulator = e.emulator,
  ): Promise<void> {
    await settled(e.api);
    assert.deepEqual(shareNames(e.api, 'SELF'), expected);
    const heldCount = em.held();
    assert.ok(heldCount >= 2, "the first identity's requests are still in flight");
    em.release();
    const staleRequests = () => listShares(em).filter(stale);
    await waitFor('the held answers', () => staleRequests().filter((r) => r.heldMs !== undefined).length >= heldCount);
    assert.ok(staleRequests().some((r) => arrived(r) + r.durationMs > switchedAt));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(shareNames(e.api, 'SELF'), expected, 'the slow answers did not land');
    assert.ok(
      e.api.tree.ownerNodes.every((o) => o.shares.state.kind === 'ready' || o.shares.state.kind === 'empty'),
      'no owner went back to loading or error',
    );
    const late = staleRequests().filter((r) => arrived(r) > switchedAt);
    assert.deepEqual(late, [], 'nothing was sent for a superseded identity after the switch');
  }

  it('profile, by settings.json edits back and forth while the first account is slow', async () => {
    env = await setUpCredEnv();
    await startSlow(env, 'demo-owner');
    for (const profile of ['demo-subscriber', 'demo-owner', 'demo-subscriber', 'demo-owner', 'demo-subscriber']) {
      await setSettings({ profile });
    }
    await env.api.ready();
    const switchedAt = Date.now();
    assert.equal(env.api.connections.connection?.profile, 'demo-subscriber');
    await assertFinal(env, ['owned-by-subscriber'], switchedAt, (r) => r.account === O.id);
    await waitFor('the account', () => env!.api.statusBar.account);
    assert.equal(env.api.statusBar.account, S.id);
    assert.equal(env.api.statusBar.text, `$(cloud) demo-subscriber · ${REGION}`);
  });

  it('profile, by the Select AWS Profile command while the first account is slow', async () => {
    env = await setUpCredEnv();
    await startSlow(env, 'demo-owner');
    const command = vscode.commands.executeCommand('healthomics.selectProfile');
    await acceptItem(env.api, await waitForQuickPick(env.api, 'Select AWS Profile'), 'demo-subscriber');
    await command;
    await env.api.ready();
    const switchedAt = Date.now();
    await assertFinal(env, ['owned-by-subscriber'], switchedAt, (r) => r.account === O.id);
  });

  it('region, back and forth while the first region is slow', async () => {
    env = await setUpCredEnv({
      shares: [namedShare(O.id, S.id, 'owner-us'), namedShare(O.id, S.id, 'owner-eu', EU)],
    });
    await env.use('demo-owner', REGION);
    await startSlow(env, 'demo-owner', REGION);
    for (const region of [EU, REGION, EU, REGION, EU]) {
      await setSettings({ region });
    }
    await env.api.ready();
    const switchedAt = Date.now();
    assert.equal(env.api.connections.connection?.region, EU);
    await assertFinal(env, ['owner-eu'], switchedAt, (r) => r.region === REGION);
  });

  it('endpoint, by the healthomics.endpoint setting over AWS_ENDPOINT_URL_OMICS, back and forth', async () => {
    env = await setUpCredEnv({ shares: [namedShare(O.id, S.id, 'on-first-endpoint')] });
    second = await startEmulator({
      data: { accounts: testAccounts(), shares: [namedShare(O.id, S.id, 'on-second-endpoint')] },
    });
    await startSlow(env, 'demo-owner');
    for (const endpoint of [second.url, '', second.url, '', second.url]) {
      await setSettings({ endpoint });
    }
    await env.api.ready();
    const switchedAt = Date.now();
    assert.equal(env.api.connections.connection?.endpoint, second.url);
    assert.equal(env.api.connections.connection?.endpointSource, 'setting');
    await assertFinal(env, ['on-second-endpoint'], switchedAt, () => true, env.emulator);
    assert.ok(listShares(second).length >= 2);

    // And back to the environment's endpoint.
    env.emulator.clearFaults();
    await setSettings({ endpoint: '' });
    await env.api.ready();
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['on-first-endpoint']);
    assert.equal(env.api.connections.connection?.endpointSource, 'AWS_ENDPOINT_URL_OMICS');
  });

  it("the config files: the selected profile's keys replaced on disk while its requests are slow", async () => {
    env = await setUpCredEnv({
      configText: '[profile work]\nregion = us-east-1\n',
      credentialsText: `[work]\naws_access_key_id = ${O.accessKeyId}\naws_secret_access_key = ${O.secretAccessKey}\n`,
    });
    await startSlow(env, 'work');
    const session = env.api.connections.current;
    const before = session?.credentialsKey;
    fs.writeFileSync(
      env.files.credentials,
      `[work]\naws_access_key_id = ${S.accessKeyId}\naws_secret_access_key = ${S.secretAccessKey}\n`,
    );
    await waitFor('the new credentials', () => env!.api.connections.current?.credentialsKey !== before);
    assert.equal(env.api.connections.current, session, 'same identity: the session took the new credentials');
    const switchedAt = Date.now();
    assert.equal(env.api.connections.connection?.profile, 'work', 'same profile, new credentials');
    await assertFinal(env, ['owned-by-subscriber'], switchedAt, (r) => r.account === O.id);
  });

  it('the config files: a profile added outside VS Code is picked up without a reload', async () => {
    env = await setUpCredEnv();
    await env.use('added-later');
    await waitFor('noCredentials', () => env!.api.state() === 'noCredentials');
    fs.appendFileSync(
      env.files.credentials,
      `\n[added-later]\naws_access_key_id = ${S.accessKeyId}\naws_secret_access_key = ${S.secretAccessKey}\n`,
    );
    await waitFor('ready', () => env!.api.state() === 'ready');
    await settled(env.api);
    assert.deepEqual(shareNames(env.api, 'SELF'), ['owned-by-subscriber']);
  });

  it('rapid mixed switches of profile, region and endpoint end on the last identity, with few clients created', async () => {
    env = await setUpCredEnv({
      shares: [
        namedShare(O.id, S.id, 'owner-us'),
        namedShare(S.id, O.id, 'subscriber-us'),
        namedShare(S.id, O.id, 'subscriber-eu', EU),
      ],
    });
    second = await startEmulator({ data: { accounts: testAccounts(), shares: [] } });
    await startSlow(env, 'demo-owner');
    const sessionsBefore = env.api.connections.sessionCount;
    const steps: Record<string, string>[] = [
      { profile: 'demo-subscriber' },
      { region: EU },
      { endpoint: second.url },
      { profile: 'demo-owner' },
      { region: REGION },
      { endpoint: '' },
      { profile: 'demo-subscriber', region: EU },
    ];
    for (const step of steps) {
      await setSettings(step);
    }
    await env.api.ready();
    const switchedAt = Date.now();
    const c = env.api.connections.connection;
    assert.deepEqual([c?.profile, c?.region, c?.endpoint], ['demo-subscriber', EU, env.emulator.url]);
    await assertFinal(env, ['subscriber-eu'], switchedAt, (r) => r.account === O.id);
    const created = env.api.connections.sessionCount - sessionsBefore;
    assert.ok(created >= 1 && created <= steps.length + 1, `${created} sessions for ${steps.length + 1} changes`);
  });
});
