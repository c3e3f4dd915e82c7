import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { fixAllKind, renumberAllKind, type OutlineNode } from '../../server/src/shared/protocol';
import { insertEntry } from './insertEntry';
import { entriesTouched, fixesInTitle, problemsOnChangedLines } from './changeSummary';
import { diffLines, hunksWithin } from './lineDiff';
import { setUpCi } from './setUpCi';
import type { OutlineModel } from './outlineModel';
import { fixedMessage, plural, renumberedMessage } from './wording';
import type { EntryNode, PaperNode, PaperTreeProvider, SectionNode } from './paperTree';

/** The code action kinds the server offers for whole-document edits. */

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

export function registerCommands({ client, model, tree, treeView }: CommandContext): vscode.Disposable[] {
  const listEditor = (): Promise<vscode.TextEditor | undefined> => listEditorOf(model);

  /** The section a command from the tree or the palette is about: the clicked node, or the one at the cursor. */
  const sectionFor = (node: PaperNode | undefined, editor: vscode.TextEditor): SectionNode | undefined =>
    sectionOfNode(node) ?? tree.sectionAt(editor.selection.active.line);

  const wholeDocument = (document: vscode.TextDocument): vscode.Range =>
    new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);

  /** Asks the code action providers for an action of exactly `kind` over the whole document. */
  const sourceAction = async (document: vscode.TextDocument, kind: string): Promise<vscode.CodeAction | undefined> => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wholeDocument(document),
      kind,
    );
    return actions?.find((action): action is vscode.CodeAction => 'kind' in action && action.kind?.value === kind && Boolean(action.edit));
  };

  const sectionLines = (section: OutlineNode): { first: number; last: number } => {
    const end = section.range.end;
    return { first: section.range.start.line, last: end.character === 0 ? Math.max(section.range.start.line, end.line - 1) : end.line };
  };

  /** The text after a document's edits, applied to a copy. */
  const textAfter = (document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string => {
    let text = document.getText();
    for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
      text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
    }
    return text;
  };

  const fixAllDocument = async (): Promise<void> => {
    const editor = await listEditor();
    if (!editor) return;
    const document = editor.document;
    const action = await sourceAction(document, fixAllKind);
    const edits = action?.edit?.get(document.uri) ?? [];
    if (!action?.edit || !edits.length) {
      void vscode.window.showInformationMessage(fixedMessage(0, 0));
      return;
    }
    const hunks = diffLines(document.getText(), textAfter(document, edits));
    const problemLines = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'paperlist').map((d) => d.range.start.line);
    const problems = fixesInTitle(action.title) ?? problemsOnChangedLines(problemLines, hunks);
    const entries = model.outline ? entriesTouched(model.outline, hunks) : hunks.length;
    if (await vscode.workspace.applyEdit(action.edit)) void vscode.window.showInformationMessage(fixedMessage(problems, entries));
  };

  const renumberAllDocument = async (): Promise<void> => {
    const editor = await listEditor();
    if (!editor) return;
    const action = await sourceAction(editor.document, renumberAllKind);
    const count = action?.edit?.get(editor.document.uri).length ?? 0;
    if (!action?.edit || !count) {
      void vscode.window.showInformationMessage(renumberedMessage(0));
      return;
    }
    if (await vscode.workspace.applyEdit(action.edit)) void vscode.window.showInformationMessage(renumberedMessage(count));
  };

  const revealLine = async (uri: vscode.Uri, line: number): Promise<void> => {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
    const text = document.lineAt(Math.min(line, document.lineCount - 1));
    editor.selection = new vscode.Selection(text.range.end, text.range.start);
    editor.revealRange(text.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    vscode.commands.registerCommand('paperList.revealLine', revealLine),

    vscode.commands.registerCommand('paperList.renumberAll', renumberAllDocument),

    vscode.commands.registerCommand('paperList.fixAll', fixAllDocument),

    vscode.commands.registerCommand('paperList.renumberSection', async (node?: PaperNode) => {
      const editor = await listEditor();
      if (!editor) return;
      const section = sectionFor(node, editor);
      if (!section) return;
      // The server renumbers the whole document; this keeps the number edits that fall inside the section.
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
    }),

    vscode.commands.registerCommand('paperList.fixSection', async (node?: PaperNode) => {
      const editor = await listEditor();
      if (!editor) return;
      const section = sectionFor(node, editor);
      if (!section) return;
      const document = editor.document;
      const action = await sourceAction(document, fixAllKind);
      const edits = action?.edit?.get(document.uri) ?? [];
      // Fix-all answers with one edit over the whole changed stretch: apply it to a copy, diff the lines,
      // and keep the changed lines inside the section.
      const { first, last } = sectionLines(section.section);
      const hunks = hunksWithin(diffLines(document.getText(), textAfter(document, edits)), first, last);
      const where = ` under "${section.section.title}"`;
      if (!hunks.length) {
        void vscode.window.showInformationMessage(fixedMessage(0, 0, where));
        return;
      }
      const problemLines = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'paperlist').map((d) => d.range.start.line);
      const fixed = { problems: problemsOnChangedLines(problemLines, hunks), entries: model.outline ? entriesTouched(model.outline, hunks) : hunks.length };
      const edit = new vscode.WorkspaceEdit();
      for (const hunk of hunks) {
        if (hunk.oldEnd < document.lineCount) {
          edit.replace(document.uri, new vscode.Range(hunk.oldStart, 0, hunk.oldEnd, 0), hunk.newLines.map((line) => `${line}\n`).join(''));
        } else if (hunk.oldStart < document.lineCount) {
          const end = document.lineAt(document.lineCount - 1).range.end;
          edit.replace(document.uri, new vscode.Range(new vscode.Position(hunk.oldStart, 0), end), hunk.newLines.join('\n'));
        } else {
          edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, `\n${hunk.newLines.join('\n')}`);
        }
      }
      if (await vscode.workspace.applyEdit(edit)) void vscode.window.showInformationMessage(fixedMessage(fixed.problems, fixed.entries, where));
    }),

    vscode.commands.registerCommand('paperList.addEntry', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Put the cursor in a markdown list to add a paper entry.');
        return;
      }
      await insertEntry(client, editor, editor.selection.active.line);
    }),

    vscode.commands.registerCommand('paperList.addEntryHere', async (node?: PaperNode) => {
      const editor = await listEditor();
      if (!editor) return;
      const target: SectionNode | EntryNode | undefined = node?.kind === 'entry' || node?.kind === 'section' ? node : sectionFor(undefined, editor);
      let line = editor.selection.active.line;
      if (target?.kind === 'entry') line = target.lastLine;
      else if (target?.kind === 'section') {
        const entries = target.section.entries;
        line = entries.length ? (tree.nodeAt(entries[entries.length - 1].line) as EntryNode | undefined)?.lastLine ?? entries[entries.length - 1].line : target.section.line;
      }
      const shown = await vscode.window.showTextDocument(editor.document, { preserveFocus: false, preview: false });
      await insertEntry(client, shown, line);
    }),

    vscode.commands.registerCommand('paperList.goToSection', async () => {
      const editor = await listEditor();
      if (!editor || !model.outline) return;
      type SectionPick = vscode.QuickPickItem & { line: number };
      const picks: SectionPick[] = [];
      // Real lists repeat names such as "Benchmarks" under several parents: each row says where it stands.
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
    }),

    vscode.commands.registerCommand('paperList.filter', async () => {
      const filter = await vscode.window.showInputBox({
        title: 'Filter Papers',
        prompt: 'Show the papers whose title, authors, venue or year contain this text',
        value: tree.filter,
        placeHolder: 'e.g. feedback, Ouyang, 2023',
      });
      if (filter === undefined) return;
      tree.setFilter(filter);
      treeView.message = tree.filter ? `Papers matching "${tree.filter}"` : undefined;
    }),

    vscode.commands.registerCommand('paperList.clearFilter', () => {
      tree.setFilter('');
      treeView.message = undefined;
    }),

    vscode.commands.registerCommand('paperList.setUpCi', () => setUpCi(model)),

    vscode.commands.registerCommand('paperList.showEmptySections', () => tree.setShowEmpty(true)),
    vscode.commands.registerCommand('paperList.hideEmptySections', () => tree.setShowEmpty(false)),

    vscode.commands.registerCommand('paperList.collapseAll', () =>
      vscode.commands.executeCommand('workbench.actions.treeView.paperList.outline.collapseAll'),
    ),

    vscode.commands.registerCommand('paperList.showOutput', () => client.outputChannel.show(true)),

    vscode.commands.registerCommand('paperList.restartServer', async () => {
      await client.restart();
      await model.refresh();
    }),
  ];
}
