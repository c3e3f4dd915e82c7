// Starts code-server (a real VS Code served to a browser) and Debian's Chromium for the end-to-end tests.
// Every run gets fresh folders under the system temp directory; code-server and the browser are stopped
// by their process groups. Waits are on events (a log line, an exit, a DOM state), never on a clock.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const e2eDir = process.env.PAPERLIST_E2E_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'paperlist-e2e');
export const codeServerBin = join(e2eDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.PAPERLIST_CHROMIUM ?? '/usr/bin/chromium';
export const referenceList = join(repoRoot, 'test', 'fixtures', 'alignment-survey.md');

/** What is missing to run the tests here, in words; empty when everything is installed. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(codeServerBin)) missing.push(`code-server (expected at ${codeServerBin})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (expected at ${chromiumPath})`);
  return missing;
}

export interface Sandbox {
  root: string;
  workspace: string;
  userData: string;
  extensions: string;
  config: string;
  /** The installed (unpacked) extension folder. */
  extensionDir: string;
}

/** The workspace of the extension-host suite: file names and the paths they are copied from, as the suite names them. */
export function suiteWorkspaceFiles(): Record<string, string> {
  const files = JSON.parse(readFileSync(join(repoRoot, 'test', 'e2e', 'suite', 'workspaceFiles.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(files).map(([name, source]) => [name, join(repoRoot, source)]));
}

/** Copies files into a folder under the given names, writable, as the tests (and people trying the demo) edit them. */
export function copyFiles(files: Record<string, string>, folder: string): void {
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    cpSync(source, join(folder, name));
    // The sources may be read-only.
    chmodSync(join(folder, name), 0o644);
  }
}

/** Bundles the extension-host suite (test/e2e/suite) into one file that VS Code loads, with `vscode` left to the host. */
export async function buildSuite(outfile: string): Promise<void> {
  // Required by path, not imported: under tsx's tsImport (scripts/e2e-electron.mjs) an imported esbuild
  // looks for its binary at a path with tsx's query appended.
  const { build } = createRequire(join(repoRoot, 'package.json'))('esbuild') as typeof import('esbuild');
  await build({
    entryPoints: [join(repoRoot, 'test', 'e2e', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

/** Fresh folders, a copy of the reference list in a workspace, and the .vsix installed into code-server. */
export function createSandbox(vsix: string, files: Record<string, string> = { 'alignment-survey.md': referenceList }): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'paperlist-e2e-'));
  const sandbox = {
    root,
    workspace: join(root, 'workspace'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    extensionDir: '',
  };
  for (const folder of [sandbox.workspace, sandbox.userData, sandbox.extensions]) mkdirSync(folder, { recursive: true });
  writeFileSync(sandbox.config, 'auth: none\n');
  copyFiles(files, sandbox.workspace);
  // Quiet, predictable editor: no welcome page, no trust prompt, no auto-closing surprises in typing tests.
  mkdirSync(join(sandbox.userData, 'User'), { recursive: true });
  writeFileSync(
    join(sandbox.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'editor.minimap.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.layoutControl.enabled': false,
      },
      null,
      2,
    ),
  );
  const install = spawnSync(codeServerBin, ['--config', sandbox.config, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--install-extension', vsix], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`code-server --install-extension failed:\n${install.stdout}\n${install.stderr}`);
  const installed = readdirSync(sandbox.extensions).find((name) => name.startsWith('paperlist.paperlist-'));
  if (!installed) throw new Error(`the extension is not in ${sandbox.extensions} after installing ${vsix}`);
  sandbox.extensionDir = join(sandbox.extensions, installed);
  return sandbox;
}

export function removeSandbox(sandbox: Sandbox): void {
  rmSync(sandbox.root, { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface CodeServer {
  port: number;
  url: string;
  output: () => string;
  /** The remote URI of a path on this machine, as the workbench in the browser names it. */
  remoteUri: (path: string) => string;
  stop: () => Promise<void>;
}

/** Starts code-server detached (its own process group) and resolves once it says it is listening. */
export async function startCodeServer(sandbox: Sandbox, env: Record<string, string> = {}, fixedPort?: number): Promise<CodeServer> {
  const port = fixedPort ?? (await freePort());
  const args = [
    '--config', sandbox.config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions,
    sandbox.workspace,
  ];
  const child: ChildProcess = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  const listening = new Promise<void>((resolveListening, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/HTTP server listening on/.test(output)) resolveListening();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${output}`)));
  });
  const exited = once(child, 'exit');
  await listening;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      // The extension host and language server are in the same group; make sure none outlives the test.
      killGroup(child.pid!, 'SIGKILL');
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The ends of code-server's output and of the extension host, agent and Paper List logs, for failure messages. */
export function diagnosticsOf(sandbox: Sandbox, server?: CodeServer): string {
  const parts: string[] = [];
  if (server) parts.push(`--- code-server output (end) ---\n${server.output().slice(-3000)}`);
  const logs = join(sandbox.userData, 'logs');
  const walk = (folder: string): void => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^(remoteexthost|remoteagent|Paper List)\.log$/.test(entry.name)) parts.push(`--- ${path} (end) ---\n${readFileSync(path, 'utf8').slice(-2500)}`);
    }
  };
  walk(logs);
  return parts.join('\n');
}

/** Rejects with `message` and the logs when `promise` has not settled after `milliseconds`: a guard against hangs, not a wait. */
export async function within<T>(promise: Promise<T>, milliseconds: number, message: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), milliseconds);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The workbench URL of the sandbox folder, optionally with a file to open and other payload entries. */
export function workbenchUrl(server: CodeServer, sandbox: Sandbox, payload: [string, string][] = []): string {
  const query = new URLSearchParams({ folder: sandbox.workspace });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** Opens the workbench and waits until its parts are on screen. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  // A generous guard: on a loaded machine the workbench page takes long to load.
  await page.goto(url, { timeout: 120_000 });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * Packages a variant of the extension without `main`, for the web run only: code-server then runs it in
 * its web-worker extension host, as github.dev and vscode.dev would (with `main` it would pick the Node
 * host). Takes the files the .vscodeignore lets into the real package, less the Node bundles, from the
 * build that packaged it.
 */
/**
 * Moves the keyboard focus in a quick-fix menu to a row, pressing the down arrow at most `maxSteps`
 * times, and applies it: the pointer block over the menu swallows clicks.
 */
export async function chooseMenuRow(page: Page, row: Locator, maxSteps: number): Promise<void> {
  await row.waitFor({ state: 'visible' });
  for (let step = 0; step < maxSteps && !(await row.evaluate((element) => element.classList.contains('focused'))); step++) await page.keyboard.press('ArrowDown');
  assert.ok(await row.evaluate((element) => element.classList.contains('focused')), 'the action can be focused');
  await page.keyboard.press('Enter');
}

/** A code-server on a sandbox, with Chromium showing its workbench and the sandbox's reference list open. */
export interface OpenWorkbench {
  server: CodeServer;
  browser: Browser;
  page: Page;
}

/**
 * Starts code-server on a sandbox and opens its workbench in Chromium with `alignment-survey.md` in an
 * editor. On failure it stops what it started and says what code-server logged.
 */
export async function openListInWorkbench(sandbox: Sandbox): Promise<OpenWorkbench> {
  const server = await startCodeServer(sandbox);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const file = join(sandbox.workspace, 'alignment-survey.md');
    await openWorkbench(page, workbenchUrl(server, sandbox, [['openFile', server.remoteUri(file)]]));
    await page.locator('.tabs-container .tab', { hasText: 'alignment-survey.md' }).waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible' });
    return { server, browser, page };
  } catch (error) {
    const logs = diagnosticsOf(sandbox, server);
    await browser.close();
    await server.stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}

export function buildWebOnlyVsix(folder: string): string {
  const staging = join(folder, 'web-package');
  mkdirSync(staging, { recursive: true });
  const kept = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim())
    .filter((path) => path !== 'package.json' && path !== 'dist/extension.js' && path !== 'dist/server.js' && existsSync(join(repoRoot, path)));
  for (const path of kept) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(staging, path));
  }
  writeFileSync(join(staging, '.vscodeignore'), readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  delete manifest.scripts;
  delete manifest.devDependencies;
  writeFileSync(join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
  const out = join(folder, 'paperlist-web.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packaged = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: staging, encoding: 'utf8' });
  if (packaged.status !== 0) throw new Error(`vsce package of the web-only variant failed:\n${packaged.stdout}\n${packaged.stderr}`);
  return out;
}
