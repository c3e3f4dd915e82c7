// The language server's surroundings on Node: `.paperlistrc.json`, `.bib` files and linked files read from
// disk, the way the CLI reads them. Documents that are not on disk (a virtual workspace) are asked of a
// client that answers file requests, as in a browser.
import { isAbsolute, join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { resolveConfig } from '../core/index';
import type { BibRecord } from '../core/features/bibtex';
import { ClientFilesEnvironment } from '../infrastructure/clientFilesEnvironment';
import type { ServerEnvironment, SettingsSource } from '../infrastructure/environment';
import { startupLine } from './startupLine';
import { nodeOnlineSources } from './onlineSources';
import type { DocumentEnvironment, PaperListSettings } from '../infrastructure/settings';
import type { PaperList } from '../core/index';
import { URI } from '../infrastructure/uri';
import { BibFiles } from './bibFiles';
import { loadConfigFor, nodeHostFor } from './files';

/** The file system paths of workspace folders given as URIs; other schemes have no files to read. */
const folderPaths = (folders: readonly string[]): string[] => folders.map((uri) => URI.toFsPath(uri)).filter((path): path is string => Boolean(path));

/**
 * Builds the lint environment of a document the way the CLI does (the nearest `.paperlistrc.json` and a
 * host that looks next to the file), with the editor settings underneath: the file wins.
 */
export function environmentFor(uri: string, settings: PaperListSettings): DocumentEnvironment {
  const path = URI.toFsPath(uri);
  if (!path) return { config: resolveConfig(settings.config), configProblems: [], host: {} };
  const loaded = loadConfigFor(path);
  return { config: resolveConfig(settings.config, loaded.config), configProblems: loaded.problems, host: nodeHostFor(path), path };
}

export class NodeEnvironment implements ServerEnvironment {
  private readonly bibFiles: BibFiles;
  private readonly clientFiles: ClientFilesEnvironment;
  private folders: string[] = [];
  clientReadsFiles = false;

  constructor(connection: Connection) {
    this.bibFiles = new BibFiles((message) => connection.console.warn(message));
    this.clientFiles = new ClientFilesEnvironment(connection);
  }

  /** Whether the client reads this document's files: it is not on disk (nor new), and the client can. */
  private viaClient(uri: string): boolean {
    return this.clientReadsFiles && !uri.startsWith('file:') && !uri.startsWith('untitled:');
  }

  readonly onlineSources = nodeOnlineSources();

  startupLine(version: string, source: SettingsSource, settings: PaperListSettings): string {
    return startupLine(version, source, settings, this.bibFiles.workspaceFolders);
  }

  get workspaceFolders(): string[] {
    return this.folders;
  }

  /** Relative `paperList.bibFiles` paths start from the workspace folder that holds the document. */
  set workspaceFolders(uris: string[]) {
    this.folders = uris;
    this.bibFiles.workspaceFolders = folderPaths(uris);
  }

  documentEnvironment(uri: string, settings: PaperListSettings): DocumentEnvironment | Promise<DocumentEnvironment> {
    return this.viaClient(uri) ? this.clientFiles.documentEnvironment(uri, settings) : environmentFor(uri, settings);
  }

  /** Only hosts from the client need preparing; a disk host looks at the disk while the rules run. */
  prepareLint(environment: DocumentEnvironment, uri: string, list: PaperList): Promise<void> | undefined {
    return this.clientFiles.prepareLint(environment, uri, list);
  }

  async prepareBibRecords(uri: string, files: readonly string[]): Promise<void> {
    if (this.viaClient(uri)) await this.clientFiles.prepareBibRecords(uri, files);
  }

  reset(): void {
    this.clientFiles.reset();
  }

  bibRecords(uri: string, files: readonly string[]): BibRecord[] {
    if (this.viaClient(uri)) return this.clientFiles.bibRecords(uri, files);
    const folders = this.bibFiles.workspaceFolders;
    // An untitled document has no folder of its own: relative paths start from the first workspace folder.
    const documentPath = URI.toFsPath(uri) ?? (folders[0] ? join(folders[0], 'untitled.md') : undefined);
    return this.bibFiles.recordsFor(documentPath ?? '/', documentPath ? files : files.filter((file) => isAbsolute(file)));
  }
}
