// The server's half of "Add Paper from Link" and of pasting a paper link: the entry in the house style,
// where it goes, what the items below become, and whether the paper is listed already. The client
// fetches metadata (when the user turned `paperList.online` on) and applies the edit.
import { defaultConfig, type PaperList, type ResolvedConfig } from '../core/index';
import { formatLinkEntry, linkInsertion, type PaperMetadata } from '../core/features/linkEntry';
import { insertEntriesEdits } from '../core/features/insertEntries';
import { findListedPaper } from '../core/features/listedPaper';
import { OnlineError } from '../core/online/httpClient';
import type { MetadataSources } from '../core/online/sources';
import { parsePaperLink } from '../core/paperLinks';
import { fetchAnswers, metadataFindings } from '../core/online/metadataCheck';
import type { CheckOnlineResult, LinkEntryOptions, LinkEntryResult } from '../shared/protocol';
import { lspEdit, rangeOf } from './convert';
import { sectionAtLine } from '../infrastructure/documents';

/**
 * Where online requests go, given by the server's environment: on Node, the metadata APIs through the
 * proxy and disk cache (server/src/node/onlineSources.ts); in a browser, nothing yet, so that an entry is
 * written offline. Set once by `startServer`.
 */
let onlineSources: ((online: { cacheDir?: string; mailto?: string }) => MetadataSources | undefined) | undefined;

export function useOnlineSources(provider: typeof onlineSources): void {
  onlineSources = provider;
}

function sourcesFor(online: NonNullable<LinkEntryOptions['online']>): MetadataSources | undefined {
  const cacheDir = typeof online.cacheDir === 'string' && online.cacheDir ? online.cacheDir : undefined;
  const mailto = typeof online.mailto === 'string' ? online.mailto : undefined;
  return onlineSources?.({ cacheDir, mailto });
}

/** Metadata from the client, checked field by field; anything malformed counts as none. */
function metadataOf(value: unknown): PaperMetadata | undefined {
  const candidate = value as Partial<PaperMetadata> | null | undefined;
  if (!candidate || typeof candidate !== 'object' || typeof candidate.title !== 'string' || !Array.isArray(candidate.authors)) return undefined;
  const number = (field: unknown) => (Number.isInteger(field) ? (field as number) : undefined);
  const text = (field: unknown) => (typeof field === 'string' && field ? field : undefined);
  return {
    title: candidate.title,
    authors: candidate.authors.filter((name): name is string => typeof name === 'string'),
    firstSurname: text(candidate.firstSurname),
    year: number(candidate.year),
    month: number(candidate.month),
    venue: text(candidate.venue),
    doi: text(candidate.doi),
    arxivId: text(candidate.arxivId),
    url: text(candidate.url),
  };
}

/**
 * `[uri, link, sectionLine, options?]`: the entry for the section whose heading (or body) holds the line,
 * at its sort-order place. `[uri, link, line, options?, 'here']`: the entry for the empty line itself, as a
 * paste puts it. With `options.online` the paper's metadata is fetched first; a failure answers `error` and
 * no entry. Null when the text is not a paper link.
 */
export async function linkEntryResult(list: PaperList, args: readonly unknown[], config: ResolvedConfig = defaultConfig): Promise<LinkEntryResult | null> {
  const [, link, line, rawOptions, where] = args;
  if (typeof link !== 'string' || !Number.isInteger(line) || (line as number) < 0) return null;
  const ref = parsePaperLink(link);
  if (!ref) return null;
  const options = (rawOptions && typeof rawOptions === 'object' ? rawOptions : {}) as LinkEntryOptions;
  let metadata = metadataOf(options.metadata);
  if (!metadata && options.online && typeof options.online === 'object') {
    const online = sourcesFor(options.online);
    try {
      metadata = online && (await online.fetchPaper(ref));
    } catch (error) {
      const message = error instanceof OnlineError ? error.message : `Unexpected error: ${(error as Error).message}`;
      return { url: ref.url, listed: [], line: line as number, snippet: '', renumber: [], error: message, fetched: false };
    }
  }
  const fetched = metadata !== undefined;
  const listed = findListedPaper(list, ref, metadata?.title).map((place) => ({ line: place.line, section: place.section, by: place.by, title: place.entry.title?.text ?? '' }));
  if (where === 'here') {
    const at = Math.min(line as number, list.lines.lineCount);
    const snippet = formatLinkEntry(list, ref, metadata, at, config, 'snippet').replace(/\r?\n(\$0)?$/, '$1');
    // The renumbering is worked out on the plain entry, then kept for the items below the line only.
    const plain = formatLinkEntry(list, ref, metadata, at, config, 'text').replace(/\r?\n$/, '');
    const renumber = insertEntriesEdits(list, [plain], at, config).slice(1);
    return { url: ref.url, listed, line: at, snippet, renumber: renumber.map((edit) => lspEdit(list, edit)), fetched };
  }
  const section = sectionAtLine(list, line as number);
  const inserted = linkInsertion(list, section, ref, metadata, config, 'snippet');
  const [insertion, ...renumber] = inserted.edits;
  return {
    url: ref.url,
    listed,
    line: inserted.line,
    section: section.heading?.text,
    snippet: insertion.newText,
    insertAt: list.lines.positionAt(insertion.start),
    renumber: renumber.map((edit) => lspEdit(list, edit)),
    fetched,
  };
}

/** `[uri, LinkEntryOptions]`: the online checks of the list; null unless `online` was given. */
export async function checkOnlineResult(list: PaperList, args: readonly unknown[], config: ResolvedConfig = defaultConfig): Promise<CheckOnlineResult | null> {
  const options = (args[1] && typeof args[1] === 'object' ? args[1] : {}) as LinkEntryOptions;
  if (!options.online || typeof options.online !== 'object') return null;
  const online = sourcesFor(options.online);
  if (!online) return null;
  const answers = await fetchAnswers(list, online);
  const findings = metadataFindings(list, answers, config).map((finding) => ({
    range: rangeOf(list, finding.span),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((edit) => lspEdit(list, edit)) })),
  }));
  return { findings, problems: answers.problems };
}
