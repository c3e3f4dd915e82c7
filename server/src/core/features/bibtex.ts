// BibTeX out of a paper list and into its entries, for "Export to BibTeX" and "Add Paper from BibTeX".
//
// Parsing uses biblatex-csl-converter (Fidus Writer's parser): released several times a year, typed,
// it reads BibTeX and BibLaTeX with @string, crossref, TeX accents and escapes, and it ships both
// CommonJS and ES builds without node: imports, so it runs in the tests, the bundled server and a
// browser worker. @retorquere/bibtex-parser was tried first: its CommonJS build fails to load on
// Node 20 (a dependency, tiny-merge-patch 1.x, exports ES modules only) and it bundles to 1 MB.
import { defaultConfig, type ResolvedConfig } from '../config';
import { houseStyleOf, inCase, type HouseStyle } from '../analysis/houseStyleOf';
import { listNumbersOnes, numberAfter } from '../analysis/renumberList';
import type { Block } from '../blocks';
import type { Entry, PaperList, Section } from '../model';

/** One paper read from BibTeX, with what a list entry shows. */
export interface BibRecord {
  key: string;
  title: string;
  /** The authors' names in order, as `Given Family`; `others` is left out and noted in `moreAuthors`. */
  authors: string[];
  /** The first author's family name, for the `*Surname et al.*` part. */
  firstSurname?: string;
  /** Whether the list of authors ends in `and others`. */
  moreAuthors: boolean;
  venue?: string;
  year?: number;
  /** The month of the date, 1 to 12, when the record has one. */
  month?: number;
  arxivId?: string;
  url?: string;
}

export const arxivIdPattern = /\d{4}\.\d{4,5}/;
// Words that say nothing about a paper, skipped when the key takes the title's first word.
const keyStopWords = new Set(
  'a an the on of in for to with and or from by at as via is are be do does how what when why can toward towards its into not we our your'.split(' '),
);
// Venues that are conferences or workshops: their papers are `@inproceedings` with a `booktitle`.
const conferencePattern =
  /\b(?:conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|aaai|ijcai|cvpr|iccv|eccv|kdd|www|sigir|facct|aies|colm|interspeech|icassp|uai|aistats|corl)\b/i;

/** The entries of a section and its subsections, or of the whole list, once per paper. */
function papersOf(list: PaperList, section?: Section): Entry[] {
  const within = (entry: Entry): boolean => {
    if (!section) return true;
    for (let at: Section | undefined = entry.section; at; at = at.parent) if (at === section) return true;
    return false;
  };
  const seen = new Set<string>();
  const papers: Entry[] = [];
  for (const entry of list.entries) {
    if (!entry.title || !within(entry) || seen.has(entry.identity)) continue;
    seen.add(entry.identity);
    papers.push(entry);
  }
  return papers;
}

