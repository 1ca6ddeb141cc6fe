#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests(vscodeExecutablePath) on machines that cannot
// download desktop VS Code: it starts the offline VS Code 1.100.3 server, opens its web workbench in headless
// Chromium with the extension-development and test paths in the URL payload (the CLI flags are not supported
// by the server), waits for window.codeAutomationExit(code), and exits with that code.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { isNoise, killGroup, launchBrowser, makeRunDir, startVscodeServer, workbenchUrl } from './vscode-web.mjs';

const TIMEOUT_MS = Number(process.env.HEALTHOMICS_LAUNCHER_TIMEOUT_MS || 300_000);

function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], folder: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      out.folder = path.resolve(arg);
      continue;
    }
    const [, key, value] = m;
    if (key === 'extensionDevelopmentPath') {
      out.extensionDevelopmentPath.push(path.resolve(value));
    } else if (key === 'extensionTestsPath') {
      out.extensionTestsPath = path.resolve(value);
    } else if (key === 'user-data-dir') {
      out.userDataDir = path.resolve(value);
    } else if (key === 'extensions-dir') {
      out.extensionsDir = path.resolve(value);
    } else if (key === 'version') {
      out.version = true;
    }
    // Desktop-only flags (--no-sandbox, --disable-updates, --skip-welcome …) do not apply to the server.
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    console.log('1.100.3');
    return 0;
  }
  if (args.extensionDevelopmentPath.length > 1) {
    console.error('launcher: only one --extensionDevelopmentPath is supported by the web payload');
    return 2;
  }
  const runDir = makeRunDir('launcher');
  const log = (line) => console.log(line);
  let server;
  let context;
  let code = 1;
  try {
    server = await startVscodeServer({
      rootDir: runDir,
      // A fresh user-data-dir per run: nothing leaks between runs (test-electron's shared one would).
      userDataDir: path.join(runDir, 'user-data'),
      extensionsDir: path.join(runDir, 'extensions'),
      log: process.env.HEALTHOMICS_LAUNCHER_VERBOSE ? log : () => {},
    });
    context = await launchBrowser({ rootDir: runDir });
    const page = context.pages()[0] ?? (await context.newPage());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
    await page.exposeFunction('codeAutomationLog', (type, items) => {
      // The workbench forwards console calls unformatted (mocha's reporter logs format strings like '%s%d').
      const text = format(...(Array.isArray(items) ? items : [items]));
      for (const line of text.split('\n')) {
        if (!isNoise(line)) {
          (type === 'error' ? console.error : console.log)(line);
        }
      }
    });
    const url = workbenchUrl(server.url, {
      folder: args.folder,
      extensionDevelopmentPath: args.extensionDevelopmentPath[0],
      extensionTestsPath: args.extensionTestsPath,
    });
    await page.goto(url);
    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS)));
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      const shot = path.resolve('test-results', `launcher-timeout-${Date.now()}.png`);
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`launcher: tests did not finish within ${TIMEOUT_MS} ms (screenshot: ${shot})`);
      code = 124;
    } else {
      code = result;
    }
  } catch (err) {
    console.error(`launcher: ${err?.stack ?? err}`);
    code = 1;
  } finally {
    await context?.close().catch(() => {});
    killGroup(server?.child);
    if (code === 0) {
      fs.rmSync(runDir, { recursive: true, force: true });
    } else {
      console.error(`launcher: run directory kept for inspection: ${runDir}`);
    }
  }
  return code;
}

process.exitCode = await main();
