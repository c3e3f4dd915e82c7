// Protocol tests of issue 15, "The editor, polished": the hover card's venue, the per-rule quick fixes,
// the section problem counts of the outline and the server's start-up line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineRequest, type OutlineNode } from '../../server/src/shared/protocol';
import { TestServer } from './lspClient';

const fixturePath = resolve(__dirname, '../fixtures/alignment-survey.md');
const fixtureText = readFileSync(fixturePath, 'utf8');
const scratchUri = (name: string) => pathToFileURL(resolve(__dirname, '../fixtures', name)).href;

let server: TestServer;

before(async () => {
  server = await TestServer.start();
});

after(async () => {
  if (!server) return;
  const code = await Promise.race([server.stop(), new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 3000).unref())]);
  if (code === 'timeout') server.kill();
});

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.notEqual(index, -1, `"${needle}" is in the text`);
  return text.slice(0, index).split('\n').length - 1;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  return edits;
}

const applyTextEdits = (text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 0, text), edits);
const rows = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`).sort();

async function actionsAt(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) as CodeAction[];
}

test('server: the hover card shows the venue and year the reader gives for a two-digit year (IVA \'20) (issue 15)', async () => {
  const uri = scratchUri('polish-hover.md');
  const text = fixtureText.replace(/(\n17\. [^\n]*)/, "$1\n18. **Gesture generation for virtual agents**. *Doe et al.* IVA '20. [[Paper](https://example.org/iva.pdf)]");
  await server.open(uri, text, 1);
  await server.diagnostics(uri, 1);
  const line = lineOf(text, 'Gesture generation');
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 8 } });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  assert.match(hover.contents.value, /\*Doe et al\.\* · IVA · 2020\n/);
  assert.doesNotMatch(hover.contents.value, /IVA '/);
  await server.close(uri);
});

test('server: "Disable <rule> for this line" writes the inline comment, and the finding goes while the others stay (issue 15)', async () => {
  const uri = scratchUri('polish-disable.md');
  await server.open(uri, fixtureText, 1);
  const before = await server.diagnostics(uri, 1);
  const glued = before.find((diagnostic) => diagnostic.code === 'author-format' && String(diagnostic.message).includes('Ganguliet al.'));
  assert.ok(glued);
  const actions = await actionsAt(uri, glued);
  const disable = actions.find((action) => action.title === 'Disable author-format for this line');
  assert.ok(disable, `offered: ${actions.map((action) => action.title).join(' | ')}`);
  const text = applyTextEdits(fixtureText, editsOf(disable, uri));
  const line = glued.range.start.line;
  assert.equal(text.split('\n')[line], '   <!-- paperlist-disable-next-line author-format -->', 'indented into the item above, so the list stays one list');
  await server.replace(uri, 2, text);
  const after = await server.diagnostics(uri, 2);
  assert.deepEqual(rows(after), rows(before.filter((diagnostic) => diagnostic !== glued)));
  await server.close(uri);
});

test('server: "Fix all <rule> problems in this file" fixes that rule only (issue 15)', async () => {
  const uri = scratchUri('polish-fix-rule.md');
  await server.open(uri, fixtureText, 1);
  const before = await server.diagnostics(uri, 1);
  const authors = before.filter((diagnostic) => diagnostic.code === 'author-format');
  assert.ok(authors.length >= 2, 'the reference list has several glued author names');
  const actions = await actionsAt(uri, authors[0]);
  const fixRule = actions.find((action) => action.title.startsWith('Fix all author-format problems in this file'));
  assert.ok(fixRule, `offered: ${actions.map((action) => action.title).join(' | ')}`);
  await server.replace(uri, 2, applyTextEdits(fixtureText, editsOf(fixRule, uri)));
  const after = await server.diagnostics(uri, 2);
  assert.deepEqual(after.filter((diagnostic) => diagnostic.code === 'author-format'), []);
  const others = (diagnostics: Diagnostic[]) => rows(diagnostics.filter((diagnostic) => diagnostic.code !== 'author-format'));
  assert.deepEqual(others(after), others(before), 'the other rules keep their findings');
  await server.close(uri);
});

test('server: the outline gives each section its errors and warnings (issue 15)', async () => {
  const uri = scratchUri('polish-outline.md');
  await server.open(uri, fixtureText, 1);
  const diagnostics = await server.diagnostics(uri, 1);
  const outline = await server.connection.sendRequest(OutlineRequest.type, { textDocument: { uri } });
  assert.ok(outline);
  const all: OutlineNode[] = [];
  const visit = (nodes: OutlineNode[]) => nodes.forEach((node) => (all.push(node), visit(node.children)));
  visit(outline.sections);
  const evaluation = all.find((node) => node.title === 'Human Evaluation');
  assert.ok(evaluation);
  const inside = diagnostics.filter((d) => d.range.start.line >= evaluation.range.start.line && d.range.start.line < evaluation.range.end.line);
  assert.equal(evaluation.warnings, inside.filter((d) => d.severity === 2).length);
  assert.equal(evaluation.errors, inside.filter((d) => d.severity === 1).length);
  assert.ok(evaluation.warnings >= 1, 'Touvronet al. is a warning in Human Evaluation');
  await server.close(uri);
});

test('server: it writes a start-up line with its version, the source of its settings and the files paperList.files matches (issue 15)', async () => {
  const line = await server.log((message) => message.startsWith('paperlist '));
  assert.match(line, /^paperlist \S+ started \(Node v\d+/);
  assert.match(line, /settings from the editor's paperList\.\* settings \(workspace\/configuration\)/);
  assert.match(line, /no workspace folder/);
});

test('startup line: paperList.files and the markdown files it matches in the workspace folders', async () => {
  const { startupLine } = await import('../../server/src/node/startupLine');
  const folder = resolve(__dirname, '../fixtures');
  const line = startupLine('1.2.3', 'initializationOptions', { enable: true, files: ['alignment-*.md'], maxFileSize: 1, bibFiles: [], config: {} }, [folder]);
  assert.match(line, /^paperlist 1\.2\.3 started/);
  assert.match(line, /settings from the initializationOptions of the client/);
  assert.match(line, /paperList\.files \(alignment-\*\.md\) matches \d+ of \d+ markdown files \(.*alignment-survey\.md.*\)/);
});

test('completion: a client without snippets gets the first venue of the choice', async () => {
  const { snippetToPlainText } = await import('../../server/src/lsp/completion');
  assert.equal(snippetToPlainText('1. **${1:Title}**. *${2:Author et al.}* ${3|arXiv,Neu\\,rIPS,A\\|B|} ${4:2026}.$0'), '1. **Title**. *Author et al.* arXiv 2026.');
  assert.equal(snippetToPlainText('${3|Findings\\, ACL,EMNLP|} 2024'), 'Findings, ACL 2024');
});
