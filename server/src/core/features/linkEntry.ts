// "Add Paper from Link": an entry in the list's house style for a paper named by its link, with the fields
// its metadata (or, offline, its id alone) gives and placeholders for the rest, put where the section's
// sort order says. The entry is written by the same writer as "Add Paper from BibTeX".
import { defaultConfig, type ResolvedConfig } from '../config';
import type { Entry, PaperList, Section } from '../model';
import type { PaperRef } from '../paperLinks';
import type { TextEdit } from '../rule';
import { formatRecordsAt, type BibRecord } from './bibtex';
import { escapeSnippet } from './completions';
import { insertEntriesEdits } from './insertEntries';
import { lastItemEnd, outerListsOf } from './sortSection';

/** What an online source says about a paper. */
export interface PaperMetadata {
  title: string;
  /** The authors in order, as `Given Family`. */
  authors: string[];
  /** The first author's family name, when the source gives it apart. */
  firstSurname?: string;
  year?: number;
  month?: number;
  /** Where the paper appeared: `arXiv` for a preprint, else the journal or conference. */
  venue?: string;
  doi?: string;
  arxivId?: string;
  url?: string;
}

/** How placeholders are written: as snippet tab stops for the editor, or as plain words for the CLI. */
export type PlaceholderMode = 'snippet' | 'text';

// Stand-ins that the writer copies as they are; they become placeholders afterwards.
const standIn = { title: '\u0001', authors: '\u0002', venue: '\u0003', year: 1111 };

/** The fields a new entry for `ref` gets: from the metadata where there is some, else from the id alone. */
export function linkRecord(ref: PaperRef, metadata?: PaperMetadata): BibRecord {
  const authors = metadata?.authors.filter((name) => name.trim()) ?? [];
  return {
    key: '',
    title: metadata?.title.trim() || standIn.title,
    authors: authors.length ? authors : [standIn.authors],
    firstSurname: authors.length ? metadata?.firstSurname : standIn.authors,
    moreAuthors: !authors.length,
    venue: metadata?.venue ?? ref.venue ?? standIn.venue,
    year: metadata?.year ?? ref.year ?? standIn.year,
    month: metadata?.month ?? (metadata?.year === undefined || metadata.year === ref.year ? ref.month : undefined),
    arxivId: ref.source === 'arxiv' ? ref.id : metadata?.arxivId,
    url: ref.url,
  };
}

/** The list's own way of linking an arXiv paper: `abs/ID`, `pdf/ID` or `pdf/ID.pdf`, by majority. */
function arxivUrlStyle(list: PaperList): (id: string) => string {
  const counts = { abs: 0, pdf: 0, pdfExt: 0 };
  for (const entry of list.entries) {
    for (const link of entry.links) {
      const match = /arxiv\.org\/(abs|pdf)\/[^\s)]*?(\.pdf)?$/i.exec(link.url);
      if (!match) continue;
      if (match[1].toLowerCase() === 'abs') counts.abs++;
      else if (match[2]) counts.pdfExt++;
      else counts.pdf++;
      break;
    }
  }
  if (counts.pdfExt > counts.abs && counts.pdfExt >= counts.pdf) return (id) => `https://arxiv.org/pdf/${id}.pdf`;
  if (counts.pdf > counts.abs) return (id) => `https://arxiv.org/pdf/${id}`;
  return (id) => `https://arxiv.org/abs/${id}`;
}

