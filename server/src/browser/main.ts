// The language server's browser entry (dist/web/server.js): runs in a web worker that the extension starts,
// and talks to it with postMessage.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { ClientFilesEnvironment } from '../infrastructure/clientFilesEnvironment';

/** The parts of the worker's global scope used here (the project compiles without the DOM library). */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'error', listener: (event: { error?: { stack?: string }; message?: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason?: { stack?: string } }) => void): void;
  addEventListener(type: string, listener: (event: never) => void): void;
}
declare const self: WorkerScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

// Errors outside a handler are logged rather than ending the worker.
self.addEventListener('error', (event) => connection.console.error(`paperlist: uncaught error: ${String(event.error?.stack ?? event.message)}`));
self.addEventListener('unhandledrejection', (event) => connection.console.error(`paperlist: unhandled rejection: ${String(event.reason?.stack ?? event.reason)}`));

startServer(connection, new ClientFilesEnvironment(connection));
