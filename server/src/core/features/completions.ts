import type { Block } from '../blocks';
import type { ResolvedConfig } from '../config';
import { houseStyleOf } from '../analysis/houseStyleOf';
import type { Entry, PaperList } from '../model';
import type { Span } from '../text';
import { numberAfter } from '../analysis/renumberList';
import { labelsOf } from '../analysis/labelVocabulary';
import { formatEntry, formatRecordsAt, recordSummary, type BibRecord } from './bibtex';
import { entryAt, sectionPath } from './entries';

export type CompletionKind = 'link-label' | 'venue' | 'author' | 'number' | 'title' | 'entry-snippet' | 'bib-record';

/** One completion, independent of any editor protocol. */
export interface CompletionData {
  kind: CompletionKind;
  label: string;
  detail?: string;
  /** The text that replaces `replace`; a snippet with `$1`…`$0` tab stops when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  replace: Span;
  /** What the editor matches the typed text against, when it differs from the label. */
  filterText?: string;
  /** Orders the items: most used first. */
  sortText: string;
}

/** Venues with the spelling their organisers use, offered even when the list does not use them yet. */
export const canonicalVenues: readonly string[] = [
  'NeurIPS', 'ICML', 'ICLR', 'ACL', 'EMNLP', 'NAACL', 'EACL', 'AACL', 'COLING', 'Findings of ACL', 'Findings of EMNLP',
  'AAAI', 'IJCAI', 'CVPR', 'ICCV', 'ECCV', 'WACV', 'TACL', 'JMLR', 'TMLR', 'TPAMI', 'KDD', 'WWW', 'SIGIR', 'WSDM',
  'CIKM', 'ICDM', 'RecSys', 'UAI', 'AISTATS', 'COLT', 'CoRL', 'ICRA', 'IROS', 'Interspeech', 'ICASSP', 'MICCAI',
  'CHI', 'UIST', 'USENIX Security', 'CCS', 'NDSS', 'MLSys', 'COLM', 'arXiv', 'Nature', 'Science', 'PNAS',
];

const maxLookBehind = 400;
const itemStartPattern = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+/;
const titleStartPattern = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+\*\*([^*]*)$/;
const emptyItemPattern = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+$/;

/** Escapes text so that a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** Escapes text for one option of a snippet choice, `${1|a,b|}`. */
function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (ch) => `\\${ch}`);
}

/** Counts values and returns them most frequent first, ties in order of first appearance. */
function byUse(values: Iterable<string>): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

const sortKey = (rank: number) => String(rank).padStart(6, '0');

