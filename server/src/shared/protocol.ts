// The custom requests and commands of the paperlist language server; the server and the VS Code client both import this module.
import { RequestType, type Range } from 'vscode-languageserver-protocol';
import type { HouseStyle } from '../core/analysis/houseStyleOf';

export type OutlineSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface OutlineEntry {
  title: string;
  /** What makes two entries the same paper: `arxiv:ID`, `doi:ID` or `title:normalised title`. */
  identity: string;
  year?: number;
  /** Zero-based line of the entry. */
  line: number;
  /** The entry's bold title (or the whole item when it has none). */
  range: Range;
  /** The worst severity among the findings inside the entry; absent when it has none. */
  severity?: OutlineSeverity;
}

export interface OutlineNode {
  title: string;
  /** Heading level, 1 to 6. */
  level: number;
  /** Zero-based line of the heading. */
  line: number;
  /** From the heading to the start of the next heading of the same or a higher level. */
  range: Range;
  /** The GitHub anchor of the heading. */
  slug?: string;
  /** Entries directly under the heading, and in the whole subtree. */
  ownCount: number;
  totalCount: number;
  /** The errors and warnings from the heading to the end of the section, subsections included. */
  errors: number;
  warnings: number;
  entries: OutlineEntry[];
  children: OutlineNode[];
}

export interface OutlineTotals {
  /** List items that are paper entries. */
  entries: number;
  /** Distinct papers: copies of one paper in several sections count once. */
  papers: number;
  /** Findings of every severity, and the errors and warnings among them. */
  problems: number;
  errors: number;
  warnings: number;
}

export interface OutlineParams {
  textDocument: { uri: string };
}

export interface OutlineResult {
  uri: string;
  /** The document version the outline was computed for. */
  version: number;
  /** Entries before the first heading. */
  entries: OutlineEntry[];
  sections: OutlineNode[];
  totals: OutlineTotals;
}

/** The section tree of a paper list with entry counts and worst finding severities; null when the document is not a paper list. */
export namespace OutlineRequest {
  export const method = 'paperList/outline' as const;
  export const type = new RequestType<OutlineParams, OutlineResult | null, void>(method);
}

/**
 * The commands the server runs through `workspace/executeCommand`, for any LSP client. They live under
 * `paperList.server.` because the VS Code extension has its own `paperList.*` commands that ask for what is
 * missing (a section, an order, a file) and then run these; the language client registers these ids too.
 */
export const ServerCommands = {
  /** `[uri, sectionLine?]`: the BibTeX of the list, or of the section whose heading or body holds the line. */
  exportBibtex: 'paperList.server.exportBibtex',
  /** `[uri, bibtex, line]`: the entries (`string[]`, one per paper, with line breaks where authors go below) to insert before the zero-based line. */
  formatBibtex: 'paperList.server.formatBibtex',
  /**
   * `[uri, bibtex, line]`: inserts the papers as entries before the zero-based line, in the house style,
   * and renumbers the items of the same list below them, in one edit; answers `AddFromBibtexResult`.
   */
  addFromBibtex: 'paperList.server.addFromBibtex',
  /** `[uri, sectionLine, 'year' | 'title']`: sorts the section through `workspace/applyEdit`; answers `SortSectionResult`. */
  sortSection: 'paperList.server.sortSection',
  /**
   * `[uri, sectionLine?]`: applies every safe fix through `workspace/applyEdit`, as `source.fixAll.paperlist`
   * does; with a line, only those of the findings inside the section whose heading or body holds it.
   * Answers `FixAllCommandResult`.
   */
  fixAll: 'paperList.server.fixAll',
  /**
   * `[uri, line]`: a snippet (with `${1:Title}`… tab stops) for a new entry on the zero-based line, in the
   * list's house style, marked as the item above it says; answers the snippet text.
   */
  newEntrySnippet: 'paperList.server.newEntrySnippet',
  /** `[uri]`: the house style of the list; answers `HouseStyleResult`. */
  showHouseStyle: 'paperList.server.showHouseStyle',
  /**
   * `[uri, link, sectionLine, LinkEntryOptions?]`: the entry for a paper link in the section that holds the
   * line, at its sort-order place; with a fifth argument `'here'`, for the empty line itself (a paste).
   * Fetches metadata only with `online`. Answers `LinkEntryResult`, or null when the text is not a paper
   * link. Edits nothing.
   */
  linkEntry: 'paperList.server.linkEntry',
  /**
   * `[uri, LinkEntryOptions]`: compares every entry that has an id with its source (only with `online`);
   * answers `CheckOnlineResult`. Edits nothing.
   */
  checkOnline: 'paperList.server.checkOnline',
} as const;

