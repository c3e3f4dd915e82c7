import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ReferencesRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli, type JsonFinding } from '../../server/src/cli';
import { lintText, parseList } from '../../server/src/core/index';
import { exampleEntry } from '../../server/src/core/features/bibtex';
import { describeHouseStyle, houseStyleOf } from '../../server/src/core/analysis/houseStyleOf';
import { OutlineRequest } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

const fixturePath = resolve(__dirname, '../fixtures/alignment-survey.md');
const fixtureText = readFileSync(fixturePath, 'utf8');
const fixtureUri = pathToFileURL(fixturePath).href;
/** URIs next to the fixture that exist only in the editor, so that they share its config and folder. */
const scratchUri = (name: string) => pathToFileURL(resolve(__dirname, '../fixtures', name)).href;
const ouyang = 'Training language models to follow instructions with human feedback';

let server: TestServer;
let initialDiagnostics: Diagnostic[];

function cliFindings(path: string): JsonFinding[] {
  let out = '';
  runCli(['lint', '--format', 'json', path], { stdout: (text) => (out += text), stderr: () => {}, color: false });
  return JSON.parse(out) as JsonFinding[];
}

/** code, 1-based line and column, message: what the CLI and the server must agree on. */
const row = (diagnostic: Diagnostic) =>
  `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code} ${diagnostic.message}`;
/** The same without the column, for comparing before and after edits that move text within a line. */
const rowWithoutColumn = (diagnostic: Diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code} ${diagnostic.message}`;

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.notEqual(index, -1, `"${needle}" is in the text`);
  return text.slice(0, index).split('\n').length - 1;
}

/** Opens the reference list with a new line after entry 17 that holds `prefix`, and asks for completions at its end. */
async function completeAfterEntry17(uri: string, prefix: string): Promise<{ text: string; items: CompletionItem[] }> {
  const text = fixtureText.replace(/(\n17\. [^\n]*)/, `$1\n${prefix}`);
  await server.open(uri, text, 1);
  const items = (await server.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: lineOf(text, prefix), character: prefix.length },
  })) as CompletionItem[];
  return { text, items };
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 0, text), edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const documentChanges = action.edit?.documentChanges ?? [];
  const edits: TextEdit[] = [];
  for (const change of documentChanges) if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  return edits;
}

before(async () => {
  server = await TestServer.start();
  await server.open(fixtureUri, fixtureText, 1);
  initialDiagnostics = await server.diagnostics(fixtureUri, 1);
});

after(async () => {
  if (!server) return;
  const code = await Promise.race([server.stop(), new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 3000).unref())]);
  if (code === 'timeout') server.kill();
});

test('server: diagnostics equal the CLI findings on the reference list', () => {
  const expected = cliFindings(fixturePath).map((finding) => `${finding.line}:${finding.column} ${finding.code} ${finding.message}`);
  assert.deepEqual(initialDiagnostics.map(row), expected);
  for (const diagnostic of initialDiagnostics) {
    assert.equal(diagnostic.source, 'paperlist');
    assert.equal(diagnostic.codeDescription?.href, `https://github.com/paperlist/paperlist/blob/main/docs/rules.md#${diagnostic.code}`);
  }
});

test('server: duplicates point at the other copies through relatedInformation', () => {
  const duplicates = initialDiagnostics.filter((diagnostic) => diagnostic.code === 'entry-duplicate' || diagnostic.code === 'entry-inconsistent');
  for (const diagnostic of duplicates) {
    if (!diagnostic.relatedInformation) continue;
    for (const related of diagnostic.relatedInformation) assert.equal(related.location.uri, fixtureUri);
  }
});

test('server: an ordinary markdown file gets no diagnostics, not even an empty list', async () => {
  const plain = scratchUri('plain-notes.md');
  await server.open(plain, '# Notes\n\nSome text.\n\n- a bullet\n- another bullet\n', 1);
  // Requests are answered in order, so once this answer is back the server has seen and judged the document.
  assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: plain } }), []);
  const list = scratchUri('plain-notes-then-list.md');
  await server.open(list, fixtureText, 1);
  await server.diagnostics(list, 1);
  assert.deepEqual(server.published.filter((params) => params.uri === plain), []);
  await server.close(plain);
  await server.close(list);
});

test('server: link labels after [[, most used first, inserting Label]( with the cursor in the URL', async () => {
  const uri = scratchUri('completion-labels.md');
  const prefix = '18. **A new paper**. *Doe et al.* arXiv 2024. [[';
  const { items } = await completeAfterEntry17(uri, prefix);
  assert.equal(items[0].label, 'Paper');
  assert.ok(items.some((item) => item.label === 'Data'));
  const edit = items[0].textEdit as TextEdit;
  assert.equal(edit.newText, 'Paper]($0)]');
  await server.close(uri);
});