/** What the editor should offer at an offset of a paper list; empty when nothing fits there. */
export function completionsAt(list: PaperList, offset: number, config: ResolvedConfig): CompletionData[] {
  const { text, lines } = list;
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return [];
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  if (offset > lineEnd) return [];
  const before = text.slice(Math.max(lineStart, offset - maxLookBehind), offset);
  const beforeFromLineStart = offset - lineStart <= maxLookBehind ? before : undefined;
  const after = text.slice(offset, Math.min(lineEnd, offset + maxLookBehind));

  const label = /\[\[([\w .-]{0,40})$/.exec(before);
  if (label) return linkLabels(list, config, offset, label[1], after);
  if (beforeFromLineStart === undefined) return venueOrAuthors(list, offset, before, after);

  const title = titleStartPattern.exec(beforeFromLineStart);
  if (title) return titles(list, offset, title[1], after);

  const lineIsEmpty = !beforeFromLineStart.trim() && !after.trim();
  const numberOnly = /^[ \t]*(\d{0,9})$/.exec(beforeFromLineStart);
  if (numberOnly && !after.trim()) {
    const next = nextItemMarker(list, line, config);
    const items: CompletionData[] = [];
    if (next) {
      items.push({
        kind: 'number',
        label: `${next.number}${next.delimiter}`,
        detail: 'The next number of this list',
        insertText: `${next.indent}${next.number}${next.delimiter} `,
        snippet: false,
        replace: { start: lineStart, end: offset },
        filterText: `${next.indent}${next.number}`,
        sortText: sortKey(0),
      });
    }
    if (lineIsEmpty) items.push(entrySnippet(list, config, { start: lineStart, end: lineEnd }, next ? `${next.indent}${next.number}${next.delimiter} ` : ''));
    return items;
  }
  if (emptyItemPattern.test(beforeFromLineStart) && !after.trim()) {
    return [entrySnippet(list, config, { start: offset, end: lineEnd }, '')];
  }
  return venueOrAuthors(list, offset, beforeFromLineStart, after);
}


/** Link labels a list needs sooner or later, offered after its own: a list that never linked code still will. */
export const commonLinkLabels: readonly string[] = ['Code', 'Demo', 'Slides', 'Video', 'Blog', 'Website'];

function linkLabels(list: PaperList, config: ResolvedConfig, offset: number, typed: string, after: string): CompletionData[] {
  const counts = new Map<string, number>();
  for (const entry of list.entries) for (const [, label] of labelsOf(entry)) counts.set(label, (counts.get(label) ?? 0) + 1);
  const used = [...counts].map(([value, count]) => ({ value, count, configured: false })).sort((a, b) => b.count - a.count);
  const seen = new Set(used.map((item) => item.value.toLowerCase()));
  const unused = (labels: readonly string[], configured: boolean) =>
    labels.filter((label) => !seen.has(label.toLowerCase()) && (seen.add(label.toLowerCase()), true)).map((value) => ({ value, count: 0, configured }));
  const ranked = [...used, ...unused(config.linkLabels, true), ...unused(commonLinkLabels, false)];
  // Brackets an editor closed automatically would end up after the URL; they are replaced.
  const closing = /^\]{0,2}/.exec(after)![0].length;
  const replace = { start: offset - typed.length, end: offset + closing };
  return ranked.map((item, rank) => ({
    kind: 'link-label',
    label: item.value,
    detail: item.count
      ? `Link label used ${item.count} time${item.count === 1 ? '' : 's'} in this list`
      : item.configured ? 'Configured link label' : 'Common link label, not used in this list yet',
    insertText: `${escapeSnippet(item.value)}]($0)]`,
    snippet: true,
    replace,
    filterText: item.value,
    sortText: sortKey(rank),
  }));
}

function titles(list: PaperList, offset: number, typed: string, after: string): CompletionData[] {
  const start = offset - typed.length - 2;
  // Markers the editor closed automatically are replaced; real text after the cursor is kept.
  const replaceEnd = /^[*\s]*$/.test(after) ? offset + after.length : offset;
  const seen = new Set<string>();
  const items: CompletionData[] = [];
  for (const entry of list.entries) {
    if (!entry.title || entry.titleProblem || seen.has(entry.identity)) continue;
    if (offset >= entry.span.start && offset <= entry.span.end) continue;
    seen.add(entry.identity);
    items.push({
      kind: 'title',
      label: entry.title.text,
      detail: [describeEntry(entry), sectionPath(entry.section)].filter(Boolean).join(' — '),
      insertText: list.text.slice(entry.title.outer.start, entry.span.end),
      snippet: false,
      replace: { start, end: replaceEnd },
      filterText: `**${entry.title.text}`,
      sortText: entry.title.text.toLowerCase(),
    });
  }
  return items;
}

function describeEntry(entry: Entry): string {
  return [entry.authors?.text, entry.venue?.text, entry.year?.text].filter(Boolean).join(' ');
}

interface NextMarker {
  indent: string;
  number: number;
  delimiter: string;
}

/**
 * The last block that starts before a line. A digit typed under an item continues that item's paragraph,
 * so the item the line follows may still hold the line itself.
 */
function blockStartingBefore(blocks: readonly Block[], line: number): Block | undefined {
  let low = 0;
  let high = blocks.length - 1;
  let found: Block | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].startLine < line) {
      found = blocks[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The marker a new item on `line` takes when the block before it is an item of a numbered list. */
function nextItemMarker(list: PaperList, line: number, config: ResolvedConfig): NextMarker | undefined {
  const previous = blockStartingBefore(list.blocks, line);
  if (!previous || previous.kind !== 'item' || !previous.ordered || previous.number === undefined) return undefined;
  const itemText = list.text.slice(previous.start, previous.end);
  const indent = /^[ \t]*/.exec(itemText)![0];
  return { indent, number: numberAfter(list, previous, config.numbering), delimiter: previous.marker ?? '.' };
}

function entrySnippet(list: PaperList, config: ResolvedConfig, replace: Span, marker: string): CompletionData {
  return {
    kind: 'entry-snippet',
    label: 'New paper entry',
    detail: 'A new entry in the house style of this list',
    insertText: newEntrySnippet(list, config, marker),
    snippet: true,
    replace,
    filterText: marker.trim() || '**',
    sortText: sortKey(1),
  };
}

/** Stand-ins that formatting writes as they are; they become the snippet's tab stops. */
const standIn = { title: '\u0001', authors: '\u0002', venue: '\u0003', url: '\u0004', year: 1111 };

/**
 * A snippet for a new entry in the list's house style, with tab stops for the title, the authors, the
 * venue (the one the list uses most), the year and the URL. `marker` is the item's marker with its
 * indentation and the space after it, such as `12. `, or '' for an item whose marker is typed already.
 */
export function newEntrySnippet(list: PaperList, config: ResolvedConfig, marker: string): string {
  const { style } = houseStyleOf(list, config.houseStyle);
  // Spellings that differ only in case count as one venue, written as the list first writes it.
  const spelling = new Map<string, string>();
  const venuesWritten = list.entries.map((entry) => entry.venue?.text ?? '').filter((value) => value && value.length <= 40);
  for (const value of venuesWritten) if (!spelling.has(value.toLowerCase())) spelling.set(value.toLowerCase(), value);
  const known = new Set(canonicalVenues.map((name) => name.toLowerCase()));
  // A venue written once that no one else uses is more often a misread note ("See https://…") than a venue.
  const venues = byUse(venuesWritten.filter((value) => !value.includes('://') && !value.includes(',')).map((value) => spelling.get(value.toLowerCase())!))
    .filter((item) => item.count > 1 || known.has(item.value.toLowerCase()))
    .slice(0, 8)
    .map((item) => item.value);
  // The list's venues, most used first, as a choice; a list without venues gets arXiv as a placeholder.
  const venue = venues.length > 1 ? `\${3|${venues.map(escapeChoice).join(',')}|}` : `\${3:${escapeSnippet(venues[0] ?? 'arXiv')}}`;
  const record: BibRecord = { key: '', title: standIn.title, authors: [standIn.authors], firstSurname: standIn.authors, moreAuthors: true, venue: standIn.venue, year: standIn.year, url: standIn.url };
  const indent = /^[ \t]*/.exec(marker)![0];
  const written = marker.trim() || (style.marker === 'numbered' ? '1.' : '-');
  let entry = formatEntry(record, style, { marker: written, indent: indent.length, eol: list.text.includes('\r\n') ? '\r\n' : '\n' });
  if (!marker.trim()) entry = entry.slice(written.length + 1);
  const snippet = escapeSnippet(indent + entry)
    .replace(standIn.title, '${1:Title}')
    .replace(`${standIn.authors} et al.`, '${2:Author et al.}')
    .replace(standIn.venue, () => venue)
    .replace(String(standIn.year), `\${4:${new Date().getFullYear()}}`)
    .replace(standIn.url, '${5:https://arxiv.org/abs/}');
  return `${snippet}$0`;
}

/** The marker a new item on `line` takes: the next number or the bullet of the item before it, else the house style's. */
export function newItemMarker(list: PaperList, line: number, config: ResolvedConfig): string {
  const next = nextItemMarker(list, line, config);
  if (next) return `${next.indent}${next.number}${next.delimiter} `;
  const previous = blockStartingBefore(list.blocks, line);
  if (previous?.kind === 'item' && !previous.ordered) return `${/^[ \t]*/.exec(list.text.slice(previous.start, previous.end))![0]}${previous.marker ?? '-'} `;
  return houseStyleOf(list, config.houseStyle).style.marker === 'numbered' ? '1. ' : '- ';
}

/**
 * Inside `*…*` after the title: the author strings of the list. Right after the closed authors: venues.
 * Works on the line's text so that it also helps while the entry is still incomplete.
 */
function venueOrAuthors(list: PaperList, offset: number, before: string, after: string): CompletionData[] {
  const start = itemStartPattern.exec(before);
  if (!start) return [];
  const open = before.indexOf('**', start[0].length);
  if (open !== start[0].length) return [];
  const close = before.indexOf('**', open + 2);
  if (close === -1) return [];
  const rest = before.slice(close + 2);
  if (rest.includes('[')) return [];
  const firstStar = rest.indexOf('*');
  if (firstStar === -1 || rest.slice(0, firstStar).trim().replace(/^\./, '')) return [];
  const secondStar = rest.indexOf('*', firstStar + 1);
  if (secondStar === -1) return authors(list, offset, rest.slice(firstStar + 1), after);
  if (rest.indexOf('*', secondStar + 1) !== -1) return [];
  const between = rest.slice(secondStar + 1);
  const venue = /^[.,]?[ \t]+([A-Za-z][\w&-]*)?$/.exec(between);
  if (!venue) return [];
  return venues(list, offset, venue[1] ?? '', after);
}

/** The entries of the list other than the one being typed at the offset, whose half-typed fields are no suggestion. */
function otherEntries(list: PaperList, offset: number): Entry[] {
  const current = entryAt(list, offset);
  return current ? list.entries.filter((entry) => entry !== current) : list.entries;
}

function authors(list: PaperList, offset: number, typed: string, after: string): CompletionData[] {
  const closeAt = after.indexOf('*');
  const closed = closeAt !== -1 && !after.slice(0, closeAt).includes('[');
  const replace = { start: offset - typed.length, end: closed ? offset + closeAt : offset };
  const ranked = byUse(list.entries.map((entry) => entry.authors?.text ?? '').filter(Boolean));
  return ranked.map((item, rank) => ({
    kind: 'author',
    label: item.value,
    detail: `Authors of ${item.count} entr${item.count === 1 ? 'y' : 'ies'} in this list`,
    insertText: closed ? item.value : `${item.value}*`,
    snippet: false,
    replace,
    filterText: item.value,
    sortText: sortKey(rank),
  }));
}

function venues(list: PaperList, offset: number, typed: string, after: string): CompletionData[] {
  const canonical = new Map(canonicalVenues.map((venue) => [venue.toLowerCase(), venue]));
  const used = byUse(
    otherEntries(list, offset)
      .map((entry) => entry.venue?.text ?? '')
      .filter((venue) => venue && venue.length <= 60 && !venue.includes('://'))
      .map((venue) => canonical.get(venue.toLowerCase()) ?? venue),
  );
  const seen = new Set(used.map((item) => item.value));
  const ranked = [...used, ...canonicalVenues.filter((venue) => !seen.has(venue)).map((value) => ({ value, count: 0 }))];
  const rest = /^[\w&-]*/.exec(after)![0].length;
  const replace = { start: offset - typed.length, end: offset + rest };
  return ranked.map((item, rank) => ({
    kind: 'venue',
    label: item.value,
    detail: item.count ? `Venue of ${item.count} entr${item.count === 1 ? 'y' : 'ies'} in this list` : 'Venue',
    insertText: item.value,
    snippet: false,
    replace,
    filterText: item.value,
    sortText: sortKey(rank),
  }));
}

/**
 * One item per paper of a bibliography (the `.bib` files of `paperList.bibFiles`, read by `recordsOf`), on a list item whose text
 * after the marker has neither a bold title nor a link yet: the user is starting an entry. Each replaces
 * the whole line with the paper as an entry in the house style, numbered on from the item above (as "Add
 * Paper from BibTeX" numbers it), so a number typed by hand gives way to the list's own numbering.
 */
export function bibRecordCompletions(list: PaperList, line: number, recordsOf: () => readonly BibRecord[], config: ResolvedConfig): CompletionData[] {
  if (line >= list.lines.lineCount) return [];
  const block = list.blocks.find((candidate) => candidate.startLine === line);
  if (block?.kind !== 'item') return [];
  const start = list.lines.lineStarts[line];
  const end = list.lines.lineEnd(line);
  const text = list.text.slice(start, end);
  const marker = itemStartPattern.exec(text) ?? /^[ \t]*(?:\d{1,9}[.)]|[-*+])$/.exec(text);
  if (!marker) return [];
  const rest = text.slice(marker[0].length);
  if (rest.includes('**') || rest.includes('[')) return [];
  // The bibliography is read only here, on a line that starts an entry, not on every completion request.
  const records = recordsOf();
  const indent = /^[ \t]*/.exec(text)![0];
  return records.map((record, index) => ({
    kind: 'bib-record',
    label: record.title,
    detail: recordSummary(record),
    insertText: indent + formatRecordsAt(list, [record], line, config)[0],
    snippet: false,
    replace: { start, end },
    // Editors match the text from the start of the replaced range, the whole line: the typed marker, then the title.
    filterText: `${marker[0]}${record.title}`,
    sortText: `bib${sortKey(index)}`,
  }));
}
