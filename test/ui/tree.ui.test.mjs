// UI tier: the packaged VSIX in a real VS Code 1.100.3 workbench (headless Chromium), against the emulator's demo
// data. Expands the groups, clicks "Load more…", copies an ARN from the context menu, and saves the README
// screenshot (media/screenshot.png).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { root } from '../harness/demo-env.mjs';
import { openDemoWorkbench, openView, row, ROWS, runPaletteCommand, saveFailureShot, VIEW } from './workbench.mjs';

let wb;
let failures = 0;

/** A UI test that saves a screenshot of the workbench when it fails. */
function uiTest(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      failures++;
      const shot = await saveFailureShot(wb.page, name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60));
      console.error(`failure screenshot: ${shot}`);
      throw err;
    }
  });
}

before(async () => {
  wb = await openDemoWorkbench();
});

after(async () => {
  await wb?.close(failures === 0);
});

uiTest('the activity-bar icon opens the view with both owner groups and their status groups', async () => {
  const { page } = wb;
  await openView(page);
  await row(page, 'Shared by me').waitFor({ timeout: 30_000 });
  await row(page, 'Shared with me').waitFor();
  // Demo data, page size 10: demo-owner has more than a page of Active shares, so the group says "10+".
  await page
    .locator(ROWS)
    .filter({ has: page.locator('.label-name', { hasText: 'Active' }) })
    .filter({ has: page.locator('.label-description', { hasText: '10+' }) })
    .waitFor({ timeout: 30_000 });
  await row(page, 'Pending').waitFor();
  assert.equal(await page.locator(ROWS).filter({ hasText: 'Loading shares…' }).count(), 0);
});

uiTest('"Load more…" loads the next page of a status group', async () => {
  const { page, emulator } = wb;
  // Collapse the noisy groups so the Active group and its rows fit in the viewport.
  const activeRow = row(page, 'Active');
  const countBefore = await activeRow.locator('.label-description').innerText();
  assert.match(countBefore, /^10\+$/, 'demo-owner has more than one page of Active shares (page size 10)');
  await activeRow.click();
  const loadMore = row(page, 'Load more…');
  await loadMore.waitFor();
  const requestsBefore = emulator.requests.filter((r) => r.operation === 'ListShares').length;
  await loadMore.click();
  const listShares = () => emulator.requests.filter((r) => r.operation === 'ListShares').length;
  for (let i = 0; i < 100 && listShares() === requestsBefore; i++) {
    await page.waitForTimeout(50);
  }
  // The group's count now says two pages are loaded.
  await page.waitForFunction(
    ([sel]) =>
      [...document.querySelectorAll(sel)].some(
        (r) =>
          r.querySelector('.label-name')?.textContent === 'Active' &&
          /^20\+$/.test(r.querySelector('.label-description')?.textContent ?? ''),
      ),
    [ROWS],
  );
  const requestsAfter = emulator.requests.filter((r) => r.operation === 'ListShares').length;
  assert.equal(requestsAfter, requestsBefore + 1, 'one request for one page');
});

uiTest('Copy Resource ARN from a share row context menu puts the ARN on the clipboard', async () => {
  const { page } = wb;
  await page.mouse.move(900, 400);
  const shareRow = page
    .locator(ROWS)
    .filter({ has: page.locator('.codicon-symbol-event, .codicon-database, .codicon-note') })
    .first();
  await shareRow.click({ button: 'right' });
  await page.waitForTimeout(300);
  await page.locator('.context-view .monaco-menu .action-item', { hasText: 'Copy Resource ARN' }).first().click();
  await page.waitForTimeout(200);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /^arn:aws:omics:us-east-1:\d{12}:(workflow|variantStore|annotationStore)\/\S+$/);
});

