// A minimal LSP client for the benchmark: starts dist/server.js over stdio as a plain editor would,
// without workspace/configuration, so the server runs on its defaults (plus any initializationOptions).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  type CompletionItem,
  type CompletionList,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { startServer } from '../test/server/startServer';

interface Waiter {
  uri: string;
  minimumVersion: number;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/** Resident and peak resident memory of a process in bytes, from /proc (Linux only). */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kilobytes('VmRSS'), peak: kilobytes('VmHWM') };
  } catch {
    return undefined;
  }
}

export class BenchServer {
  private waiters: Waiter[] = [];
  /** The newest diagnostics seen per document. */
  private readonly latest = new Map<string, PublishDiagnosticsParams>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly logs: string[],
  ) {}

  /** Starts a server; `nodeArguments` go to its Node process, such as `--cpu-prof`. */
  static async start(initializationOptions?: unknown, nodeArguments: string[] = [], serverPath?: string): Promise<BenchServer> {
    let server: BenchServer | undefined;
    const early: PublishDiagnosticsParams[] = [];
    const started = await startServer({
      nodeArguments,
      initializationOptions,
      serverPath,
      workspace: { configuration: false },
      onDiagnostics: (params) => (server ? server.receive(params) : early.push(params)),
    });
    server = new BenchServer(started.child, started.connection, started.logs);
    for (const params of early) server.receive(params);
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  private receive(params: PublishDiagnosticsParams): void {
    this.latest.set(params.uri, params);
    const version = params.version ?? -1;
    const ready = this.waiters.filter((waiter) => waiter.uri === params.uri && version >= waiter.minimumVersion);
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(params);
  }

  /**
   * Resolves with the first diagnostics published for `uri` at `minimumVersion` or later (the server skips
   * versions that a newer change overtook), or undefined after `timeoutMs`.
   */
  diagnostics(uri: string, minimumVersion: number, timeoutMs: number): Promise<PublishDiagnosticsParams | undefined> {
    const seen = this.latest.get(uri);
    if (seen && (seen.version ?? -1) >= minimumVersion) return Promise.resolve(seen);
    return new Promise((resolvePromise) => {
      const waiter: Waiter = { uri, minimumVersion, resolve: resolvePromise };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolvePromise(undefined);
      }, timeoutMs);
      waiter.resolve = (params) => {
        clearTimeout(timer);
        resolvePromise(params);
      };
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Sends one incremental change: `text` replaces the range from `start` to `end`. */
  async change(uri: string, version: number, start: Position, end: Position, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
  }

  completion(uri: string, position: Position, triggerCharacter: string): Promise<CompletionItem[] | CompletionList | null> {
    return this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter },
    });
  }

  /** Shuts down cleanly when the server answers in time, and kills it otherwise. */
  async stop(timeoutMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      this.connection.dispose();
      return;
    }
    const exited = new Promise<void>((resolvePromise) => this.child.once('exit', () => resolvePromise()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      await Promise.race([
        (async () => {
          await this.connection.sendRequest(ShutdownRequest.type);
          await this.connection.sendNotification(ExitNotification.type);
        })(),
        exited,
      ]);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