/** The list's own spelling of a venue (`arxiv` in a list that writes it so), else the venue as given. */
function venueSpelling(list: PaperList, venue: string): string {
  const counts = new Map<string, number>();
  for (const entry of list.entries) {
    const text = entry.venue?.text;
    if (text && text.toLowerCase() === venue.toLowerCase()) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [text, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = text;
  return best ?? venue;
}

/** Turns the stand-ins of a written entry into snippet tab stops or plain words. */
function withPlaceholders(entry: string, mode: PlaceholderMode): string {
  if (mode === 'text') {
    return entry.replace(standIn.title, 'Title').replace(standIn.authors, 'Author').replace(standIn.venue, 'Venue').replace(String(standIn.year), 'Year');
  }
  const snippet = escapeSnippet(entry)
    .replace(standIn.title, '${1:Title}')
    .replace(`${standIn.authors} et al.`, '${2:Author et al.}')
    .replace(standIn.authors, '${2:Author}')
    .replace(standIn.venue, '${3:Venue}')
    .replace(String(standIn.year), `\${4:${new Date().getFullYear()}}`);
  return `${snippet}$0`;
}

/** The entry for a paper, to insert before `line`, numbered after the item above it. */
export function formatLinkEntry(list: PaperList, ref: PaperRef, metadata: PaperMetadata | undefined, line: number, config: ResolvedConfig = defaultConfig, mode: PlaceholderMode = 'text'): string {
  const record = linkRecord(ref, metadata);
  if (ref.source === 'arxiv') record.url = arxivUrlStyle(list)(ref.id);
  if (record.venue && record.venue !== standIn.venue) record.venue = venueSpelling(list, record.venue);
  return withPlaceholders(formatRecordsAt(list, [record], line, config)[0], mode);
}

/** An entry's date as a number that sorts: year and month, or the year alone. */
function dateKey(entry: Entry, withMonth: boolean): number | undefined {
  const year = entry.date?.year ?? entry.year?.value;
  if (year === undefined) return undefined;
  const month = entry.date?.month ?? (entry.arxivId && /^(\d{2})(\d{2})\./.test(entry.arxivId) && 2000 + Number(entry.arxivId.slice(0, 2)) === year ? Number(entry.arxivId.slice(2, 4)) : 0);
  return withMonth ? year * 100 + month : year * 100;
}

/**
 * The zero-based line a new paper of that date goes before in a section: by date when the section's
 * entries are sorted by date (newest or oldest first), else after its last entry, else after its heading.
 */
export function insertionLine(list: PaperList, section: Section, year: number | undefined, month: number | undefined): number {
  const groups = outerListsOf(list, section).filter((group) => group.entries.length > 0);
  const group = groups[0] ?? outerListsOf(list, section)[0];
  if (!group) {
    const heading = section.heading?.line ?? -1;
    const next = heading + 1;
    return next < list.lines.lineCount && list.text.slice(list.lines.lineStarts[next]).match(/^[ \t]*(?:\r?\n|$)/) ? next + 1 : next;
  }
  const entries = group.entries;
  const withMonth = entries.every((entry) => entry.date?.month !== undefined);
  const keys = entries.map((entry) => dateKey(entry, withMonth));
  const known = keys.filter((key): key is number => key !== undefined);
  const wanted = year === undefined ? undefined : year * 100 + (withMonth ? (month ?? 0) : 0);
  if (wanted !== undefined && known.length >= 2 && known.length === keys.length && known[0] !== known[known.length - 1]) {
    const newestFirst = known.every((key, index) => index === 0 || known[index - 1] >= key);
    const oldestFirst = known.every((key, index) => index === 0 || known[index - 1] <= key);
    if (newestFirst || oldestFirst) {
      const before = entries.find((_, index) => (newestFirst ? known[index] < wanted : known[index] > wanted));
      if (before) return before.line;
    }
  }
  const last = group.items[group.items.length - 1];
  const end = lastItemEnd(list, last);
  return list.lines.positionAt(end).line + 1;
}

export interface LinkInsertion {
  /** The zero-based line the entry goes before. */
  line: number;
  /** The entry as written, with placeholders in the chosen mode. */
  entry: string;
  /** The insertion and the renumbering of the items below it, in one edit. */
  edits: TextEdit[];
}

/** The entry for a paper in a section, at its sort-order place, with the items below renumbered. */
export function linkInsertion(list: PaperList, section: Section, ref: PaperRef, metadata: PaperMetadata | undefined, config: ResolvedConfig = defaultConfig, mode: PlaceholderMode = 'text'): LinkInsertion {
  const record = linkRecord(ref, metadata);
  const line = insertionLine(list, section, record.year === standIn.year ? undefined : record.year, record.month);
  const entry = formatLinkEntry(list, ref, metadata, line, config, mode);
  return { line, entry, edits: insertEntriesEdits(list, [entry.replace(/\r?\n$/, '')], line, config) };
}
