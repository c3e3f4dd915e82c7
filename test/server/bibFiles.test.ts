import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DidChangeConfigurationNotification, type CompletionItem, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BibFiles, maxBibFileBytes, resolveBibPath } from '../../server/src/node/bibFiles';
import { readSettings } from '../../server/src/infrastructure/settings';
import { TestServer } from './lspClient';

const fixtures = resolve(__dirname, 'fixtures');
const referenceText = readFileSync(resolve(__dirname, '../fixtures/alignment-survey.md'), 'utf8');
const visual = '18. **Visual Instruction Tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2304.08485)]';

let folder: string;
let server: TestServer;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'paperlist-bib-'));
  copyFileSync(join(fixtures, 'papers.bib'), join(folder, 'papers.bib'));
  copyFileSync(join(fixtures, 'broken.bib'), join(folder, 'broken.bib'));
  // Relative paths start from the document's folder: the test server reports no workspace folder.
  server = await TestServer.start({ bibFiles: ['papers.bib', 'missing.bib', 'broken.bib'] });
});

after(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Opens the reference list with `line` after entry 17 and asks for completions at the end of that line. */
async function completeOn(name: string, line: string): Promise<{ text: string; row: number; items: CompletionItem[]; uri: string }> {
  const uri = pathToFileURL(join(folder, name)).href;
  const text = referenceText.replace(/(\n17\. [^\n]*)/, `$1\n${line}`);
  await server.open(uri, text, 1);
  const row = text.slice(0, text.indexOf(`\n${line}\n`) + 1).split('\n').length - 1;
  const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: row, character: line.length } })) as CompletionItem[];
  await server.close(uri);
  return { text, row, items, uri };
}

const bibItems = (items: CompletionItem[]) => items.filter((item) => item.sortText?.startsWith('bib'));
const apply = (text: string, item: CompletionItem) => TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 0, text), [item.textEdit as TextEdit]);

test('bibFiles: paths resolve from the innermost workspace folder, else the document folder; absolute ones stay', () => {
  assert.equal(resolveBibPath('refs.bib', '/work/lists/papers/README.md', ['/work', '/work/lists']), resolve('/work/lists/refs.bib'));
  assert.equal(resolveBibPath('../refs.bib', '/elsewhere/docs/README.md', ['/work']), resolve('/elsewhere/refs.bib'));
  assert.equal(resolveBibPath('/abs/refs.bib', '/work/README.md', ['/work']), resolve('/abs/refs.bib'));
  // A folder whose name only starts like the document's folder does not hold it.
  assert.equal(resolveBibPath('refs.bib', '/work-other/README.md', ['/work']), resolve('/work-other/refs.bib'));
});

test('bibFiles: the setting keeps strings and reports anything else', () => {
  assert.deepEqual(readSettings({ bibFiles: ['a.bib', ' ', 'b.bib '] }).settings.bibFiles, ['a.bib', 'b.bib']);
  const wrong = readSettings({ bibFiles: 'a.bib' });
  assert.deepEqual(wrong.settings.bibFiles, []);
  assert.match(wrong.problems.join('\n'), /"paperList\.bibFiles" must be an array/);
});

test('bibFiles: records are cached by path, time and size, and each problem is logged once', () => {
  const warnings: string[] = [];
  const files = new BibFiles((message) => warnings.push(message));
  const path = join(folder, 'cached.bib');
  writeFileSync(path, readFileSync(join(fixtures, 'papers.bib')));
  const first = files.read(path);
  assert.equal(first.length, 3);
  assert.equal(files.read(path), first, 'an unchanged file is not parsed again');
  writeFileSync(path, '@misc{a, title={Only one}, year={2024}}\n');
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(files.read(path).map((record) => record.title), ['Only one']);
  assert.deepEqual(warnings, []);

  for (let round = 0; round < 3; round++) {
    assert.deepEqual(files.read(join(folder, 'missing.bib')), []);
    assert.deepEqual(files.read(join(folder, 'broken.bib')), []);
    assert.deepEqual(files.read(folder), []);
  }
  assert.equal(warnings.length, 3, warnings.join('\n'));
  assert.match(warnings[0], /missing\.bib .*no such file/);
  assert.match(warnings[1], /broken\.bib .*no BibTeX entry/);
  assert.match(warnings[2], /directory/);

  const big = join(folder, 'big.bib');
  writeFileSync(big, Buffer.alloc(maxBibFileBytes + 1, 0x20));
  assert.deepEqual(files.read(big), []);
  assert.match(warnings[3], /big\.bib .*5\.0 MB; the limit is 5 MB/);
  rmSync(big);
});

test('bibFiles: completion offers each record on a new numbered item, replacing the line with the entry', async () => {
  const { text, row, items } = await completeOn('new-item.md', '18. ');
  const offered = bibItems(items);
  assert.deepEqual(
    offered.map((item) => [item.label, item.detail]),
    [
      ['Visual Instruction Tuning', 'Liu et al. · arXiv 2023'],
      ['Training language models to follow instructions with human feedback', 'Ouyang et al. · NeurIPS 2022'],
      ['Learning to predict by the methods of temporal differences', 'Sutton · Machine Learning 1988'],
    ],
  );
  const item = offered[0];
  assert.equal(item.filterText, '18. Visual Instruction Tuning');
  const edit = item.textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: row, character: 0 }, end: { line: row, character: 4 } });
  assert.equal(apply(text, item), referenceText.replace(/(\n17\. [^\n]*)/, `$1\n${visual}`));
});

test('bibFiles: a bullet or a few typed words still start an entry; the number comes from the list', async () => {
  for (const line of ['- Vis', '18. Visual instr', '1. ', '* ']) {
    const { text, items } = await completeOn('typed.md', line);
    const item = bibItems(items).find((candidate) => candidate.label === 'Visual Instruction Tuning');
    assert.ok(item, `offered on "${line}"`);
    assert.equal(apply(text, item), referenceText.replace(/(\n17\. [^\n]*)/, `$1\n${visual}`), `"${line}" becomes the entry`);
  }
});

test('bibFiles: nothing is offered once the entry has a title or a link, or off a list item', async () => {
  for (const line of ['18. **Vis', '18. [[Paper', 'Visual', '#### Visual', '18. Some **bold']) {
    const { items } = await completeOn('no-offer.md', line);
    assert.deepEqual(bibItems(items).map((item) => item.label), [], `nothing on "${line}"`);
  }
});

test('bibFiles: a missing and a broken file are logged once each and do not stop the good one', async () => {
  await completeOn('logs-1.md', '18. ');
  await completeOn('logs-2.md', '18. ');
  const logs = server.logs.join('\n');
  assert.equal(logs.match(/missing\.bib/g)?.length, 1, logs);
  assert.equal(logs.match(/broken\.bib/g)?.length, 1, logs);
  assert.match(logs, /missing\.bib \(paperList\.bibFiles\) is not used: no such file/);
});

test('bibFiles: without the setting no records are offered', async () => {
  server.settings = {};
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  const { items } = await completeOn('no-setting.md', '18. ');
  assert.deepEqual(bibItems(items), []);
  assert.ok(items.some((item) => item.label === 'New paper entry'), 'the other completions are still there');
  server.settings = { bibFiles: [join(folder, 'papers.bib')] };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  const absolute = await completeOn('absolute.md', '18. ');
  assert.equal(bibItems(absolute.items).length, 3, 'an absolute path works as well');
});
