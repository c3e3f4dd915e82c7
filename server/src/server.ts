// The paperlist language server: connection wiring only; each feature lives in its own module under features/.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { fixAllKind, registerCodeActions, renumberAllKind } from './features/codeActions';
import { registerCommands, serverCommands } from './features/commands';
import { completionTriggerCharacters, registerCompletion } from './features/completion';
import { PaperDocuments } from './features/documents';
import { registerFolding } from './features/folding';
import { guardNotification } from './features/guard';
import { registerHighlights } from './features/highlights';
import { registerHover } from './features/hover';
import { registerOutline } from './features/outline';
import { registerReferences } from './features/references';
import { startupLine, type SettingsSource } from './features/startupLine';
import { registerSymbols } from './features/symbols';
import { URI } from './features/uri';
import { BibFiles } from './node/bibFiles';
import { pathToFileURL } from 'node:url';

declare const PAPERLIST_VERSION: string | undefined;

// Picks stdio, IPC or sockets from the command line (`--stdio`, `--node-ipc`, `--socket=N`).
const connection = createConnection(ProposedFeatures.all);
const documents = new PaperDocuments(connection);
const capabilities = { documentChanges: false, snippets: false, hierarchicalSymbols: false };
const bibFiles = new BibFiles((message) => connection.console.warn(message));
let dynamicConfiguration = false;
let dynamicWatchers = false;
let workspaceFolderChanges = false;
let settingsSource: SettingsSource = 'defaults';
const version = typeof PAPERLIST_VERSION === 'string' ? PAPERLIST_VERSION : 'development';

/** The file system paths of workspace folders given as URIs; other schemes have no files to read. */
const folderPaths = (folders: readonly { uri: string }[] | null | undefined): string[] =>
  (folders ?? []).map((folder) => (typeof folder?.uri === 'string' ? URI.toFsPath(folder.uri) : undefined)).filter((path): path is string => Boolean(path));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const client = params.capabilities ?? {};
  documents.settings.supportsConfiguration = client.workspace?.configuration === true;
  dynamicConfiguration = client.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  dynamicWatchers = client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  capabilities.documentChanges = client.workspace?.workspaceEdit?.documentChanges === true;
  capabilities.snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
  capabilities.hierarchicalSymbols = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  workspaceFolderChanges = client.workspace?.workspaceFolders === true;
  // Relative `paperList.bibFiles` paths start from the workspace folder that holds the document.
  bibFiles.workspaceFolders = Array.isArray(params.workspaceFolders)
    ? folderPaths(params.workspaceFolders)
    : typeof params.rootUri === 'string' ? folderPaths([{ uri: params.rootUri }]) : [];
  // Settings pushed at start by clients without workspace/configuration (some pass them as initializationOptions).
  const initial = (params.initializationOptions as { paperList?: unknown } | undefined)?.paperList;
  if (initial !== undefined) documents.settings.reset(initial);
  settingsSource = documents.settings.supportsConfiguration ? 'client' : initial !== undefined ? 'initializationOptions' : 'defaults';
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, renumberAllKind, fixAllKind],
      },
      completionProvider: { triggerCharacters: completionTriggerCharacters },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      executeCommandProvider: { commands: serverCommands },
      workspace: { workspaceFolders: { supported: workspaceFolderChanges, changeNotifications: workspaceFolderChanges } },
    },
    serverInfo: { name: 'paperlist', version },
  };
});

connection.onInitialized(() => {
  // The start-up line: settings of the first workspace folder (or the session's), read once.
  const firstFolder = bibFiles.workspaceFolders[0];
  void documents.settings
    .get(firstFolder ? pathToFileURL(firstFolder).href : '')
    .then((settings) => connection.console.info(startupLine(version, settingsSource, settings, bibFiles.workspaceFolders)))
    .catch(() => undefined);
  if (workspaceFolderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(
      guardNotification(connection, 'workspace folders', (event) => {
        const removed = new Set(folderPaths(event?.removed));
        bibFiles.workspaceFolders = [...bibFiles.workspaceFolders.filter((path) => !removed.has(path)), ...folderPaths(event?.added)];
      }),
    );
  }
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'paperList' });
  if (dynamicWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.paperlistrc.json' }] });
  }
});

connection.onDidChangeConfiguration(
  guardNotification(connection, 'configuration change', (params) => {
    const pushed = (params?.settings as { paperList?: unknown } | undefined)?.paperList;
    documents.reloadAll(pushed);
  }),
);

connection.onDidChangeWatchedFiles(
  guardNotification(connection, 'watched files', (params) => {
    if (params?.changes?.some((change) => typeof change?.uri === 'string' && change.uri.endsWith('.paperlistrc.json'))) documents.reloadConfigFiles();
  }),
);

registerCodeActions(connection, documents, capabilities);
registerCompletion(connection, documents, capabilities, bibFiles);
registerCommands(connection, documents, capabilities);
registerHover(connection, documents);
registerSymbols(connection, documents, capabilities);
registerFolding(connection, documents);
registerReferences(connection, documents);
registerHighlights(connection, documents);
registerOutline(connection, documents);

connection.onShutdown(() => documents.stop());

// Errors outside a handler are logged rather than ending the process; the client restarts us only on exit.
process.on('uncaughtException', (error) => connection.console.error(`paperlist: uncaught error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`paperlist: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));

connection.listen();
