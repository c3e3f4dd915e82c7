import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { OutlineRequest, type OutlineResult } from '../../server/src/shared/protocol';

/** The language client id; VS Code reads the `paperList.trace.server` setting because of it. */
export const clientId = 'paperList';

/** Starts the bundled language server (`dist/server.js`) in a Node child process that talks over IPC. */
export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    outputChannel,
    // The server pulls `paperList.*` through workspace/configuration; this also forwards changes to it.
    synchronize: { configurationSection: 'paperList' },
  };
  return new LanguageClient(clientId, 'Paper List', serverOptions, clientOptions);
}

/** Asks the server for the section tree of a document; null when the document is not a paper list. */
export async function requestOutline(client: LanguageClient, document: vscode.TextDocument): Promise<OutlineResult | null> {
  if (!client.isRunning()) return null;
  return client.sendRequest(OutlineRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
}