test('server: venues after the authors, the list\'s own first, in canonical spelling', async () => {
  const uri = scratchUri('completion-venues.md');
  const prefix = '18. **A new paper**. *Doe et al.* ';
  const { items } = await completeAfterEntry17(uri, prefix);
  const labels = items.map((item) => item.label);
  assert.equal(labels[0], 'arXiv');
  assert.ok(labels.includes('NeurIPS'), 'the list\'s "Neurips" is offered as "NeurIPS"');
  assert.ok(!labels.includes('Neurips'));
  assert.ok(labels.includes('ICLR'));
  await server.close(uri);
});

test('server: author strings inside *…*', async () => {
  const uri = scratchUri('completion-authors.md');
  const prefix = '18. **A new paper**. *Ou';
  const { items } = await completeAfterEntry17(uri, prefix);
  const ouyangItem = items.find((item) => item.label === 'Ouyang et al.');
  assert.ok(ouyangItem);
  assert.deepEqual((ouyangItem.textEdit as TextEdit).newText, 'Ouyang et al.*');
  await server.close(uri);
});

test('server: the next number and the entry snippet on a new line of a numbered list', async () => {
  const uri = scratchUri('completion-number.md');
  const text = fixtureText.replace(/(\n17\. [^\n]*)/, '$1\n');
  await server.open(uri, text, 1);
  const line = lineOf(text, '\n17. ') + 2;
  const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 0 } })) as CompletionItem[];
  assert.equal(items[0].label, '18.');
  assert.equal((items[0].textEdit as TextEdit).newText, '18. ');
  const snippet = items.find((item) => item.label === 'New paper entry');
  assert.ok(snippet);
  assert.match((snippet.textEdit as TextEdit).newText, /^18\. \*\*\$\{1:Title\}\*\*\. \*\$\{2:[^}]*\}\* \$\{3\|arXiv,[^}]*\|\} \$\{4:\d{4}\}\. \[\[Paper\]\(\$\{5:[^}]*\}\)\]\$0$/);
  await server.close(uri);
});

test('server: after "N. **" the titles of the list, each inserting the whole entry', async () => {
  const uri = scratchUri('completion-titles.md');
  const prefix = '18. **Training lang';
  const { text, items } = await completeAfterEntry17(uri, prefix);
  const item = items.find((candidate) => candidate.label === ouyang);
  assert.ok(item);
  const after = applyTextEdits(text, [item.textEdit as TextEdit]);
  const original = fixtureText.split('\n').find((row) => row.includes(ouyang))!.replace(/^\d+\. /, '');
  assert.equal(after, fixtureText.replace(/(\n17\. [^\n]*)/, `$1\n18. ${original}`));
  assert.equal(items.filter((candidate) => candidate.label === ouyang).length, 1, 'one item per paper, not per copy');
  await server.close(uri);
});

test('server: a quick fix removes its finding and nothing else', async () => {
  const uri = scratchUri('quick-fix.md');
  await server.open(uri, fixtureText, 1);
  const before = await server.diagnostics(uri, 1);
  const lineCounts = new Map<number, number>();
  for (const diagnostic of before) lineCounts.set(diagnostic.range.start.line, (lineCounts.get(diagnostic.range.start.line) ?? 0) + 1);
  let chosen: { diagnostic: Diagnostic; action: CodeAction } | undefined;
  for (const diagnostic of before) {
    if (lineCounts.get(diagnostic.range.start.line) !== 1) continue;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((candidate) => candidate.diagnostics?.[0]?.code === diagnostic.code && editsOf(candidate, uri).every((edit) => !edit.newText.includes('\n') && edit.range.start.line === edit.range.end.line));
    if (action) {
      chosen = { diagnostic, action };
      break;
    }
  }
  assert.ok(chosen, 'the reference list has a finding with a one-line quick fix');
  const fixed = applyTextEdits(fixtureText, editsOf(chosen.action, uri));
  assert.notEqual(fixed, fixtureText);
  await server.replace(uri, 2, fixed);
  const afterFix = await server.diagnostics(uri, 2);
  assert.deepEqual(afterFix.map(row), before.filter((diagnostic) => diagnostic !== chosen!.diagnostic).map(row));
  await server.close(uri);
});

test('server: source.fixAll.paperlist returns one edit that removes the safe-fixable findings and nothing else', async () => {
  const uri = scratchUri('fix-all.md');
  await server.open(uri, fixtureText, 1);
  const before = await server.diagnostics(uri, 1);
  const end = { line: fixtureText.split('\n').length - 1, character: 0 };
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.paperlist');
  const edits = editsOf(actions[0], uri);
  assert.equal(edits.length, 1);
  const fixed = applyTextEdits(fixtureText, edits);
  await server.replace(uri, 2, fixed);
  const afterFix = await server.diagnostics(uri, 2);
  // What a safe fix cannot remove stays: the findings of the CLI's lint that have no safe fix.
  const safe = new Set(lintText(fixtureText).findings.filter((finding) => finding.fixes.some((fix) => fix.safe)).map((finding) => `${finding.code} ${finding.message}`));
  const unsafe = before.filter((diagnostic) => !safe.has(`${diagnostic.code} ${diagnostic.message}`));
  assert.deepEqual(afterFix.map(rowWithoutColumn), unsafe.map(rowWithoutColumn));
  await server.close(uri);
});

