import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

// Runs the lint step of action.yml as a GitHub runner would on a pull_request event: its `run` line in
// bash, its env with the inputs filled in, and the GITHUB_* variables GitHub sets.
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string> }[] };
};

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();

// The old list has defects of its own (a glued "et al." and a trailing space in a heading) that the pull request must not be blamed for.
const base = [
  '# Awesome Papers ',
  '',
  '## Transformers',
  '',
  '1. **Attention is all you need**. *Vaswani et al.* NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)]',
  '2. **Deep residual learning for image recognition**. *Heet al.* CVPR 2016. [[Paper](https://arxiv.org/abs/1512.03385)]',
  '',
].join('\n');
// One clean entry, and one that duplicates an old paper with a glued "et al.".
const pullRequest = base + [
  '3. **Language models are few-shot learners**. *Brown et al.* NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]',
  '4. **Attention is all you need**. *Vaswaniet al.* NeurIPS 2017. [[Paper](https://arxiv.org/abs/1706.03762)]',
  '',
].join('\n');

function fixture(prText = pullRequest) {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-action-'));
  const workspace = join(dir, 'repo');
  execFileSync('mkdir', ['-p', workspace]);
  git(workspace, 'init', '-q', '-b', 'main');
  writeFileSync(join(workspace, 'README.md'), base);
  writeFileSync(join(workspace, 'CONTRIBUTING.md'), 'Send a pull request.\n');
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-qm', 'The list');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-qb', 'contributor/add-papers');
  writeFileSync(join(workspace, 'README.md'), prText);
  git(workspace, 'commit', '-qam', 'Add two papers');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'opened', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: baseSha }, head: { ref: 'contributor/add-papers', sha: headSha } } }));
  return { dir, workspace, event, baseSha, headSha };
}

function runAction(inputs: Record<string, string>, prText?: string) {
  const { dir, workspace, event, baseSha, headSha } = fixture(prText);
  const step = action.runs.steps.find((candidate) => candidate.id === 'lint')!;
  const input = (name: string) => inputs[name] ?? action.inputs[name].default ?? '';
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, key: string) => input(key))]));
  const summary = join(dir, 'step_summary.md');
  const output = join(dir, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const github = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'contributor/add-papers',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SHA: headSha,
    GITHUB_REPOSITORY: 'someone/awesome-papers',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: process.cwd(),
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: dir,
  };
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...github, ...stepEnv } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8'), workspace, baseSha };
}

test('action: a composite action that sets up Node, builds the CLI and runs scripts/action.mjs', () => {
  assert.equal(action.runs.using, 'composite');
  assert.match(action.runs.steps[0].uses!, /^actions\/setup-node@v\d+$/);
  assert.ok(action.runs.steps.some((step) => step.run?.includes('scripts/build.mjs')));
  assert.deepEqual(Object.keys(action.inputs).slice(0, 4), ['files', 'changed-since', 'fail-on', 'format']);
  assert.deepEqual([action.inputs.files.default, action.inputs['fail-on'].default, action.inputs.format.default], ['README.md', 'error', 'github']);
  assert.equal(action.outputs['sarif-file'].value, '${{ steps.lint.outputs.sarif-file }}');
});

test('action: on a pull request only the two new entries are annotated, and the summary lists them', () => {
  const result = runAction({});
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
  assert.deepEqual(annotations, [
    '::error file=README.md,line=8,endLine=8,col=4,endColumn=33,title=entry-duplicate::"Attention is all you need" is already listed on line 5 in section "Transformers"; expected each paper once per section.',
    '::warning file=README.md,line=8,endLine=8,col=36,endColumn=49,title=author-format::Authors "Vaswaniet al." glue the surname to "et al."; expected "Vaswani et al.".',
  ]);
  assert.match(result.stdout, /paperlist: 1 error and 1 warning in 1 file \(changes since [0-9a-f]{12}\)/);
  assert.equal(result.summary.split('\n')[0], `### paperlist (changes since ${result.baseSha})`);
  assert.match(result.summary, /2 problems \(1 error, 1 warning, 0 infos\) in 1 file\./);
  assert.match(result.summary, /\| README\.md \| 8 \| error \| `entry-duplicate` \| "Attention is all you need" is already listed on line 5/);
  assert.match(result.summary, /\| README\.md \| 8 \| warning \| `author-format` \| Authors "Vaswaniet al\."/);
  assert.doesNotMatch(result.summary, /Heet al|\| 1 \|/, 'the old defects stay out of the summary');
  assert.equal(result.output, 'errors=1\nwarnings=1\n');
});

test('action: fail-on decides the exit status', () => {
  assert.equal(runAction({ 'fail-on': 'error' }).status, 1);
  assert.equal(runAction({ 'fail-on': 'warning' }).status, 1);
  assert.equal(runAction({ 'fail-on': 'never' }).status, 0);
  // A pull request whose only finding is a warning fails the step only for fail-on warning.
  const warningOnly = base + '3. **Language models are few-shot learners**. *Brownet al.* NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]\n';
  assert.deepEqual([runAction({ 'fail-on': 'error' }, warningOnly).status, runAction({ 'fail-on': 'warning' }, warningOnly).status], [0, 1]);
  // A clean pull request passes even with fail-on warning, though the old list has a warning of its own.
  const clean = runAction({ 'fail-on': 'warning' }, base + '3. **Language models are few-shot learners**. *Brown et al.* NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]\n');
  assert.equal(clean.status, 0, clean.stdout);
  assert.match(clean.summary, /No problems found in 1 file\./);
  // Files that match no glob are a warning, not a failure.
  const none = runAction({ files: 'docs/**/*.md' });
  assert.deepEqual([none.status, none.stdout.trim()], [0, '::warning::paperlist: no file in the repository matches "docs/**/*.md"']);
  const all = runAction({ 'changed-since': 'all', 'fail-on': 'warning' });
  assert.ok(all.stdout.includes('title=heading-whitespace') && all.stdout.includes('Heet al.'), 'changed-since: all lints the whole file');
  assert.equal(runAction({ 'fail-on': 'sometimes' }).status, 2);
});

test('action: format sarif writes the log, names it in the outputs, and fails as fail-on says', () => {
  const result = runAction({ format: 'sarif' });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.doesNotMatch(result.stdout, /^::(error|warning) file=/m, 'no annotations: code scanning shows the results');
  assert.equal(result.output, 'sarif-file=paperlist.sarif\nerrors=1\nwarnings=1\n');
  const log = JSON.parse(readFileSync(join(result.workspace, 'paperlist.sarif'), 'utf8'));
  assert.deepEqual(log.runs[0].results.map((finding: { ruleId: string }) => finding.ruleId), ['entry-duplicate', 'author-format']);
  assert.equal(runAction({ format: 'sarif', 'fail-on': 'never' }).status, 0);
});
