import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BlockCache, defaultConfig, fixAll, lintList, minimumPaperListEntries, parseList, type Finding, type FindingSelector, type FixAllResult, type LintOptions, type PaperList, type ResolvedConfig, type Section, type TextEdit } from '../core/index';
import { minimalEdit } from '../core/features/index';
import { describeHouseStyle, houseStyleOf } from '../core/analysis/houseStyleOf';
import { exampleEntry } from '../core/features/bibtex';
import type { HouseStyleResult } from '../shared/protocol';
import { clearDiagnostics, publishDiagnostics, publishTooLarge } from '../lsp/diagnostics';
import { matchesAny } from './globs';
import type { ServerEnvironment } from './environment';
import { SettingsStore, type DocumentEnvironment, type PaperListSettings } from './settings';
import { URI } from './uri';


/** The next event-loop turn: `setImmediate` on Node; a web worker has only timers. */
const nextTurn: (callback: () => void) => void = typeof setImmediate === 'function' ? (callback) => setImmediate(callback) : (callback) => setTimeout(callback, 0);

/** How many event-loop turns a lint may wait for a burst of changes to end before it runs anyway. */
const maxHops = 64;

/** The result of linting one version of a document. */
export interface Analysis {
  uri: string;
  version: number;
  list: PaperList;
  findings: Finding[];
  options: LintOptions;
  /** Whether the document is a paper list we lint; when false, `findings` is empty and features answer nothing. */
  isPaperList: boolean;
  /** Set when the document is longer than `paperList.maxFileSize`: its length, for the one notice published instead. */
  tooLarge?: number;
  settings: PaperListSettings;
}

interface DocumentState {
  cache: BlockCache;
  analysis?: Analysis;
  environment?: DocumentEnvironment;
  /** An analysis whose host is still being prepared (in a browser), for the callers that arrive meanwhile. */
  preparing?: { version: number; settings: PaperListSettings; analysis: Promise<Analysis> };
  /** The version whose diagnostics went out last, and whether any went out that may need clearing. */
  publishedVersion?: number;
  /** The settings of the analysis published last: one made with older settings does not count. */
  publishedSettings?: PaperListSettings;
  published: boolean;
}

/** Whether the server looks at a document at all: markdown by language id or by file name. */
export function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(?:md|markdown|mdown|mkd)$/i.test(document.uri);
}

/**
 * The open documents and what linting them produced. Keeps one block cache per document so that a
 * keystroke only re-parses the blocks it touched, and coalesces bursts of changes into one lint.
 */
export class PaperDocuments {
  readonly documents = new TextDocuments(TextDocument);
  readonly settings: SettingsStore;
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Set<string>();
  private scheduled = false;
  private changedSinceHop = false;
  private stopped = false;
  /** Called after each publish with the lint time in milliseconds; the tests and traces use it. */
  onLinted?: (uri: string, version: number, milliseconds: number) => void;

  constructor(
    private readonly connection: Connection,
    readonly environment: ServerEnvironment,
  ) {
    this.settings = new SettingsStore(connection);
    this.documents.onDidOpen((event) => this.schedule(event.document.uri));
    this.documents.onDidChangeContent((event) => this.schedule(event.document.uri));
    this.documents.onDidClose((event) => this.close(event.document.uri));
    this.documents.listen(connection);
  }

