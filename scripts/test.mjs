// Runs the test files under test/ with Node's test runner; Node 20 does not expand globs itself.
// `npm test` runs the quick tier; `npm run test:slow` (`--slow`) runs the slow tests: the reliability runs
// under test/reliability/ (property-based, hostile input, defect injection, server abuse) and the tests
// that drive whole programs (the GitHub Action in a git repository, `npm pack` and install, `--changed-since`
// on git history, the web server bundle in a worker).
// A path substring as the argument runs the matching files of both tiers.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const slow = args.includes('--slow');
const filter = args.find((arg) => !arg.startsWith('--'));
const slowFiles = ['action.test.ts', 'pack.test.ts', 'changedSince.test.ts', 'toc.test.ts'].map((name) => join('test', 'cli', name));
const isSlow = (path) => path.startsWith(join('test', 'reliability')) || path.startsWith(join('test', 'web')) || slowFiles.includes(path);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') walk(path);
    } else if (name.endsWith('.test.ts')) {
      if (filter ? path.includes(filter) : isSlow(path) === slow) files.push(path);
    }
  }
};
walk('test');
// Four files at a time on two cores: many wait on child processes (the CLI, a server, git) much of the time.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=4', '--test-reporter', 'spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
