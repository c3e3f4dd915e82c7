// Extension-host tests: they run inside VS Code (code-server here, or the VS Code that @vscode/test-electron
// downloads) and use the `vscode` API against the installed extension and its language server.
// The workspace holds copies of the reference list: `alignment-survey.md` is only read, each test that
// edits has its own copy.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PaperListApi } from '../../../client/src/extension';
import type { AddFromLinkResult } from '../../../client/src/linkCommands';
import type { EntryNode, PaperNode, SectionNode } from '../../../client/src/paperTree';
import type { HouseStyleResult, OutlineNode, SortSectionResult } from '../../../server/src/shared/protocol';

const tests: { name: string; run: () => Promise<void> }[] = [];
const test = (name: string, run: () => Promise<void>): void => {
  tests.push({ name, run });
};

/** Resolves with the diagnostics of `uri` once `accept` holds for them, checking again on every change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(guard);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    // A guard against hanging forever, not a wait: the check runs on every diagnostics event.
    const guard = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(describe))}`));
    }, 30_000);
    check();
  });
}

const describe = (diagnostic: vscode.Diagnostic): string => `${diagnostic.range.start.line + 1}: ${String(codeOf(diagnostic))} ${diagnostic.message}`;
const codeOf = (diagnostic: vscode.Diagnostic): string | number | undefined =>
  typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openList(name: string): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = fileUri(name);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const diagnostics = await diagnosticsWhen(uri, (found) => found.length > 0, `the diagnostics of ${name}`);
  return { editor, diagnostics };
}

function api(): PaperListApi {
  const extension = vscode.extensions.getExtension<PaperListApi>('paperlist.paperlist');
  assert.ok(extension, 'the extension paperlist.paperlist is installed');
  assert.ok(extension.isActive, 'the extension is active');
  return extension.exports;
}

function findSection(nodes: OutlineNode[], title: string): OutlineNode | undefined {
  for (const node of nodes) {
    if (node.title === title) return node;
    const found = findSection(node.children, title);
    if (found) return found;
  }
  return undefined;
}

function findTreeSection(provider: PaperListApi['tree'], nodes: PaperNode[], label: string): SectionNode | undefined {
  for (const node of nodes) {
    if (node.kind !== 'section') continue;
    const shown = String(provider.getTreeItem(node).label);
    if (label.endsWith(' · ') ? shown.startsWith(label) : shown === label) return node;
    const found = findTreeSection(provider, node.sections, label);
    if (found) return found;
  }
  return undefined;
}

/** The zero-based line that contains `text`. */
function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  throw new Error(`no line contains "${text}"`);
}

const entryLines = (document: vscode.TextDocument): number =>
  document.getText().split('\n').filter((line) => /^\d+\. \*\*/.test(line)).length;

test('activates on a markdown paper list and reports its findings', async () => {
  const { editor, diagnostics } = await openList('alignment-survey.md');
  // Nothing but opening the markdown file activated the extension: the diagnostics prove it ran.
  const extension = vscode.extensions.getExtension<PaperListApi>('paperlist.paperlist');
  assert.equal(extension?.isActive, true);
  await extension!.exports.ready;
  assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'paperlist'), 'every diagnostic comes from paperlist');
  const lines = diagnostics.map(describe);
  const expect = (line: number, code: string, text: string): void => {
    assert.ok(
      diagnostics.some((d) => d.range.start.line === line - 1 && codeOf(d) === code && d.message.includes(text)),
      `expected ${code} on line ${line} mentioning "${text}"; got:\n${lines.join('\n')}`,
    );
  };
  expect(82, 'author-format', 'Ganguliet al.');
  expect(132, 'author-format', 'Touvronet al.');
  expect(18, 'year-arxiv-mismatch', '2210.11416');
  expect(46, 'heading-whitespace', 'Model Synthetic Feedback');
  assert.equal(editor.document.languageId, 'markdown');
});

