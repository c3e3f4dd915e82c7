// npm run test:e2e: packages the extension and runs the end-to-end tests against the .vsix in a real
// VS Code (code-server + Chromium, installed by scripts/setup-e2e.sh): first the extension-host suite,
// then the UI tests, then the web run (the browser build in code-server's web-worker extension host).
// Then the @vscode/test-electron runner, which skips itself where VS Code cannot be
// downloaded. `--screenshots` writes the UI screenshots into images/ for the README.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const { missingPrerequisites } = await tsImport('../test/e2e/harness.ts', import.meta.url);
const missing = missingPrerequisites();
if (missing.length) {
  console.error(`test:e2e: missing ${missing.join(' and ')}; run "bash scripts/setup-e2e.sh" first.`);
  process.exit(1);
}

const run = (command, args, env = {}) => {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: result.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
};

const packaged = run('npm', ['run', '--silent', 'package']);
if (packaged.status !== 0) process.exit(packaged.status);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const vsix = join(root, `paperlist-${version}.vsix`);
// The .vsix holds the Node and the browser bundles; it must stay small enough to install quickly.
const maxVsixBytes = 3 * 1024 * 1024;
const vsixBytes = statSync(vsix).size;
console.log(`test:e2e: ${vsix} is ${(vsixBytes / 1048576).toFixed(2)} MB (limit 3 MB)`);
if (vsixBytes > maxVsixBytes) {
  console.error(`test:e2e: the .vsix is over 3 MB`);
  process.exit(1);
}

const env = { PAPERLIST_VSIX: vsix };
if (process.argv.includes('--screenshots')) env.PAPERLIST_SCREENSHOTS = join(root, 'images');
const tests = run(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter', 'spec', 'test/e2e/host.test.ts', 'test/e2e/ui.test.ts', 'test/e2e/web.test.ts'],
  env,
);
console.log(`test:e2e: code-server tests ${tests.status === 0 ? 'passed' : 'FAILED'} in ${tests.seconds} s`);
const electron = run(process.execPath, ['scripts/e2e-electron.mjs']);
process.exit(tests.status || electron.status);