export type ServerCommand = (typeof ServerCommands)[keyof typeof ServerCommands];

export const serverCommandIds: readonly ServerCommand[] = Object.values(ServerCommands);

export interface AddFromBibtexResult {
  /** Whether the client applied the edit; true as well when there was nothing to insert. */
  applied: boolean;
  /** The entries inserted, one string per paper; empty when the text held no BibTeX entry. */
  entries: string[];
}

export interface LinkEntryOptions {
  /** Set only when the user turned `paperList.online` on: fetch the paper's metadata first. */
  online?: { cacheDir?: string; mailto?: string };
  /** Metadata the client has already, instead of fetching. */
  metadata?: unknown;
}

export interface LinkEntryResult {
  /** Why the metadata could not be fetched; there is no entry then, and nothing is to be inserted. */
  error?: string;
  /** Whether the entry was written from fetched metadata rather than from the id alone. */
  fetched: boolean;
  /** The paper's canonical URL. */
  url: string;
  /** Where the paper is listed already: by the same id in any form, or a near-identical title. */
  listed: { line: number; section?: string; by: 'id' | 'title'; title: string }[];
  /** The zero-based line the entry goes before. */
  line: number;
  /** The heading of the section it goes into. */
  section?: string;
  /** The entry as a snippet, with tab stops for what the metadata did not give; it ends with a line break unless pasted. */
  snippet: string;
  /** Where the snippet goes, when it is not a paste. */
  insertAt?: { line: number; character: number };
  /** The items below renumbered, as edits of the document as it is now. */
  renumber: { range: Range; newText: string }[];
}

export interface CheckOnlineFinding {
  range: Range;
  severity: OutlineSeverity;
  code: string;
  message: string;
  /** The quick fixes, as edits of the document as it was checked. */
  fixes: { title: string; edits: { range: Range; newText: string }[] }[];
}

export interface CheckOnlineResult {
  findings: CheckOnlineFinding[];
  /** One sentence per failure (unreachable, not found…); the entries concerned were not checked. */
  problems: string[];
}

export interface SortSectionResult {
  /** Whether the client applied the edit; true as well when the section was already in order. */
  applied: boolean;
}

export interface FixAllCommandResult {
  /** Whether the client applied the edit; true as well when there was nothing to fix. */
  applied: boolean;
  /** The fixes applied, one per problem they fixed. */
  fixes: number;
  /** The distinct entries the fixes changed. */
  entries: number;
}

export interface HouseStyleResult {
  /** The house style described in markdown, as the hover on the first heading shows it. */
  markdown: string;
  style: HouseStyle;
  /** The fields pinned by `houseStyle` in `.paperlistrc.json` rather than inferred from the list. */
  pinned: string[];
}

// Files the server cannot read itself: in a browser (github.dev, vscode.dev) the extension reads them
// through `vscode.workspace.fs` and answers these requests from the server.

/** The `initializationOptions` key by which a client says that it answers these requests. */
export const clientReadsFilesOption = 'clientReadsFiles';

/** A file the client read for the server: its URI, and its text or why it cannot be used. */
export interface ClientFile {
  uri: string;
  text?: string;
  error?: string;
}

/** `.paperlistrc.json` in the document's folder or the nearest folder above it; null when there is none. */
export namespace ConfigFileRequest {
  export const method = 'paperList/configFile' as const;
  export const type = new RequestType<{ uri: string }, ClientFile | null, void>(method);
}

/**
 * Whether files exist, by paths relative to the document's folder: true, false, or null when the client
 * cannot tell. The `file-missing` rule reports only a definite false.
 */
export namespace FilesExistRequest {
  export const method = 'paperList/filesExist' as const;
  export const type = new RequestType<{ uri: string; paths: string[] }, (boolean | null)[], void>(method);
}

/**
 * A `paperList.bibFiles` file of the document: `path` is absolute, or relative to the workspace folder that
 * holds the document (its own folder when none does). Files over `maxBytes` are refused.
 */
export namespace BibFileRequest {
  export const method = 'paperList/bibFile' as const;
  export const type = new RequestType<{ uri: string; path: string; maxBytes: number }, ClientFile, void>(method);
}

/** The code-action kinds of fix-all and renumber-all, which the client also asks for by name. */
export const fixAllKind = 'source.fixAll.paperlist';
export const renumberAllKind = 'source.renumberLists.paperlist';
