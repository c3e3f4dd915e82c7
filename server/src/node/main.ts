// The language server's Node entry (dist/server.js): stdio, IPC or sockets, files read from disk.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from '../infrastructure/uri';
import { startServer } from '../server';
import { NodeEnvironment } from './nodeEnvironment';

URI.usePathConversion(fileURLToPath);
// Picks stdio, IPC or sockets from the command line (`--stdio`, `--node-ipc`, `--socket=N`).
const connection = createConnection(ProposedFeatures.all);

// Errors outside a handler are logged rather than ending the process; the client restarts us only on exit.
process.on('uncaughtException', (error) => connection.console.error(`paperlist: uncaught error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`paperlist: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));

startServer(connection, new NodeEnvironment(connection));
