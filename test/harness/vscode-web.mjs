// Runs a real VS Code 1.100.3 offline: the VS Code server (from code-server@4.100.3, provisioned by
// setup-vscode-server.mjs) plus its web workbench in headless Debian Chromium driven by playwright-core.
// Used by the extension-host launcher, the UI tests and `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureVscodeServer } from './setup-vscode-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Quiet, deterministic workbench: no trust prompt, walkthroughs, telemetry or update checks. */
export const BASE_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

/** Lines of workbench/server chatter that say nothing about the extension (see offline testing notes §8). */
const NOISE = [
  /vsda/,
  /ENOTFOUND/,
  /Resolv(ing|ed) connection token/,
  /Updating additional builtin extensions cache/,
  /^Require stack:$/,
  /\/static\/out\/vs\//,
  /Creating a socket/,
  /\[Service Worker\]/,
  /ChatSessionStore/,
  /Could not locate the bindings file/,
  // stack frames and search paths that point into the VS Code server itself, never into this extension
  /\.vscode-test\/code-server\//,
  /^\s+at (async )?\S+ \(node:internal/,
  /^\s+at node:internal/,
  /^\s*Error: Cannot find module '\.\/build\/Release\/watchdog'/,
  /native-watchdog|build\/Release\/watchdog/,
  /code-server collects usage data/,
  /Failed to load resource/,
  /marketplace|gallery/i,
  /^\s*$/,
];
export const isNoise = (line) => NOISE.some((re) => re.test(line));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

async function waitForHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`VS Code server exited early with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) {
        return;
      }
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`VS Code server did not answer at ${url} within ${timeoutMs} ms: ${lastErr}`);
}

/**
 * Starts server-main.js detached in its own process group with a private TMPDIR (so its sockets never
 * pile up in the system temp dir). Returns { url, port, tmpDir, stop() }.
 */
export async function startVscodeServer({
  rootDir,
  userDataDir = path.join(rootDir, 'user-data'),
  extensionsDir = path.join(rootDir, 'extensions'),
  userSettings = {},
  machineSettings = {},
  env = {},
  isolateAws = true,
  port,
  log = () => {},
}) {
  const serverMain = ensureVscodeServer({ quiet: true });
  const serverDataDir = path.join(rootDir, 'server-data');
  const tmpDir = path.join(rootDir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  const existing = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  writeJson(settingsFile, { ...BASE_USER_SETTINGS, ...existing, ...userSettings });
  // With --user-data-dir the server reads machine (remote) settings from <user-data-dir>/Machine/settings.json.
  writeJson(path.join(userDataDir, 'Machine', 'settings.json'), machineSettings);
  port = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-workspace-trust',
      '--telemetry-level',
      'off',
      '--server-data-dir',
      serverDataDir,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // isolateAws: the developer's own AWS_* variables (AWS_PROFILE, keys, endpoints) never leak into a test run.
      env: { ...(isolateAws ? withoutAwsEnv(process.env) : process.env), ...env, TMPDIR: tmpDir },
    },
  );
  const forward = (buf) => {
    for (const line of buf.toString().split('\n')) {
      if (!isNoise(line)) {
        log(`[server] ${line}`);
      }
    }
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child);
  try {
    await waitForHttp(`${url}/version`, 30_000, child);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, port, tmpDir, child, stop, serverMain, extensionsDir, userDataDir };
}

export function withoutAwsEnv(env) {
  const keep = new Set(['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED']);
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('AWS_') || keep.has(k)));
}

export function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 3000);
  t.unref();
}

/** Installs a VSIX into an extensions dir with the server's own CLI. */
export function installVsix({ vsix, extensionsDir, rootDir }) {
  const serverMain = ensureVscodeServer({ quiet: true });
  return new Promise((resolve, reject) => {
    const tmp = path.join(rootDir, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    const child = spawn(
      process.execPath,
      [
        serverMain,
        '--install-extension',
        vsix,
        '--force',
        '--extensions-dir',
        extensionsDir,
        '--server-data-dir',
        path.join(rootDir, 'server-data'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: tmp } },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 && /successfully installed/i.test(out)
        ? resolve(out)
        : reject(new Error(`VSIX install failed (${code}): ${out}`)),
    );
  });
}

/** The URL that opens the workbench on a folder, optionally with an extension-development payload. */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const params = new URLSearchParams();
  if (folder) {
    params.set('folder', folder);
  } else {
    params.set('ew', 'true');
  }
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', `vscode-remote://remote${extensionDevelopmentPath}`]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', `vscode-remote://remote${extensionTestsPath}`]);
  }
  if (payload.length) {
    params.set('payload', JSON.stringify(payload));
  }
  return `${serverUrl}/?${params.toString()}`;
}

/** Launches headless Chromium with a fresh profile under rootDir and a private TMPDIR. */
export async function launchBrowser({ rootDir, viewport = { width: 1280, height: 800 }, headless = true }) {
  const { chromium } = await import('playwright-core');
  const profile = path.join(rootDir, 'chromium-profile');
  const tmpDir = path.join(rootDir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args: CHROMIUM_ARGS,
    viewport,
    env: { ...process.env, TMPDIR: tmpDir, HOME: rootDir },
  });
  return context;
}

export function makeRunDir(prefix) {
  const base = path.join(os.tmpdir(), 'healthomics-vscode');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${prefix}-`));
}
