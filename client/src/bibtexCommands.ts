// The commands around the server's BibTeX, sorting and house style commands: they find the document, the
// section and the file or order the user means, then let the server do the work and say what happened.
import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { ServerCommands, type HouseStyleResult, type SortSectionResult, type AddFromBibtexResult } from '../../server/src/shared/protocol';
import { promptForBibtex } from './bibtexPrompt';
import { executeServerCommand } from './client';
import { HouseStyleViews, pinHouseStyle } from './houseStyleView';
import { listEditorOf, sectionOfNode } from './commands';
import type { OutlineModel } from './outlineModel';
import type { PaperTreeProvider } from './paperTree';


interface BibtexCommandContext {
  client: LanguageClient;
  model: OutlineModel;
  tree: PaperTreeProvider;
}

/** What a section argument gives: a tree node, or `{ sectionLine }` from a test or a keybinding. */
interface SectionTarget {
  line: number;
  title?: string;
  slug?: string;
}

function sectionTargetOf(args: readonly unknown[]): SectionTarget | undefined {
  for (const arg of args) {
    const node = sectionOfNode(arg);
    if (node) return { line: node.section.line, title: node.section.title, slug: node.section.slug };
    const line = (arg as { sectionLine?: unknown } | undefined)?.sectionLine;
    if (typeof arg === 'object' && arg !== null && Number.isInteger(line) && (line as number) >= 0) return { line: line as number };
  }
  return undefined;
}

function isUri(value: unknown): value is vscode.Uri {
  if (value instanceof vscode.Uri) return true;
  const candidate = value as vscode.Uri | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.scheme === 'string' && typeof candidate.path === 'string' && typeof candidate.with === 'function';
}

