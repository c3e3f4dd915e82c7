import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseList } from '../../server/src/core/index';

const cli = join(process.cwd(), 'dist/cli.js');
const fixture = 'test/fixtures/alignment-survey.md';

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('cli export: json is the default and holds every entry of the list with its fields', () => {
  const result = run(['export', fixture]);
  assert.equal(result.status, 0, result.stderr);
  const files = JSON.parse(result.stdout);
  assert.equal(files.length, 1);
  assert.equal(files[0].file, fixture);
  assert.equal(files[0].entries.length, parseList(readFileSync(fixture, 'utf8')).entries.length);
  assert.deepEqual(files[0].entries[0], {
    line: 11,
    endLine: 11,
    sections: ['A Survey about Alignment Goals', 'Definition of Alignment Targets', 'Human Instructions'],
    number: 1,
    title: 'Multitask prompted training enables zero-shot task generalizatio',
    titleUrl: null,
    authors: 'Sanh et al.',
    venue: 'arXiv',
    year: 2021,
    date: null,
    arxivId: '2110.08207',
    doi: null,
    links: [
      { label: 'Paper', url: 'https://arxiv.org/pdf/2110.08207.pdf' },
      { label: 'Checkpoint', url: 'https://github.com/bigscience-workshop/t-zero' },
      { label: 'Data', url: 'https://github.com/bigscience-workshop/promptsource' },
    ],
  });
  assert.deepEqual(JSON.parse(run(['export', '--format', 'json', fixture]).stdout), files);
});

test('cli export: csv starts with a header row and has one row per entry', () => {
  const result = run(['export', '--format', 'csv', fixture]);
  assert.equal(result.status, 0, result.stderr);
  const rows = result.stdout.split('\n');
  assert.equal(rows[0], 'file,line,endLine,sections,number,title,titleUrl,authors,venue,year,date,arxivId,doi,links');
  assert.ok(rows[1].startsWith(`${fixture},11,11,A Survey about Alignment Goals > Definition of Alignment Targets > Human Instructions,1,`), rows[1]);
  assert.equal(rows.length, parseList(readFileSync(fixture, 'utf8')).entries.length + 2, 'a header, the entries and the empty string after the last line break');
  assert.equal(rows.at(-1), '', 'the output ends with one line break');
  assert.notEqual(rows.at(-2), '', 'and not with an empty row');
});

test('cli export: bibtex prints the BibTeX export of the list', () => {
  const result = run(['export', '--format', 'bibtex', fixture]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^@misc\{sanh2021multitask,\n/);
  assert.ok(!result.stdout.endsWith('\n\n'), 'no empty line at the end');
});

test('cli export: an unknown format, no files and --fix are usage errors', () => {
  for (const args of [['export', '--format', 'xml', fixture], ['export'], ['export', '--fix', fixture]]) {
    const result = run(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '');
  }
  assert.match(run(['export', '--format', 'xml', fixture]).stderr, /^paperlist: unknown format "xml"; expected "json", "csv" or "bibtex"\n$/);
});

test('cli export: a missing file exits 2 with one line on stderr and the other files are still exported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-export-'));
  copyFileSync(fixture, join(dir, 'list.md'));
  writeFileSync(join(dir, 'empty.md'), '');
  const result = run(['export', 'missing.md', 'list.md', 'empty.md'], dir);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, 'paperlist: missing.md: no such file\n');
  assert.deepEqual(
    JSON.parse(result.stdout).map((file: { file: string; entries: unknown[] }) => [file.file, file.entries.length > 0]),
    [
      ['list.md', true],
      ['empty.md', false],
    ],
  );
});
