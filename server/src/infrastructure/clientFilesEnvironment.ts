// The language server's surroundings when it cannot read them itself: in a browser (github.dev, vscode.dev),
// and on Node for documents that are not files on disk (a virtual workspace). The extension reads
// `.paperlistrc.json`, `.bib` files and linked files' existence through `vscode.workspace.fs` and hands them
// over by request (server/src/shared/protocol.ts).
import type { Connection } from 'vscode-languageserver';
import type { BibRecord } from '../core/features/bibtex';
import { importBibtex } from '../core/features/bibtexImport';
import { linkedFilePath, normaliseTitle, parseConfigText, resolveConfig, ruleCodes, type LintHost, type PaperList } from '../core/index';
import type { ServerEnvironment } from './environment';
import type { DocumentEnvironment, PaperListSettings } from './settings';
import { BibFileRequest, ConfigFileRequest, FilesExistRequest, type ClientFile } from '../shared/protocol';

/** Larger .bib files are refused, as on Node. */
const maxBibFileBytes = 5 * 1024 * 1024;

/** A lint host that knows the answers the client gave; a path not asked yet is unknown, which no rule reports. */
class ClientFilesHost implements LintHost {
  readonly known = new Map<string, boolean | undefined>();
  readonly asking = new Map<string, Promise<void>>();

  fileExists(relativePath: string): boolean | undefined {
    return this.known.get(relativePath);
  }
}

export class ClientFilesEnvironment implements ServerEnvironment {
  workspaceFolders: string[] = [];
  /** Records per document and `paperList.bibFiles` entry, kept until the settings or a config file change. */
  private readonly bibRecordsRead = new Map<string, BibRecord[]>();
  private readonly reported = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  async documentEnvironment(uri: string, settings: PaperListSettings): Promise<DocumentEnvironment> {
    const host = new ClientFilesHost();
    const file = await this.ask(() => this.connection.sendRequest(ConfigFileRequest.type, { uri }), null, 'the .paperlistrc.json file');
    if (!file) return { config: resolveConfig(settings.config), configProblems: [], host };
    const name = displayName(file.uri);
    if (file.text === undefined) {
      return { config: resolveConfig(settings.config), configProblems: [`${name} cannot be used: ${file.error ?? 'it could not be read'}`], host };
    }
    const { config, problems } = parseConfigText(file.text, ruleCodes);
    return { config: resolveConfig(settings.config, config), configProblems: problems.map((problem) => `${name}: ${problem}`), host };
  }

  /**
   * Asks the client, in one request, whether the files the list links to exist; undefined when every
   * answer is known already (or the host reads the disk itself), so that a keystroke waits for nothing.
   */
  prepareLint(environment: DocumentEnvironment, uri: string, list: PaperList): Promise<void> | undefined {
    const host = environment.host;
    if (!(host instanceof ClientFilesHost)) return undefined;
    const paths = new Set<string>();
    const waits = new Set<Promise<void>>();
    for (const link of list.links) {
      const path = linkedFilePath(link.url);
      if (path === undefined || host.known.has(path) || paths.has(path)) continue;
      const asking = host.asking.get(path);
      if (asking) waits.add(asking);
      else paths.add(path);
    }
    if (paths.size) {
      const wanted = [...paths];
      const asked = this.ask(() => this.connection.sendRequest(FilesExistRequest.type, { uri, paths: wanted }), [], 'whether linked files exist').then((answers) => {
        wanted.forEach((path, index) => {
          const answer = Array.isArray(answers) ? answers[index] : undefined;
          host.known.set(path, typeof answer === 'boolean' ? answer : undefined);
          host.asking.delete(path);
        });
      });
      for (const path of wanted) host.asking.set(path, asked);
      waits.add(asked);
    }
    return waits.size ? Promise.all(waits).then(() => undefined) : undefined;
  }

  async prepareBibRecords(uri: string, files: readonly string[]): Promise<void> {
    await Promise.all(
      files.map(async (path) => {
        const key = `${uri}\n${path}`;
        if (this.bibRecordsRead.has(key)) return;
        const file = await this.ask(() => this.connection.sendRequest(BibFileRequest.type, { uri, path, maxBytes: maxBibFileBytes }), { uri: path, error: 'the editor did not answer' }, 'a .bib file');
        this.bibRecordsRead.set(key, this.recordsOf(path, file));
      }),
    );
  }

  bibRecords(uri: string, files: readonly string[]): BibRecord[] {
    const records: BibRecord[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      for (const record of this.bibRecordsRead.get(`${uri}\n${file}`) ?? []) {
        const key = normaliseTitle(record.title);
        if (seen.has(key)) continue;
        seen.add(key);
        records.push(record);
      }
    }
    return records;
  }

  reset(): void {
    this.bibRecordsRead.clear();
  }

  private recordsOf(path: string, file: ClientFile): BibRecord[] {
    const name = file.uri ? displayName(file.uri) : path;
    if (file.text === undefined) return this.report(name, file.error ?? 'it could not be read');
    try {
      const records = importBibtex(file.text);
      if (!records.length && file.text.includes('@')) return this.report(name, 'it holds no BibTeX entry with a title that could be read');
      this.reported.delete(name);
      return records;
    } catch (error) {
      return this.report(name, `it could not be read as BibTeX (${(error as Error)?.message ?? String(error)})`);
    }
  }

  /** Says once per file and reason why a .bib file is not used, as the Node server does. */
  private report(name: string, reason: string): BibRecord[] {
    if (this.reported.get(name) !== reason) {
      this.reported.set(name, reason);
      this.connection.console.warn(`paperlist: the BibTeX file ${name} (paperList.bibFiles) is not used: ${reason}`);
    }
    return [];
  }

  /** A request to the client; a client that does not answer it (another editor) leaves the fallback. */
  private async ask<T>(request: () => Promise<T>, fallback: T, what: string): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const reason = `paperlist: the editor could not tell ${what} (${(error as Error)?.message ?? String(error)})`;
      if (!this.reported.has(reason)) {
        this.reported.set(reason, reason);
        this.connection.console.warn(reason);
      }
      return fallback;
    }
  }
}

/** A URI as people read it: its path for the workspace's own files. */
function displayName(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname) || uri;
  } catch {
    return uri;
  }
}
