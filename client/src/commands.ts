import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { renumberAllKind, ServerCommands, type FixAllCommandResult, type OutlineNode } from '../../server/src/shared/protocol';
import { executeServerCommand } from './client';
import { insertEntry } from './insertEntry';
import { setUpCi } from './setUpCi';
import type { OutlineModel } from './outlineModel';
import { fixedMessage, plural, renumberedMessage } from './wording';
import type { EntryNode, PaperNode, PaperTreeProvider, SectionNode } from './paperTree';

interface CommandContext {
  client: LanguageClient;
  model: OutlineModel;
  tree: PaperTreeProvider;
  treeView: vscode.TreeView<PaperNode>;
}

/** The editor of the list the sidebar shows, opened if it is not visible. */
export async function listEditorOf(model: OutlineModel): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown' && (!model.document || active.document === model.document)) return active;
  if (model.document) return vscode.window.showTextDocument(model.document);
  void vscode.window.showInformationMessage('Open a markdown paper list first.');
  return undefined;
}

/** The section node a tree command was given: the clicked section, or the section of the clicked entry. */
export function sectionOfNode(node: unknown): SectionNode | undefined {
  const candidate = node as PaperNode | undefined;
  if (candidate?.kind === 'section') return candidate;
  if (candidate?.kind === 'entry' && candidate.parent?.kind === 'section') return candidate.parent;
  return undefined;
}

/** The section a command from the tree or the palette is about: the clicked node, or the one at the cursor. */
function sectionFor({ tree }: CommandContext, node: PaperNode | undefined, editor: vscode.TextEditor): SectionNode | undefined {
  return sectionOfNode(node) ?? tree.sectionAt(editor.selection.active.line);
}

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

/** Asks the code action providers for an action of exactly `kind` over the whole document. */
async function sourceAction(document: vscode.TextDocument, kind: string): Promise<vscode.CodeAction | undefined> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    wholeDocument(document),
    kind,
  );
  return actions?.find((action): action is vscode.CodeAction => 'kind' in action && action.kind?.value === kind && Boolean(action.edit));
}

/**
 * Asks the server to apply the safe fixes of the document, or of the section whose heading is on
 * `sectionLine`, and says what it fixed.
 */
async function serverFixAll(client: LanguageClient, document: vscode.TextDocument, sectionLine: number | undefined, where = ''): Promise<void> {
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const args = sectionLine === undefined ? [uri] : [uri, sectionLine];
  const result = await executeServerCommand<FixAllCommandResult>(client, ServerCommands.fixAll, ...args);
  if (result && !result.applied) {
    void vscode.window.showWarningMessage(`Nothing was fixed${where}: the edit was refused, perhaps because the document changed meanwhile. Try again.`);
  } else {
    void vscode.window.showInformationMessage(fixedMessage(result?.fixes ?? 0, result?.entries ?? 0, where));
  }
}

/** Fix All Problems: the server's fix-all, and what it did. */
async function fixAll({ client, model }: CommandContext): Promise<void> {
  const editor = await listEditorOf(model);
  if (!editor) return;
  await serverFixAll(client, editor.document, undefined);
}

/** Renumber All Lists: the server's renumber-all action. */
async function renumberAll({ model }: CommandContext): Promise<void> {
  const editor = await listEditorOf(model);
  if (!editor) return;
  const action = await sourceAction(editor.document, renumberAllKind);
  const count = action?.edit?.get(editor.document.uri).length ?? 0;
  if (!action?.edit || !count) {
    void vscode.window.showInformationMessage(renumberedMessage(0));
    return;
  }
  if (await vscode.workspace.applyEdit(action.edit)) void vscode.window.showInformationMessage(renumberedMessage(count));
}

