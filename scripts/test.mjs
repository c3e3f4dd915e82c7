// Runs the test files under test/ with Node's test runner; Node 20 does not expand globs itself.
// `npm test` runs the quick tier; `npm run test:slow` (`--slow`) runs the slow reliability tests, the
// property-based, hostile-input, defect-injection and server-abuse runs under test/reliability/.
// A path substring as the argument runs the matching files of both tiers.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const slow = args.includes('--slow');
const filter = args.find((arg) => !arg.startsWith('--'));
const isSlow = (path) => path.startsWith(join('test', 'reliability'));
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
// Two files at a time: most wait on child processes or parse large fixtures, and CI machines have two cores.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter', 'spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
