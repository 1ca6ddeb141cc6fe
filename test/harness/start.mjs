#!/usr/bin/env node
// `npm start`: the demo. Packages the extension, starts the HealthOmics emulator with the demo data, writes AWS
// config/credentials files (profiles demo-owner, demo-subscriber) into a temp dir, and serves VS Code 1.100.3 in
// the browser with the VSIX installed and pointed at the emulator. Ctrl-C stops everything and removes the temp dir.
//   npm start -- [--port 8080] [--emulator-port 4566] [--data FILE]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_DATA, DEMO_REGION, loadEmulator, root, writeAwsFiles } from './demo-env.mjs';
import { installVsix, killGroup, makeRunDir, startVscodeServer } from './vscode-web.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'emulator-port': { type: 'string' },
    data: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
});

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const vsix = path.join(root, `healthomics-shares-${version}.vsix`);

if (!values['skip-build']) {
  console.log('Building the extension and the emulator …');
  execFileSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
}

const runDir = makeRunDir('demo');
let emulator;
let server;
let stopping = false;

async function stop(code = 0) {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log('\nStopping the demo …');
  killGroup(server?.child);
  await emulator?.close().catch(() => {});
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(runDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const { startEmulator, loadDataFile } = loadEmulator();
  const data = loadDataFile(values.data ? path.resolve(values.data) : DEMO_DATA);
  emulator = await startEmulator({
    data,
    port: values['emulator-port'] ? Number(values['emulator-port']) : 0,
  });
  const aws = writeAwsFiles(path.join(runDir, 'aws'), data.accounts, DEMO_REGION);
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix({ vsix, extensionsDir, rootDir: runDir });
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  const settings = {
    'healthomics.profile': aws.profiles[0],
    'healthomics.region': DEMO_REGION,
    'healthomics.endpoint': emulator.url,
  };
  server = await startVscodeServer({
    rootDir: runDir,
    extensionsDir,
    userSettings: settings,
    // healthomics.endpoint is machine-scoped: the remote (server) side reads it from the machine settings.
    machineSettings: { 'healthomics.endpoint': emulator.url },
    env: aws.env,
    port: values.port ? Number(values.port) : undefined,
  });
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`VS Code server exited (${code})`);
      void stop(1);
    }
  });
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  console.log('');
  console.log(`HealthOmics emulator listening on ${emulator.url}`);
  console.log(`AWS profiles (AWS_CONFIG_FILE=${aws.configFile}): ${aws.profiles.join(', ')}`);
  console.log(
    `Extension settings: profile ${settings['healthomics.profile']}, region ${DEMO_REGION}, endpoint ${emulator.url}`,
  );
  console.log('');
  console.log(`Open VS Code in your browser: ${url}`);
  console.log('Press Ctrl-C to stop.');
} catch (err) {
  console.error(`npm start failed: ${err?.message ?? err}`);
  await stop(1);
}
