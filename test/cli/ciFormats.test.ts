import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import addFormats from 'ajv-formats';
import { allRules } from '../../server/src/core/index';
import { escapeData, escapeProperty, githubAnnotations, stepSummary } from '../../server/src/formats/githubFormat';

const cli = join(process.cwd(), 'dist/cli.js');
const require = createRequire(import.meta.url);

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-ci-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// One error (a repeated number), one warning (glued et al.) and one info (trailing space in a heading).
const list = [
  '# Papers ',
  '1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]',
  '2. **B**. *Joneset al.* ICML 2021. [[Paper](https://example.org/b.pdf)]',
  '2. **C**. *Lee et al.* ICLR 2022. [[Paper](https://example.org/c.pdf)]',
  '',
].join('\n');

test('github format: one workflow command per finding, with the severity GitHub knows and the code as title', () => {
  const dir = folderWith({ 'list.md': list });
  const result = run(['lint', '--format', 'github', 'list.md'], dir);
  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(result.stdout.trimEnd().split('\n'), [
    '::notice file=list.md,line=1,endLine=1,col=9,endColumn=10,title=heading-whitespace::Heading "Papers" ends with a space; expected no trailing white space.',
    '::warning file=list.md,line=3,endLine=3,col=12,endColumn=23,title=author-format::Authors "Joneset al." glue the surname to "et al."; expected "Jones et al.".',
    '::error file=list.md,line=4,endLine=4,col=1,endColumn=2,title=number-duplicate::Item number 2 repeats the number of the item on line 3; expected 3.',
  ]);
});

test('github format: %, CR and LF are escaped in messages, and : and , also in properties', () => {
  assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  const line = githubAnnotations([
    { file: 'dir, with: odd/list.md', line: 2, column: 1, endLine: 2, endColumn: 5, severity: 'hint', code: 'x', message: 'a: b, 50%\nc', fixable: false },
  ]);
  assert.equal(line, '::notice file=dir%2C with%3A odd/list.md,line=2,endLine=2,col=1,endColumn=5,title=x::a: b, 50%25%0Ac');
});

test('github format: every finding goes to the step summary as a table row when GITHUB_STEP_SUMMARY is set', () => {
  const dir = folderWith({ 'list.md': list, 'summary.md': '# earlier step\n' });
  const result = run(['lint', '--format', 'github', 'list.md'], dir, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
  assert.equal(result.status, 1);
  const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
  assert.ok(summary.startsWith('# earlier step\n### paperlist\n'), 'appended, not overwritten');
  assert.match(summary, /3 problems \(1 error, 1 warning, 1 info\) in 1 file\./);
  assert.match(summary, /\| list\.md \| 4 \| error \| `number-duplicate` \| Item number 2 repeats/);
  assert.equal(summary.split('\n').filter((row) => row.startsWith('| list.md |')).length, 3);
  // A pipe in a message would end its cell.
  assert.match(stepSummary([{ file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'c', message: 'x | y', fixable: false }], 1), /\| x \\\| y \|/);
  const clean = folderWith({ 'list.md': '# Papers\n1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n' });
  assert.equal(run(['lint', '--format', 'github', 'list.md'], clean, { GITHUB_STEP_SUMMARY: join(clean, 's.md') }).status, 0);
  assert.equal(readFileSync(join(clean, 's.md'), 'utf8'), '### paperlist\n\nNo problems found in 1 file.\n\n');
});

test('sarif format: valid against the SARIF 2.1.0 schema, one rule per code with a description and a help URI', () => {
  const dir = folderWith({ 'list.md': list, 'other list.md': '# Other\n- **Ü**. *Müller et al* arXiv 2020. [[Paper](https://arxiv.org/abs/2101.00001)]\n' });
  const result = run(['lint', '--format', 'sarif', 'list.md', 'other list.md'], dir);
  assert.equal(result.status, 1, result.stderr);
  const log = JSON.parse(result.stdout) as Log;
  // The schema ships in @microsoft/jest-sarif (2.1.0-rtm.5, the one the OASIS standard published as 2.1.0).
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's pattern for `language` has a stray `]`, which only a non-unicode RegExp accepts.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile<Log>(schema);
  // The validator does reject a log that breaks the schema: a tool without its driver, a bad level.
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  const rules = run0.tool.driver.rules as unknown as { id: string; shortDescription: { text: string }; helpUri: string }[];
  assert.deepEqual(rules.map((rule) => rule.id), [...allRules.map((rule) => rule.code), 'config']);
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 10, rule.id);
    assert.match(rule.helpUri, rule.id === 'config' ? /^https:\/\/github\.com\/paperlist\/paperlist#configuration$/ : /^https:\/\/github\.com\/paperlist\/paperlist\/blob\/main\/docs\/rules\.md#[a-z-]+$/);
  }
  const reference = readFileSync('docs/rules.md', 'utf8');
  for (const code of allRules.map((rule) => rule.code)) assert.ok(reference.includes(`## ${code}\n`), `docs/rules.md documents ${code}`);
  const results = run0.results as unknown as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  assert.ok(results.length >= 4);
  for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  const error = results.find((result) => result.ruleId === 'number-duplicate')!;
  assert.deepEqual([error.level, error.locations[0].physicalLocation.artifactLocation.uri, error.locations[0].physicalLocation.region.startLine], ['error', 'list.md', 4]);
  assert.ok(results.some((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'other%20list.md'));
  assert.ok(results.some((result) => result.level === 'note'));
  // A log without results is valid too.
  const clean = folderWith({ 'list.md': '# Papers\n1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n' });
  const empty = JSON.parse(run(['lint', '--format', 'sarif', 'list.md'], clean).stdout) as Log;
  assert.ok(validate(empty), JSON.stringify(validate.errors));
  assert.deepEqual(empty.runs[0].results, []);
});