  /**
   * Lints a document soon: after the messages already queued, never on a timer. The JSON-RPC layer
   * handles one queued message per event-loop turn, so the lint waits one more turn whenever a change
   * arrived during the last one; a burst of keystrokes thus becomes one lint of the last version.
   */
  schedule(uri: string): void {
    if (this.stopped) return;
    this.pending.add(uri);
    this.changedSinceHop = true;
    if (this.scheduled) return;
    this.scheduled = true;
    let hops = 0;
    const hop = () => {
      if (this.changedSinceHop && hops++ < maxHops) {
        this.changedSinceHop = false;
        nextTurn(hop);
        return;
      }
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const pendingUri of uris) void this.refresh(pendingUri);
    };
    nextTurn(hop);
  }

  /**
   * Forgets what was read (config files, `.bib` files, and the settings too when they changed) and lints
   * every open document again: after a settings change, or a `.paperlistrc.json` changed on disk.
   */
  reload(what: { settings: unknown } | 'config-files'): void {
    if (what !== 'config-files') this.settings.reset(what.settings);
    this.environment.reset?.();
    for (const state of this.states.values()) {
      state.environment = undefined;
      state.analysis = undefined;
      state.publishedVersion = undefined;
    }
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private stateOf(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: new BlockCache(), published: false };
      this.states.set(uri, state);
    }
    return state;
  }

  private close(uri: string): void {
    this.pending.delete(uri);
    const state = this.states.get(uri);
    this.states.delete(uri);
    this.settings.forget(uri);
    if (state?.published && !this.stopped) clearDiagnostics(this.connection, uri);
  }

  /** Lints the current version if needed and publishes its diagnostics unless a newer version arrived meanwhile. */
  private async refresh(uri: string): Promise<void> {
    try {
      const started = performance.now();
      const analysis = await this.analysisFor(uri);
      const document = this.documents.get(uri);
      const state = this.states.get(uri);
      if (!analysis || !document || !state || this.stopped) return;
      // An analysis replaced while its host was prepared (the settings changed meanwhile) is stale, and its
      // findings empty. The newer one may have been made by a request (the outline, a hover) rather than by
      // a refresh, so this refresh hands over to one for it instead of ending: nothing else would publish it.
      if (state.analysis !== analysis) {
        this.schedule(uri);
        return;
      }
      if (analysis.version !== document.version || (state.publishedVersion === analysis.version && state.publishedSettings === analysis.settings)) return;
      if (analysis.isPaperList) {
        publishDiagnostics(this.connection, analysis);
        state.published = true;
      } else if (analysis.tooLarge !== undefined) {
        publishTooLarge(this.connection, analysis, analysis.tooLarge);
        state.published = true;
      } else if (state.published) {
        clearDiagnostics(this.connection, uri);
        state.published = false;
      }
      state.publishedVersion = analysis.version;
      state.publishedSettings = analysis.settings;
      this.onLinted?.(uri, analysis.version, performance.now() - started);
    } catch (error) {
      this.connection.console.error(`paperlist: linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  /**
   * The analysis of the document's current version, linting it now if the last one is stale.
   * Undefined for unknown, closed and non-markdown documents.
   */
  async analysisFor(uri: unknown): Promise<Analysis | undefined> {
    if (typeof uri !== 'string') return undefined;
    const document = this.documents.get(uri);
    // A didOpen without text (a broken client) leaves a document whose text is undefined; it is ignored.
    if (!document || !isMarkdown(document) || typeof document.getText() !== 'string') return undefined;
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    const state = this.stateOf(uri);
    const known = this.knownAnalysis(state, current.version, settings);
    if (known) return known;
    if (!state.environment) {
      // On Node the environment is read at once; in a browser it is asked of the client.
      const pending = this.environment.documentEnvironment(uri, settings);
      const environment = pending instanceof Promise ? await pending : pending;
      // The document may have been closed, or its state replaced, while the environment was read.
      if (this.states.get(uri) !== state) return undefined;
      state.environment ??= environment;
    }
    const latest = this.documents.get(uri);
    if (!latest) return undefined;
    const again = this.knownAnalysis(state, latest.version, settings);
    if (again) return again;
    const analysis = this.analyse(latest, state, settings, state.environment);
    state.analysis = analysis;
    const prepared = analysis.isPaperList ? this.environment.prepareLint?.(state.environment, uri, analysis.list) : undefined;
    if (!prepared) return analysis;
    // The rules run once the host knows what they will ask; callers meanwhile wait for the same analysis.
    const preparing = {
      version: analysis.version,
      settings,
      analysis: prepared.then(
        () => analysis,
        () => analysis,
      ),
    };
    state.preparing = preparing;
    await preparing.analysis;
    if (state.preparing === preparing) state.preparing = undefined;
    return analysis;
  }

  /** The analysis of this version with these settings when one is done or being prepared. */
  private knownAnalysis(state: DocumentState, version: number, settings: PaperListSettings): Analysis | Promise<Analysis> | undefined {
    if (state.preparing && state.preparing.version === version && state.preparing.settings === settings) return state.preparing.analysis;
    if (state.analysis && state.analysis.version === version && state.analysis.settings === settings) return state.analysis;
    return undefined;
  }

  /** Like `analysisFor`, but only for documents that are paper lists. */
  async paperListFor(uri: unknown): Promise<Analysis | undefined> {
    const analysis = await this.analysisFor(uri);
    return analysis?.isPaperList ? analysis : undefined;
  }

  private analyse(document: TextDocument, state: DocumentState, settings: PaperListSettings, environment: DocumentEnvironment): Analysis {
    const text = document.getText();
    const options: LintOptions = {
      config: environment.config,
      configProblems: environment.configProblems,
      host: environment.host,
      cache: state.cache,
    };
    const base = { uri: document.uri, version: document.version, options, settings };
    if (!settings.enable) return { ...base, list: parseList('', {}), findings: [], isPaperList: false };
    if (text.length > settings.maxFileSize) {
      // Only the first line is parsed, so that the notice has a line to stand on.
      const firstLineEnd = text.indexOf('\n');
      const list = parseList(text.slice(0, firstLineEnd === -1 ? Math.min(text.length, 200) : Math.min(firstLineEnd, 200)), {});
      return { ...base, list, findings: [], isPaperList: false, tooLarge: text.length };
    }
    const list = parseList(text, { cache: state.cache });
    const path = URI.toFsPath(document.uri) ?? document.uri;
    const isPaperList = list.entries.length >= minimumPaperListEntries || (settings.files.length > 0 && matchesAny(path, settings.files));
    // The rules run when something first asks for the findings, so that completion, hover and the
    // other features that need only the parsed list answer a keystroke without waiting for a lint.
    let findings: Finding[] | undefined;
    const analysis: Analysis = {
      ...base,
      list,
      isPaperList,
      get findings(): Finding[] {
        // A later parse with the same cache moves this list's entries, so a stale analysis has nothing to say.
        if (state.analysis !== analysis && findings === undefined) return [];
        findings ??= isPaperList ? lintList(list, options) : [];
        return findings;
      },
    };
    return analysis;
  }
}

// What the adapters ask of a document's analysis, in one place rather than borrowed from one adapter.

/** The merged settings and `.paperlistrc.json` of a document. */
export const configOf = (analysis: Analysis): ResolvedConfig => analysis.options.config ?? defaultConfig;

/** The house style of a document's list as the `showHouseStyle` command and the hover on the first heading give it. */
export function houseStyleResult(analysis: Analysis): HouseStyleResult {
  const inferred = houseStyleOf(analysis.list, configOf(analysis).houseStyle);
  return { markdown: describeHouseStyle(inferred, exampleEntry(inferred.style)), style: inferred.style, pinned: [...inferred.pinned] };
}

/**
 * Fix-all over a document's analysed text, of every finding or of those `select` keeps (one section's):
 * what it fixed, and the one edit that makes the change, if any. On a cache of its own, since it lints
 * texts the document never had.
 */
export function fixAllOf(analysis: Analysis, select?: FindingSelector): { fixed: FixAllResult; edit?: TextEdit } {
  const fixed = fixAll(analysis.list.text, { ...analysis.options, cache: new BlockCache() }, 10, select);
  return { fixed, edit: minimalEdit(analysis.list.text, fixed.text) };
}

/** The section whose heading is on the line, or else the innermost section that holds the line. */
export function sectionAtLine(list: PaperList, line: number): Section {
  const offset = line < list.lines.lineCount ? list.lines.lineStarts[line] : list.text.length;
  let found = list.root;
  for (const section of list.sections) {
    if (section.heading?.line === line) return section;
    if (section.heading && section.span.start <= offset && offset < section.span.end && section.level >= found.level) found = section;
  }
  return found;
}

