// UI tests: the packaged extension in code-server, driven through Chromium like a user would.
// Set PAPERLIST_SCREENSHOTS to a folder (npm run test:e2e -- --screenshots writes images/) to keep the
// screenshots for the README; otherwise they go to the run's temporary folder.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { chooseMenuRow, createSandbox, diagnosticsOf, openListInWorkbench, removeSandbox, type CodeServer, type Sandbox } from './harness';

const vsix = process.env.PAPERLIST_VSIX ?? '';
let sandbox: Sandbox;
let server: CodeServer;
let browser: Browser;
let page: Page;
let screenshots: string;

const problemRows = (): Locator => page.locator('.markers-panel .monaco-list-row');
const treeRow = (text: string): Locator => page.locator('.sidebar .monaco-list-row', { hasText: text }).first();

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

/** Runs a command from the palette by its title. */
async function runCommand(title: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^Paper List: /, '') }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Moves the keyboard focus in the quick-fix menu to a row and applies it. */
const chooseAction = (row: Locator): Promise<void> => chooseMenuRow(page, row, 20);

/** A UI test that leaves a screenshot and the logs behind when it fails, so that a CI failure can be understood. */
function uiTest(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      const folder = join(tmpdir(), 'paperlist-e2e-failures');
      mkdirSync(folder, { recursive: true });
      const shot = join(folder, `failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nscreenshot: ${shot}\n${diagnosticsOf(sandbox, server)}`);
    }
  });
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, name) });
}

