// The Paper List extension: starts the language server and wires the sidebar, commands and status bar to it.
// Its entries (node/extension.ts, browser/extension.ts) say where the server runs.
import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import { registerBibtexCommands } from './bibtexCommands';
import { registerCommands } from './commands';
import { OutlineModel } from './outlineModel';
import { autoSuggest } from './autoSuggest';
import { PaperTreeProvider, SectionDecorations, type PaperNode } from './paperTree';
import { registerLinkCommands } from './linkCommands';
import { createStatusBar } from './statusBar';

/** What `activate` returns; the end-to-end tests reach the client and the tree through it. */
export interface PaperListApi {
  client: LanguageClient;
  model: OutlineModel;
  tree: PaperTreeProvider;
  treeView: vscode.TreeView<PaperNode>;
  /** Settles once the language server answered `initialize`. */
  ready: Promise<void>;
}

/** Creates the language client: with a Node process or a web worker for its server. */
export type CreateClient = (context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel) => LanguageClient;

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext, createClient: CreateClient): PaperListApi {
  const outputChannel = vscode.window.createOutputChannel('Paper List', { log: true });
  client = createClient(context, outputChannel);
  const model = new OutlineModel(client);
  const tree = new PaperTreeProvider(model);
  const treeView = vscode.window.createTreeView('paperList.outline', { treeDataProvider: tree, showCollapseAll: true });

  context.subscriptions.push(outputChannel, model, tree, treeView, createStatusBar(model));
  context.subscriptions.push(...registerCommands({ client, model, tree, treeView }));
  context.subscriptions.push(...registerBibtexCommands({ client, model, tree }));
  context.subscriptions.push(...registerLinkCommands({ client, model, tree, cacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'metadata-cache').fsPath }));
  context.subscriptions.push(followCursor(model, tree, treeView));
  context.subscriptions.push(vscode.window.registerFileDecorationProvider(new SectionDecorations()), autoSuggest(model));

  const ready = client.start().then(
    () => model.start(),
    (error: unknown) => {
      outputChannel.error(`The Paper List language server did not start: ${(error as Error)?.message ?? String(error)}`);
      void vscode.window.showErrorMessage('The Paper List language server did not start; see its output.', 'Show Output').then((choice) => {
        if (choice) outputChannel.show();
      });
    },
  );
  return { client, model, tree, treeView, ready };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

/** Selects the entry or section under the cursor in the sidebar while it is visible (`paperList.followCursor`). */
function followCursor(model: OutlineModel, tree: PaperTreeProvider, treeView: vscode.TreeView<PaperNode>): vscode.Disposable {
  let lastLine = -1;
  const follow = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document !== model.document || !treeView.visible) return;
    if (!vscode.workspace.getConfiguration('paperList').get<boolean>('followCursor', true)) return;
    const line = editor.selection.active.line;
    const node = tree.nodeAt(line);
    if (!node || (line === lastLine && treeView.selection[0] === node)) return;
    lastLine = line;
    treeView.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection((event) => follow(event.textEditor)),
    treeView.onDidChangeVisibility(() => follow(vscode.window.activeTextEditor)),
    model.onDidChange(() => {
      lastLine = -1;
    }),
  );
}
