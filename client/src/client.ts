import * as vscode from 'vscode';
// What the Node and the browser language clients share; each starts its server in node/ or browser/.
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  type BaseLanguageClient,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { clientReadsFilesOption, OutlineRequest, type OutlineResult, type ServerCommand } from '../../server/src/shared/protocol';

/** The Node or the browser language client: both can restart their server. */
export type PaperListClient = BaseLanguageClient & { restart(): Promise<void> };
type LanguageClient = PaperListClient;

/** The language client id; VS Code reads the `paperList.trace.server` setting because of it. */
export const clientId = 'paperList';

/**
 * The documents the server sees: files on disk, new files, and the virtual files of github.dev and Remote
 * Repositories (vscode-vfs:), code-server's web-worker host (vscode-remote:) and @vscode/test-web. Not
 * git: or other read-only views, such as the old side of a diff.
 */
export const documentSelector: DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'].map((scheme) => ({ language: 'markdown', scheme }));

/** The options both clients share; `documentSelector` says which documents the server sees. */
export function clientOptions(outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector): LanguageClientOptions {
  return {
    documentSelector,
    outputChannel,
    // This client answers the server's file requests (workspaceFiles.ts).
    initializationOptions: { [clientReadsFilesOption]: true },
    // The server pulls `paperList.*` through workspace/configuration; this also forwards changes to it.
    synchronize: { configurationSection: 'paperList' },
    errorHandler: restartingErrorHandler(outputChannel),
    // The outline and breadcrumbs show the built-in markdown extension's headings: two symbol providers for
    // one markdown file made them switch between the two trees. Papers are in the Paper List sidebar.
    middleware: { provideDocumentSymbols: async () => [] },
  };
}

/** Runs a server command through `workspace/executeCommand`; the server answers null for a document it does not know. */
export async function executeServerCommand<T>(client: LanguageClient, command: ServerCommand, ...args: unknown[]): Promise<T | null> {
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T | null;
}

/** Crashes allowed within `crashWindow` before the client stops restarting the server. */
const maxCrashes = 5;
const crashWindow = 3 * 60 * 1000;

/**
 * Restarts a server that exited, and says so once per session rather than once per crash; after
 * `maxCrashes` crashes in a few minutes it stops trying and says why.
 */
export function restartingErrorHandler(outputChannel: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      while (crashes.length && now - crashes[0] > crashWindow) crashes.shift();
      crashes.push(now);
      if (crashes.length > maxCrashes) {
        return {
          action: CloseAction.DoNotRestart,
          message: `The Paper List server stopped ${crashes.length} times in a few minutes and will not be restarted. Run "Paper List: Restart Server" to try again; "Paper List: Show Server Output" shows why.`,
        };
      }
      outputChannel.warn('The Paper List server stopped unexpectedly; restarting it.');
      if (!told) {
        told = true;
        void vscode.window.showInformationMessage('The Paper List server stopped unexpectedly and was restarted.');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** Asks the server for the section tree of a document; null when the document is not a paper list. */
export async function requestOutline(client: LanguageClient, document: vscode.TextDocument): Promise<OutlineResult | null> {
  if (!client.isRunning()) return null;
  return client.sendRequest(OutlineRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
}
