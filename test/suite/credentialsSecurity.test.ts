/**
 * Secret keys, session tokens and MFA codes never reach the HealthOmics log or anything the view shows, after a
 * full run with known secrets: static keys, assume role with MFA (the code typed in the input box, the session
 * credentials STS issued), credential_process with a session token, and errors whose SDK messages quote secrets
 * (a failing credential_process's stderr, a signature mismatch whose message holds the canonical request with the
 * session token).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { PROCESS_ACCOUNT, PROCESS_FAIL_SECRET } from '../fixtures/aws/fixtures';
import {
  answerInputBox,
  errorRow,
  MFA_CODE,
  setUpCredEnv,
  settled,
  shareNames,
  visibleText,
  waitForInputBox,
  type CredEnv,
} from './credentialsEnv';
import { DEMO_OWNER as O, DEMO_SUBSCRIBER as S } from './helpers';

/** A profile signing with the process account's key id and session token, but the wrong secret. */
const WRONG_SECRET = 'wr0ngSecretKeyUsedToSignX7Yq2Zp9Lm4Nb8Vc';
const ECHO_CREDENTIALS = `
[echo]
aws_access_key_id = ${PROCESS_ACCOUNT.accessKeyId}
aws_secret_access_key = ${WRONG_SECRET}
aws_session_token = ${PROCESS_ACCOUNT.sessionToken}
`;

describe('credentials: no secret reaches the log or the view', function () {
  this.timeout(90_000);
  let env: CredEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('after static keys, assume role + MFA, credential_process, and errors quoting secrets', async () => {
    env = await setUpCredEnv();
    const { api } = env;
    const texts: string[] = [];
    const snapshot = () => texts.push(visibleText(api));
    await vscode.commands.executeCommand('healthomics.showLog');
    const linesBefore = api.log.lines().length;

    await env.use('demo-owner');
    await settled(api);
    assert.deepEqual(shareNames(api, 'SELF'), ['owned-by-owner']);
    snapshot();

    await env.use('role-mfa');
    const tree = settled(api);
    await answerInputBox(api, await waitForInputBox(api, /MFA/), MFA_CODE);
    await tree;
    assert.deepEqual(shareNames(api, 'SELF'), ['owned-by-subscriber']);
    snapshot();

    await env.use('process');
    await settled(api);
    assert.deepEqual(shareNames(api, 'SELF'), ['owned-by-process']);
    snapshot();

    await env.use('process-fails');
    await settled(api);
    assert.match(String(errorRow(api, 'SELF').toTreeItem().description), /Command failed/);
    snapshot();

    fs.appendFileSync(env.files.credentials, ECHO_CREDENTIALS);
    await env.use('echo');
    await settled(api);
    const echo = errorRow(api, 'SELF');
    assert.match(String(echo.toTreeItem().description), /signature|credentials|secret/i);
    snapshot();

    const log = api.log.lines().slice(linesBefore);
    // The scan reads real content: the log has the run's lines and the errors' details.
    for (const expected of [
      /Using role-mfa in us-east-1/,
      /Using process in/,
      /Command failed/,
      /InvalidSignatureException/,
    ]) {
      assert.ok(
        log.some((l) => expected.test(l)),
        `the log has ${String(expected)}`,
      );
    }
    const issued = env.emulator.stsSessions();
    assert.ok(issued.length >= 1, 'STS issued session credentials');
    const secrets: [string, string][] = [
      ['the owner secret key', O.secretAccessKey],
      ['the subscriber secret key', S.secretAccessKey],
      ['the credential_process secret key', PROCESS_ACCOUNT.secretAccessKey],
      ['the credential_process session token', PROCESS_ACCOUNT.sessionToken],
      ["a failing credential_process's secret", PROCESS_FAIL_SECRET],
      ['the wrong secret key', WRONG_SECRET],
      ['the MFA code', MFA_CODE],
      ...issued.flatMap((s): [string, string][] => [
        ['an STS session secret key', s.account.secretAccessKey],
        ['an STS session token', s.account.sessionToken],
      ]),
    ];
    const haystacks: [string, string][] = [
      ['the HealthOmics log', log.join('\n')],
      ['the view and status bar', texts.join('\n')],
    ];
    for (const [where, text] of haystacks) {
      for (const [what, secret] of secrets) {
        assert.ok(!text.includes(secret), `${what} appears in ${where}`);
      }
    }
  });
});
