// The run step of the GitHub Action (action.yml): finds the lists, works out the pull request's base,
// runs the CLI and turns its findings into the step's exit status. Plain Node, so that a test can run
// it as GitHub does, with GITHUB_* variables and a fixture repository.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const here = dirname(fileURLToPath(import.meta.url));
const cli = env.PAPERLIST_CLI || join(env.GITHUB_ACTION_PATH || join(here, '..'), 'dist', 'cli.js');
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const format = env.PAPERLIST_FORMAT || 'github';
const failOn = env.PAPERLIST_FAIL_ON || 'error';
const sarifFile = env.PAPERLIST_SARIF_FILE || 'paperlist.sarif';

/** Prints a workflow command that GitHub shows as an annotation of the step. */
const say = (kind, text) => console.log(`::${kind}::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);

function git(...args) {
  const result = spawnSync('git', args, { cwd: workspace, encoding: 'utf8' });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

function fail(message) {
  say('error', `paperlist: ${message}`);
  process.exit(2);
}

if (!['github', 'sarif'].includes(format)) fail(`the format input is "${format}"; expected "github" or "sarif"`);
if (!['error', 'warning', 'never'].includes(failOn)) fail(`the fail-on input is "${failOn}"; expected "error", "warning" or "never"`);

/** The revision to compare with: the input, else the pull request's base commit from the event. */
function changedSince() {
  const input = (env.PAPERLIST_CHANGED_SINCE || '').trim();
  if (input === 'all') return undefined;
  if (input) return input;
  if (!/^pull_request/.test(env.GITHUB_EVENT_NAME || '') || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')).pull_request?.base?.sha || undefined;
  } catch {
    return undefined;
  }
}

/** actions/checkout fetches one commit by default; the merge base needs the history back to the fork point. */
function fetchHistory(ref) {
  if (git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).ok && git('merge-base', ref, 'HEAD').ok) return;
  const shallow = git('rev-parse', '--is-shallow-repository').stdout.trim() === 'true';
  console.log(`paperlist: fetching ${shallow ? 'the history' : ref} to find the merge base with ${ref}`);
  if (shallow) git('fetch', '--no-tags', '--quiet', '--unshallow', 'origin');
  if (!git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).ok) git('fetch', '--no-tags', '--quiet', 'origin', ref);
}

const patterns = (env.PAPERLIST_FILES || 'README.md').split(/\s+/).filter(Boolean);
const listed = git('ls-files', '-z', '--', ...patterns.map((pattern) => `:(glob)${pattern}`));
if (!listed.ok) fail(`the files could not be listed: ${listed.stderr.trim()}`);
const files = [...new Set(listed.stdout.split('\0').filter(Boolean))];
if (!files.length) {
  say('warning', `paperlist: no file in the repository matches ${patterns.map((pattern) => `"${pattern}"`).join(', ')}`);
  setOutput('errors', 0);
  setOutput('warnings', 0);
  process.exit(0);
}

const since = changedSince();
if (since) fetchHistory(since);
const args = [cli, 'lint', '--format', format, ...(since ? ['--changed-since', since] : []), ...files];
const result = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...env, NO_COLOR: '1' } });
if (result.stderr) process.stderr.write(result.stderr);
if (result.status === null || result.status > 1) {
  if (result.stdout && format === 'github') process.stdout.write(result.stdout);
  fail(`the lint did not run to the end (exit status ${result.status ?? result.signal}); see the lines above`);
}

let errors = 0;
let warnings = 0;
if (format === 'github') {
  process.stdout.write(result.stdout);
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('::error ')) errors++;
    else if (line.startsWith('::warning ')) warnings++;
  }
} else {
  const log = JSON.parse(result.stdout);
  for (const finding of log.runs[0].results) {
    if (finding.level === 'error') errors++;
    else if (finding.level === 'warning') warnings++;
  }
  writeFileSync(resolve(workspace, sarifFile), result.stdout);
  setOutput('sarif-file', sarifFile);
  console.log(`paperlist: wrote ${log.runs[0].results.length} result${log.runs[0].results.length === 1 ? '' : 's'} to ${sarifFile}`);
}
setOutput('errors', errors);
setOutput('warnings', warnings);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(`paperlist: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}${since ? ` (changes since ${since.slice(0, 12)})` : ''}`);
const failed = (failOn === 'error' && errors > 0) || (failOn === 'warning' && errors + warnings > 0);
process.exit(failed ? 1 : 0);
