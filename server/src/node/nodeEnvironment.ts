// The language server's surroundings on Node: `.paperlistrc.json`, `.bib` files and linked files read from
// disk, the way the CLI reads them.
import { isAbsolute, join } from 'node:path';
import { resolveConfig } from '../core/index';
import type { BibRecord } from '../core/features/bibtex';
import type { ServerEnvironment } from '../features/environment';
import type { DocumentEnvironment, PaperListSettings } from '../features/settings';
import { URI } from '../features/uri';
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
  private folders: string[] = [];

  constructor(warn: (message: string) => void) {
    this.bibFiles = new BibFiles(warn);
  }

  get workspaceFolders(): string[] {
    return this.folders;
  }

  /** Relative `paperList.bibFiles` paths start from the workspace folder that holds the document. */
  set workspaceFolders(uris: string[]) {
    this.folders = uris;
    this.bibFiles.workspaceFolders = folderPaths(uris);
  }

  documentEnvironment(uri: string, settings: PaperListSettings): DocumentEnvironment {
    return environmentFor(uri, settings);
  }

  bibRecords(uri: string, files: readonly string[]): BibRecord[] {
    const folders = this.bibFiles.workspaceFolders;
    // An untitled document has no folder of its own: relative paths start from the first workspace folder.
    const documentPath = URI.toFsPath(uri) ?? (folders[0] ? join(folders[0], 'untitled.md') : undefined);
    return this.bibFiles.recordsFor(documentPath ?? '/', documentPath ? files : files.filter((file) => isAbsolute(file)));
  }
}
