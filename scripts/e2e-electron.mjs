// Runs the extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by @vscode/test-electron.
// Where VS Code cannot be downloaded (no internet, as in this project's CI) it says so and skips: the
// same suite runs in code-server through test/e2e/host.test.ts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
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
  // The same workspace and suite bundle as the code-server run.
  const { buildSuite, copyFiles, suiteWorkspaceFiles } = await tsImport('../test/e2e/harness.ts', import.meta.url);
  copyFiles(suiteWorkspaceFiles(), workspace);
  const suite = join(sandbox, 'suite', 'index.js');
  await buildSuite(suite);
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
