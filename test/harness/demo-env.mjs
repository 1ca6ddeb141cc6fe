// The demo/UI-test environment: the HealthOmics emulator with a data set, AWS config + credentials files whose
// profiles hold the emulator accounts' keys, and the env/settings that point the extension at the emulator.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Requires the compiled emulator (tsc output); run `tsc -p .` first. */
export function loadEmulator() {
  const server = path.join(root, 'out', 'test', 'emulator', 'server.js');
  if (!fs.existsSync(server)) {
    throw new Error(`${path.relative(root, server)} is missing: run "npx tsc -p ." first`);
  }
  return require(server);
}

export const DEMO_DATA = path.join(root, 'test', 'emulator', 'data', 'demo.json');
export const DEMO_REGION = 'us-east-1';

/** Profile name for each emulator account: its `name` when it has one, else `account-<id>`. */
export function profileNameFor(account) {
  return account.name ?? `account-${account.id}`;
}

/** Writes `config` and `credentials` into dir, one static-key profile per emulator account. */
export function writeAwsFiles(dir, accounts, region = DEMO_REGION) {
  fs.mkdirSync(dir, { recursive: true });
  const config = [];
  const credentials = [];
  for (const a of accounts) {
    const name = profileNameFor(a);
    config.push(`[profile ${name}]`, `region = ${region}`, '');
    credentials.push(
      `[${name}]`,
      `aws_access_key_id = ${a.accessKeyId}`,
      `aws_secret_access_key = ${a.secretAccessKey}`,
      '',
    );
  }
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(configFile, config.join('\n'), { mode: 0o600 });
  fs.writeFileSync(credentialsFile, credentials.join('\n'), { mode: 0o600 });
  return {
    configFile,
    credentialsFile,
    env: {
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    profiles: accounts.map(profileNameFor),
  };
}
