import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const cli = join(process.cwd(), 'dist/cli.js');

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperlist-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const clean = '# Papers\n1. **A paper**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n';

test('cli: a clean list exits 0 and says so', () => {
  const dir = folderWith({ 'list.md': clean });
  const result = run(['lint', 'list.md'], dir);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /No problems found in 1 file/);
});

test('cli: json output has 1-based lines and columns and exit 1 on an error', () => {
  const dir = folderWith({
    'list.md': '# Papers\n1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n2. **B**. *Jones et al.* ICML 2021. [[Paper](https://example.org/b.pdf)]\n2. **C**. *Lee et al.* ICLR 2022. [[Paper](https://example.org/c.pdf)]\n',
  });
  const result = run(['lint', '--format', 'json', 'list.md'], dir);
  assert.equal(result.status, 1);
  const findings = JSON.parse(result.stdout);
  const duplicate = findings.find((finding: { code: string }) => finding.code === 'number-duplicate');
  assert.deepEqual(
    { file: duplicate.file, line: duplicate.line, column: duplicate.column, severity: duplicate.severity, fixable: duplicate.fixable },
    { file: 'list.md', line: 4, column: 1, severity: 'error', fixable: true },
  );
  for (const finding of findings) assert.deepEqual(Object.keys(finding), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'fixable']);
});

test('cli: stylish output groups by file and ends with a summary', () => {
  const dir = folderWith({ 'list.md': '# Papers \n' + clean.slice(9) });
  const result = run(['lint', 'list.md'], dir);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^list\.md\n  1:9  info     Heading "Papers" ends with a space; expected no trailing white space\.  heading-whitespace\n/);
  assert.match(result.stdout, /✖ 1 problem \(0 errors, 0 warnings, 1 info\)/);
});

test('cli: usage errors exit 2 with one clear line', () => {
  for (const args of [[], ['check', 'x.md'], ['lint'], ['lint', '--format', 'xml', 'x.md'], ['lint', '--nope', 'x.md']]) {
    const result = run(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('cli: unreadable and binary files exit 2 and the other files are still linted', () => {
  const dir = folderWith({ 'bin.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'bad.md': Buffer.from([0x61, 0xff, 0xfe]), 'ok.md': '# T \n' });
  const result = run(['lint', '--format', 'json', 'missing.md', 'bin.md', 'bad.md', 'ok.md'], dir);
  assert.equal(result.status, 2);
  assert.deepEqual(result.stderr.trim().split('\n'), [
    'paperlist: missing.md: no such file',
    'paperlist: bin.md: it is not a text file (it holds NUL bytes)',
    'paperlist: bad.md: it is not valid UTF-8 text',
  ]);
  assert.deepEqual(JSON.parse(result.stdout).map((finding: { file: string }) => finding.file), ['ok.md']);
});

test('cli: --fix applies safe fixes in place and a second run changes nothing', () => {
  const dir = folderWith({ 'list.md': '# Papers \n1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n3. **B**. *Jones et al.* ICML 2021. [[Paper](https://example.org/b.pdf)]\n' });
  run(['lint', '--fix', 'list.md'], dir);
  const once = readFileSync(join(dir, 'list.md'), 'utf8');
  assert.equal(once, '# Papers\n1. **A**. *Smith et al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n2. **B**. *Jones et al.* ICML 2021. [[Paper](https://example.org/b.pdf)]\n');
  const second = run(['lint', '--fix', 'list.md'], dir);
  assert.equal(second.status, 0);
  assert.equal(readFileSync(join(dir, 'list.md'), 'utf8'), once);
});

test('cli: the nearest .paperlistrc.json applies, and a broken one is one warning on line 1', () => {
  const dir = folderWith({ 'list.md': '# Papers \n', '.paperlistrc.json': '{"rules": {"heading-whitespace": "off"}}' });
  assert.match(run(['lint', 'list.md'], dir).stdout, /No problems/);
  writeFileSync(join(dir, '.paperlistrc.json'), '{"rules": ');
  const result = run(['lint', '--format', 'json', 'list.md'], dir);
  const findings = JSON.parse(result.stdout);
  assert.equal(findings[0].code, 'config');
  assert.equal(findings[0].line, 1);
  assert.match(findings[0].message, /not valid JSON/);
});

test('cli: --config names the config file to use', () => {
  const dir = folderWith({ 'list.md': '# Papers \n', 'strict.json': '{"rules": {"heading-whitespace": "error"}}' });
  const result = run(['lint', '--config', 'strict.json', '--format', 'json', 'list.md'], dir);
  assert.equal(result.status, 1);
  assert.equal(JSON.parse(result.stdout)[0].severity, 'error');
});

test('cli: an image whose file is absent is reported next to the document', () => {
  const dir = folderWith({});
  copyFileSync('test/fixtures/alignment-survey.md', join(dir, 'alignment-survey.md'));
  const findings = JSON.parse(run(['lint', '--format', 'json', 'alignment-survey.md'], dir).stdout);
  assert.ok(findings.some((finding: { code: string; line: number }) => finding.code === 'file-missing' && finding.line === 6));
});

test('cli: style shows the house style of a list, and its JSON takes the pinned fields of the config', () => {
  const list = readFileSync('test/fixtures/woooodyy-llm-agent-paper-list.md', 'utf8');
  const dir = folderWith({ 'list.md': list, '.paperlistrc.json': '{"houseStyle": {"labelSeparator": ""}}' });
  const text = run(['style', 'list.md'], dir);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^list\.md\n\n\*\*House style\*\* of this list/);
  assert.match(text.stdout, /\| Date before the title \| yes \| 325 of 325 \|/);
  assert.match(text.stdout, /\| Between links \| nothing \| pinned in `\.paperlistrc\.json` \|/);
  const json = run(['style', '--format', 'json', 'list.md'], dir);
  const [style] = JSON.parse(json.stdout);
  assert.deepEqual([style.file, style.houseStyle.marker, style.houseStyle.date, style.houseStyle.labelSeparator, style.pinned], ['list.md', 'bulleted', true, '', ['labelSeparator']]);
  for (const args of [['style'], ['style', '--format', 'xml', 'list.md']]) assert.equal(run(args, dir).status, 2);
  assert.equal(run(['style', 'missing.md'], dir).status, 2);
});
