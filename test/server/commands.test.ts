import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ApplyWorkspaceEditRequest, ExecuteCommandRequest, type ApplyWorkspaceEditParams, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, parseList } from '../../server/src/core/index';
import { exampleEntry } from '../../server/src/core/features/bibtex';
import { describeHouseStyle, houseStyleOf } from '../../server/src/core/analysis/houseStyleOf';
import type { AddFromBibtexResult, FixAllCommandResult, HouseStyleResult } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

const fixturePath = resolve(__dirname, '../fixtures/alignment-survey.md');
const fixtureText = readFileSync(fixturePath, 'utf8');
const fixtureUri = pathToFileURL(fixturePath).href;
/** A URI next to the fixture that exists only in the editor, so that it shares the fixture's folder. */
const scratchUri = (name: string) => pathToFileURL(resolve(__dirname, '../fixtures', name)).href;

let server: TestServer;
/** Every workspace/applyEdit the server sent, and what the client answers next. */
const applied: ApplyWorkspaceEditParams[] = [];
let applyAnswer = true;

const execute = (command: string, ...args: unknown[]) => server.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

before(async () => {
  server = await TestServer.start();
  server.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    applied.push(params);
    return { applied: applyAnswer };
  });
  await server.open(fixtureUri, fixtureText, 1);
});

after(async () => {
  await server.stop();
});

test('commands: exportBibtex answers the whole list, one entry per paper', async () => {
  const bibtex = (await execute('paperList.server.exportBibtex', fixtureUri)) as string;
  assert.equal(typeof bibtex, 'string');
  const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]);
  assert.equal(keys.length, 85);
  assert.equal(keys[2], 'wang2022supernaturalinstructions');
  assert.match(bibtex, /eprint {8}= \{2204\.07705\},\n {2}archivePrefix = \{arXiv\}/);
});

test('commands: exportBibtex of a section, by its heading line', async () => {
  // Line 38 (zero-based 37) is "#### Human Feedback".
  const bibtex = (await execute('paperList.server.exportBibtex', fixtureUri, 37)) as string;
  const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]);
  assert.ok(keys.length > 0 && keys.length < 20);
  assert.ok(keys.includes('ouyang2022training'));
  assert.equal(keys.includes('wang2022supernaturalinstructions'), false);
});

test('commands: formatBibtex answers the lines to insert, numbered on', async () => {
  const bibtex = '@misc{liu2023visual, title={Visual Instruction Tuning}, author={Liu, Haotian and Li, Chunyuan}, year={2023}, eprint={2304.08485}, archivePrefix={arXiv}}';
  // Zero-based line 28 is "### Human Preferences": the lines go before it, after item 17 of "Human Instructions".
  const lines = await execute('paperList.server.formatBibtex', fixtureUri, bibtex, 28);
  assert.deepEqual(lines, ['18. **Visual Instruction Tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2304.08485)]']);
});

test('commands: sortSection applies one edit that sorts the section by year', async () => {
  const uri = scratchUri('commands-sort.md');
  await server.open(uri, fixtureText, 1);
  applied.length = 0;
  // Zero-based line 8 is "### Human Instructions".
  const result = await execute('paperList.server.sortSection', uri, 8, 'year');
  assert.deepEqual(result, { applied: true });
  assert.equal(applied.length, 1);
  const change = applied[0].edit.documentChanges?.[0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.edits.length, 1);
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, fixtureText), change.edits as TextEdit[]);
  const lines = after.split('\n');
  assert.match(lines[10], /^1\. \*\*The flan collection/);
  assert.match(lines[26], /^17\. \*\*Scaling instruction-finetuned language models/);
  assert.equal(lines.length, fixtureText.split('\n').length);
  // Sorting the sorted text again has nothing to do.
  await server.replace(uri, 2, after);
  applied.length = 0;
  assert.deepEqual(await execute('paperList.server.sortSection', uri, 8, 'year'), { applied: true });
  assert.equal(applied.length, 0);
  await server.close(uri);
});

