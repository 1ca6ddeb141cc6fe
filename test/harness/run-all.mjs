#!/usr/bin/env node
// `npm test`: every tier, in order, each counted; ends with exactly one line `N passed, N failed`.
// Static checks (lint, format, types, build/package) count as one test each. A tier that runs no test fails.
// HEALTHOMICS_TIERS=unit,ext (comma list) runs a subset while developing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtensionTests } from './run-ext-tests.mjs';
import { ensureVscodeServer } from './setup-vscode-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const only = process.env.HEALTHOMICS_TIERS?.split(',').map((s) => s.trim());
const results = [];

function run(cmd, args, { env = {}, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (stream) => (d) => {
      out += d;
      if (!capture) {
        stream.write(d);
      }
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function header(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(0, 60 - name.length))}`);
}

async function check(name, cmd, args) {
  if (only && !only.includes(name)) {
    return;
  }
  header(name);
  const t0 = Date.now();
  const { code } = await run(cmd, args);
  results.push({ tier: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, ms: Date.now() - t0 });
}

/** Node's test runner (TAP when not a TTY): closing `# pass N` / `# fail N`. */
async function nodeTests(name, dir) {
  if (only && !only.includes(name)) {
    return;
  }
  header(name);
  const t0 = Date.now();
  const full = path.join(root, dir);
  const files = fs.existsSync(full) ? listTests(full) : [];
  if (files.length === 0) {
    console.error(`${name}: no test files under ${dir}`);
    results.push(tierResult(name, 0, 0, 1, Date.now() - t0));
    return;
  }
  const { code, out } = await run(process.execPath, ['--test', '--test-reporter=tap', ...files], { capture: false });
  const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
  results.push(tierResult(name, pass, fail, code, Date.now() - t0));
}

function listTests(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? listTests(path.join(dir, e.name))
        : /\.test\.m?js$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

function tierResult(tier, passed, failed, code, ms) {
  // A tier that exits non-zero without a counted failure, or runs nothing, still fails.
  if ((code !== 0 && failed === 0) || passed + failed === 0) {
    failed += 1;
    console.error(`${tier}: ${passed + failed === 1 ? 'no tests ran' : `exited with code ${code}`}`);
  }
  return { tier, passed, failed, ms };
}

async function extensionHost() {
  if (only && !only.includes('ext')) {
    return;
  }
  header('extension host (VS Code 1.100.3)');
  const t0 = Date.now();
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ho-ext-')), 'results.json');
  const code = await runExtensionTests({ resultsFile });
  const r = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 0 };
  results.push(tierResult('ext', r.passed, r.failed, code, Date.now() - t0));
}

async function main() {
  const t0 = Date.now();
  await check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
  await check('format', bin('prettier'), ['--check', '.']);
  await check('types', bin('tsc'), ['-p', '.']);
  await check('package', 'npm', ['run', '--silent', 'package']);
  await nodeTests('unit', 'out/test/unit');
  await nodeTests('conformance', 'out/test/conformance');
  await nodeTests('vsix', 'out/test/package');
  if (!only || only.includes('ext') || only.includes('ui')) {
    ensureVscodeServer();
  }
  await extensionHost();
  await nodeTests('ui', 'test/ui');

  console.log('\n=== summary ' + '='.repeat(50));
  for (const r of results) {
    console.log(
      `${r.tier.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${(r.ms / 1000).toFixed(1)} s`,
    );
  }
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

await main();