test('server: hover shows a paper card with every section that lists the paper', async () => {
  const line = lineOf(fixtureText, ouyang);
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri }, position: { line, character: 8 } });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  const value = hover.contents.value;
  assert.match(value, /Training language models to follow instructions with human feedback/);
  assert.match(value, /Ouyang et al\./);
  assert.match(value, /2022/);
  assert.match(value, /Listed in 5 sections/);
  assert.match(value, new RegExp(`\\(${fixtureUri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L${line + 1}\\)`));
});

test('server: hover on the first heading adds the house style; other headings and entries do not', async () => {
  const inferred = houseStyleOf(parseList(fixtureText, {}), {});
  const style = describeHouseStyle(inferred, exampleEntry(inferred.style));
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri }, position: { line: 0, character: 4 } });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  assert.ok(hover.contents.value.includes(style), hover.contents.value);
  assert.deepEqual(hover.range?.start, { line: 0, character: 0 });
  const second = lineOf(fixtureText, '## Definition of Alignment Targets');
  assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri }, position: { line: second, character: 4 } }), null);
  const entry = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri }, position: { line: lineOf(fixtureText, ouyang), character: 8 } });
  assert.ok(entry && typeof entry.contents === 'object' && 'value' in entry.contents);
  assert.equal(entry.contents.value.includes(style), false);
});

test('server: document symbols are the sections that hold entries', async () => {
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: fixtureUri } })) as DocumentSymbol[];
  const names: string[] = [];
  const visit = (symbol: DocumentSymbol) => {
    if (symbol.kind === 2 || symbol.kind === 3) names.push(symbol.name);
    symbol.children?.forEach(visit);
  };
  symbols.forEach(visit);
  assert.ok(names.includes('Human Instructions'));
  const find = (list: DocumentSymbol[], name: string): DocumentSymbol | undefined => {
    for (const symbol of list) {
      if (symbol.name === name) return symbol;
      const found = find(symbol.children ?? [], name);
      if (found) return found;
    }
    return undefined;
  };
  const instructions = find(symbols, 'Human Instructions')!;
  assert.equal(instructions.detail, '17 entries');
  assert.equal(instructions.children?.length, 17);
});

test('server: references return all five copies of one paper, highlights the same', async () => {
  const line = lineOf(fixtureText, ouyang);
  const expected = fixtureText
    .split('\n')
    .map((text, index) => (text.includes(`**${ouyang}**`) ? index : -1))
    .filter((index) => index >= 0);
  assert.equal(expected.length, 5);
  const references = await server.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: fixtureUri },
    position: { line, character: 10 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(references?.map((location) => location.range.start.line), expected);
  const highlights = await server.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: fixtureUri }, position: { line, character: 10 } });
  assert.deepEqual(highlights?.map((highlight) => highlight.range.start.line), expected);
});

test('server: folding ranges cover the sections', async () => {
  const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: fixtureUri } });
  const headingLine = lineOf(fixtureText, '### Human Instructions');
  const instructions = ranges?.find((range) => range.startLine === headingLine);
  assert.deepEqual(instructions && [instructions.startLine, instructions.endLine], [headingLine, lineOf(fixtureText, '\n17. ') + 1]);
});

test('server: the paperList/outline request gives the section tree with counts and severities', async () => {
  const outline = await server.connection.sendRequest(OutlineRequest.type, { textDocument: { uri: fixtureUri } });
  assert.ok(outline);
  assert.equal(outline.version, 1);
  assert.equal(outline.totals.problems, initialDiagnostics.length);
  const entryCount = fixtureText.split('\n').filter((text) => /^\s*\d+\. \*\*/.test(text)).length;
  assert.equal(outline.totals.entries, entryCount);
  assert.ok(outline.totals.papers < entryCount, 'copies count once');
  const top = outline.sections[0];
  assert.equal(top.title, 'A Survey about Alignment Goals');
  assert.equal(top.totalCount, entryCount);
  const definition = top.children.find((node) => node.title === 'Definition of Alignment Targets')!;
  const instructions = definition.children.find((node) => node.title === 'Human Instructions')!;
  assert.equal(instructions.ownCount, 17);
  assert.equal(instructions.entries[0].title, 'Multitask prompted training enables zero-shot task generalizatio');
  assert.equal(instructions.entries[0].year, 2021);
  // Each entry's severity is the worst among the diagnostics on its line.
  const rank = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  const worstByLine = new Map<number, number>();
  for (const diagnostic of initialDiagnostics) {
    const line = diagnostic.range.start.line;
    worstByLine.set(line, Math.min(worstByLine.get(line) ?? 9, diagnostic.severity ?? 9));
  }
  const allEntries: { line: number; severity?: keyof typeof rank }[] = [];
  const walk = (node: typeof top) => {
    allEntries.push(...node.entries);
    node.children.forEach(walk);
  };
  outline.sections.forEach(walk);
  for (const entry of allEntries) {
    const worst = worstByLine.get(entry.line);
    assert.equal(entry.severity ? rank[entry.severity] : undefined, worst, `line ${entry.line + 1}`);
  }
});