test('answers paperList/outline with the sections, their counts and the totals', async () => {
  const { editor, diagnostics } = await openList('alignment-survey.md');
  const outline = await api().model.refresh();
  assert.ok(outline, 'the reference list is a paper list');
  const instructions = findSection(outline.sections, 'Human Instructions');
  assert.ok(instructions);
  assert.equal(instructions.level, 3);
  assert.equal(instructions.line, 8);
  assert.equal(instructions.totalCount, 17);
  assert.equal(instructions.entries[0].title, 'Multitask prompted training enables zero-shot task generalizatio');
  assert.equal(instructions.entries[0].year, 2021);
  const preferences = findSection(outline.sections, 'Human Preferences');
  assert.ok(preferences);
  assert.equal(preferences.totalCount, preferences.children.reduce((sum, child) => sum + child.totalCount, preferences.ownCount));
  assert.equal(outline.totals.entries, entryLines(editor.document));
  assert.equal(outline.totals.problems, diagnostics.length);
});

test('the Paper List tree shows sections with counts and entries with years and problems', async () => {
  await openList('alignment-survey.md');
  const { tree, model } = api();
  await model.refresh();
  const section = findTreeSection(tree, tree.getChildren(), 'Human Instructions · 17');
  assert.ok(section, `no "Human Instructions · 17" among ${JSON.stringify(tree.getChildren().map((node) => tree.getTreeItem(node).label))}`);
  const entries = tree.getChildren(section) as EntryNode[];
  assert.equal(entries.length, 17);
  assert.equal(tree.getTreeItem(entries[0]).description, '2021');
  // Entry 8 (line 18) gives a year that does not match its arXiv id.
  const flagged = tree.getTreeItem(entries[7]);
  assert.equal((flagged.iconPath as vscode.ThemeIcon).id, 'warning');
  // A plain-text tooltip: markdown escapes once showed as backslashes in it.
  assert.equal(typeof flagged.tooltip, 'string');
  assert.match(String(flagged.tooltip), /Year 2021 does not match arXiv 2210\.11416/);
  assert.doesNotMatch(String(flagged.tooltip), /\\/);
  assert.deepEqual(flagged.command?.arguments?.[1], 17);
  const groups = tree.getChildren().filter((node) => node.kind === 'duplicates');
  assert.equal(groups.length, 1, 'the papers listed in several sections have a group');
});

test('the filter keeps the papers whose line matches, with "n of m" counts', async () => {
  await openList('alignment-survey.md');
  const { tree, model } = api();
  await model.refresh();
  try {
    tree.setFilter('Ouyang');
    const section = findTreeSection(tree, tree.getChildren(), 'Human Demonstrations · 1 of 6');
    assert.ok(section, 'the section with one matching paper stays, with its count');
    assert.equal(findTreeSection(tree, tree.getChildren(), 'Human Instructions · '), undefined, 'sections without a match are hidden');
    const entries = tree.getChildren(section) as EntryNode[];
    assert.deepEqual(entries.map((entry) => entry.entry.title), ['Training language models to follow instructions with human feedback']);
  } finally {
    tree.setFilter('');
  }
  assert.ok(findTreeSection(tree, tree.getChildren(), 'Human Instructions · 17'));
});

test('a quick fix from executeCodeActionProvider removes its finding', async () => {
  const { editor, diagnostics } = await openList('quick-fix.md');
  const glued = diagnostics.find((d) => codeOf(d) === 'author-format' && d.message.includes('Ganguliet al.'));
  assert.ok(glued);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, glued.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((action) => action.title.includes('Ganguli et al.'));
  assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((action) => action.title))}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await diagnosticsWhen(editor.document.uri, (found) => !found.some((d) => d.message.includes('Ganguliet al.')), 'the finding to go away');
  assert.match(editor.document.lineAt(81).text, /\*Ganguli et al\.\*/);
});

test('typing [[ offers the link labels of the list', async () => {
  const { editor } = await openList('completion.md');
  const line = editor.document.lineAt(10);
  await editor.edit((edit) => edit.insert(line.range.end, ' [['));
  const position = editor.document.lineAt(10).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '[');
  const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  for (const label of ['Paper', 'Data', 'Project', 'Checkpoint']) assert.ok(labels.includes(label), `${label} is offered; got ${labels.join(', ')}`);
  assert.equal(labels[0], 'Paper', 'the most used label comes first');
});