/** The zero-based lines of `before` that an applied edit changed, for edits that keep the line count. */
function changedLines(before: string, after: string): number[] {
  const old = before.split('\n');
  const now = after.split('\n');
  assert.equal(now.length, old.length);
  return old.flatMap((line, index) => (line === now[index] ? [] : [index]));
}

test('commands: fixAll of a section changes only lines inside it, in one edit, and answers the counts', async () => {
  const uri = scratchUri('commands-fix-section.md');
  await server.open(uri, fixtureText, 1);
  applied.length = 0;
  // Zero-based line 129 is "#### Human Evaluation", up to line 136; line 137 of the next section has the same fault.
  const result = (await execute('paperList.server.fixAll', uri, 129)) as FixAllCommandResult;
  assert.deepEqual(result, { applied: true, fixes: 1, entries: 1 });
  assert.equal(applied.length, 1);
  const change = applied[0].edit.documentChanges?.[0] as TextDocumentEdit;
  assert.equal(change.edits.length, 1);
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, fixtureText), change.edits as TextEdit[]);
  assert.deepEqual(changedLines(fixtureText, after), [131]);
  assert.match(after.split('\n')[131], /\*Touvron et al\.\*/);
  assert.match(after.split('\n')[137], /\*Touvronet al\.\*/);
  // A section with subsections: "### Human Preferences" (lines 114 to 142) holds the fixes of its subsections.
  applied.length = 0;
  const parent = (await execute('paperList.server.fixAll', uri, 114)) as FixAllCommandResult;
  assert.deepEqual(parent, { applied: true, fixes: 5, entries: 5 });
  const parentEdit = (applied[0].edit.documentChanges?.[0] as TextDocumentEdit).edits as TextEdit[];
  const lines = changedLines(fixtureText, TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, fixtureText), parentEdit));
  assert.deepEqual(lines, [116, 126, 131, 137, 139]);
  await server.close(uri);
});

test('commands: fixAll without a section fixes the whole list and counts fixes and entries apart', async () => {
  const uri = scratchUri('commands-fix-all.md');
  await server.open(uri, fixtureText, 1);
  applied.length = 0;
  const result = (await execute('paperList.server.fixAll', uri)) as FixAllCommandResult;
  const expected = fixAll(fixtureText);
  assert.deepEqual(result, { applied: true, fixes: expected.applied, entries: expected.entries });
  // Line 17 takes two fixes (its year and its tracking parameter), so there are more fixes than entries.
  assert.ok(result.fixes > result.entries && result.entries > 4, JSON.stringify(result));
  const change = applied[0].edit.documentChanges?.[0] as TextDocumentEdit;
  assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, fixtureText), change.edits as TextEdit[]), expected.text);
  // Fixed, there is nothing left to fix, and no edit is sent.
  await server.replace(uri, 2, expected.text);
  applied.length = 0;
  assert.deepEqual(await execute('paperList.server.fixAll', uri), { applied: true, fixes: 0, entries: 0 });
  assert.equal(applied.length, 0);
  assert.equal(await execute('paperList.server.fixAll', uri, 'Human Evaluation'), null);
  await server.close(uri);
});

test('commands: addFromBibtex inserts entries in the house style and renumbers the items below, in one edit', async () => {
  const uri = scratchUri('commands-add.md');
  await server.open(uri, fixtureText, 1);
  applied.length = 0;
  // Zero-based line 12 holds item 3 of "Human Instructions"; the new paper becomes 3 and the rest move up.
  const result = (await execute('paperList.server.addFromBibtex', uri, '@misc{lima, title={LIMA: Less Is More for Alignment}, author={Zhou, Chunting and others}, year={2023}, eprint={2305.11206}, archivePrefix={arXiv}}', 12)) as AddFromBibtexResult;
  assert.deepEqual(result, { applied: true, entries: ['3. **LIMA: Less Is More for Alignment**. *Zhou et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.11206)]'] });
  assert.equal(applied.length, 1);
  const change = applied[0].edit.documentChanges?.[0] as TextDocumentEdit;
  const after = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, fixtureText), change.edits as TextEdit[]).split('\n');
  const before = fixtureText.split('\n');
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.slice(0, 12), before.slice(0, 12));
  assert.equal(after[12], result.entries[0]);
  assert.equal(after[13], before[12].replace(/^3\./, '4.'));
  assert.equal(after[27], before[26].replace(/^17\./, '18.'));
  assert.deepEqual(after.slice(28), before.slice(27));
  assert.deepEqual(await execute('paperList.server.addFromBibtex', uri, 'no bibtex here', 12), { applied: true, entries: [] });
  await server.close(uri);
});

