import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const cli = join(process.cwd(), 'dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const reference = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
const withMarkers = reference.replace(
  '![](paper_tree.png)\n',
  '![](paper_tree.png)\n\nPapers: <!-- paperlist:count -->0<!-- /paperlist:count -->\n\n## Contents\n\n<!-- paperlist:toc -->\n<!-- /paperlist:toc -->\n',
);

test('toc: --write on the reference list gives anchors that anchor-missing accepts; --check is 0, and 1 after a heading is renamed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-toc-'));
  writeFileSync(join(dir, 'README.md'), withMarkers);
  assert.equal(run(['toc', '--check', 'README.md'], dir).status, 1);
  const write = run(['toc', '--write', 'README.md'], dir);
  assert.equal(write.status, 0, write.stderr);
  assert.equal(write.stdout, 'README.md: updated the table of contents and 1 paper count.\n');
  const written = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(written, /Papers: <!-- paperlist:count -->85<!-- \/paperlist:count -->/);
  assert.match(written, /<!-- paperlist:toc -->\n- \[Definition of Alignment Targets\]\(#definition-of-alignment-targets\)\n  - \[Human Instructions\]\(#human-instructions\)\n/);
  assert.match(written, /      - \[HHH \(Helpful & Honest & Harmless\)\]\(#hhh-helpful--honest--harmless\)\n/);
  assert.match(written, /    - \[Benchmarks\]\(#benchmarks-2\)\n/);
  // Everything outside the markers is as it was.
  assert.equal(written.slice(written.indexOf('<!-- /paperlist:toc -->')), withMarkers.slice(withMarkers.indexOf('<!-- /paperlist:toc -->')));
  const lint = JSON.parse(run(['lint', '--format', 'json', 'README.md'], dir).stdout) as { code: string }[];
  assert.deepEqual(lint.filter((finding) => finding.code === 'anchor-missing' || finding.code === 'toc-stale'), []);
  const check = run(['toc', '--check', 'README.md'], dir);
  assert.deepEqual([check.status, check.stdout], [0, 'README.md: the table of contents and counts are up to date.\n']);
  assert.equal(run(['toc', '--write', 'README.md'], dir).stdout, 'README.md: the table of contents and counts are up to date.\n');
  writeFileSync(join(dir, 'README.md'), written.replace('### Human Value Surveys', '### Surveys of Human Values'));
  const stale = run(['toc', '--check', 'README.md'], dir);
  assert.equal(stale.status, 1);
  assert.match(stale.stdout, /^README\.md:12: The table of contents is out of date \(1 heading is missing or changed, 1 line names no current heading\)/);
});

test('toc: a list without markers is never rewritten; the table is printed for pasting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-toc-'));
  writeFileSync(join(dir, 'list.md'), reference);
  const write = run(['toc', '--write', 'list.md'], dir);
  assert.deepEqual([write.status, write.stdout], [0, 'list.md: no <!-- paperlist:toc --> or <!-- paperlist:count --> markers; nothing to update.\n']);
  assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), reference);
  assert.equal(run(['toc', '--check', 'list.md'], dir).status, 0);
  const printed = run(['toc', 'list.md'], dir);
  assert.equal(printed.status, 0);
  assert.equal(printed.stdout.split('\n')[0], '- [Definition of Alignment Targets](#definition-of-alignment-targets)');
  assert.equal(printed.stdout.trimEnd().split('\n').length, 26);
  writeFileSync(join(dir, '.paperlistrc.json'), '{"toc": {"counts": true}}');
  assert.match(run(['toc', 'list.md'], dir).stdout, /^- \[Definition of Alignment Targets\]\(#definition-of-alignment-targets\) \(\d+\)\n/);
});

test('toc: usage errors exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-toc-'));
  for (const args of [['toc'], ['toc', '--check', '--write', 'x.md'], ['toc', '--format', 'json', 'x.md'], ['lint', '--write', 'x.md'], ['toc', 'missing.md']]) {
    assert.equal(run(args, dir).status, 2, args.join(' '));
  }
});