/** The file name of a document without its extension: `README` for `README.md`, `Untitled-1` for an untitled one. */
function baseName(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() || 'papers';
  return name.replace(/\.[^.]*$/, '') || name;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function registerBibtexCommands({ client, model, tree }: BibtexCommandContext): vscode.Disposable[] {
  const houseStyles = new HouseStyleViews();
  const asServerUri = (document: vscode.TextDocument): string => client.code2ProtocolConverter.asUri(document.uri);

  /** The active markdown editor, else the list the sidebar shows. */
  const markdownEditor = async (): Promise<vscode.TextEditor | undefined> => {
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === 'markdown') return active;
    return listEditorOf(model);
  };

  /**
   * Asks for BibTeX in a box that opens at once; on the desktop the clipboard's BibTeX fills it in. In the
   * browser reading the clipboard needs a permission, and without it VS Code shows an error notification,
   * so there the user pastes into the box instead.
   */
  const askForBibtex = (): Promise<string | undefined> =>
    promptForBibtex(vscode.window.createInputBox(), vscode.env.uiKind === vscode.UIKind.Desktop ? () => vscode.env.clipboard.readText() : undefined);

  const addFromBibtex = async (text?: unknown): Promise<string[]> => {
    const editor = await markdownEditor();
    if (!editor) return [];
    const bibtex = typeof text === 'string' ? text : await askForBibtex();
    if (!bibtex?.trim()) return [];
    const document = editor.document;
    const line = Math.min(editor.selection.active.line, document.lineCount);
    const result = await executeServerCommand<AddFromBibtexResult>(client, ServerCommands.addFromBibtex, asServerUri(document), bibtex, line);
    if (!result) {
      void vscode.window.showInformationMessage('Open a markdown paper list first.');
      return [];
    }
    if (!result.entries.length) {
      void vscode.window.showInformationMessage('No BibTeX entry found.');
      return [];
    }
    if (!result.applied) {
      void vscode.window.showWarningMessage('The new entries could not be inserted; the document may have changed. Try again.');
      return [];
    }
    const first = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(first, first);
    editor.revealRange(new vscode.Range(first, first), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return result.entries;
  };

  const exportBibtex = async (...args: unknown[]): Promise<{ uri: vscode.Uri; count: number } | undefined> => {
    const editor = await listEditorOf(model);
    if (!editor) return undefined;
    const document = editor.document;
    const section = sectionTargetOf(args);
    const serverArgs: unknown[] = [asServerUri(document)];
    if (section) serverArgs.push(section.line);
    const bibtex = await executeServerCommand<string>(client, ServerCommands.exportBibtex, ...serverArgs);
    if (typeof bibtex !== 'string') {
      void vscode.window.showWarningMessage('The Paper List server could not export this document.');
      return undefined;
    }
    const count = bibtex.match(/^@/gm)?.length ?? 0;
    if (!count) {
      void vscode.window.showInformationMessage(section?.title ? `There are no papers under "${section.title}" to export.` : 'There are no papers to export.');
      return undefined;
    }
    let target = args.find(isUri);
    if (!target) {
      const name = `${baseName(document.uri)}${section?.slug ? `-${section.slug}` : ''}.bib`;
      const folder = document.uri.scheme === 'file' ? vscode.Uri.joinPath(document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        title: section?.title ? `Export "${section.title}" to BibTeX` : 'Export to BibTeX',
        saveLabel: 'Export',
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { BibTeX: ['bib'] },
      });
      if (!target) return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(bibtex));
    const written = target;
    void vscode.window.showInformationMessage(`Exported ${plural(count, 'paper')} to ${vscode.workspace.asRelativePath(written, false)}`, 'Open').then((choice) => {
      if (choice) void vscode.window.showTextDocument(written);
    });
    return { uri: written, count };
  };

  const sortSection = async (...args: unknown[]): Promise<SortSectionResult | undefined> => {
    const editor = await listEditorOf(model);
    if (!editor) return undefined;
    const document = editor.document;
    const cursorLine = editor.selection.active.line;
    const section = sectionTargetOf(args) ?? { line: cursorLine, title: tree.sectionAt(cursorLine)?.section.title };
    let order = args.find((arg): arg is 'year' | 'title' => arg === 'year' || arg === 'title');
    if (!order) {
      type OrderPick = vscode.QuickPickItem & { order: 'year' | 'title' };
      const picks: OrderPick[] = [
        { label: 'By year, newest first', order: 'year' },
        { label: 'By title', order: 'title' },
      ];
      const pick = await vscode.window.showQuickPick(picks, { title: section.title ? `Sort "${section.title}"` : 'Sort Section', placeHolder: 'How to order the papers' });
      if (!pick) return undefined;
      order = pick.order;
    }
    const version = document.version;
    // The server finds the section whose heading is on the line, or else the one that holds it.
    const result = await executeServerCommand<SortSectionResult>(client, ServerCommands.sortSection, asServerUri(document), section.line, order);
    const name = section.title ? `"${section.title}"` : 'This section';
    if (!result) {
      void vscode.window.showWarningMessage(`${name} could not be sorted.`);
    } else if (!result.applied) {
      void vscode.window.showWarningMessage(`${name} was not sorted: the edit was refused, perhaps because the document changed meanwhile. Try again.`);
    } else if (document.version === version) {
      void vscode.window.showInformationMessage(`${name} is already sorted ${order === 'year' ? 'by year' : 'by title'}.`);
    } else {
      const papers = tree.sectionAt(section.line)?.section.ownCount;
      void vscode.window.showInformationMessage(`Sorted ${papers ? `${plural(papers, 'paper')} under ${name}` : name} ${order === 'year' ? 'by year, newest first' : 'by title'}.`);
    }
    return result ?? undefined;
  };

  const showHouseStyle = async (arg?: unknown): Promise<HouseStyleResult | undefined> => {
    const document = isUri(arg) ? await vscode.workspace.openTextDocument(arg) : (await listEditorOf(model))?.document;
    if (!document) return undefined;
    const result = await executeServerCommand<HouseStyleResult>(client, ServerCommands.showHouseStyle, asServerUri(document));
    if (!result) {
      void vscode.window.showInformationMessage('Open a markdown paper list first.');
      return undefined;
    }
    await houseStyles.show(document, result, baseName(document.uri));
    return result;
  };

  return [
    houseStyles,
    vscode.commands.registerCommand('paperList.pinHouseStyle', async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const document = isUri(arg) ? await vscode.workspace.openTextDocument(arg) : (await listEditorOf(model))?.document;
      if (!document) return undefined;
      if (document.uri.scheme !== 'file' && document.uri.scheme !== 'vscode-remote') {
        void vscode.window.showInformationMessage('Save the list first: .paperlistrc.json goes in its folder.');
        return undefined;
      }
      const result = await executeServerCommand<HouseStyleResult>(client, ServerCommands.showHouseStyle, asServerUri(document));
      return result ? pinHouseStyle(document.uri, result) : undefined;
    }),
    vscode.commands.registerCommand('paperList.addFromBibtex', addFromBibtex),
    vscode.commands.registerCommand('paperList.exportBibtex', exportBibtex),
    vscode.commands.registerCommand('paperList.sortSection', sortSection),
    vscode.commands.registerCommand('paperList.showHouseStyle', showHouseStyle),
  ];
}
