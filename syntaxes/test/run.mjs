// Runs the grammar tests. VS Code's markdown grammar embeds dozens of languages that are not needed
// here; their "grammar not found" warnings are dropped so that real errors stay visible.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const result = spawnSync(process.execPath, [cli, '-g', 'syntaxes/test/markdown.tmLanguage.json', 'syntaxes/test/*.test.md'], {
  encoding: 'utf8',
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr.split('\n').filter((line) => line && !line.startsWith('grammar not found for')).map((line) => `${line}\n`).join(''));
process.exit(result.status ?? 1);
