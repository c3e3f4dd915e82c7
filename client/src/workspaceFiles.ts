// Answers the server's requests for files it cannot read itself (in a browser, or a virtual workspace),
// through `vscode.workspace.fs`, which works on the virtual file systems of github.dev and vscode.dev as
// well as on disk.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { decodeText } from '../../server/src/core/decodeText';
import { BibFileRequest, ConfigFileRequest, FilesExistRequest, type ClientFile } from '../../server/src/shared/protocol';

const configFileName = '.paperlistrc.json';
/** A config file larger than this is refused, as on Node. */
const maxConfigBytes = 1024 * 1024;

/** The folder that holds a document or file. */
const folderOf = (uri: vscode.Uri): vscode.Uri => vscode.Uri.joinPath(uri, '..');

/** Whether a thrown error means that the file is not there. */
function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound' || error.code === 'FileNotADirectory');
}

const reasonOf = (error: unknown): string => (isNotFound(error) ? 'no such file' : `it cannot be read (${(error as Error)?.message ?? String(error)})`);

/** Reads a file as text, or says in one line why it cannot be used. */
export async function readClientFile(uri: vscode.Uri, maxBytes: number): Promise<ClientFile> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { uri: uri.toString(), error: 'it is a directory, not a file' };
    if (stat.size > maxBytes) return { uri: uri.toString(), error: `it is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB` };
    const read = decodeText(await vscode.workspace.fs.readFile(uri));
    return 'error' in read ? { uri: uri.toString(), error: read.error } : { uri: uri.toString(), text: read.text };
  } catch (error) {
    return { uri: uri.toString(), error: reasonOf(error) };
  }
}

/** `.paperlistrc.json` in the document's folder or the nearest folder above it, as the CLI finds it. */
export async function findConfigFile(document: vscode.Uri): Promise<ClientFile | null> {
  // An untitled document has no folder, as on Node.
  if (document.scheme === 'untitled') return null;
  let folder = folderOf(document);
  for (;;) {
    const candidate = vscode.Uri.joinPath(folder, configFileName);
    try {
      await vscode.workspace.fs.stat(candidate);
      return readClientFile(candidate, maxConfigBytes);
    } catch (error) {
      if (!isNotFound(error)) return { uri: candidate.toString(), error: reasonOf(error) };
    }
    const parent = folderOf(folder);
    if (parent.path === folder.path) return null;
    folder = parent;
  }
}

/** Whether each path, relative to the document's folder, names an existing file; null when that cannot be told. */
export async function filesExist(document: vscode.Uri, paths: readonly string[]): Promise<(boolean | null)[]> {
  if (document.scheme === 'untitled') return paths.map(() => null);
  const folder = folderOf(document);
  return Promise.all(
    paths.map(async (path) => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, path));
        return true;
      } catch (error) {
        return isNotFound(error) ? false : null;
      }
    }),
  );
}

/** Where a `paperList.bibFiles` path points: from the workspace folder that holds the document, or its own folder. */
export function bibFileUri(document: vscode.Uri, path: string): vscode.Uri {
  if (path.startsWith('/')) return document.with({ path, query: '', fragment: '' });
  const base = vscode.workspace.getWorkspaceFolder(document)?.uri ?? (document.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : folderOf(document));
  return vscode.Uri.joinPath(base ?? folderOf(document), path);
}

/** Registers the answers to the server's file requests on the client. */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable {
  const documentUri = (uri: string): vscode.Uri => client.protocol2CodeConverter.asUri(uri);
  return vscode.Disposable.from(
    client.onRequest(ConfigFileRequest.type, ({ uri }) => findConfigFile(documentUri(uri))),
    client.onRequest(FilesExistRequest.type, ({ uri, paths }) => filesExist(documentUri(uri), Array.isArray(paths) ? paths : [])),
    client.onRequest(BibFileRequest.type, ({ uri, path, maxBytes }) => readClientFile(bibFileUri(documentUri(uri), path), maxBytes)),
  );
}
