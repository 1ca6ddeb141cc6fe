#!/usr/bin/env node
// `npm run bench`: size and speed figures as ratios to baselines measured in the same run (not a test).
//   bundle size      vs a floor bundle built now: OmicsClient + ListSharesCommand + fromIni only   budget ≤ 1.15×
//   VSIX size        absolute                                                                     budget ≤ 150 KB
//   activation       require + activate(real bundle) vs require(floor bundle), fresh process each, median of N
//   10,000 shares    the extension's core loading one status page by page vs the SDK's paginateListShares over
//                    the same emulator data (goal ≤ 1.10×), and the heap per loaded share
// Exits non-zero when a budget is exceeded.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionOptions } from '../../esbuild.mjs';
import { root } from './demo-env.mjs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const RUNS = Number(process.env.BENCH_RUNS || 15);
const tmp = process.env.BENCH_TMP
  ? (fs.mkdirSync(process.env.BENCH_TMP, { recursive: true }), process.env.BENCH_TMP)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'ho-bench-'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const failures = [];

// 1. Bundles: the real one and the floor, with identical production options.
const prod = { ...extensionOptions, minify: true, sourcemap: false, metafile: false, logLevel: 'error' };
const extOut = path.join(tmp, 'extension.js');
await esbuild.build({ ...prod, outfile: extOut });
const floorEntry = path.join(root, 'out', 'bench-floor-entry.ts');
fs.mkdirSync(path.dirname(floorEntry), { recursive: true });
fs.writeFileSync(
  floorEntry,
  `import { ListSharesCommand, OmicsClient } from '@aws-sdk/client-omics';
import { fromIni } from '@aws-sdk/credential-providers';
export async function list(profile: string): Promise<number> {
  const client = new OmicsClient({ region: 'us-east-1', credentials: fromIni({ profile }) });
  const out = await client.send(new ListSharesCommand({ resourceOwner: 'SELF' }));
  return out.shares?.length ?? 0;
}
`,
);
const floorOut = path.join(tmp, 'floor.js');
await esbuild.build({ ...prod, entryPoints: [floorEntry], outfile: floorOut, external: [] });
const extSize = fs.statSync(extOut).size;
const floorSize = fs.statSync(floorOut).size;

// 2. VSIX.
execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'ignore' });
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const vsixSize = fs.statSync(path.join(root, `healthomics-shares-${version}.vsix`)).size;

// 3. Activation: a fresh Node process per sample. `vscode` is a stub (the only seam that cannot be real outside
//    VS Code); everything else is the real bundle, including reading the AWS config files.
const probe = path.join(tmp, 'probe.cjs');
fs.writeFileSync(
  probe,
  `const Module = require('module');
const stub = require(${JSON.stringify(path.join(root, 'test', 'harness', 'vscode-stub.cjs'))});
const orig = Module._resolveFilename;
Module._resolveFilename = function (r, ...a) { return r === 'vscode' ? 'vscode' : orig.call(this, r, ...a); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const t0 = process.hrtime.bigint();
const m = require(process.argv[2]);
const run = process.argv[3] === 'activate' ? m.activate(stub.__context()) : Promise.resolve();
Promise.resolve(run).then(() => {
  process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));
  process.exit(0);
});
`,
);
const sample = (file, mode) => {
  const r = spawnSync(process.execPath, [probe, file, mode], {
    encoding: 'utf8',
    env: {
      ...process.env,
      AWS_CONFIG_FILE: path.join(tmp, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'none'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  if (r.status !== 0) {
    throw new Error(
      `probe failed: ${r.stderr
        .split('\n')
        .filter((l) => l.length < 400)
        .slice(-12)
        .join('\n')}`,
    );
  }
  return Number(r.stdout);
};
const floorTimes = [];
const activateTimes = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so drift on a busy machine affects both equally.
  floorTimes.push(sample(floorOut, 'require'));
  activateTimes.push(sample(extOut, 'activate'));
}

console.log(
  `bundle         ${kb(extSize)}  floor ${kb(floorSize)}  ratio ${ratio(extSize, floorSize)}  (budget ≤ 1.15×)`,
);
console.log(`VSIX           ${kb(vsixSize)}  (budget ≤ 150 KB)`);
console.log(
  `activation     median ${median(activateTimes).toFixed(1)} ms vs require(floor) ${median(floorTimes).toFixed(1)} ms  ratio ${ratio(median(activateTimes), median(floorTimes))}  (${RUNS} runs each)`,
);
if (extSize / floorSize > 1.15) {
  failures.push('bundle over 1.15× floor');
}
if (vsixSize > 150 * 1024) {
  failures.push('VSIX over 150 KB');
}

// 4. 10,000 shares of one status: the core's paging vs the SDK's own paginator, against the emulator.
const scale = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'test', 'harness', 'bench-scale.cjs')], {
  encoding: 'utf8',
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
});
process.stdout.write(scale.stdout);
if (scale.status !== 0) {
  process.stderr.write(scale.stderr);
  failures.push('scale benchmark failed');
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) {
  console.error(`over budget: ${failures.join('; ')}`);
  process.exitCode = 1;
}
