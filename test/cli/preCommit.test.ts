import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
}
const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[];
const cli = join(process.cwd(), 'dist/cli.js');

// A list with an error (a repeated number) and a warning with a safe fix (a glued "et al.").
const broken = '# Papers\n\n1. **A paper**. *Smithet al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n2. **B paper**. *Lee et al.* ICML 2021. [[Paper](https://example.org/b.pdf)]\n2. **C paper**. *Wu et al.* ICLR 2022. [[Paper](https://example.org/c.pdf)]\n';
const fixed = '# Papers\n\n1. **A paper**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n2. **B paper**. *Lee et al.* ICML 2021. [[Paper](https://example.org/b.pdf)]\n3. **C paper**. *Wu et al.* ICLR 2022. [[Paper](https://example.org/c.pdf)]\n';

test('pre-commit: two markdown hooks, paperlist (lint) and paperlist-fix', () => {
  assert.deepEqual(
    hooks.map((hook) => [hook.id, hook.entry, hook.language, hook.types]),
    [
      ['paperlist', 'paperlist lint', 'node', ['markdown']],
      ['paperlist-fix', 'paperlist lint --fix', 'node', ['markdown']],
    ],
  );
});

test('pre-commit: each hook\'s entry, run as pre-commit runs it (file names appended), fails or fixes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-hook-'));
  const runEntry = (hook: Hook, file: string) => {
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'paperlist');
    return spawnSync(process.execPath, [cli, ...args, file], { cwd: dir, encoding: 'utf8' });
  };
  writeFileSync(join(dir, 'list.md'), broken);
  assert.equal(runEntry(hooks[0], 'list.md').status, 1);
  assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), broken, 'the lint hook changes nothing');
  assert.equal(runEntry(hooks[1], 'list.md').status, 0);
  assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), fixed);
});

// A few minutes of npm install, so npm test leaves it to .ci/run, which sets PAPERLIST_TEST_PRE_COMMIT=1.
const wanted = process.env.PAPERLIST_TEST_PRE_COMMIT === '1';
const hasPreCommit = wanted && spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !wanted ? 'set PAPERLIST_TEST_PRE_COMMIT=1 to run it (.ci/run does)' : !hasPreCommit ? 'pre-commit is not installed (apt-get install pre-commit)' : false;

// The real thing: Debian's pre-commit installs this repository as a node hook (npm install, npm pack,
// npm install -g; a few minutes) with the system Node, then runs both hooks in a scratch repository.
test('pre-commit: pre-commit try-repo installs the hooks and runs them', { skip, timeout: 15 * 60_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'paperlist-pre-commit-'));
  const repo = join(scratch, 'list');
  execFileSync('mkdir', ['-p', repo]);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  writeFileSync(join(repo, 'README.md'), broken);
  writeFileSync(join(repo, 'notes.txt'), '1. **Not markdown**. *Smithet al.*\n');
  execFileSync('git', ['add', '.'], { cwd: repo });
  // The npm cache that npm ci filled serves the packages; nothing but the registry is reached.
  const env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'cache'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const run = () => spawnSync('pre-commit', ['try-repo', process.cwd(), '--all-files'], { cwd: repo, encoding: 'utf8', env });
  const first = run();
  assert.equal(first.status, 1, first.stdout + first.stderr);
  assert.match(first.stdout, /^paperlist\.+Failed$/m);
  assert.match(first.stdout, /Item number 2 repeats the number of the item on line 4/);
  assert.match(first.stdout, /^paperlist \(fix\)\.+Failed$/m);
  assert.match(first.stdout, /files were modified by this hook/);
  assert.equal(readFileSync(join(repo, 'README.md'), 'utf8'), fixed);
  assert.equal(readFileSync(join(repo, 'notes.txt'), 'utf8'), '1. **Not markdown**. *Smithet al.*\n', 'only markdown files');
  const second = run();
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.match(second.stdout, /^paperlist\.+Passed$/m);
  assert.match(second.stdout, /^paperlist \(fix\)\.+Passed$/m);
});