test('on a new item, completion offers the papers of the paperList.bibFiles files as entries in the house style', async () => {
  // The workspace settings name papers.bib, which lies beside the lists.
  const { editor } = await openList('bib-completion.md');
  const document = editor.document;
  const blank = lineOf(document, '17. **Llavar') + 1;
  await editor.edit((edit) => edit.insert(new vscode.Position(blank, 0), '18. Vis\n'));
  const position = document.lineAt(blank).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  const paper = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'Visual Instruction Tuning');
  assert.ok(paper, `the paper of papers.bib is offered; got ${list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(', ')}`);
  const edit = paper.textEdit ?? (paper.range ? new vscode.TextEdit(paper.range instanceof vscode.Range ? paper.range : paper.range.replacing, String(paper.insertText)) : undefined);
  assert.ok(edit, 'the item replaces the line');
  await editor.edit((builder) => builder.replace(edit.range, edit.newText));
  assert.equal(document.lineAt(blank).text, '18. **Visual Instruction Tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2304.08485)]');
});

test('Renumber Section renumbers the section at the cursor, Renumber All Lists every list', async () => {
  const { editor } = await openList('renumber.md');
  const document = editor.document;
  const inInstructions = lineOf(document, '2. **Cross-task generalization');
  const inDemonstrations = lineOf(document, '3. **Recursively summarizing books');
  await editor.edit((edit) => {
    edit.replace(new vscode.Range(inInstructions, 0, inInstructions, 1), '5');
    edit.replace(new vscode.Range(inDemonstrations, 0, inDemonstrations, 1), '8');
  });
  editor.selection = new vscode.Selection(inDemonstrations, 0, inDemonstrations, 0);
  await api().model.refresh();
  await vscode.commands.executeCommand('paperList.renumberSection');
  assert.match(document.lineAt(inDemonstrations).text, /^3\. /, 'the section at the cursor is renumbered');
  assert.match(document.lineAt(inInstructions).text, /^5\. /, 'other sections are left alone');
  await vscode.commands.executeCommand('paperList.renumberAll');
  assert.match(document.lineAt(inInstructions).text, /^2\. /);
});

test('Fix All in Section fixes only that section, Fix All Problems the rest', async () => {
  const { editor } = await openList('fix-all.md');
  const document = editor.document;
  const { tree, model } = api();
  await model.refresh();
  const section = findTreeSection(tree, tree.getChildren(), 'Human Evaluation · ');
  assert.ok(section, 'the "Human Evaluation" section is in the tree');
  await vscode.commands.executeCommand('paperList.fixSection', section);
  assert.match(document.lineAt(131).text, /\*Touvron et al\.\*/, 'line 132 is in the section and fixed');
  assert.match(document.lineAt(137).text, /\*Touvronet al\.\*/, 'line 138 is in the next section and left alone');
  await vscode.commands.executeCommand('paperList.fixAll');
  assert.match(document.lineAt(137).text, /\*Touvron et al\.\*/);
  assert.match(document.lineAt(81).text, /\*Ganguli et al\.\*/);
  await diagnosticsWhen(document.uri, (found) => !found.some((d) => codeOf(d) === 'author-format'), 'the author findings to go away');
});

test('Add Paper Entry inserts a numbered snippet after the entry at the cursor', async () => {
  const { editor } = await openList('add-entry.md');
  // Entry 17 is the last one of "Human Instructions".
  const last = lineOf(editor.document, '17. **Llavar');
  editor.selection = new vscode.Selection(last, 5, last, 5);
  await vscode.commands.executeCommand('paperList.addEntry');
  const year = new Date().getFullYear();
  assert.equal(editor.document.lineAt(last + 1).text, `18. **Title**. *Author et al.* arXiv ${year}. [[Paper](https://arxiv.org/abs/)]`);
  assert.equal(editor.document.getText(editor.selection), 'Title', 'the title placeholder is selected');
});

