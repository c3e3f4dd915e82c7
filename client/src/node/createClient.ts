// The Node language client: the bundled server (dist/server.js) in a child process that talks over IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientId, clientOptions, documentSelector } from '../client';
import { answerFileRequests } from '../workspaceFiles';

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const client = new LanguageClient(clientId, 'Paper List', serverOptions, clientOptions(outputChannel, documentSelector));
  // Documents of a virtual workspace are not on disk: the server asks for their files as in a browser.
  context.subscriptions.push(answerFileRequests(client));
  return client;
}
