// Runs the extension-host suite (test/e2e/suite) inside code-server: the workbench page gets the
// extension and the bundled suite through its `payload`, runs the suite, and reports the exit code
// through `codeAutomationExit`.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startOnlineServer, type OnlineTestServer } from '../helpers/onlineServer';
import { sourceUrlVariables } from '../../server/src/node/onlineSources';
import { buildSuite, createSandbox, diagnosticsOf, launchBrowser, within, openWorkbench, removeSandbox, startCodeServer, suiteWorkspaceFiles, workbenchUrl, type CodeServer, type Sandbox } from './harness';

const vsix = process.env.PAPERLIST_VSIX ?? '';
let sandbox: Sandbox;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let online: OnlineTestServer | undefined;

before(() => {
  assert.ok(existsSync(vsix), `PAPERLIST_VSIX names the packaged extension (got "${vsix}"); run the tests with npm run test:e2e`);
  // The workspace: copies of the reference list, one for each test that edits, a .bib file and settings,
  // named in workspaceFiles.json by the suite.
  sandbox = createSandbox(vsix, suiteWorkspaceFiles());
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await online?.close();
  if (sandbox && !process.env.PAPERLIST_E2E_KEEP) removeSandbox(sandbox);
});

test('extension-host tests pass in code-server', { timeout: 300_000 }, async () => {
  const suite = join(sandbox.root, 'suite', 'index.js');
  await buildSuite(suite);
  const results = join(sandbox.root, 'results.json');
  // The metadata sources point at a local server of recorded answers, for "Add Paper from Link" online.
  const recorded = await startOnlineServer();
  online = recorded;
  const sources = Object.fromEntries(Object.entries(sourceUrlVariables).map(([key, name]) => [name, recorded.urls[key as keyof typeof recorded.urls]]));
  server = await startCodeServer(sandbox, { PAPERLIST_E2E_RESULTS: results, PAPERLIST_CACHE_DIR: join(sandbox.root, 'metadata-cache'), ...sources });
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let exit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => {
    exit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  await page.exposeFunction('codeAutomationLog', () => undefined);
  const url = workbenchUrl(server, sandbox, [
    ['extensionDevelopmentPath', server.remoteUri(sandbox.extensionDir)],
    ['extensionTestsPath', server.remoteUri(suite)],
  ]);
  await within(openWorkbench(page, url), 90_000, () => `the workbench did not load\n${diagnosticsOf(sandbox, server)}`);
  const code = await within(exited, 240_000, () => `the suite did not finish\n${diagnosticsOf(sandbox, server)}`);
  const report = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as { name: string; ok: boolean; milliseconds: number; error?: string }[]) : [];
  for (const result of report) console.log(`  ${result.ok ? '✔' : '✖'} ${result.name} (${result.milliseconds} ms)${result.error ? `\n${result.error}` : ''}`);
  assert.ok(report.length > 0, `the suite wrote no results; code-server said:\n${server.output().slice(-4000)}`);
  assert.deepEqual(report.filter((result) => !result.ok).map((result) => result.name), []);
  assert.equal(code, 0);
});
