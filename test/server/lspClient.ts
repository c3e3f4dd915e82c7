// A small LSP client for the protocol tests: starts dist/server.js over stdio and waits for what it sends.
import type { ChildProcess } from 'node:child_process';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { serverPath, startServer } from './startServer';

export { serverPath };

/** One running server and a client connection to it. */
export class TestServer {
  /** Every diagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: { uri: string; version: number; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  private logWaiters: { accept: (message: string) => boolean; resolve: (message: string) => void }[] = [];
  settings: unknown = {};

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly logs: string[],
  ) {}

  static async start(settings: unknown = {}): Promise<TestServer> {
    let server: TestServer | undefined;
    const early: PublishDiagnosticsParams[] = [];
    const started = await startServer({
      workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      onDiagnostics: (params) => (server ? server.receive(params) : early.push(params)),
      onLog: (message) => server?.receiveLog(message),
      beforeInitialize: (connection) => connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => server?.settings ?? settings)),
    });
    server = new TestServer(started.child, started.connection, started.logs);
    server.settings = settings;
    for (const params of early) server.receive(params);
    return server;
  }

  private receive(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    const ready = this.waiters.filter((waiter) => waiter.uri === params.uri && (waiter.version === params.version || waiter.version === -1));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(params.diagnostics);
  }

  private receiveLog(message: string): void {
    const ready = this.logWaiters.filter((waiter) => waiter.accept(message));
    this.logWaiters = this.logWaiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(message);
  }

  /** Resolves with the first log message, logged already or still to come, that `accept` takes. */
  log(accept: (message: string) => boolean): Promise<string> {
    const done = this.logs.find(accept);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.logWaiters.push({ accept, resolve }));
  }

  /** Resolves with the diagnostics of a document version as soon as the server publishes them. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const done = this.published.find((params) => params.uri === uri && params.version === version);
    if (done) return Promise.resolve(done.diagnostics);
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Resolves with the next diagnostics published for a document, whatever their version. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, version: -1, resolve }));
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text; incremental changes are sent with `connection` directly. */
  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Shuts down cleanly and resolves with the exit code; kills the child if it does not exit. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.connection.dispose();
  }
}