describe('the Paper List extension in code-server', { timeout: 300_000 }, () => {
  before(async () => {
    assert.ok(existsSync(vsix), `PAPERLIST_VSIX names the packaged extension (got "${vsix}"); run the tests with npm run test:e2e`);
    sandbox = createSandbox(vsix);
    screenshots = process.env.PAPERLIST_SCREENSHOTS || join(sandbox.root, 'screenshots');
    mkdirSync(screenshots, { recursive: true });
    ({ server, browser, page } = await openListInWorkbench(sandbox));
  });


  after(async () => {
    await browser?.close();
    await server?.stop();
    if (sandbox && !process.env.PAPERLIST_E2E_KEEP) removeSandbox(sandbox);
  });

  uiTest('the Problems panel lists the findings', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    await problemRows().filter({ hasText: 'paper_tree.png' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await problemRows().filter({ hasText: 'Ganguliet al.' }).first().waitFor({ state: 'visible' });
    assert.ok((await problemRows().count()) > 5, 'several findings are listed');
  });

  uiTest('the Paper List view shows the sections with their counts and the status bar the totals', async () => {
    await page.locator('.activitybar .action-item .action-label[aria-label^="Paper List"]').first().click();
    await treeRow('Human Instructions · 17').waitFor({ state: 'visible', timeout: 60_000 });
    // A wider sidebar, so that the screenshot shows whole section titles with their counts.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 140, sidebar.y + sidebar.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await treeRow('Definition of Alignment Targets · ').waitFor({ state: 'visible' });
    const status = page.locator('.statusbar-item', { hasText: /\d+ papers · \d+ problems/ }).first();
    await status.waitFor({ state: 'visible' });
    assert.match((await status.textContent()) ?? '', /\d+ papers · \d+ problems/);
    await screenshot('paperlist-tree-problems.png');
  });

  uiTest('clicking an entry moves the cursor to its line', async () => {
    const section = treeRow('Human Instructions · 17');
    // The tree follows the cursor, so the section may be open already.
    if ((await section.getAttribute('aria-expanded')) !== 'true') await section.locator('.monaco-tl-twistie').click();
    const entry = treeRow('Cross-task generalization via natural language crowdsourcing instructions');
    await entry.waitFor({ state: 'visible' });
    await entry.click();
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 12,' }).waitFor({ state: 'visible' });
  });

  uiTest('Go to Section picks a heading from the section tree', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Paper List: Go to Section');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Go to Section' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Definition of Alignment Targets' }).first().waitFor({ state: 'visible' });
    await input.fill('Automatic Chatbot');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Automatic Chatbot Arenas' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 109,' }).waitFor({ state: 'visible' });
  });

  uiTest('Ctrl+. on a finding offers its fix, and applying it removes the finding', async () => {
    await goToLine('82:103');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 82, Col 103' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible' });
    const fix = menu.locator('.monaco-list-row', { hasText: 'Ganguli et al.' }).first();
    await fix.waitFor({ state: 'visible' });
    await screenshot('paperlist-quick-fix.png');
    await chooseMenuRow(page, fix, 10);
    await menu.waitFor({ state: 'hidden' });
    await problemRows().filter({ hasText: 'Ganguliet al.' }).first().waitFor({ state: 'detached' });
    await page.locator('.monaco-editor .view-line', { hasText: '*Ganguli et al.*' }).first().waitFor({ state: 'visible' });
  });

  uiTest('hovering the first heading shows the house style of the list', async () => {
    await goToLine('1:5');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 1, Col 5' }).waitFor({ state: 'visible' });
    // Ctrl+K Ctrl+I shows the hover at the cursor, as pointing at the heading would.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'House style' }).first();
    await hover.waitFor({ state: 'visible' });
    await hover.locator('td', { hasText: 'Period after the title' }).first().waitFor({ state: 'visible' });
    await screenshot('paperlist-house-style.png');
    await page.keyboard.press('Escape');
  });

  uiTest('typing [[ opens completion with the link labels', async () => {
    // A column past the end puts the cursor at the end of the (wrapped) line.
    await goToLine('11:2000');
    await page.keyboard.type(' [[');
    const suggestions = page.locator('.suggest-widget.visible');
    await suggestions.waitFor({ state: 'visible' });
    for (const label of ['Paper', 'Data', 'Project']) {
      await suggestions.locator('.monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
    }
    await screenshot('paperlist-completion.png');
    await page.keyboard.press('Escape');
  });

  uiTest('section rows show their problems: a warning icon and the count', async () => {
    const row = treeRow('Human Instructions · 17');
    // The sidebar is open from the tests above; clicking its icon again would close it.
    if (!(await row.isVisible())) await page.locator('.activitybar .action-item .action-label[aria-label^="Paper List"]').first().click();
    await row.waitFor({ state: 'visible' });
    await row.locator('.label-description', { hasText: '3 warnings' }).waitFor({ state: 'visible' });
    await row.locator('.codicon-warning').first().waitFor({ state: 'visible' });
  });

  uiTest('Ctrl+. offers "Disable author-format for this line", which writes the inline comment', async () => {
    await goToLine('132:65');
    await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 132, Col 65' }).waitFor({ state: 'visible' });
    const menu = page.locator('.action-widget');
    // The findings of the line may still be on their way after the edits above: ask again if no menu comes.
    for (let attempt = 0; attempt < 3 && !(await menu.isVisible()); attempt++) {
      await page.keyboard.press('Control+Period');
      await menu.waitFor({ state: 'visible', timeout: 8_000 }).catch(() => undefined);
    }
    await menu.waitFor({ state: 'visible' });
    await menu.locator('.monaco-list-row', { hasText: 'Fix all author-format problems in this file' }).first().waitFor({ state: 'visible' });
    await chooseAction(menu.locator('.monaco-list-row', { hasText: 'Disable author-format for this line' }).first());
    await menu.waitFor({ state: 'hidden' });
    await page.locator('.monaco-editor .view-line', { hasText: 'paperlist-disable-next-line author-format' }).first().waitFor({ state: 'visible' });
  });

  uiTest('a digit typed on the line after entry 17 opens completion with 18.', async () => {
    await goToLine('27:2000');
    await page.keyboard.press('Enter');
    // Whatever the editor carried over to the new line is cleared, then a digit is typed.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await page.keyboard.type('1');
    const suggestions = page.locator('.suggest-widget.visible');
    await suggestions.waitFor({ state: 'visible' });
    await suggestions.locator('.monaco-list-row', { hasText: '18.' }).first().waitFor({ state: 'visible' });
    assert.equal(await suggestions.locator('.monaco-list-row', { hasText: /^\s*17\./ }).count(), 0);
    await screenshot('paperlist-next-number.png');
    await page.keyboard.press('Escape');
    for (let undo = 0; undo < 3; undo++) await page.keyboard.press('Control+Z');
  });

  uiTest('Add Paper from BibTeX opens its box at once, without clipboard permission and without an error first', async () => {
    await runCommand('Paper List: Add Paper from BibTeX');
    const box = page.locator('.quick-input-widget', { hasText: 'Add Paper from BibTeX' });
    await box.waitFor({ state: 'visible' });
    assert.equal(await page.locator('.notifications-toasts', { hasText: 'clipboard' }).count(), 0, 'no clipboard error before the box');
    await page.keyboard.press('Escape');
    await box.waitFor({ state: 'hidden' });
  });

  uiTest('Show House Style renders the style beside the list, and its Pin button writes .paperlistrc.json', async () => {
    await runCommand('Paper List: Show House Style');
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('td', { hasText: 'Link brackets' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const pin = view.locator('button', { hasText: 'Pin to .paperlistrc.json' });
    await pin.waitFor({ state: 'visible' });
    await screenshot('paperlist-house-style-view.png');
    await pin.click();
    await page.locator('.notifications-toasts', { hasText: '.paperlistrc.json' }).first().waitFor({ state: 'visible' });
    const config = JSON.parse(readFileSync(join(sandbox.workspace, '.paperlistrc.json'), 'utf8'));
    assert.equal(config.houseStyle.marker, 'numbered');
  });
});
