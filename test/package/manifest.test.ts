// Manifest consistency: every contribution has its implementation and its nls string.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
interface Manifest {
  engines: { vscode: string };
  activationEvents?: string[];
  main: string;
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; name: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    viewsWelcome: { view: string; contents: string }[];
    configuration: {
      properties: Record<string, { markdownDescription?: string; description?: string; scope?: string }>;
    };
  };
}
const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const vscodeSources = fs
  .readdirSync(path.join(root, 'src', 'vscode'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(path.join('src', 'vscode', f)))
  .join('\n');
const commandTable = read('src/vscode/commands.ts');

test('every %placeholder% in package.json has a string in package.nls.json', () => {
  const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10, 'the manifest is localised');
  const missing = keys.filter((k) => !(k in nls) || !nls[k].trim());
  assert.deepEqual(missing, []);
});

test('no unused strings in package.nls.json', () => {
  const text = read('package.json');
  assert.deepEqual(
    Object.keys(nls).filter((k) => !text.includes(`%${k}%`)),
    [],
  );
});

test('every contributed command is implemented in the command table, in category Omics, with a codicon', () => {
  for (const c of manifest.contributes.commands) {
    assert.match(c.command, /^healthomics\./);
    assert.ok(commandTable.includes(`'${c.command}'`), `${c.command} has no handler in src/vscode/commands.ts`);
    assert.equal(c.category, 'Omics', `${c.command} category`);
    assert.match(c.icon ?? '', /^\$\([a-z-~]+\)$/, `${c.command} icon`);
  }
});

test('every command the code registers is contributed', () => {
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  const used = new Set([...commandTable.matchAll(/'(healthomics\.[A-Za-z]+)'/g)].map((m) => m[1]));
  assert.deepEqual(
    [...used].filter((c) => !declared.has(c)),
    [],
  );
});

test('every menu item refers to a contributed command', () => {
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) {
      assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
    }
  }
});

test('every setting is read by the typed settings module and described', () => {
  const config = read('src/vscode/config.ts');
  for (const [key, prop] of Object.entries(manifest.contributes.configuration.properties)) {
    const short = key.replace(/^healthomics\./, '');
    assert.ok(config.includes(`'${short}'`), `${key} is not read in src/vscode/config.ts`);
    assert.ok(prop.markdownDescription ?? prop.description, `${key} has no description`);
  }
});

test('every view and container is wired: view ids used by the code, icons exist', () => {
  for (const views of Object.values(manifest.contributes.views)) {
    for (const v of views) {
      assert.ok(vscodeSources.includes(`'${v.id}'`), `${v.id} is never created`);
    }
  }
  for (const c of manifest.contributes.viewsContainers.activitybar) {
    assert.ok(fs.existsSync(path.join(root, c.icon)), c.icon);
    assert.ok(manifest.contributes.views[c.id]?.length, `container ${c.id} has views`);
  }
  for (const w of manifest.contributes.viewsWelcome) {
    const commands = [...(nls[w.contents.replace(/%/g, '')] ?? '').matchAll(/command:([\w.]+)/g)].map((m) => m[1]);
    for (const c of commands) {
      assert.ok(commandTable.includes(`'${c}'`), `welcome content links ${c}`);
    }
  }
});

test('activation is implicit (view/commands only), the engine is pinned to ^1.100.0', () => {
  assert.deepEqual(manifest.activationEvents ?? [], []);
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.equal(manifest.main, './dist/extension.js');
});

test('an untrusted folder cannot choose the profile or the endpoint; workspaces cannot set the endpoint', () => {
  const u = manifest.capabilities.untrustedWorkspaces;
  assert.equal(u.supported, 'limited');
  assert.deepEqual([...(u.restrictedConfigurations ?? [])].sort(), ['healthomics.endpoint', 'healthomics.profile']);
  const endpointScope = manifest.contributes.configuration.properties['healthomics.endpoint'].scope;
  assert.ok(endpointScope === 'machine' || endpointScope === 'application', `endpoint scope ${endpointScope}`);
});