uiTest(
  '"Omics: Filter Shares" from the palette filters on the server, survives a window reload, and clears',
  async () => {
    const { page, emulator } = wb;
    await runPaletteCommand(page, 'Omics: Filter Shares');
    const pick = page.locator('.quick-input-widget');
    await pick.locator('.quick-input-list .monaco-list-row', { hasText: 'Pending' }).first().click();
    await page.keyboard.press('Enter');
    const message = page.locator(`${VIEW} .message`, { hasText: 'Filter: Pending' });
    await message.waitFor({ timeout: 15_000 });
    const last = emulator.requests.filter((r) => r.operation === 'ListShares').at(-1);
    assert.deepEqual(last?.filter, { status: ['PENDING'] }, 'the filter went to the server');
    await page.locator(ROWS).filter({ hasText: 'Active' }).first().waitFor({ state: 'detached', timeout: 15_000 });
    // A reload restarts the extension: the filter comes back from the extension's storage.
    await runPaletteCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openView(page);
    await page.locator(`${VIEW} .message`, { hasText: 'Filter: Pending' }).waitFor({ timeout: 30_000 });
    await runPaletteCommand(page, 'Omics: Clear Share Filter');
    await page.locator(`${VIEW} .message`).filter({ hasText: 'Filter:' }).waitFor({ state: 'hidden', timeout: 15_000 });
    await row(page, 'Active').waitFor({ timeout: 15_000 });
  },
);

uiTest('Accept Share from the context menu of a pending offer moves it out of Pending', async () => {
  const { page, emulator } = wb;
  const pendingGroups = page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: /^Pending$/ }) });
  await pendingGroups.nth(1).waitFor({ timeout: 15_000 }); // Shared by me and Shared with me both have offers
  const offer = row(page, 'long-read-assembly');
  await offer.click({ button: 'right' });
  await page.waitForTimeout(300);
  await page.locator('.context-view .monaco-menu .action-item', { hasText: 'Accept Share' }).first().click();
  for (let i = 0; i < 100 && !emulator.requests.some((r) => r.operation === 'AcceptShare'); i++) {
    await page.waitForTimeout(50);
  }
  const accept = emulator.requests.find((r) => r.operation === 'AcceptShare');
  assert.equal(accept?.status, 200);
  // Its only Pending group under "Shared with me" is gone: one Pending group left.
  await page.waitForFunction(
    ([sel]) =>
      [...document.querySelectorAll(sel)].filter((r) => r.querySelector('.label-name')?.textContent === 'Pending')
        .length === 1,
    [ROWS],
  );
  // …and live status polling follows it to Active ("Shared with me" had 3 Active shares in the demo data).
  await page
    .locator(ROWS)
    .filter({ has: page.locator('.label-name', { hasText: /^Active$/ }) })
    .filter({ has: page.locator('.label-description', { hasText: /^4$/ }) })
    .waitFor({ timeout: 20_000 });
});

uiTest('palette command "Omics: Refresh Shares" runs and the tree comes back; screenshot for the README', async () => {
  const { page } = wb;
  await runPaletteCommand(page, 'Omics: Refresh Shares');
  await row(page, 'Shared by me').waitFor();
  await row(page, 'Pending').waitFor({ timeout: 30_000 });
  // README screenshot: a wider sidebar, the Active group open with its "Load more…" row.
  const sidebar = await page.locator('[id="workbench.parts.sidebar"]').boundingBox();
  if (sidebar) {
    const x = sidebar.x + sidebar.width;
    await page.mouse.move(x - 1, 400);
    await page.mouse.down();
    await page.mouse.move(x + 230, 400, { steps: 5 });
    await page.mouse.up();
  }
  // Expansion survives the refresh (stable ids), so expand by state, not by toggling; and wait for the reload to
  // settle first (rows are re-rendered when the owners' groups arrive).
  await page
    .locator(ROWS)
    .filter({ hasText: 'Loading shares…' })
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 });
  await page.waitForTimeout(500);
  for (let attempt = 0; attempt < 5 && !(await row(page, 'Load more…').isVisible()); attempt++) {
    for (const label of ['Deleting', 'Active']) {
      const r = row(page, label);
      if ((await r.getAttribute('aria-expanded')) !== 'true') {
        await r.click();
      }
    }
    await row(page, 'Load more…')
      .waitFor({ timeout: 3000 })
      .catch(() => {});
  }
  await row(page, 'Load more…').waitFor({ timeout: 1000 });
  await page.mouse.move(1100, 700);
  await page.waitForTimeout(500);
  await page.screenshot({
    path: path.join(root, 'media', 'screenshot.png'),
    clip: { x: 0, y: 0, width: 1000, height: 800 },
  });
});
