// Runs every test file under test/ with Node's test runner; Node 20 does not expand globs itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') walk(path);
    } else if (name.endsWith('.test.ts') && (!filter || path.includes(filter))) files.push(path);
  }
};
walk('test');
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
