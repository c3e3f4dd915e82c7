// npm run demo: starts code-server on 127.0.0.1 with the packaged extension installed and the bundled
// example list open, and prints the address. The way to see the product on a machine without VS Code.
// Needs scripts/setup-e2e.sh once. Options: --port N (default 8080, or PORT). Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const harness = await tsImport('../test/e2e/harness.ts', import.meta.url);
const missing = harness.missingPrerequisites().filter((item) => item.startsWith('code-server'));
if (missing.length) {
  console.error(`demo: missing ${missing.join(', ')}; run "bash scripts/setup-e2e.sh" first.`);
  process.exit(1);
}
const portArgument = process.argv.indexOf('--port');
const port = Number(portArgument > 0 ? process.argv[portArgument + 1] : (process.env.PORT ?? 8080));

const packaged = spawnSync('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) process.exit(packaged.status ?? 1);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const sandbox = harness.createSandbox(join(root, `paperlist-${version}.vsix`), { 'alignment-survey.md': join(root, 'examples', 'alignment-survey.md') });
const server = await harness.startCodeServer(sandbox, {}, port);
const url = harness.workbenchUrl(server, sandbox, [['openFile', server.remoteUri(join(sandbox.workspace, 'alignment-survey.md'))]]);
console.log(`Paper List demo: open ${url}`);
console.log(`(code-server ${server.url}, workspace ${sandbox.workspace}; Ctrl+C stops it)`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  harness.removeSandbox(sandbox);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
