// The browser language client: the bundled server (dist/web/server.js) in a web worker.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { clientId, clientOptions, documentSelector, type PaperListClient } from '../client';
import { answerFileRequests } from '../workspaceFiles';

/** The browser globals used here (the project compiles without the DOM library). */
interface WorkerGlobals {
  Worker: new (url: string) => unknown;
  Blob: new (parts: string[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
  fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

/**
 * Starts the server's worker. code-server installs extensions on its server, so the script's address is a
 * `vscode-remote:` one from which the web-worker host refuses to start a worker; its `fetch` reads it,
 * and the worker starts from a Blob of the script instead. On vscode.dev and github.dev it is `https:`.
 */
async function startWorker(script: vscode.Uri): Promise<unknown> {
  const globals = globalThis as unknown as WorkerGlobals;
  let url = script.toString(true);
  if (!/^(https?|blob):/i.test(url)) {
    const response = await globals.fetch(url);
    if (!response.ok) throw new Error(`the server script ${url} could not be loaded (HTTP ${response.status})`);
    url = globals.URL.createObjectURL(new globals.Blob([await response.text()], { type: 'application/javascript' }));
  }
  return new globals.Worker(url);
}

/** A browser client that can restart its worker, as the Node client restarts its process. */
class BrowserPaperListClient extends LanguageClient {
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): PaperListClient {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const options = clientOptions(outputChannel, documentSelector);
  // Transports rather than the worker: the host's Worker is wrapped, so the client's `instanceof Worker` fails.
  const transports = async (): Promise<MessageTransports> => {
    const worker = (await startWorker(script)) as never;
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new BrowserPaperListClient(clientId, 'Paper List', transports, options);
  context.subscriptions.push(answerFileRequests(client));
  return client;
}