/** Moves the cursor to a line of a document, as clicking a tree row does. */
async function revealLine(uri: vscode.Uri, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
  const text = document.lineAt(Math.min(line, document.lineCount - 1));
  editor.selection = new vscode.Selection(text.range.end, text.range.start);
  editor.revealRange(text.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Renumber Section: the number edits of the server's renumber-all that fall inside the section. */
async function renumberSection(context: CommandContext, node?: PaperNode): Promise<void> {
  const editor = await listEditorOf(context.model);
  if (!editor) return;
  const section = sectionFor(context, node, editor);
  if (!section) return;
  const action = await sourceAction(editor.document, renumberAllKind);
  const range = section.section.range;
  const edits = (action?.edit?.get(editor.document.uri) ?? []).filter(
    (edit) => edit.range.start.isAfterOrEqual(new vscode.Position(range.start.line, range.start.character)) &&
      edit.range.end.isBeforeOrEqual(new vscode.Position(range.end.line, range.end.character)),
  );
  const where = ` under "${section.section.title}"`;
  if (!edits.length) {
    void vscode.window.showInformationMessage(renumberedMessage(0, where));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(editor.document.uri, edits);
  if (await vscode.workspace.applyEdit(edit)) void vscode.window.showInformationMessage(renumberedMessage(edits.length, where));
}

/** Fix All in Section: the server's fix-all, keeping the findings inside the section. */
async function fixSection(context: CommandContext, node?: PaperNode): Promise<void> {
  const editor = await listEditorOf(context.model);
  if (!editor) return;
  const section = sectionFor(context, node, editor);
  if (!section) return;
  await serverFixAll(context.client, editor.document, section.section.line, ` under "${section.section.title}"`);
}

/** Add Paper Entry: an entry snippet at the cursor. */
async function addEntry({ client }: CommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Put the cursor in a markdown list to add a paper entry.');
    return;
  }
  await insertEntry(client, editor, editor.selection.active.line);
}

/** Add Entry Here: after the chosen entry, or after the last entry of the chosen section. */
async function addEntryHere(context: CommandContext, node?: PaperNode): Promise<void> {
  const { client, tree } = context;
  const editor = await listEditorOf(context.model);
  if (!editor) return;
  const target: SectionNode | EntryNode | undefined = node?.kind === 'entry' || node?.kind === 'section' ? node : sectionFor(context, undefined, editor);
  let line = editor.selection.active.line;
  if (target?.kind === 'entry') line = target.lastLine;
  else if (target?.kind === 'section') {
    const entries = target.section.entries;
    line = entries.length ? (tree.nodeAt(entries[entries.length - 1].line) as EntryNode | undefined)?.lastLine ?? entries[entries.length - 1].line : target.section.line;
  }
  const shown = await vscode.window.showTextDocument(editor.document, { preserveFocus: false, preview: false });
  await insertEntry(client, shown, line);
}

/** Go to Section…: a quick pick of the sections, each with its parent path, since real lists repeat names. */
async function goToSection({ model }: CommandContext): Promise<void> {
  const editor = await listEditorOf(model);
  if (!editor || !model.outline) return;
  type SectionPick = vscode.QuickPickItem & { line: number };
  const picks: SectionPick[] = [];
  const visit = (nodes: OutlineNode[], depth: number, path: string[]): void => {
    for (const node of nodes) {
      picks.push({
        label: `${'\u2003'.repeat(depth)}$(symbol-namespace) ${node.title}`,
        description: [path.length ? `in ${path.join(' › ')}` : '', plural(node.totalCount, 'paper')].filter(Boolean).join(' · '),
        line: node.line,
      });
      visit(node.children, depth + 1, [...path, node.title]);
    }
  };
  visit(model.outline.sections, 0, []);
  const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'Go to a section of the paper list', matchOnDescription: true });
  if (pick) await revealLine(editor.document.uri, pick.line).then(() => vscode.window.showTextDocument(editor.document));
}

/** Filter Papers…: keeps the papers whose title, authors, venue or year contain a text. */
async function filterPapers({ tree, treeView }: CommandContext): Promise<void> {
  const filter = await vscode.window.showInputBox({
    title: 'Filter Papers',
    prompt: 'Show the papers whose title, authors, venue or year contain this text',
    value: tree.filter,
    placeHolder: 'e.g. feedback, Ouyang, 2023',
  });
  if (filter === undefined) return;
  tree.setFilter(filter);
  treeView.message = tree.filter ? `Papers matching "${tree.filter}"` : undefined;
}

function clearFilter({ tree, treeView }: CommandContext): void {
  tree.setFilter('');
  treeView.message = undefined;
}

async function restartServer({ client, model }: CommandContext): Promise<void> {
  await client.restart();
  await model.refresh();
}

/** Registers each command with its one function. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { client, model, tree } = context;
  const register = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register('paperList.revealLine', revealLine),
    register('paperList.renumberAll', () => renumberAll(context)),
    register('paperList.fixAll', () => fixAll(context)),
    register('paperList.renumberSection', (node?: PaperNode) => renumberSection(context, node)),
    register('paperList.fixSection', (node?: PaperNode) => fixSection(context, node)),
    register('paperList.addEntry', () => addEntry(context)),
    register('paperList.addEntryHere', (node?: PaperNode) => addEntryHere(context, node)),
    register('paperList.goToSection', () => goToSection(context)),
    register('paperList.filter', () => filterPapers(context)),
    register('paperList.clearFilter', () => clearFilter(context)),
    register('paperList.setUpCi', () => setUpCi(model)),
    register('paperList.showEmptySections', () => tree.setShowEmpty(true)),
    register('paperList.hideEmptySections', () => tree.setShowEmpty(false)),
    register('paperList.collapseAll', () => vscode.commands.executeCommand('workbench.actions.treeView.paperList.outline.collapseAll')),
    register('paperList.showOutput', () => client.outputChannel.show(true)),
    register('paperList.restartServer', () => restartServer(context)),
  ];
}
