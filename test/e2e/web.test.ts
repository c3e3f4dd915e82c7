// The web run: the extension's browser build in code-server's web-worker extension host, as github.dev and
// vscode.dev run it. A variant of the package without `main` (made here, for this test only) makes
// code-server pick that host. Driven through Chromium like ui.test.ts.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildWebOnlyVsix, chooseMenuRow, createSandbox, diagnosticsOf, openListInWorkbench, removeSandbox, type CodeServer, type Sandbox } from './harness';

const vsix = process.env.PAPERLIST_VSIX ?? '';
let packageFolder: string;
let sandbox: Sandbox;
let server: CodeServer;
let browser: Browser;
let page: Page;

const problemRows = (): Locator => page.locator('.markers-panel .monaco-list-row');
const treeRow = (text: string): Locator => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();

async function runCommand(title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Moves the cursor with the editor's Go to Line box ("82:103" is line 82, column 103). */
async function goToLine(target: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${target}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** A test that leaves a screenshot and the logs behind when it fails. */
function webTest(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      const folder = join(tmpdir(), 'paperlist-e2e-failures');
      mkdirSync(folder, { recursive: true });
      const shot = join(folder, `web-failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nscreenshot: ${shot}\n${diagnosticsOf(sandbox, server)}`);
    }
  });
}

describe('the browser build of Paper List in code-server\'s web-worker extension host', { timeout: 300_000 }, () => {
  before(async () => {
    assert.ok(existsSync(vsix), `PAPERLIST_VSIX names the packaged extension (got "${vsix}"); run the tests with npm run test:e2e`);
    packageFolder = mkdtempSync(join(tmpdir(), 'paperlist-web-package-'));
    sandbox = createSandbox(buildWebOnlyVsix(packageFolder));
    ({ server, browser, page } = await openListInWorkbench(sandbox));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (sandbox && !process.env.PAPERLIST_E2E_KEEP) removeSandbox(sandbox);
    if (packageFolder) rmSync(packageFolder, { recursive: true, force: true });
  });

  webTest('the Problems panel lists the reference list\'s 20 problems', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    // The missing image is found through vscode.workspace.fs, asked by the server in its worker.
    await problemRows().filter({ hasText: 'paper_tree.png' }).first().waitFor({ state: 'visible', timeout: 120_000 });
    await problemRows().filter({ hasText: 'Ganguliet al.' }).first().waitFor({ state: 'visible' });
    await page.locator('.part.panel .action-label[aria-label*="Total 20 Problems"]').first().waitFor({ state: 'visible' });
  });

  webTest('the Paper List view shows the sections with their counts', async () => {
    await page.locator('.activitybar .action-item .action-label[aria-label^="Paper List"]').first().click();
    await treeRow('Human Instructions · 17').waitFor({ state: 'visible', timeout: 60_000 });
    await treeRow('Definition of Alignment Targets · ').waitFor({ state: 'visible' });
    const status = page.locator('.statusbar-item', { hasText: /\d+ papers · 20 problems/ }).first();
    await status.waitFor({ state: 'visible' });
  });

  webTest('Ctrl+. offers a finding\'s fix, and applying it removes the finding', async () => {
    await goToLine('82:103');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 82, Col 103' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible' });
    const fix = menu.locator('.monaco-list-row', { hasText: 'Ganguli et al.' }).first();
    await fix.waitFor({ state: 'visible' });
    await chooseMenuRow(page, fix, 10);
    await menu.waitFor({ state: 'hidden' });
    await problemRows().filter({ hasText: 'Ganguliet al.' }).first().waitFor({ state: 'detached' });
    await page.locator('.monaco-editor .view-line', { hasText: '*Ganguli et al.*' }).first().waitFor({ state: 'visible' });
  });

  webTest('typing [[ opens completion with the link labels', async () => {
    // A column past the end puts the cursor at the end of the (wrapped) line.
    await goToLine('11:2000');
    await page.keyboard.type(' [[');
    const suggestions = page.locator('.suggest-widget.visible');
    await suggestions.waitFor({ state: 'visible' });
    for (const label of ['Paper', 'Data', 'Project']) {
      await suggestions.locator('.monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
    }
    await page.keyboard.press('Escape');
  });

  webTest('Running Extensions lists Paper List in the web worker', async () => {
    await runCommand('Developer: Show Running Extensions');
    const anyRow = page.locator('.monaco-list-row').filter({ hasText: /Activation/ }).first();
    await anyRow.waitFor({ state: 'visible', timeout: 60_000 });
    // The list draws only the rows in view, ordered by activation time: scroll until Paper List's row is drawn.
    const row = page.locator('.monaco-list-row', { hasText: 'Paper List' }).filter({ hasText: /Activation/ }).first();
    // The pointer is put over the list once: hovering a row again would scroll that row back into view.
    await anyRow.hover();
    for (let turn = 0; turn < 40 && !(await row.isVisible()); turn++) {
      await page.mouse.wheel(0, 300);
      await row.waitFor({ state: 'visible', timeout: 500 }).catch(() => undefined);
    }
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await row.textContent()) ?? '', /web worker/);
  });
});
