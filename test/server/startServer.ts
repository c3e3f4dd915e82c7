// Starts dist/server.js over stdio and initializes it, for the protocol tests and the benchmark alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const serverPath = resolve(__dirname, '../../dist/server.js');

export interface StartOptions {
  /** Arguments for the server's Node process, such as `--cpu-prof`. */
  nodeArguments?: string[];
  initializationOptions?: unknown;
  /** Another build of the server, such as a baseline's, for the benchmark's comparisons. */
  serverPath?: string;
  workspace: ClientCapabilities['workspace'];
  onDiagnostics(params: PublishDiagnosticsParams): void;
  /** Called with each window/logMessage the server sends. */
  onLog?(message: string): void;
  /** Called with the connection before `initialize`, to answer the server's own requests. */
  beforeInitialize?(connection: ProtocolConnection): void;
}

export interface StartedServer {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** What the server wrote to stderr and logged through window/logMessage. */
  logs: string[];
}

export async function startServer(options: StartOptions): Promise<StartedServer> {
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), options.serverPath ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
    options.onLog?.(params.message);
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => options.onDiagnostics(params));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  options.beforeInitialize?.(connection);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: options.workspace,
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return { child, connection, logs };
}