/** Letters and digits only, lower case, accents dropped: the stuff of a citation key. */
function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The authors text split into names, with `et al.` noted rather than kept as a name. */
function splitAuthors(text: string): { names: string[]; moreAuthors: boolean } {
  let rest = text.trim();
  let moreAuthors = false;
  // Found from the end with lastIndexOf, so that the pattern is anchored and stays linear on long text.
  const etAl = rest.toLowerCase().lastIndexOf('et');
  if (etAl !== -1 && /^et\.?\s*al\.?$/i.test(rest.slice(etAl))) {
    moreAuthors = true;
    rest = rest.slice(0, etAl).trimEnd();
    if (rest.endsWith(',')) rest = rest.slice(0, -1);
  }
  const names = rest
    .split(/,|\band\b|&/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return { names, moreAuthors };
}

/** The family name of a name written `Given Family` (or a lone surname). */
function surnameOf(name: string): string {
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** `surname` + year + first significant title word, such as `wang2022supernaturalinstructions`. */
export function citationKey(entry: Pick<Entry, 'authors' | 'year' | 'title'>): string {
  const first = entry.authors ? splitAuthors(entry.authors.text).names[0] : undefined;
  const surname = first ? keyPart(surnameOf(first)) : '';
  const word = (entry.title?.text ?? '').split(/\s+/).map(keyPart).find((part) => part.length > 0 && !keyStopWords.has(part)) ?? '';
  const key = `${surname || 'anon'}${entry.year?.value ?? ''}${word}`;
  return key;
}

/** A value in braces, with the characters TeX treats specially escaped and braces kept balanced. */
function braced(value: string): string {
  let out = '';
  for (const ch of value) {
    if ('&%$#_'.includes(ch)) out += `\\${ch}`;
    else if (ch === '{' || ch === '}') out += `\\${ch}`;
    else if (ch === '\\') out += '\\textbackslash{}';
    else if (ch === '~') out += '\\textasciitilde{}';
    else if (ch === '^') out += '\\textasciicircum{}';
    else out += ch;
  }
  return `{${out}}`;
}

/** The URL of the entry's paper: its `Paper` link, else its first link. */
function paperUrl(entry: Entry): string | undefined {
  return (entry.links.find((link) => /^paper$/i.test(link.label.trim())) ?? entry.links[0])?.url;
}

function bibtexEntry(entry: Entry, key: string): string {
  const fields: [string, string][] = [];
  const venue = entry.venue?.text.trim();
  const isArxivVenue = !venue || /^arxiv\b/i.test(venue);
  let type = 'misc';
  fields.push(['title', braced(entry.title?.text.trim() ?? '')]);
  if (entry.authors) {
    const { names, moreAuthors } = splitAuthors(entry.authors.text);
    const all = moreAuthors ? [...names, 'others'] : names;
    if (all.length) fields.push(['author', braced(all.join(' and '))]);
  }
  if (entry.year) fields.push(['year', `{${entry.year.value}}`]);
  if (venue && !isArxivVenue) {
    if (conferencePattern.test(venue)) {
      type = 'inproceedings';
      fields.push(['booktitle', braced(venue)]);
    } else {
      type = 'article';
      fields.push(['journal', braced(venue)]);
    }
  } else if (venue && !entry.arxivId) {
    fields.push(['howpublished', braced(venue)]);
  }
  if (entry.arxivId) {
    fields.push(['eprint', `{${entry.arxivId}}`], ['archivePrefix', '{arXiv}']);
  }
  if (entry.doi) fields.push(['doi', `{${entry.doi}}`]);
  const url = paperUrl(entry);
  if (url) fields.push(['url', `{${url.replace(/[{}]/g, encodeURIComponent)}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/** Suffix letters for repeated keys: a … z, then aa, ab … */
function suffix(index: number): string {
  let out = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) out = String.fromCharCode(97 + (n % 26)) + out;
  return out;
}

/**
 * BibTeX for every paper of the list, or of one section and its subsections. A paper listed in
 * several sections is exported once, where it first appears. Keys repeat only with `a`, `b` suffixes.
 */
export function exportBibtex(list: PaperList, section?: Section): string {
  const used = new Map<string, number>();
  const entries: string[] = [];
  for (const entry of papersOf(list, section)) {
    const base = citationKey(entry);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    entries.push(bibtexEntry(entry, seen === 0 ? base : base + suffix(seen - 1)));
  }
  return entries.join('\n');
}


/** A piece of text that markdown shows as written inside the entry. */
function markdownSafe(text: string): string {
  return text.replace(/([*_`[\]\\])/g, '\\$1');
}

/** The list's spelling of the label for the paper itself: its own `Paper`, `paper` or `PDF`, else `Paper` in its case. */
function paperLabel(style: HouseStyle): string {
  return style.labels.find((label) => /^(?:paper|pdf|arxiv)$/i.test(label)) ?? inCase('Paper', style.labelCase);
}

export interface EntryFormatOptions {
  /** The item's number in a numbered style; 1 when not given. */
  number?: number;
  /** The item marker as written, such as `12.` or `-`, instead of one made from the style and number. */
  marker?: string;
  /** How many columns the item stands indented, for the authors' line below it. */
  indent?: number;
  /** The line break between the lines of an entry whose authors go below it. */
  eol?: string;
}

/**
 * One entry in the list's house style, such as `N. **Title**. *Surname et al.* Venue Year. [[Paper](url)]`
 * or `- [2023/05] **Title.** *Surname et al. Venue.* [[paper](url)]`. With the authors on a line of their
 * own, the entry is two lines apart, joined by `eol`.
 */
export function formatEntry(record: BibRecord, style: HouseStyle, options: EntryFormatOptions = {}): string {
  const eol = options.eol ?? '\n';
  const parts = [options.marker ?? (style.marker === 'numbered' ? `${options.number ?? 1}.` : '-')];
  if (style.date && record.year !== undefined) parts.push(record.month ? `[${record.year}/${String(record.month).padStart(2, '0')}]` : `[${record.year}]`);
  const title = markdownSafe(record.title);
  const period = style.titlePeriod === 'none' || /[.?!]$/.test(record.title) ? '' : '.';
  const quoted = (text: string) => (style.titleQuotes ? `"${text}"` : text);
  parts.push(style.titlePeriod === 'inside' ? `**${quoted(title + period)}**` : `**${quoted(title)}**${period}`);
  const surname = record.firstSurname ?? (record.authors[0] ? surnameOf(record.authors[0]) : undefined);
  const alone = record.authors.length <= 1 && !record.moreAuthors;
  // A list that puts the authors on a line of their own names them all.
  const names =
    style.authorsLine === 'next' && record.authors.length
      ? record.authors.map(markdownSafe).join(', ') + (record.moreAuthors ? ' et al.' : '')
      : surname && markdownSafe(surname) + (alone ? '' : ' et al.');
  const venueYear = [record.venue, record.year].filter((part) => part !== undefined && part !== '').join(' ');
  let authorsLine: string | undefined;
  if (names && style.venueInAuthors && style.authorsLine === 'same') {
    const venue = record.venue ? ` ${markdownSafe(record.venue)}.` : '';
    parts.push(`*${names.replace(/\.$/, '')}.${venue}*`);
  } else if (names) {
    const authors = style.authorsPeriod === 'none' ? `*${names.replace(/\.$/, '')}*` : style.authorsPeriod === 'outside' ? `*${names.replace(/\.$/, '')}*.` : `*${names.replace(/\.$/, '')}.*`;
    if (style.authorsLine === 'next') authorsLine = authors;
    else parts.push(authors);
  }
  if (venueYear && !(style.venueInAuthors && style.authorsLine === 'same' && names)) parts.push(`${markdownSafe(venueYear)}${style.yearPeriod || record.year === undefined ? '.' : ''}`);
  if (record.url) {
    const label = paperLabel(style);
    const url = record.url.replace(/[()\s]/g, encodeURIComponent);
    parts.push(style.labelBrackets === 'double' ? `[[${label}](${url})]` : style.labelBrackets === 'outside' ? `[[${label}]](${url})` : `[${label}](${url})`);
  }
  const line = parts.join(' ');
  if (!authorsLine) return line;
  const indent = ' '.repeat(parts[0].length + 1 + (options.indent ?? 0));
  return `${line}${eol}${eol}${indent}${authorsLine}${eol}`;
}

/**
 * The entries for papers, one string each, to insert before `line`: in the list's house style, numbered
 * on from the numbered item just above the line (or from 1, or all `1.` in a list numbered that way).
 * An entry whose authors go on a line of their own holds line breaks. Later items are left for "Renumber".
 */
export function formatRecordsAt(list: PaperList, records: readonly BibRecord[], line: number, config: ResolvedConfig = defaultConfig): string[] {
  const { style } = houseStyleOf(list, config.houseStyle);
  const eol = list.text.includes('\r\n') ? '\r\n' : '\n';
  let previous: Block | undefined;
  for (const block of list.blocks) {
    if (block.startLine >= line) break;
    if (block.kind === 'heading') previous = undefined;
    else if (block.kind === 'item' && block.indent === 0) previous = block;
  }
  const houseNumbersOnes = style.numbering === 'ones';
  const ones = previous ? listNumbersOnes(list, previous, 'auto', houseNumbersOnes) : houseNumbersOnes;
  // The first new entry follows the item above; the others count on from it, or stay 1 in an all-1 list.
  const first = previous?.number === undefined ? 1 : numberAfter(list, previous, 'auto', houseNumbersOnes);
  return records.map((record, index) => formatEntry(record, style, { number: ones ? 1 : first + index, eol }));
}


/** `Surname et al. · venue year`, what tells two papers of the same title apart. */
export function recordSummary(record: BibRecord): string {
  const surname = record.firstSurname ?? (record.authors[0] ? surnameOf(record.authors[0]) : undefined);
  const authors = surname ? `${surname}${record.authors.length > 1 || record.moreAuthors ? ' et al.' : ''}` : '';
  const venueYear = [record.venue, record.year].filter((part) => part !== undefined && part !== '').join(' ');
  return [authors, venueYear].filter(Boolean).join(' · ');
}

/** A well-known paper, to show what a new entry looks like in a house style. */
const examplePaper: BibRecord = {
  key: 'vaswani2017attention',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  firstSurname: 'Vaswani',
  moreAuthors: true,
  venue: 'NeurIPS',
  year: 2017,
  month: 6,
  arxivId: '1706.03762',
  url: 'https://arxiv.org/abs/1706.03762',
};

/** An entry in the house style, for the description of the style. */
export function exampleEntry(style: HouseStyle): string {
  return formatEntry(examplePaper, style).trimEnd();
}
