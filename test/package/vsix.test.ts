// Checks the packaged VSIX (built by `npm run package` before this tier runs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listZip } from './zip';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

/** Everything a user's VS Code needs, and nothing else (no sources, maps, tests, node_modules). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/extension\.js$/,
  /^extension\/media\/[^/]+\.(svg|png)$/,
];

test('the VSIX exists and is named <name>-<version>.vsix', () => {
  assert.ok(fs.existsSync(vsix), `${path.basename(vsix)} not found: npm run package`);
});

test('the VSIX holds only the bundle, media, manifest, README, CHANGELOG and LICENSE', () => {
  const names = listZip(vsix).map((e) => e.name);
  const extra = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
  assert.deepEqual(extra, [], `unexpected files in the VSIX: ${extra.join(', ')}`);
  for (const required of [
    'extension/package.json',
    'extension/package.nls.json',
    'extension/dist/extension.js',
    'extension/media/icon.png',
    'extension/media/healthomics.svg',
  ]) {
    assert.ok(names.includes(required), `${required} missing from the VSIX`);
  }
  assert.ok(
    names.some((n) => /^extension\/readme\.md$/i.test(n)),
    'README missing',
  );
  assert.ok(
    names.some((n) => /^extension\/changelog\.md$/i.test(n)),
    'CHANGELOG missing',
  );
  assert.ok(
    names.some((n) => /^extension\/LICENSE/.test(n)),
    'LICENSE missing',
  );
});

test('the bundled extension is minified and has no inline source map', () => {
  const entry = listZip(vsix).find((e) => e.name === 'extension/dist/extension.js');
  assert.ok(entry);
  const built = fs.readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8');
  assert.equal(entry.size, Buffer.byteLength(built), 'the VSIX bundle is the one in dist/');
  assert.ok(!built.includes('sourceMappingURL=data:'), 'no inline source map');
  // Minified: a few long lines (newlines survive only inside template literals), not one statement per line.
  const lines = built.split('\n').length;
  assert.ok(built.length / lines > 2000, `production bundle is minified (${lines} lines for ${built.length} bytes)`);
});
