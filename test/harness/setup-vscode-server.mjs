#!/usr/bin/env node
// Provisions the offline VS Code 1.100.3 server (from the npm package code-server@4.100.3) into the
// git-ignored cache .vscode-test/code-server. Idempotent: a marker file makes a second run a no-op.
// Recipe and pins: see README "Development" and shared notes (offline VS Code testing).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, '.vscode-test', 'code-server');
export const vscodeDir = path.join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode');
export const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
const marker = path.join(cacheDir, `.ready-${CODE_SERVER_VERSION}`);

function run(cmd, args, cwd) {
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_yes: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

export function ensureVscodeServer({ quiet = false } = {}) {
  if (fs.existsSync(marker) && fs.existsSync(serverMain)) {
    return serverMain;
  }
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) {
    throw new Error('ripgrep (rg) is required by the VS Code server: apt-get install -y ripgrep');
  }
  if (!quiet) {
    console.log(
      `Provisioning VS Code ${VSCODE_VERSION} server (code-server@${CODE_SERVER_VERSION}) into ${cacheDir} …`,
    );
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  // --ignore-scripts: code-server's postinstall builds native modules and downloads from GitHub (offline: fails).
  run(
    'npm',
    [
      'install',
      '--prefix',
      cacheDir,
      '--ignore-scripts',
      '--no-save',
      '--loglevel=error',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    root,
  );
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-save', '--loglevel=error'], vscodeDir);
  const asar = path.join(vscodeDir, 'node_modules.asar');
  if (!fs.existsSync(asar)) {
    fs.symlinkSync('node_modules', asar);
  }
  // VS Code's search spawns @vscode/ripgrep's binary, whose download we skipped: link Debian's rg.
  const rgBinDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBinDir, { recursive: true });
  const rgLink = path.join(rgBinDir, 'rg');
  fs.rmSync(rgLink, { force: true });
  fs.symlinkSync(rg, rgLink);
  if (!fs.existsSync(serverMain)) {
    throw new Error(`VS Code server not found at ${serverMain} after install`);
  }
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
  return serverMain;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureVscodeServer();
  console.log(`VS Code server ready (${((Date.now() - t0) / 1000).toFixed(1)} s): ${serverMain}`);
}