test('commands: newEntrySnippet answers a snippet in the house style, numbered after the item above the line', async () => {
  const year = new Date().getFullYear();
  // Zero-based line 27 is the blank line after item 17 of "Human Instructions".
  assert.equal(
    await execute('paperList.server.newEntrySnippet', fixtureUri, 27),
    `18. **\${1:Title}**. *\${2:Author et al.}* \${3|arXiv,Neurips,AAAI,AIES,ACL,EMNLP|} \${4:${year}}. [[Paper](\${5:https://arxiv.org/abs/})]$0`,
  );
  assert.equal(await execute('paperList.server.newEntrySnippet', fixtureUri, -3), null);
});

test('commands: a refused edit and malformed arguments are answered, not thrown', async () => {
  applyAnswer = false;
  try {
    assert.deepEqual(await execute('paperList.server.sortSection', fixtureUri, 8, 'title'), { applied: false });
  } finally {
    applyAnswer = true;
  }
  assert.equal(await execute('paperList.server.sortSection', fixtureUri, 8, 'colour'), null);
  assert.equal(await execute('paperList.server.sortSection', fixtureUri, -1, 'year'), null);
  assert.equal(await execute('paperList.server.formatBibtex', fixtureUri, 42, 3), null);
  assert.equal(await execute('paperList.server.exportBibtex', 'file:///nowhere.md'), null);
  assert.equal(await execute('paperList.server.exportBibtex'), null);
  await assert.rejects(execute('paperList.noSuchCommand', fixtureUri), /unknown command/);
  assert.deepEqual(await execute('paperList.server.formatBibtex', fixtureUri, 'not bibtex', 3), []);
});

test('commands: showHouseStyle answers the markdown, the style and the pinned fields of the list', async () => {
  const result = (await execute('paperList.server.showHouseStyle', fixtureUri)) as HouseStyleResult;
  const inferred = houseStyleOf(parseList(fixtureText, {}), {});
  assert.equal(result.markdown, describeHouseStyle(inferred, exampleEntry(inferred.style)));
  assert.deepEqual(result.style, inferred.style);
  assert.deepEqual(result.pinned, []);
  assert.equal(await execute('paperList.server.showHouseStyle', 'file:///nowhere.md'), null);
  assert.equal(await execute('paperList.server.showHouseStyle'), null);
});

test('commands: showHouseStyle names the fields pinned by .paperlistrc.json', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'paperlist-style-'));
  try {
    writeFileSync(join(folder, '.paperlistrc.json'), JSON.stringify({ houseStyle: { labelBrackets: 'single', yearPeriod: false } }));
    const uri = pathToFileURL(join(folder, 'README.md')).href;
    await server.open(uri, fixtureText, 1);
    const result = (await execute('paperList.server.showHouseStyle', uri)) as HouseStyleResult;
    assert.deepEqual([...result.pinned].sort(), ['labelBrackets', 'yearPeriod']);
    assert.equal(result.style.labelBrackets, 'single');
    assert.equal(result.style.yearPeriod, false);
    const pinned = houseStyleOf(parseList(fixtureText, {}), { labelBrackets: 'single', yearPeriod: false });
    assert.equal(result.markdown, describeHouseStyle(pinned, exampleEntry(pinned.style)));
    // The config reaches formatBibtex too; the entry it answers is still one line, numbered on.
    const lines = (await execute('paperList.server.formatBibtex', uri, '@misc{a, title={A paper}, year={2024}}', 28)) as string[];
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^18\. .*A paper/);
    await server.close(uri);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