test('server: positions past the end, unknown documents and odd params get empty answers', async () => {
  const far = { line: 100000, character: 0 };
  const pastLine = { line: 0, character: 10000 };
  for (const position of [far, pastLine]) {
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fixtureUri }, position }), null);
    assert.deepEqual(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: fixtureUri }, position }), []);
    assert.deepEqual(
      await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: fixtureUri }, position, context: { includeDeclaration: true } }),
      [],
    );
  }
  const unknown = { uri: 'file:///nowhere/unknown.md' };
  assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: unknown, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: unknown }), []);
  assert.equal(await server.connection.sendRequest(OutlineRequest.type, { textDocument: unknown }), null);
  // Malformed parameters, as a buggy client might send them.
  assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: fixtureUri }, position: null }), null);
  assert.deepEqual(await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: fixtureUri } }), []);
  assert.equal(await server.connection.sendRequest(OutlineRequest.method, null), null);
});

test('server: an edit is re-linted incrementally and only the new version is published', async () => {
  const uri = scratchUri('typing.md');
  await server.open(uri, fixtureText, 1);
  await server.diagnostics(uri, 1);
  const line = lineOf(fixtureText, '\n17. ') + 1;
  const lineText = fixtureText.split('\n')[line];
  // Three keystrokes in a burst; each is an incremental change.
  for (let version = 2; version <= 4; version++) {
    const character = lineText.length + version - 2;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
  }
  const diagnostics = await server.diagnostics(uri, 4);
  const expectedText = fixtureText.replace(lineText, `${lineText}xxx`);
  const expected = cliFindingsForText(expectedText);
  assert.deepEqual(diagnostics.map(row), expected);
  for (const params of server.published.filter((published) => published.uri === uri)) assert.ok((params.version ?? 0) <= 4);
  await server.close(uri);
});

function cliFindingsForText(text: string): string[] {
  // The CLI lints files, so the expected findings come from the core the CLI uses, with the CLI's config.
  const { lintText, resolveConfig, BlockCache } = require('../../server/src/core/index') as typeof import('../../server/src/core/index');
  const { loadConfigFor, nodeHostFor } = require('../../server/src/node/files') as typeof import('../../server/src/node/files');
  const loaded = loadConfigFor(fixturePath);
  const { list, findings } = lintText(text, { config: resolveConfig(loaded.config), configProblems: loaded.problems, host: nodeHostFor(fixturePath), cache: new BlockCache() });
  return findings.map((finding) => {
    const position = list.lines.positionAt(finding.span.start);
    return `${position.line + 1}:${position.character + 1} ${finding.code} ${finding.message}`;
  });
}

test('server: a settings change applies without a restart', async () => {
  const uri = scratchUri('settings.md');
  await server.open(uri, fixtureText, 1);
  const before = await server.diagnostics(uri, 1);
  const code = String(before[0].code);
  server.settings = { rules: { [code]: 'off' } };
  const next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  const after = await next;
  assert.deepEqual(after.map(row), before.filter((diagnostic) => diagnostic.code !== code).map(row));
  server.settings = { enable: false };
  const cleared = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  assert.deepEqual(await cleared, []);
  server.settings = {};
  const back = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  assert.deepEqual((await back).map(row), before.map(row));
  await server.close(uri);
});

test('server: a list with fewer than three entries is linted when paperList.files matches it', async () => {
  const short = fixtureText.split('\n').slice(0, 12).join('\n') + '\n';
  const uri = scratchUri('short-list.md');
  server.settings = { files: ['short-*.md'] };
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.open(uri, short, 1);
  assert.equal(short.split('\n').filter((line) => /^\d+\. \*\*/.test(line)).length, 2);
  const diagnostics = await server.diagnostics(uri, 1);
  assert.ok(diagnostics.length > 0);
  server.settings = {};
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.close(uri);
});

test('server: shutdown and exit end the process with status 0', async () => {
  const second = await TestServer.start();
  try {
    assert.equal(await second.stop(), 0);
  } finally {
    second.kill();
  }
});
