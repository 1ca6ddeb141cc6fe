// Playwright helpers for the VS Code 1.100.3 web workbench (selectors verified against that build).
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_REGION, loadEmulator, root, writeAwsFiles } from '../harness/demo-env.mjs';
import { installVsix, killGroup, launchBrowser, makeRunDir, startVscodeServer } from '../harness/vscode-web.mjs';

export const VIEW = '[id="workbench.view.extension.healthomics"]';
export const ROWS = `${VIEW} .monaco-list-row[role="treeitem"]`;
export const ARTIFACTS = path.join(root, 'test-results', 'ui');

export function vsixPath() {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const vsix = path.join(root, `healthomics-shares-${version}.vsix`);
  if (!fs.existsSync(vsix)) {
    throw new Error(`${path.basename(vsix)} is missing: run "npm run package" first`);
  }
  return vsix;
}

/**
 * Everything a UI test needs, real end to end: the emulator with a data set, the packaged VSIX installed in the
 * VS Code server, the server pointed at the emulator through AWS config files, and Chromium on the workbench.
 */
export async function openDemoWorkbench({ data, profileIndex = 0, settings = {} } = {}) {
  const { startEmulator, loadDataFile } = loadEmulator();
  const runDir = makeRunDir('ui');
  const dataSet = data ?? loadDataFile(path.join(root, 'test', 'emulator', 'data', 'demo.json'));
  const emulator = await startEmulator({ data: dataSet, port: 0 });
  const aws = writeAwsFiles(path.join(runDir, 'aws'), dataSet.accounts, DEMO_REGION);
  const extensionsDir = path.join(runDir, 'extensions');
  await installVsix({ vsix: vsixPath(), extensionsDir, rootDir: runDir });
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  const server = await startVscodeServer({
    rootDir: runDir,
    extensionsDir,
    userSettings: {
      'healthomics.profile': aws.profiles[profileIndex],
      'healthomics.region': DEMO_REGION,
      // Sticky group headers would sit on top of the rows the test clicks.
      'workbench.tree.enableStickyScroll': false,
      // Hovers would cover the rows and menus the test clicks (the tooltip content is tested in the extension host).
      'workbench.hover.delay': 60000,
      // Small pages keep a status group, its rows and its "Load more…" row on one screen.
      'healthomics.pageSize': 10,
      ...settings,
    },
    machineSettings: { 'healthomics.endpoint': emulator.url },
    env: aws.env,
  });
  const context = await launchBrowser({ rootDir: runDir, viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const close = async (ok) => {
    await context.close().catch(() => {});
    killGroup(server.child);
    await emulator.close().catch(() => {});
    if (ok) {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  };
  return { page, context, emulator, server, aws, runDir, close };
}

export async function saveFailureShot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}-failure.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/**
 * Opens the HealthOmics container. Clicking its icon while it is open closes it, and after a reload the workbench
 * may still be restoring the sidebar when we look, so check, click, and check again.
 */
export async function openView(page) {
  const icon = page.locator('.activitybar a.action-label[aria-label="HealthOmics"]');
  await icon.waitFor({ timeout: 30_000 });
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await page.locator(VIEW).isVisible()) {
      return;
    }
    await page.waitForTimeout(attempt === 0 ? 0 : 500);
    if (!(await page.locator(VIEW).isVisible())) {
      await icon.click();
    }
    await page
      .locator(VIEW)
      .waitFor({ timeout: 3000 })
      .catch(() => {});
  }
  await page.locator(VIEW).waitFor({ timeout: 5000 });
}

export async function runPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Tree row by its label text (the `.label-name`), not its aria-label (that is the tooltip). */
export function row(page, label) {
  return page
    .locator(ROWS)
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
}
