// "Paper List: Add Paper from Link…" and "Insert as paper entry" on paste. The server writes the entry in
// the list's house style; metadata is fetched here, and only when `paperList.online` is on.
import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { parsePaperLink } from '../../server/src/core/paperLinks';
import { ServerCommands, type CheckOnlineFinding, type CheckOnlineResult, type LinkEntryOptions, type LinkEntryResult } from '../../server/src/shared/protocol';
import { executeServerCommand } from './client';
import { listEditorOf } from './commands';
import type { OutlineModel } from './outlineModel';
import type { PaperTreeProvider } from './paperTree';

interface LinkCommandContext {
  client: LanguageClient;
  model: OutlineModel;
  tree: PaperTreeProvider;
  /** Where answers are cached: the extension's global storage. */
  cacheDir: string;
}

/** What the add command returns, for tests: the entry written, or why nothing was. */
export interface AddFromLinkResult {
  added: boolean;
  line?: number;
  /** The paper is listed already at these lines. */
  listed?: number[];
  error?: string;
}

const pasteKind = vscode.DocumentDropOrPasteEditKind.Empty.append('paperList', 'entry');

export function registerLinkCommands({ client, model, tree, cacheDir }: LinkCommandContext): vscode.Disposable[] {
  const asServerUri = (document: vscode.TextDocument): string => client.code2ProtocolConverter.asUri(document.uri);

  /** What the server needs to fetch metadata, only when the user turned `paperList.online` on. */
  const linkOptions = (): LinkEntryOptions => {
    const settings = vscode.workspace.getConfiguration('paperList');
    if (!settings.get<boolean>('online', false)) return {};
    return { online: { cacheDir, mailto: settings.get<string>('crossrefMailto', '') || undefined } };
  };

  /** Asks the server for the entry, with a progress notification while it fetches. */
  const entryFor = (document: vscode.TextDocument, text: string, line: number, here?: 'here'): Thenable<LinkEntryResult | null> => {
    const options = linkOptions();
    const ask = () => executeServerCommand<LinkEntryResult>(client, ServerCommands.linkEntry, asServerUri(document), text, line, options, ...(here ? [here] : []));
    return options.online ? vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Paper List: fetching the paper\'s metadata' }, ask) : ask();
  };

  /** Asks for a link, offering the clipboard when it holds one. */
  const askForLink = async (): Promise<string | undefined> => {
    let clipboard = '';
    try {
      clipboard = (await vscode.env.clipboard.readText()).trim();
    } catch {
      clipboard = '';
    }
    return vscode.window.showInputBox({
      title: 'Add Paper from Link',
      prompt: 'A paper link or id: arXiv, DOI, OpenReview, ACL Anthology, NeurIPS, PMLR or CVF',
      placeHolder: 'https://arxiv.org/abs/2305.18290',
      value: parsePaperLink(clipboard) ? clipboard : '',
      ignoreFocusOut: true,
      validateInput: (text) => (!text.trim() || parsePaperLink(text) ? undefined : 'Not a paper link paperlist knows: expected an arXiv, DOI, OpenReview, ACL Anthology, NeurIPS, PMLR or CVF link or id.'),
    });
  };

  /** The heading line of the section to add to: the one given, the cursor's, or one picked from the list. */
  const pickSection = async (editor: vscode.TextEditor, given: unknown): Promise<number | undefined> => {
    const line = (given as { sectionLine?: unknown } | undefined)?.sectionLine;
    if (Number.isInteger(line) && (line as number) >= 0) return line as number;
    const here = tree.sectionAt(editor.selection.active.line);
    if (here) return here.section.line;
    type SectionPick = vscode.QuickPickItem & { line: number };
    const picks: SectionPick[] = tree.sections.map((node) => ({ label: `${'  '.repeat(Math.max(0, node.section.level - 1))}${node.section.title}`, description: `${node.section.totalCount}`, line: node.section.line }));
    if (!picks.length) return editor.selection.active.line;
    return (await vscode.window.showQuickPick(picks, { title: 'Add Paper from Link', placeHolder: 'The section to add the paper to' }))?.line;
  };

  const addFromLink = async (link?: unknown, target?: unknown): Promise<AddFromLinkResult> => {
    const editor = await listEditorOf(model);
    if (!editor) return { added: false, error: 'no list' };
    const text = typeof link === 'string' ? link : await askForLink();
    if (!text?.trim()) return { added: false, error: 'no link' };
    const ref = parsePaperLink(text);
    if (!ref) {
      void vscode.window.showWarningMessage(`"${text}" is not a paper link paperlist knows.`);
      return { added: false, error: 'not a link' };
    }
    const sectionLine = await pickSection(editor, target);
    if (sectionLine === undefined) return { added: false, error: 'no section' };
    const document = editor.document;
    const version = document.version;
    const result = await entryFor(document, text, sectionLine);
    if (!result) {
      void vscode.window.showInformationMessage('Open a markdown paper list first.');
      return { added: false, error: 'no result' };
    }
    if (result.error) {
      void vscode.window.showErrorMessage(`${result.error} Nothing was added.`);
      return { added: false, error: result.error };
    }
    if (result.listed.length) {
      const first = result.listed[0];
      const where = `line ${first.line + 1}${first.section ? ` under "${first.section}"` : ''}`;
      const listed = result.listed.map((place) => place.line);
      // Run with a link as argument (a keybinding, a test), the command adds nothing twice and asks nothing.
      if (typeof link === 'string' && !(target as { force?: unknown } | undefined)?.force) {
        void vscode.window.showWarningMessage(`This paper is listed already, at ${where}; it was not added again.`);
        return { added: false, listed };
      }
      if (typeof link !== 'string') {
        const choice = await vscode.window.showWarningMessage(
          `This paper is listed already${first.by === 'title' ? ' (same title)' : ''}, at ${where}.`,
          { modal: true },
          'Go to It',
          'Add Anyway',
        );
        if (choice === 'Go to It') {
          const position = new vscode.Position(first.line, 0);
          editor.selection = new vscode.Selection(position, position);
          editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
        if (choice !== 'Add Anyway') return { added: false, listed };
      }
    }
    if (document.version !== version) {
      void vscode.window.showWarningMessage('The document changed while the paper was being added; try again.');
      return { added: false, error: 'changed' };
    }
    const at = new vscode.Position(result.insertAt?.line ?? result.line, result.insertAt?.character ?? 0);
    const edit = new vscode.WorkspaceEdit();
    // One edit: the entry (a snippet, so that Tab walks its placeholders) and the items below renumbered.
    edit.set(document.uri, [
      vscode.SnippetTextEdit.insert(at, new vscode.SnippetString(result.snippet)),
      ...result.renumber.map((change) => vscode.TextEdit.replace(client.protocol2CodeConverter.asRange(change.range), change.newText)),
    ]);
    await vscode.window.showTextDocument(document, editor.viewColumn);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) {
      void vscode.window.showWarningMessage('The new entry could not be inserted; the document may have changed. Try again.');
      return { added: false, error: 'not applied' };
    }
    if (!result.fetched) void vscode.window.setStatusBarMessage('Offline: the entry has the fields its id gives; fill in the rest, or turn on paperList.online.', 8000);
    return { added: true, line: result.line };
  };

  const pasteProvider: vscode.DocumentPasteEditProvider = {
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      if (ranges.length !== 1 || !ranges[0].isSingleLine) return undefined;
      const line = document.lineAt(ranges[0].start.line);
      if (!line.isEmptyOrWhitespace) return undefined;
      const text = (await dataTransfer.get('text/plain')?.asString())?.trim();
      const ref = text ? parsePaperLink(text) : undefined;
      if (!text || !ref || token.isCancellationRequested) return undefined;
      // Only lists the server reads as paper lists get the offer.
      if (model.document !== document || !model.outline) return undefined;
      const result = await entryFor(document, text, line.lineNumber, 'here');
      if (!result || result.error || token.isCancellationRequested) return undefined;
      const paste = new vscode.DocumentPasteEdit(new vscode.SnippetString(result.snippet), result.listed.length ? `Insert as paper entry (listed already at line ${result.listed[0].line + 1})` : 'Insert as paper entry', pasteKind);
      if (result.renumber.length) {
        paste.additionalEdit = new vscode.WorkspaceEdit();
        for (const change of result.renumber) paste.additionalEdit.replace(document.uri, client.protocol2CodeConverter.asRange(change.range), change.newText);
      }
      return [paste];
    },
  };

  // "Check Entries Against Sources": its findings live in a collection of their own, with their fixes, and
  // are dropped when the document changes (their ranges would no longer hold).
  const checked = vscode.languages.createDiagnosticCollection('paperList.online');
  const fixesOf = new WeakMap<vscode.Diagnostic, CheckOnlineFinding['fixes']>();
  const severities: Record<CheckOnlineFinding['severity'], vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    info: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
  };

  const checkOnline = async (arg?: unknown): Promise<CheckOnlineResult | undefined> => {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : (await listEditorOf(model))?.document;
    if (!document) return undefined;
    const options = linkOptions();
    if (!options.online) {
      void vscode.window.showInformationMessage('Checking entries against arXiv, Crossref, OpenReview, the ACL Anthology and DBLP needs the paperList.online setting on.', 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'paperList.online');
      });
      return undefined;
    }
    const version = document.version;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Paper List: checking entries against their sources' }, () =>
      executeServerCommand<CheckOnlineResult>(client, ServerCommands.checkOnline, asServerUri(document), options),
    );
    if (!result || document.version !== version) return result ?? undefined;
    checked.set(
      document.uri,
      result.findings.map((finding) => {
        const diagnostic = new vscode.Diagnostic(client.protocol2CodeConverter.asRange(finding.range), finding.message, severities[finding.severity]);
        diagnostic.source = 'paperlist (online)';
        diagnostic.code = finding.code;
        fixesOf.set(diagnostic, finding.fixes);
        return diagnostic;
      }),
    );
    if (result.problems.length) {
      void vscode.window.showWarningMessage(`${result.problems.length === 1 ? 'One paper' : `${result.problems.length} papers`} could not be checked: ${result.problems[0]}`);
    }
    return result;
  };

  const quickFixes: vscode.CodeActionProvider = {
    provideCodeActions(document, range) {
      const actions: vscode.CodeAction[] = [];
      for (const diagnostic of checked.get(document.uri) ?? []) {
        if (!diagnostic.range.intersection(range)) continue;
        for (const fix of fixesOf.get(diagnostic) ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = new vscode.WorkspaceEdit();
          for (const edit of fix.edits) action.edit.replace(document.uri, client.protocol2CodeConverter.asRange(edit.range), edit.newText);
          actions.push(action);
        }
      }
      return actions;
    },
  };

  return [
    checked,
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length && checked.has(event.document.uri)) checked.delete(event.document.uri);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      // On save, only for the paper list on show and only when the user turned the network on.
      if (document === model.document && model.outline && linkOptions().online) void checkOnline(document.uri);
    }),
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }], quickFixes, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.commands.registerCommand('paperList.checkOnline', checkOnline),
    vscode.commands.registerCommand('paperList.addFromLink', addFromLink),
    vscode.languages.registerDocumentPasteEditProvider([{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }], pasteProvider, {
      providedPasteEditKinds: [pasteKind],
      pasteMimeTypes: ['text/plain'],
    }),
  ];
}
