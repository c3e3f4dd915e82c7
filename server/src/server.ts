// The paperlist language server: connection wiring only; each LSP feature lives in its own module under lsp/.
// Its entries (node/main.ts, browser/main.ts) give it a connection and the environment it reads files through.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { fixAllKind, registerCodeActions, renumberAllKind } from './lsp/codeActions';
import { registerCommands, serverCommands } from './lsp/commands';
import { completionTriggerCharacters, registerCompletion } from './lsp/completion';
import { PaperDocuments } from './infrastructure/documents';
import { diagnosticCapabilities } from './lsp/diagnostics';
import { registerFolding } from './lsp/folding';
import { guardNotification } from './infrastructure/guard';
import { registerHighlights } from './lsp/highlights';
import { registerHover } from './lsp/hover';
import { registerOutline } from './lsp/outline';
import { registerReferences } from './lsp/references';
import { useOnlineSources } from './lsp/linkCommands';
import { registerSymbols } from './lsp/symbols';
import type { ServerEnvironment, SettingsSource } from './infrastructure/environment';
import { clientReadsFilesOption } from './shared/protocol';

declare const PAPERLIST_VERSION: string | undefined;

/** The URIs of workspace folders as the client sends them. */
const folderUris = (folders: readonly { uri: string }[] | null | undefined): string[] =>
  (folders ?? []).map((folder) => folder?.uri).filter((uri): uri is string => typeof uri === 'string');

/** Wires every feature to the connection and starts listening. */
export function startServer(connection: Connection, environment: ServerEnvironment): void {
  const documents = new PaperDocuments(connection, environment);
  useOnlineSources(environment.onlineSources?.bind(environment));
  const capabilities = { documentChanges: false, snippets: false, hierarchicalSymbols: false };
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let workspaceFolderChanges = false;
  let settingsSource: SettingsSource = 'defaults';
  const version = typeof PAPERLIST_VERSION === 'string' ? PAPERLIST_VERSION : 'development';

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const client = params.capabilities ?? {};
    documents.settings.supportsConfiguration = client.workspace?.configuration === true;
    dynamicConfiguration = client.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    capabilities.documentChanges = client.workspace?.workspaceEdit?.documentChanges === true;
    capabilities.snippets = client.textDocument?.completion?.completionItem?.snippetSupport === true;
    capabilities.hierarchicalSymbols = client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    workspaceFolderChanges = client.workspace?.workspaceFolders === true;
    diagnosticCapabilities.codeDescription = client.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
    diagnosticCapabilities.relatedInformation = client.textDocument?.publishDiagnostics?.relatedInformation === true;
    // Relative `paperList.bibFiles` paths start from the workspace folder that holds the document.
    environment.workspaceFolders = Array.isArray(params.workspaceFolders)
      ? folderUris(params.workspaceFolders)
      : typeof params.rootUri === 'string' ? [params.rootUri] : [];
    // Settings pushed at start by clients without workspace/configuration (some pass them as initializationOptions).
    const initial = (params.initializationOptions as { paperList?: unknown } | undefined)?.paperList;
    environment.clientReadsFiles = (params.initializationOptions as Record<string, unknown> | undefined)?.[clientReadsFilesOption] === true;
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
    // The start-up line: version, where the settings come from, and (on Node) which files they match.
    void documents.settings
      .get(environment.workspaceFolders[0] ?? '')
      .then((settings) => connection.console.info(environment.startupLine?.(version, settingsSource, settings) ?? `paperlist ${version} started; settings from ${settingsSource}.`))
      .catch(() => undefined);
    if (workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(connection, 'workspace folders', (event) => {
          const removed = new Set(folderUris(event?.removed));
          environment.workspaceFolders = [...environment.workspaceFolders.filter((uri) => !removed.has(uri)), ...folderUris(event?.added)];
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
      documents.reload({ settings: pushed });
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'watched files', (params) => {
      if (params?.changes?.some((change) => typeof change?.uri === 'string' && change.uri.endsWith('.paperlistrc.json'))) documents.reload('config-files');
    }),
  );

  registerCodeActions(connection, documents, capabilities);
  registerCompletion(connection, documents, capabilities, environment);
  registerCommands(connection, documents, capabilities);
  registerHover(connection, documents);
  registerSymbols(connection, documents, capabilities);
  registerFolding(connection, documents);
  registerReferences(connection, documents);
  registerHighlights(connection, documents);
  registerOutline(connection, documents);

  connection.onShutdown(() => documents.stop());

  connection.listen();
}