test('Add Paper Entry on the blank line between a list and the next heading keeps a blank line before the heading', async () => {
  const { editor } = await openList('add-entry-blank.md');
  const document = editor.document;
  const blank = lineOf(document, '17. **Llavar') + 1;
  assert.equal(document.lineAt(blank).text, '');
  assert.match(document.lineAt(blank + 1).text, /^### Human Preferences/);
  editor.selection = new vscode.Selection(blank, 0, blank, 0);
  await vscode.commands.executeCommand('paperList.addEntry');
  assert.match(document.lineAt(blank).text, /^18\. \*\*Title\*\*/);
  assert.equal(document.lineAt(blank + 1).text, '', 'a blank line still parts the list from the heading');
  assert.match(document.lineAt(blank + 2).text, /^### Human Preferences/);
});

test('Add Paper from BibTeX inserts a numbered entry in the house style at the cursor', async () => {
  const { editor } = await openList('add-bibtex.md');
  const document = editor.document;
  // The blank line after entry 17, the last of "Human Instructions".
  const blank = lineOf(document, '17. **Llavar') + 1;
  const lineCount = document.lineCount;
  editor.selection = new vscode.Selection(blank, 0, blank, 0);
  const bibtex =
    '@misc{zhou2023lima,\n  title = {LIMA: Less Is More for Alignment},\n  author = {Zhou, Chunting and Liu, Pengfei and others},\n' +
    '  year = {2023},\n  eprint = {2305.11206},\n  archivePrefix = {arXiv}\n}';
  const lines = await vscode.commands.executeCommand<string[]>('paperList.addFromBibtex', bibtex);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^18\. \*\*LIMA: Less Is More for Alignment\*\*.*\*Zhou et al\.\*.* 2023.*\(https:\/\/arxiv\.org\/abs\/2305\.11206\)/);
  assert.equal(document.lineAt(blank).text, lines[0], 'the entry is on the cursor line');
  assert.equal(document.lineAt(blank + 1).text, '', 'the blank line moved down');
  assert.equal(document.lineCount, lineCount + 1);
  assert.equal(editor.selection.active.line, blank, 'the cursor is on the new entry');
  // Text that holds no entry changes nothing.
  assert.deepEqual(await vscode.commands.executeCommand<string[]>('paperList.addFromBibtex', 'not bibtex at all'), []);
  assert.equal(document.lineCount, lineCount + 1);
});

test('Add Paper from BibTeX in the middle of a list renumbers the items below, and one undo takes it back', async () => {
  const { editor } = await openList('add-bibtex-middle.md');
  const document = editor.document;
  const original = document.getText();
  const third = lineOf(document, '3. **Super-naturalinstructions');
  editor.selection = new vscode.Selection(third, 0, third, 0);
  const bibtex = '@misc{a, title={A First Paper}, author={Doe, Jane and others}, year={2024}}\n@misc{b, title={A Second Paper}, author={Roe, Rick and others}, year={2023}, journal={Nature}}';
  const entries = await vscode.commands.executeCommand<string[]>('paperList.addFromBibtex', bibtex);
  assert.deepEqual(entries, ['3. **A First Paper**. *Doe et al.* 2024.', '4. **A Second Paper**. *Roe et al.* Nature 2023.']);
  assert.equal(document.lineAt(third).text, entries[0]);
  assert.equal(document.lineAt(third + 1).text, entries[1]);
  assert.match(document.lineAt(third + 2).text, /^5\. \*\*Super-naturalinstructions/);
  assert.match(document.lineAt(lineOf(document, '**Llavar')).text, /^19\. /, 'the last item of the list moved from 17 to 19');
  await vscode.commands.executeCommand('undo');
  assert.equal(document.getText(), original);
});

test('Export to BibTeX writes every paper of the list, or of one section, to a .bib file', async () => {
  await openList('alignment-survey.md');
  const target = fileUri('export-all.bib');
  const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; count: number }>('paperList.exportBibtex', target);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  assert.equal(text.match(/^@/gm)?.length, 85, 'one record per paper of the reference list');
  assert.equal(result.count, 85);
  assert.match(text, /^@\w+\{wang2022supernaturalinstructions,$/m);
  assert.match(text, /eprint\s*= \{2204\.07705\}/, 'arXiv papers carry their eprint');
  const { tree, model } = api();
  await model.refresh();
  const section = findTreeSection(tree, tree.getChildren(), 'Human Instructions · 17');
  assert.ok(section, 'the "Human Instructions" section is in the tree');
  const sectionTarget = fileUri('export-section.bib');
  await vscode.commands.executeCommand('paperList.exportBibtex', section, sectionTarget);
  const sectionText = new TextDecoder().decode(await vscode.workspace.fs.readFile(sectionTarget));
  assert.equal(sectionText.match(/^@/gm)?.length, 17);
  assert.doesNotMatch(sectionText, /ouyang2022training/, 'papers of other sections are left out');
  // `{ sectionLine }` names the same section by its heading line.
  const byLine = await vscode.commands.executeCommand<{ count: number }>('paperList.exportBibtex', { sectionLine: section.section.line }, sectionTarget);
  assert.equal(byLine.count, 17);
});

test('Sort Section by year keeps every entry of the section and puts the newest first', async () => {
  const { editor } = await openList('sort-section.md');
  const document = editor.document;
  const heading = lineOf(document, '### Human Instructions');
  const next = lineOf(document, '### Human Preferences');
  const sectionLines = (): string[] => {
    const lines: string[] = [];
    for (let line = heading; line < next; line++) lines.push(document.lineAt(line).text);
    return lines;
  };
  // Sorting renumbers, so the lines are compared without their numbers.
  const unnumbered = (lines: string[]): string[] => lines.map((line) => line.replace(/^\d+\. /, '')).sort();
  const before = sectionLines();
  const lineCount = document.lineCount;
  const result = await vscode.commands.executeCommand<SortSectionResult>('paperList.sortSection', { sectionLine: heading }, 'year');
  assert.deepEqual(result, { applied: true });
  const after = sectionLines();
  assert.notDeepEqual(after, before, 'the section changed');
  assert.deepEqual(unnumbered(after), unnumbered(before), 'the same lines, in another order');
  assert.equal(document.lineCount, lineCount);
  const entries = after.filter((line) => /^\d+\. \*\*/.test(line));
  assert.deepEqual(entries.map((line) => Number(/^(\d+)\./.exec(line)![1])), entries.map((_, index) => index + 1), 'numbered 1 to 17 again');
  const years = entries.map((line) => Number(/ (\d{4})\.? *\[/.exec(line)?.[1]));
  assert.equal(years.length, 17);
  assert.ok(years.every((year) => year > 2000), `a year on every entry: ${years.join(', ')}`);
  for (let index = 1; index < years.length; index++) assert.ok(years[index - 1] >= years[index], `newest first: ${years.join(', ')}`);
});

test('Show House Style answers markdown and renders it beside the list; Pin writes the houseStyle block', async () => {
  const { editor } = await openList('pin/alignment-survey.md');
  const result = await vscode.commands.executeCommand<HouseStyleResult>('paperList.showHouseStyle');
  assert.ok(result, 'the server answered');
  assert.equal(typeof result.markdown, 'string');
  assert.ok(result.markdown.trim().length > 0);
  assert.equal(result.style.marker, 'numbered');
  assert.match(result.markdown, /\| Link brackets \| `\[\[Paper\]\(url\)\]` \| 226 of 226 \|/);
  assert.match(result.markdown, /```markdown\n1\. \*\*Attention Is All You Need\*\*\. \*Vaswani et al\.\* NeurIPS 2017\. \[\[Paper\]\(https:\/\/arxiv\.org\/abs\/1706\.03762\)\]\n```/);
  assert.deepEqual(result.pinned, []);
  // A rendered view (a webview), not the raw markdown in a text editor.
  const webviews = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('paperList.houseStyle'));
  // The workbench reports new tabs to the extension host a moment later: wait for the event.
  await new Promise<void>((resolve, reject) => {
    if (webviews().length) return resolve();
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!webviews().length) return;
      subscription.dispose();
      clearTimeout(guard);
      resolve();
    });
    const guard = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no house style tab; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label))}`));
    }, 30_000);
  });
  assert.equal(webviews().length, 1, 'a webview shows the house style');
  assert.ok(!vscode.window.visibleTextEditors.some((shown) => shown.document.getText() === result.markdown), 'no text editor shows the raw markdown');
  assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the list keeps the focus');
  // Pin: a new .paperlistrc.json beside the list, then the house style reads as pinned.
  const written = await vscode.commands.executeCommand<vscode.Uri>('paperList.pinHouseStyle', editor.document.uri);
  assert.equal(written?.toString(), fileUri('pin/.paperlistrc.json').toString());
  const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(written)));
  assert.equal(config.houseStyle.marker, 'numbered');
  assert.equal(config.houseStyle.labelBrackets, 'double');
  // Pinning again merges into the file and keeps its other settings.
  await vscode.workspace.fs.writeFile(written, new TextEncoder().encode(JSON.stringify({ rules: { 'entry-year': 'warning' }, houseStyle: { labels: ['Paper'] } }, null, 2)));
  await vscode.commands.executeCommand('paperList.pinHouseStyle', editor.document.uri);
  const merged = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(written)));
  assert.deepEqual(merged.rules, { 'entry-year': 'warning' });
  assert.deepEqual(merged.houseStyle.labels, ['Paper']);
  assert.equal(merged.houseStyle.marker, 'numbered');
  for (const tab of webviews()) await vscode.window.tabGroups.close(tab);
});

test('section rows show their problems: a warning icon, the count and a coloured badge', async () => {
  await openList('alignment-survey.md');
  const { tree, model } = api();
  await model.refresh();
  const section = findTreeSection(tree, tree.getChildren(), 'Human Instructions · 17');
  assert.ok(section);
  const item = tree.getTreeItem(section);
  assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
  assert.equal(item.description, '3 warnings');
  assert.equal(item.resourceUri?.scheme, 'paperlist-section');
  const quiet = findTreeSection(tree, tree.getChildren(), 'Human Demonstrations · 6');
  assert.ok(quiet);
  assert.equal((tree.getTreeItem(quiet).iconPath as vscode.ThemeIcon).id, 'symbol-namespace');
  assert.equal(tree.getTreeItem(quiet).description, undefined);
});

test('sections without papers are hidden until "Show Empty Sections"', async () => {
  const { editor } = await openList('empty-sections.md');
  const document = editor.document;
  const { tree, model } = api();
  const heading = lineOf(document, '## Definition of Alignment Targets');
  await editor.edit((edit) => edit.insert(new vscode.Position(heading, 0), '## News\n\n- 2024/05: the survey is out.\n\n'));
  // The sidebar's model asks the server again once typing pauses: wait for the outline that has News.
  const hasNews = (): boolean => JSON.stringify(model.outline?.sections ?? []).includes('"title":"News"');
  await new Promise<void>((resolve, reject) => {
    if (hasNews()) return resolve();
    const subscription = model.onDidChange(() => {
      if (!hasNews()) return;
      subscription.dispose();
      clearTimeout(guard);
      resolve();
    });
    const guard = setTimeout(() => {
      subscription.dispose();
      reject(new Error('the outline never showed the News heading'));
    }, 30_000);
    void model.refresh();
  });
  assert.equal(findTreeSection(tree, tree.getChildren(), 'News · 0'), undefined, 'News is hidden');
  try {
    await vscode.commands.executeCommand('paperList.showEmptySections');
    assert.ok(findTreeSection(tree, tree.getChildren(), 'News · 0'), 'News is shown');
  } finally {
    await vscode.commands.executeCommand('paperList.hideEmptySections');
  }
  assert.equal(findTreeSection(tree, tree.getChildren(), 'News · 0'), undefined);
  assert.ok(findTreeSection(tree, tree.getChildren(), 'Human Instructions · 17'), 'sections with papers stay');
});

test('a digit typed on the line after entry 17 completes to 18., not 17.', async () => {
  const { editor } = await openList('next-number.md');
  const document = editor.document;
  const last = lineOf(document, '17. **Llavar');
  await editor.edit((edit) => edit.insert(document.lineAt(last).range.end, '\n1'));
  const position = document.lineAt(last + 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  assert.ok(labels.includes('18.'), `18. is offered; got ${labels.join(', ')}`);
  assert.ok(!labels.includes('17.'), 'the number of the item above is not offered again');
});

test('"Disable <rule> for this line" writes the inline comment and the finding goes', async () => {
  const { editor, diagnostics } = await openList('disable-line.md');
  const glued = diagnostics.find((d) => codeOf(d) === 'author-format' && d.message.includes('Ganguliet al.'));
  assert.ok(glued);
  const line = glued.range.start.line;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, glued.range, vscode.CodeActionKind.QuickFix.value);
  const disable = actions.find((action) => action.title === 'Disable author-format for this line');
  assert.ok(disable?.edit, `no disable action among ${JSON.stringify(actions.map((action) => action.title))}`);
  assert.ok(actions.some((action) => action.title.startsWith('Fix all author-format problems in this file')), 'the fix-all of the rule is offered too');
  const others = diagnostics.length - 1;
  assert.ok(await vscode.workspace.applyEdit(disable.edit));
  assert.equal(editor.document.lineAt(line).text, '   <!-- paperlist-disable-next-line author-format -->');
  const after = await diagnosticsWhen(editor.document.uri, (found) => !found.some((d) => d.message.includes('Ganguliet al.')), 'the finding to go away');
  assert.equal(after.length, others, 'every other finding stays');
});

test('Add Paper from Link, offline, writes what the arXiv id tells into the section at the cursor, in the house style', async () => {
  const { editor } = await openList('add-link.md');
  const document = editor.document;
  const inSection = lineOf(document, '3. **Super-naturalinstructions');
  editor.selection = new vscode.Selection(inSection, 0, inSection, 0);
  const lineCount = document.lineCount;
  const result = await vscode.commands.executeCommand<AddFromLinkResult>('paperList.addFromLink', 'https://arxiv.org/abs/2305.11206v2');
  assert.equal(result.added, true, JSON.stringify(result));
  // "Human Instructions" is not sorted by date: the paper goes after its last entry, 17.
  assert.equal(result.line, lineOf(document, '17. **Llavar') + 1);
  assert.equal(document.lineAt(result.line!).text, '18. **Title**. *Author et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2305.11206.pdf)]');
  assert.equal(document.lineCount, lineCount + 1);
  // A paper listed already is not added again, under any form of its id.
  const again = await vscode.commands.executeCommand<AddFromLinkResult>('paperList.addFromLink', 'https://doi.org/10.48550/arXiv.2212.10560');
  assert.equal(again.added, false);
  assert.deepEqual(again.listed, [lineOf(document, '7. **Self-instruct')]);
  assert.equal(document.lineCount, lineCount + 1);
});

test('Add Paper from Link with paperList.online on fetches the metadata from the local recorded server', async () => {
  assert.ok(process.env.PAPERLIST_ARXIV_URL?.startsWith('http://127.0.0.1:'), 'the sources point at the local server');
  const settings = vscode.workspace.getConfiguration('paperList');
  await settings.update('online', true, vscode.ConfigurationTarget.Global);
  try {
    const { editor } = await openList('add-link-online.md');
    const document = editor.document;
    const inSection = lineOf(document, '3. **Super-naturalinstructions');
    editor.selection = new vscode.Selection(inSection, 0, inSection, 0);
    const result = await vscode.commands.executeCommand<AddFromLinkResult>('paperList.addFromLink', 'arXiv:1706.03762');
    assert.equal(result.added, true, JSON.stringify(result));
    assert.equal(document.lineAt(result.line!).text, '18. **Attention Is All You Need**. *Vaswani et al.* arXiv 2017. [[Paper](https://arxiv.org/pdf/1706.03762.pdf)]');
    // An id the source does not know inserts nothing.
    const lineCount = document.lineCount;
    const failed = await vscode.commands.executeCommand<AddFromLinkResult>('paperList.addFromLink', 'arXiv:2401.99999');
    assert.equal(failed.added, false);
    assert.match(failed.error ?? '', /arXiv has no paper 2401\.99999/);
    assert.equal(document.lineCount, lineCount);
  } finally {
    await settings.update('online', undefined, vscode.ConfigurationTarget.Global);
  }
});

test('the language server survives a restart', async () => {
  await openList('alignment-survey.md');
  await vscode.commands.executeCommand('paperList.restartServer');
  const outline = await api().model.refresh();
  assert.ok(outline && outline.totals.entries > 100);
});

export async function run(): Promise<void> {
  const results: { name: string; ok: boolean; milliseconds: number; error?: string }[] = [];
  for (const { name, run: body } of tests) {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true, milliseconds: Date.now() - started });
      console.log(`✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = (error as Error)?.stack ?? String(error);
      results.push({ name, ok: false, milliseconds: Date.now() - started, error: message });
      console.log(`✖ ${name}\n${message}`);
    }
  }
  if (process.env.PAPERLIST_E2E_RESULTS) writeFileSync(process.env.PAPERLIST_E2E_RESULTS, JSON.stringify(results, null, 2));
  const failed = results.filter((result) => !result.ok).length;
  if (failed) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}
