#!/usr/bin/env node
// Runs the extension-host mocha suite (out/test/suite) in a real VS Code through @vscode/test-electron's runTests.
// Offline (default): the executable is our launcher (VS Code 1.100.3 server + headless Chromium).
// HEALTHOMICS_VSCODE=desktop: test-electron's normal path downloads desktop VS Code 1.100.3 (needs internet and a
// display, e.g. `xvfb-run -a npm test`).
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runExtensionTests({ env = {}, resultsFile } = {}) {
  const desktop = process.env.HEALTHOMICS_VSCODE === 'desktop';
  const options = {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index'),
    launchArgs: [path.join(root, 'test', 'fixtures', 'workspace')],
    extensionTestsEnv: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      HEALTHOMICS_TEST_RESULTS: resultsFile,
      ...env,
    },
  };
  if (desktop) {
    options.version = '1.100.3';
  } else {
    options.vscodeExecutablePath = path.join(root, 'test', 'harness', 'launcher.mjs');
  }
  try {
    await runTests(options);
    return 0;
  } catch (err) {
    return typeof err?.code === 'number' ? err.code || 1 : 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ho-ext-')), 'results.json');
  const code = await runExtensionTests({ resultsFile });
  if (fs.existsSync(resultsFile)) {
    console.log(fs.readFileSync(resultsFile, 'utf8'));
  }
  process.exitCode = code;
}
