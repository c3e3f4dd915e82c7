// The CLI exits 0, 1 or 2 and never with a stack trace, on mutated lists, files that are not text and broken configs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { runCli } from '../../server/src/cli';
import { anyList, referenceList, runs, seed } from './generators';
import { tally } from './tally';

const cli = resolve(__dirname, '../../dist/cli.js');
const stackTrace = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'paperlist-reliability-'));
}

function assertClean(result: { status: number | null; stdout: string; stderr: string }, what: string): void {
  tally.inputs++;
  if (result.status === null || ![0, 1, 2].includes(result.status) || stackTrace.test(result.stderr) || /internal error/.test(result.stderr)) tally.crashes++;
  assert.ok(result.status !== null && [0, 1, 2].includes(result.status), `${what}: exit status ${result.status}\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, stackTrace, `${what}: stack trace`);
  assert.doesNotMatch(result.stderr, /internal error/, what);
  assert.doesNotMatch(result.stdout, stackTrace, `${what}: stack trace`);
}

function runBinary(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('reliability: cli: hostile files and configs exit 0, 1 or 2 with a one-line reason', () => {
  const dir = folder();
  const files: Record<string, string | Buffer> = {
    'list.md': referenceList,
    'empty.md': '',
    'invalid-utf8.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a, 0x31, 0x2e]),
    'nul.md': Buffer.from('# a\u0000b\n'),
    'bom.md': `\ufeff${referenceList}`,
    'binary.md': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    'long-line.md': 'x'.repeat(1 << 20),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  mkdirSync(join(dir, 'folder.md'));
  const configs: Record<string, string> = {
    'broken.json': '{"rules": {',
    'array.json': '[1, 2]',
    'wrong-types.json': '{"rules": {"entry-year": 5, "no-such-rule": "error"}, "numbering": "roman", "linkLabels": [1], "extra": true}',
    'proto.json': '{"__proto__": {"polluted": true}, "rules": {"__proto__": "off", "constructor": "off"}}',
    'huge.json': `{"linkLabels": [${Array.from({ length: 100_000 }, () => '"x"').join(',')}]}`,
  };
  for (const [name, content] of Object.entries(configs)) writeFileSync(join(dir, name), content);

  const cases: [string, string[]][] = [
    ['the reference list', ['lint', 'list.md']],
    ['json output', ['lint', '--format', 'json', 'list.md']],
    ['an empty file', ['lint', 'empty.md']],
    ['invalid UTF-8', ['lint', 'invalid-utf8.md']],
    ['NUL bytes', ['lint', 'nul.md']],
    ['binary data', ['lint', 'binary.md']],
    ['a 1 MB line', ['lint', 'long-line.md']],
    ['a directory', ['lint', 'folder.md']],
    ['a missing file', ['lint', 'missing.md']],
    ['no files', ['lint']],
    ['no command', []],
    ['an unknown command', ['frobnicate', 'list.md']],
    ['an unknown option', ['lint', '--frobnicate', 'list.md']],
    ['an unknown format', ['lint', '--format', 'xml', 'list.md']],
    ['an option without its value', ['lint', '--config']],
    ['a missing config', ['lint', '--config', 'nowhere.json', 'list.md']],
    ...Object.keys(configs).map((name): [string, string[]] => [`config ${name}`, ['lint', '--config', name, 'list.md']]),
    ['a config that is a folder', ['lint', '--config', 'folder.md', 'list.md']],
    ['good and bad files together', ['lint', 'list.md', 'nul.md', 'missing.md', 'empty.md']],
  ];
  for (const [what, args] of cases) {
    const result = runBinary(args, dir);
    assertClean(result, what);
    if (/utf8|NUL|binary|directory|missing file/i.test(what)) {
      assert.equal(result.status, 2, what);
      assert.match(result.stderr, /^paperlist: .+: (it is not valid UTF-8 text|it is not a text file \(it holds NUL bytes\)|it is a directory, not a file|no such file)$/m, what);
    }
  }
  assert.equal(Object.prototype.hasOwnProperty.call({}, 'polluted'), false);
});

test('reliability: cli: --fix keeps a byte order mark and changes nothing else on a second run', () => {
  const dir = folder();
  const path = join(dir, 'bom.md');
  writeFileSync(path, `\ufeff${referenceList}`);
  assertClean(runBinary(['lint', '--fix', 'bom.md'], dir), '--fix');
  const fixed = readFileSync(path, 'utf8');
  assert.ok(fixed.startsWith('\ufeff'), 'the BOM survived --fix');
  assertClean(runBinary(['lint', '--fix', 'bom.md'], dir), 'second --fix');
  assert.equal(readFileSync(path, 'utf8'), fixed, 'a second --fix changed the file');
});

test('reliability: cli: lint and --fix on generated and mutated lists exit 0 or 1 and never throw', () => {
  const dir = folder();
  const path = join(dir, 'list.md');
  fc.assert(
    fc.property(anyList, fc.boolean(), (text, fix) => {
      writeFileSync(path, text);
      let stderr = '';
      let status: number;
      try {
        status = runCli(['lint', ...(fix ? ['--fix'] : []), '--format', 'json', path], { stdout: () => {}, stderr: (line) => (stderr += line), color: false });
      } catch (error) {
        tally.crashes++;
        throw error;
      }
      assertClean({ status, stdout: '', stderr }, 'generated list');
      // Text with NUL characters is refused as not text (status 2); anything else is linted.
      assert.ok(status === 0 || status === 1 || (status === 2 && text.includes('\u0000') && /NUL bytes/.test(stderr)), `status ${status}: ${stderr}`);
    }),
    { seed, numRuns: runs(60), endOnFailure: true },
  );
});
