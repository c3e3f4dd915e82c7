// Runs the browser build of the language server (dist/web/server.js) in a Node worker thread that looks
// like a web worker (`self` with postMessage and onmessage), and plays the extension's part: it answers
// the server's file requests from disk, as the browser client answers them through vscode.workspace.fs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { PortMessageReader, PortMessageWriter } from 'vscode-jsonrpc/node';
import { BibFileRequest, ConfigFileRequest, FilesExistRequest } from '../../server/src/shared/protocol';

export const webServerPath = resolve(__dirname, '../../dist/web/server.js');

/** What the worker runs first: a web worker's `self` on top of the thread's port, then the bundle. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const listeners = [];
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = (type, listener) => { if (type === 'message') listeners.push(listener); };
Object.defineProperty(globalThis, 'onmessage', { set(listener) { listeners.push(listener); }, configurable: true });
parentPort.on('message', (data) => { for (const listener of listeners) listener({ data }); });
require('node:vm').runInThisContext(require('node:fs').readFileSync(workerData.script, 'utf8'), { filename: workerData.script });
`;

export interface WebServer {
  connection: ProtocolConnection;
  /** Opens a document and resolves with the diagnostics the server publishes for it. */
  diagnosticsOf(path: string): Promise<Diagnostic[]>;
  /** The file requests the server made, by method. */
  requests: string[];
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** The client capabilities sent with initialize; none by default. */
  capabilities?: ClientCapabilities;
  /** Registers other answers to the server's requests, replacing the defaults, before the connection listens. */
  setup?(connection: ProtocolConnection): void;
}

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const worker = new Worker(workerSource, { eval: true, workerData: { script: webServerPath } });
  // A worker that fails to load the bundle (a browser global missing, say) fails the test with its error.
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => undefined);
  const connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const requests: string[] = [];
  const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => waiting.get(params.uri)?.(params));
  connection.onRequest(ConfigFileRequest.type, ({ uri }) => {
    requests.push(ConfigFileRequest.method);
    for (let folder = dirname(fileURLToPath(uri)); ; folder = dirname(folder)) {
      const candidate = join(folder, '.paperlistrc.json');
      if (existsSync(candidate)) return { uri: pathToFileURL(candidate).toString(), text: readFileSync(candidate, 'utf8') };
      if (dirname(folder) === folder) return null;
    }
  });
  connection.onRequest(FilesExistRequest.type, ({ uri, paths }) => {
    requests.push(FilesExistRequest.method);
    return paths.map((path) => existsSync(join(dirname(fileURLToPath(uri)), path)));
  });
  connection.onRequest(BibFileRequest.type, ({ path }) => {
    requests.push(BibFileRequest.method);
    return { uri: path, error: 'not asked for in these tests' };
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  options.setup?.(connection);
  connection.listen();
  await Promise.race([failed, connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: options.capabilities ?? {}, workspaceFolders: null })]);
  await connection.sendNotification(InitializedNotification.type, {});
  let version = 0;
  return {
    connection,
    requests,
    diagnosticsOf(path: string) {
      const uri = pathToFileURL(path).toString();
      const published = new Promise<Diagnostic[]>((resolvePublished) => waiting.set(uri, (params) => resolvePublished(params.diagnostics)));
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text: readFileSync(path, 'utf8') } });
      return Promise.race([failed, published]);
    },
    async close() {
      connection.dispose();
      await worker.terminate();
    },
  };
}
