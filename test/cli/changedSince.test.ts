import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { addedLines } from '../../server/src/node/git';

const cli = join(process.cwd(), 'dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });

// The old list has its own defect (a glued "et al." on line 4), which a pull request is not answerable for.
const base = [
  '# Papers',
  '',
  '1. **Attention is all you need**. *Vaswani et al.* NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)]',
  '2. **Deep residual learning**. *Heet al.* CVPR 2016. [[Paper](https://example.org/resnet.pdf)]',
  '',
].join('\n');
const added = [
  '3. **Language models are few-shot learners**. *Brown et al.* NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]',
  '4. **Attention is all you need**. *Vaswaniet al.* NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)]',
  '',
].join('\n');

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-git-'));
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'README.md'), base);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'pr');
  writeFileSync(join(dir, 'README.md'), base + added);
  git(dir, 'commit', '-qam', 'Add two papers');
  return dir;
}

interface Row {
  line: number;
  code: string;
}
const rows = (stdout: string) => (JSON.parse(stdout) as Row[]).map((row) => `${row.line} ${row.code}`);

test('changed-since: only the new entries are reported, and the new duplicate of an old paper is among them', () => {
  const dir = repository();
  const all = run(['lint', '--format', 'json', 'README.md'], dir);
  assert.deepEqual(rows(all.stdout), ['4 author-format', '6 entry-duplicate', '6 author-format']);
  const changed = run(['lint', '--format', 'json', '--changed-since', 'main', 'README.md'], dir);
  assert.equal(changed.status, 1, changed.stderr);
  assert.deepEqual(rows(changed.stdout), ['6 entry-duplicate', '6 author-format']);
  // The merge base is what counts: main moving on after the branch point changes nothing.
  git(dir, 'checkout', '-q', 'main');
  writeFileSync(join(dir, 'other.md'), 'x\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'later on main');
  git(dir, 'checkout', '-q', 'pr');
  assert.deepEqual(rows(run(['lint', '--format', 'json', '--changed-since', 'main', 'README.md'], dir).stdout), ['6 entry-duplicate', '6 author-format']);
});

test('changed-since: a duplicate added above its old copy is reported too, through the old copy', () => {
  const dir = repository();
  writeFileSync(join(dir, 'README.md'), base.replace('1. **Attention', `0. **Deep residual learning**. *He et al.* CVPR 2016. [[Paper](https://example.org/resnet.pdf)]\n1. **Attention`));
  const changed = run(['lint', '--format', 'json', '--changed-since', 'main', 'README.md'], dir);
  assert.ok(rows(changed.stdout).includes('5 entry-duplicate'), changed.stdout);
  assert.ok(!rows(changed.stdout).includes('5 author-format'), 'the old copy\'s own defect stays quiet');
});

test('changed-since: uncommitted edits and new files count as changed; an unchanged file reports nothing', () => {
  const dir = repository();
  writeFileSync(join(dir, 'README.md'), base.replace('*Heet al.*', '*Heet al.*, *Zhanget al.*') + added);
  assert.deepEqual(rows(run(['lint', '--format', 'json', '--changed-since', 'main', 'README.md'], dir).stdout), ['4 author-format', '6 entry-duplicate', '6 author-format']);
  writeFileSync(join(dir, 'new.md'), base);
  assert.deepEqual(rows(run(['lint', '--format', 'json', '--changed-since', 'main', 'new.md'], dir).stdout), ['4 author-format']);
  assert.deepEqual(rows(run(['lint', '--format', 'json', '--changed-since', 'HEAD', 'README.md'], dir).stdout), ['4 author-format']);
  git(dir, 'checkout', '-q', 'README.md');
  const none = run(['lint', '--changed-since', 'HEAD', 'README.md'], dir);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /No problems found/);
});

test('changed-since: --fix touches only the changed entries', () => {
  const dir = repository();
  const result = run(['lint', '--fix', '--format', 'json', '--changed-since', 'main', 'README.md'], dir);
  assert.deepEqual(rows(result.stdout), ['6 entry-duplicate']);
  const text = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.ok(text.includes('*Heet al.*'), 'the old entry is left as it was');
  assert.equal(text.split('\n')[5], '4. **Attention is all you need**. *Vaswani et al.* NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)]');
});

test('changed-since: outside a git repository, or with an unknown revision, exit 2 with one clear line', () => {
  const outside = mkdtempSync(join(tmpdir(), 'paperlist-nogit-'));
  writeFileSync(join(outside, 'list.md'), base);
  const notGit = run(['lint', '--changed-since', 'main', 'list.md'], outside);
  assert.equal(notGit.status, 2);
  assert.match(notGit.stderr, /^paperlist: list\.md: .* is not in a git repository; --changed-since compares with a git revision\n$/);
  const unknown = run(['lint', '--changed-since', 'no-such-branch', 'README.md'], repository());
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown git revision "no-such-branch"/);
  assert.doesNotMatch(unknown.stderr + notGit.stderr, /\n\s+at /);
  assert.equal(run(['style', '--changed-since', 'main', 'README.md'], outside).status, 2);
});

test('changed-since: the hunks of git diff -U0 give the new side\'s lines', () => {
  const diff = '@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-x\n+y\n@@ -20,3 +21,0 @@\n-gone\n';
  assert.deepEqual([...addedLines(diff)], [3, 4, 11]);
});
