// Runs the extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by @vscode/test-electron.
// Where VS Code cannot be downloaded (no internet, as in this project's CI) it says so and skips: the
// same suite runs in code-server through test/e2e/host.test.ts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '..');
const version = process.env.PAPERLIST_VSCODE_VERSION ?? '1.100.3';

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test') });
} catch (error) {
  console.log(
    `test:e2e: SKIPPED the @vscode/test-electron run: VS Code ${version} could not be downloaded (${String(error?.message ?? error).split('\n')[0]}). ` +
      'The same extension-host suite ran in code-server.',
  );
  process.exit(0);
}

const sandbox = mkdtempSync(join(tmpdir(), 'paperlist-electron-'));
try {
  const workspace = join(sandbox, 'workspace');
  mkdirSync(workspace);
  // The same workspace as the code-server run: the suite names its files and where they come from.
  const files = JSON.parse(readFileSync(join(root, 'test', 'e2e', 'suite', 'workspaceFiles.json'), 'utf8'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    cpSync(join(root, source), join(workspace, name));
  }
  const suite = join(sandbox, 'suite', 'index.js');
  await build({
    entryPoints: [join(root, 'test', 'e2e', 'suite', 'index.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(sandbox, 'user-data')],
  });
  console.log('test:e2e: @vscode/test-electron suite passed');
} catch (error) {
  console.error(`test:e2e: the @vscode/test-electron suite failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
