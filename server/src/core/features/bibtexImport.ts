// Reading BibTeX, apart from writing it (bibtex.ts), so that what only writes entries does not load the
// BibTeX parser, biblatex-csl-converter, which costs the command line a tenth of its start-up.
import { parse as parseBibtexLibrary } from 'biblatex-csl-converter';
import { defaultConfig, type ResolvedConfig } from '../config';
import type { PaperList } from '../model';
import { arxivIdPattern, formatRecordsAt, type BibRecord } from './bibtex';

/** The plain text of a parsed field: a string, rich text nodes, or a list of either. */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  if (value.every((item) => Array.isArray(item))) return value.map(plain).filter(Boolean).join(', ');
  let out = '';
  for (const node of value) {
    if (typeof node === 'string') out += node;
    else if (node && typeof node === 'object' && typeof (node as { text?: unknown }).text === 'string') out += (node as { text: string }).text;
  }
  return out;
}

interface ParsedName {
  literal?: unknown;
  family?: unknown;
  given?: unknown;
  prefix?: unknown;
  suffix?: unknown;
}

/** The arXiv id a BibTeX entry names in `eprint`, its URL or its journal (`arXiv preprint arXiv:…`). */
function arxivIdOf(field: (name: string) => string | undefined): string | undefined {
  const eprint = field('eprint');
  const prefix = field('eprinttype') ?? field('archiveprefix');
  if (eprint && (!prefix || /arxiv/i.test(prefix))) return arxivIdPattern.exec(eprint)?.[0] ?? eprint;
  for (const name of ['url', 'journaltitle', 'journal', 'howpublished', 'note']) {
    const value = field(name);
    if (value && /arxiv/i.test(value)) {
      const id = arxivIdPattern.exec(value)?.[0];
      if (id) return id;
    }
  }
  return undefined;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The month from a `date` such as `2023-05`, a `month` field (`5`, `may`, `May`), or a new-style arXiv id
 * of the same year (a paper published later keeps its arXiv month no more).
 */
function monthOf(date: string | undefined, month: string | undefined, arxivId: string | undefined, year: number | undefined): number | undefined {
  const fromDate = date ? /^\d{4}-(\d{1,2})/.exec(date) : null;
  if (fromDate) return Number(fromDate[1]);
  if (month) {
    const number = Number(month);
    if (Number.isInteger(number) && number >= 1 && number <= 12) return number;
    const named = monthNames.indexOf(month.slice(0, 3).toLowerCase());
    if (named !== -1) return named + 1;
  }
  const fromId = arxivId ? /^(\d{2})(\d{2})\./.exec(arxivId) : null;
  if (!fromId || (year !== undefined && 2000 + Number(fromId[1]) !== year)) return undefined;
  return Number(fromId[2]) >= 1 && Number(fromId[2]) <= 12 ? Number(fromId[2]) : undefined;
}

function recordOf(entry: ParsedEntry): BibRecord {
  const all: Record<string, unknown> = { ...entry.unknown_fields, ...entry.unexpected_fields, ...entry.fields };
  const field = (name: string): string | undefined => plain(all[name]).replace(/\s+/g, ' ').trim() || undefined;
  const names = (Array.isArray(all.author) ? all.author : Array.isArray(all.editor) ? all.editor : []) as ParsedName[];
  const isOthers = (name: ParsedName) => plain(name.literal).trim().toLowerCase() === 'others';
  const named = names.filter((name) => name && typeof name === 'object' && !isOthers(name));
  const display = (name: ParsedName) =>
    plain(name.literal) || [plain(name.given), plain(name.prefix), plain(name.family), plain(name.suffix)].filter(Boolean).join(' ');
  const arxivId = arxivIdOf(field);
  const yearMatch = /\d{4}/.exec(field('date') ?? field('year') ?? '');
  const month = monthOf(field('date'), field('month'), arxivId, yearMatch ? Number(yearMatch[0]) : undefined);
  const venue = field('journaltitle') ?? field('journal') ?? field('booktitle') ?? field('howpublished') ?? (arxivId ? 'arXiv' : undefined) ?? field('publisher');
  const doi = field('doi');
  const url = field('url') ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : doi ? `https://doi.org/${doi}` : undefined);
  const first = named[0];
  return {
    key: entry.entry_key,
    title: field('title') ?? '',
    authors: named.map(display),
    firstSurname: first ? [plain(first.prefix), plain(first.family)].filter(Boolean).join(' ') || plain(first.literal) || undefined : undefined,
    moreAuthors: names.some(isOthers),
    venue: venue && /^arxiv\b/i.test(venue) ? 'arXiv' : venue,
    year: yearMatch ? Number(yearMatch[0]) : undefined,
    month,
    arxivId,
    url,
  };
}

interface ParsedEntry {
  entry_key: string;
  fields: Record<string, unknown>;
  unexpected_fields?: Record<string, unknown>;
  unknown_fields?: Record<string, unknown>;
}

/** The papers of a BibTeX text, in order; entries without a title are left out. */
export function importBibtex(text: string): BibRecord[] {
  const parsed = parseBibtexLibrary(text, { processUnexpected: true, processUnknown: true });
  return Object.values(parsed.entries as Record<number, ParsedEntry>)
    .map(recordOf)
    .filter((record) => record.title.length > 0);
}

/** The markdown lines for the papers of a BibTeX text, to insert before `line`, as `formatRecordsAt`. */
export function formatBibtexAt(list: PaperList, bibtex: string, line: number, config: ResolvedConfig = defaultConfig): string[] {
  return formatRecordsAt(list, importBibtex(bibtex), line, config);
}
