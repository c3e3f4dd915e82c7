import type { Emphasis, Heading as MdHeading, Link, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fastParagraph } from './fastEntry';
import { anchorTextOf } from './headingAnchor';
import { datePattern, findYear, fourDigitYear, isVenueName, looksLikeAuthors, twoDigitYear, venueTagOf, yearOfTwoDigits } from './fieldPatterns';
import type { DocumentLink, EntryFields, EntryLink, Field } from './model';
import { lineStartsOf, type Span } from './text';

/** What one block yields, with spans relative to the block's first character. */
export interface ParsedBlock {
  /** For list items that look like a paper. */
  entry?: EntryFields;
  /** For headings: the plain text. */
  headingText?: string;
  links: DocumentLink[];
}

/**
 * Limits past which a block is not parsed. Real entries are a few hundred characters with a few dozen
 * brackets and asterisks; remark's inline parsing slows down sharply on thousands of them.
 */
export const maxBlockLength = 8192;
export const maxBlockDelimiters = 600;

function tooDense(text: string): boolean {
  if (text.length > maxBlockLength) return true;
  let delimiters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // [ ] ( ) * _ ` < \
    if (code === 91 || code === 93 || code === 40 || code === 41 || code === 42 || code === 95 || code === 96 || code === 60 || code === 92) {
      if (++delimiters > maxBlockDelimiters) return true;
    }
  }
  return false;
}

const processor = unified().use(remarkParse);

interface Point {
  line: number;
  column: number;
}

/** Characters that make a heading's text differ from its source: markup, escapes, entities, HTML. */
const headingMarkup = /[\\`*_[\]<>&!~\r\n]/;

const isBlank = (character: string | undefined) => character === ' ' || character === '\t';

/**
 * The text of a one-line ATX heading with no markup (`## Datasets ##`), without remark: most headings of a
 * long list are like that, and remark costs a hundred times more. Undefined for anything else. A scan
 * rather than a pattern, so that a long line of spaces and `#` stays linear.
 */
export function plainAtxHeading(text: string): string | undefined {
  if (headingMarkup.test(text)) return undefined;
  let start = 0;
  while (start < 3 && isBlank(text[start])) start++;
  let hashes = 0;
  while (text[start] === '#') {
    start++;
    hashes++;
  }
  if (hashes < 1 || hashes > 6 || (start < text.length && !isBlank(text[start]))) return undefined;
  let end = text.length;
  while (end > start && isBlank(text[end - 1])) end--;
  // A closing run of `#` counts when white space (or the opening run) stands before it.
  let closing = end;
  while (closing > start && text[closing - 1] === '#') closing--;
  if (closing < end && (closing === start || isBlank(text[closing - 1]))) end = closing;
  return text.slice(start, end).replace(/[ \t]+/g, ' ').trim();
}

/**
 * Parses the text of one block with remark. The block's first-line indentation is removed from every
 * line before parsing so that nested items are not read as code; spans are mapped back to the block.
 */
export function parseBlock(text: string, kind: 'heading' | 'item' | 'other', options: { fast?: boolean; columns?: readonly string[] } = {}): ParsedBlock {
  if (options.columns) return tooDense(text) ? { links: [] } : readRow(text, options.columns);
  if (kind === 'item' && options.fast !== false && text.indexOf('\n') === -1 && text.indexOf('\r') === -1) {
    const paragraph = fastParagraph(text);
    if (paragraph) {
      const spanOf = (node: Nodes): Span => ({ start: node.position!.start.offset!, end: node.position!.end.offset! });
      const root = { type: 'root', children: [paragraph] } as Root;
      return { links: collectLinks(root, text, spanOf), entry: readEntry(paragraph, text, spanOf) };
    }
  }
  if (kind === 'heading') {
    const plain = plainAtxHeading(text);
    if (plain !== undefined) return { links: [], headingText: plain };
  }
  // Without brackets, angle brackets or emphasis markers a paragraph holds no link and no paper entry,
  // and an item holds none without two letters in a row for a plain title.
  if (kind !== 'heading' && !/[[<*_]/.test(text) && (kind === 'other' || !/\p{L}\p{L}/u.test(text))) return { links: [] };
  const html = kind === 'item' || kind === 'other' ? htmlEntryStart(text) : -1;
  if (html !== -1) return readHtmlEntry(text, html);
  if (tooDense(text)) {
    return { links: [], headingText: kind === 'heading' ? text.slice(0, 200).replace(/^[ \t]*#+/, '').trim() : undefined };
  }
  const lineStarts = lineStartsOf(text);
  const indent = /^[ \t]*/.exec(text)![0].length;
  const removed: number[] = [];
  let source = text;
  if (indent > 0) {
    const parts: string[] = [];
    for (let i = 0; i < lineStarts.length; i++) {
      const line = text.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length);
      const cut = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
      removed.push(cut);
      parts.push(line.slice(cut));
    }
    source = parts.join('');
  }
  const offsetOf = (point: Point): number =>
    lineStarts[point.line - 1] + (removed[point.line - 1] ?? 0) + point.column - 1;
  const spanOf = (node: Nodes): Span => ({
    start: offsetOf(node.position!.start),
    end: offsetOf(node.position!.end),
  });

  const tree = processor.parse(source) as Root;
  const result: ParsedBlock = { links: collectLinks(tree, text, spanOf) };
  if (kind === 'heading') {
    const heading = tree.children.find((node): node is MdHeading => node.type === 'heading');
    // The heading as GitHub shows it: without HTML such as `<!-- omit in toc -->` or `<a id="x">`.
    result.headingText = heading ? anchorTextOf(heading).replace(/\s+/g, ' ').trim() || toString(heading).trim() : text.replace(/^[ \t]*#+/, '').replace(/<[^<>]*>/g, '').replace(/\s+/g, ' ').trim();
  } else if (kind === 'item') {
    const list = tree.children[0];
    const item = list?.type === 'list' ? list.children[0] : undefined;
    const paragraph = item?.children[0]?.type === 'paragraph' ? (item.children[0] as Paragraph) : undefined;
    if (paragraph) result.entry = readEntry(paragraph, text, spanOf, laterParagraphs(item!.children));
  } else if (tree.children[0]?.type === 'paragraph' && /^\s*(?:\*\*|__)/.test(text)) {
    // A paragraph with no list marker that starts with a bold title, as lists of three-line blocks write them.
    result.entry = readEntry(tree.children[0], text, spanOf, laterParagraphs(tree.children), 'paragraph');
  }
  return result;
}

/** The paragraphs of an item after its first, up to its first nested list or other block. */
function laterParagraphs(children: readonly Nodes[]): Paragraph[] {
  const later: Paragraph[] = [];
  for (let i = 1; i < children.length && children[i].type === 'paragraph'; i++) later.push(children[i] as Paragraph);
  return later;
}

function collectLinks(tree: Root, text: string, spanOf: (node: Nodes) => Span): DocumentLink[] {
  const links: DocumentLink[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      const span = spanOf(node);
      links.push({ kind: node.type === 'image' ? 'image' : 'link', url: node.url, span, urlSpan: findUrl(text, span, node.url) });
    } else if (node.type === 'html' && node.position) {
      const span = spanOf(node);
      const pattern = /\b(?:href|src)\s*=\s*"([^"]*)"/gi;
      const raw = text.slice(span.start, span.end);
      for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
        const start = span.start + match.index + match[0].length - match[1].length - 1;
        links.push({ kind: 'html', url: match[1], span: { start, end: start + match[1].length }, urlSpan: { start, end: start + match[1].length } });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return links;
}

/** Finds where a link's destination stands in the source, falling back to the whole link. */
function findUrl(text: string, span: Span, url: string): Span {
  const raw = text.slice(span.start, span.end);
  const opening = raw.lastIndexOf('](');
  if (opening !== -1) {
    let start = opening + 2;
    while (raw[start] === ' ' || raw[start] === '\t') start++;
    const angled = raw[start] === '<';
    if (angled) start++;
    let end = start;
    // A destination in angle brackets may hold spaces and ends at its `>`.
    while (end < raw.length && (angled ? raw[end] !== '>' : !/\s/.test(raw[end]))) end++;
    if (raw[end - 1] === ')' && end === raw.length) end--;
    return { start: span.start + start, end: span.start + end };
  }
  const at = url ? raw.indexOf(url) : -1;
  return at === -1 ? span : { start: span.start + at, end: span.start + at + url.length };
}

// A number that is part of an id such as `arXiv:2210.11416` or a version `1.2` is not a year.
const yearPattern = /(?<![\p{L}\p{N}]|\d\.)\d{4}(?![\p{L}\p{N}]|\.\d)/gu;
const numberPattern = /(?<![\p{L}\p{N}]|\d\.)\d+(?![\p{L}\p{N}]|\.\d)/gu;

/** Quote marks that may open and close a title inside the bold; lists get the curly ones the wrong way round too. */
const openingQuotes = '"\u201c\u201d';
const closingQuotes = '"\u201d\u201c';

/**
 * A link that stands where the title goes: first in the item or after a date only, to somewhere other
 * than an anchor of this document, with a label of a few words rather than a label such as `[[Paper](url)]`.
 */
function isTitleLink(node: Link, text: string, span: Span): boolean {
  // `[[Label]](url)` is a link group whatever its label says.
  if (!node.url || node.url.startsWith('#') || text[span.start - 1] === '[' || text[span.start + 1] === '[') return false;
  return /\S\s+\S/.test(toString(node).trim());
}

const leadSeparator = /[\s:\-\u2013\u2014|]/;

/** Reads the short name that may stand before the title; dates and tags before it are `readLeadTags`'s. */
function readLeadName(fields: EntryFields, text: string, start: number, end: number): void {
  let at = start;
  while (at < end && /\s/.test(text[at])) at++;
  let close = end;
  while (close > at && leadSeparator.test(text[close - 1])) close--;
  const name = text.slice(at, close).replace(/<[^<>]*>/g, '').trim();
  if (name) fields.leadName = { text: name, start: at, end: close };
}

/**
 * The title inside its markers: trimmed, and without the quotes of `**"Title"**` (a period after the
 * closing quote stays outside the title's span but counts as a period inside the bold).
 */
function readTitle(fields: EntryFields, plain: string, text: string, inner: Span, outer: Span): void {
  let start = inner.start;
  let end = inner.end;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  let titleText = plain;
  let periodInside = false;
  const quoteEnd = text[end - 1] === '.' && closingQuotes.includes(text[end - 2]) ? end - 2 : closingQuotes.includes(text[end - 1]) ? end - 1 : -1;
  if (end - start > 2 && openingQuotes.includes(text[start]) && quoteEnd > start + 1) {
    periodInside = quoteEnd === end - 2;
    start++;
    end = quoteEnd;
    titleText = plain.slice(1).replace(/["\u201c\u201d]\.?$/, '').trim();
    fields.titleQuoted = true;
  }
  fields.title = { text: titleText, start, end, outer };
  if (!titleText) fields.titleProblem = 'empty';
  fields.periodAfterTitle =
    titleText.endsWith('.') || periodInside ? 'inside' : text[outer.end] === '.' ? 'outside' : /[?!]$/.test(titleText) ? undefined : false;
}

/** An item's later paragraph that is the authors alone in italics, as `    *Jie Zhou, Ganqu Cui.*`. */
function authorsParagraph(paragraph: Paragraph | undefined): Emphasis | undefined {
  const parts = paragraph?.children.filter((node) => node.type !== 'text' || node.value.trim() !== '') ?? [];
  return parts.length === 1 && parts[0].type === 'emphasis' ? parts[0] : undefined;
}

/**
 * Reads the authors' italics. In lists that write `*Wang et al. arXiv.*` the venue (and maybe the year)
 * follows `et al.` inside the italics; the authors' span then ends after `et al.`.
 */
function readAuthors(fields: EntryFields, node: Emphasis, text: string, spanOf: (node: Nodes) => Span, line: 'same' | 'next'): void {
  const outer = spanOf(node);
  const inner = { start: outer.start + 1, end: Math.max(outer.start + 1, outer.end - 1) };
  let authorsText = toString(node).trim();
  const raw = text.slice(inner.start, inner.end);
  const etAl = raw.toLowerCase().lastIndexOf('et al');
  let end = inner.end;
  // "et al" ends a word: in "Janet Alvarez" it does not.
  if (etAl !== -1 && !/\p{L}/u.test(raw[etAl + 5] ?? '')) {
    let after = etAl + 5;
    if (raw[after] === '.') after++;
    const rest = trimField(raw.slice(after), inner.start + after);
    if (rest && /\p{L}/u.test(rest.text)) {
      fields.venueInAuthors = true;
      end = inner.start + after;
      authorsText = raw.slice(0, after).trim();
      readVenueAndYear(fields, text, rest);
    }
  }
  fields.authors = { text: authorsText, start: inner.start, end, outer };
  fields.authorsLine = line;
  fields.authorsPeriod = fields.venueInAuthors ? undefined : authorsText.endsWith('.') ? 'inside' : text[outer.end] === '.' ? 'outside' : false;
}

/** The year the parser reads two-digit years against, so that `'27` is 2027 only once that is near. */
const parseYear = new Date().getFullYear();

/** A venue tag before the title: in brackets or parentheses, maybe in bold or italics, maybe escaped. */
const leadTagPattern = /^(?:\*\*|__)?(?:\\?\[(?:\*\*|\*|__|_)?([^[\]\n]{1,120}?)(?:\*\*|\*|__|_)?\\?\]|\((?:\*\*|\*|__|_)?([^()\n]{1,48}?)(?:\*\*|\*|__|_)?\))(?:\*\*|__)?/;
/** A venue tag that is a link, `[[IROS](url)]` or `\[[EMNLP 2024](url)\]`. */
const leadLinkTagPattern = /^\\?\[\[([^[\]\n]{1,48})\]\(([^()\s]*)\)\\?\]/;
/** `2019-CVPR-` or `2013.08-` before a linked title. */
const leadYearVenuePattern = /^((?:19|20)\d{2})(?:\.(\d{1,2}))?-(?:([A-Za-z][\w&]{0,15})-)?(?=\S)/;
/** An empty HTML anchor such as `<a name="todo"></a>` or `<a id="x"></a>`. */
const leadAnchorPattern = /^<a\s+(?:name|id)\s*=\s*["'][^"'<>]*["']\s*\/?>(?:\s*<\/a>)?/i;

/**
 * Reads the tags before the title: dates, venue tags with their year and empty anchors, in any order.
 * Returns where the title may start.
 */
function readLeadTags(fields: EntryFields, text: string, start: number, end: number): number {
  let at = start;
  for (let round = 0; round < 4; round++) {
    while (at < end && /[\s:|\u2013\u2014-]/.test(text[at]) && at > start) at++;
    while (at < end && /\s/.test(text[at])) at++;
    // Most titles start right away: a letter, or bold that holds no tag, starts no date or tag.
    const first = text[at];
    if (first === undefined || /\p{L}/u.test(first) || ((first === '*' || first === '_') && text[at + 1] === first && text[at + 2] !== '[' && text[at + 2] !== '(')) break;
    const rest = text.slice(at, Math.min(end, at + 200));
    const anchor = leadAnchorPattern.exec(rest);
    if (anchor) {
      at += anchor[0].length;
      continue;
    }
    const date = datePattern.exec(rest);
    if (date && /^\\?\[?$/.test(rest.slice(0, date.index))) {
      const close = rest.slice(date.index + date[0].length).match(/^\\?\]/)?.[0] ?? '';
      const open = rest.slice(0, date.index);
      // A bare date must be followed by a separator; a bracketed one by its `]`.
      if ((open && close) || (!open && /^[\s:|\u2013\u2014-]/.test(rest.slice(date[0].length)))) {
        const year = Number(date[1]);
        fields.date = { text: rest.slice(0, date.index + date[0].length + close.length), start: at, end: at + date.index + date[0].length + close.length, year, month: Number(date[2]) };
        at = fields.date.end;
        continue;
      }
    }
    const yearVenue = leadYearVenuePattern.exec(rest);
    if (yearVenue) {
      const year = Number(yearVenue[1]);
      fields.date = { text: yearVenue[0].replace(/-$/, ''), start: at, end: at + yearVenue[1].length + (yearVenue[2] ? yearVenue[2].length + 1 : 0), year, month: yearVenue[2] ? Number(yearVenue[2]) : undefined };
      if (yearVenue[3]) {
        const venueStart = at + yearVenue[0].length - yearVenue[3].length - 1;
        fields.venue = { text: yearVenue[3], start: venueStart, end: venueStart + yearVenue[3].length };
      }
      at += yearVenue[0].length;
      continue;
    }
    const linkTag = leadLinkTagPattern.exec(rest);
    // A link tag before the title names a venue even when this reader does not know it: `[[ECCVW](url)]`.
    const linkVenue = linkTag && (venueTagOf(linkTag[1], parseYear) ?? (/^[\p{L}][\p{L}\p{N}&.'’-]{0,15}$/u.test(linkTag[1].trim()) ? { venue: linkTag[1].trim() } : undefined));
    if (linkTag && linkVenue) {
      setVenueTag(fields, linkVenue, at + rest.indexOf(linkTag[1]), linkTag[1]);
      at += linkTag[0].length;
      continue;
    }
    const tag = leadTagPattern.exec(rest);
    const inner = tag && (tag[1] ?? tag[2]);
    const venue = inner && venueTagOf(inner, parseYear);
    if (tag && inner && venue) {
      // A year alone in brackets, `[2023]`, is a date like `[2023/05]`; with a venue it is a venue tag.
      if (!venue.venue && venue.year !== undefined && tag[1] !== undefined) {
        fields.date = { text: tag[0], start: at, end: at + tag[0].length, year: venue.year, month: venue.month };
      } else setVenueTag(fields, venue, at + tag[0].indexOf(inner), inner);
      at += tag[0].length;
      continue;
    }
    break;
  }
  return at;
}

/** Sets the venue and year of a tag such as `[ICLR 2024]`, found at `start` with the text `raw`. */
function setVenueTag(fields: EntryFields, tag: { venue: string; year?: number; month?: number }, start: number, raw: string): void {
  if (tag.venue && !fields.venue) {
    const at = raw.indexOf(tag.venue);
    fields.venue = at === -1 ? { text: tag.venue, start, end: start + raw.length } : { text: tag.venue, start: start + at, end: start + at + tag.venue.length };
  }
  if (tag.year !== undefined && !fields.year) {
    // The tag's own year, `2024` of `Dec., 2023 | CVPR 2024`, else the first year-looking part of the tag.
    const first = findYear(raw, parseYear);
    const own = raw.lastIndexOf(String(tag.year));
    const found = first?.value === tag.year || own === -1 ? first : { index: own, length: 4 };
    const yearStart = found ? start + found.index : start;
    fields.year = { text: found ? raw.slice(found.index, found.index + found.length) : raw, value: tag.year, start: yearStart, end: found ? yearStart + found.length : start + raw.length };
  }
}

/** A title in quotes right after a bold nickname, `**TidyBot**: "Personalized Robot Assistance…"`. */
function quotedTitleAfter(text: string, from: number, limit: number): Span | undefined {
  const head = /^[ \t]{0,3}:?[ \t]{0,3}(["\u201c\u201d])/.exec(text.slice(from, Math.min(limit, from + 8)));
  if (!head) return undefined;
  const open = from + head[0].length;
  let close = open;
  while (close < limit && !closingQuotes.includes(text[close]) && text[close] !== '\n') close++;
  return close < limit && closingQuotes.includes(text[close]) && close - open > 1 ? { start: open, end: close } : undefined;
}

/** Abbreviations after which a period does not end a title. */
const abbreviations = /(?:\b(?:vs|e\.g|i\.e|etc|al|Dr|Mr|Ms|St|No|Vol|Fig|cf)|\b\p{Lu})$/u;

/**
 * Where a title written as plain text ends: at the first link or markup, a venue tag in brackets or
 * parentheses, a pipe, a line break or a period that ends the sentence.
 */
function plainTitleEnd(text: string, start: number, limit: number): number {
  let end = start;
  while (end < limit) {
    const ch = text[end];
    if (ch === '\n' || ch === '\r' || ch === '|' || ch === '<') break;
    if ((ch === '\uff08' || ((ch === '(' || ch === '[' || (ch === '\\' && text[end + 1] === '[')) && /\s/.test(text[end - 1]))) && end > start) break;
    // `Estimation(ICDE 2024)`, `Edge(**NeurIPS2022**)`: a venue tag right against the title.
    if (ch === '(' && end > start) {
      const tag = /^\(([^()\n]{1,60})\)/.exec(text.slice(end, end + 64));
      if (tag && venueTagOf(tag[1], parseYear)?.year !== undefined) break;
    }
    if (ch === '.' && /\s/.test(text[end + 1] ?? '') && !abbreviations.test(text.slice(Math.max(start, end - 4), end))) break;
    // `Networks.[[code](…)]`: a link group glued to the title's period.
    if (ch === '.' && text[end + 1] === '[') break;
    if (ch === '[' && text[end + 1] === '[') break;
    end++;
  }
  while (end > start && /[\s,;:\u2013\u2014\\-]/.test(text[end - 1])) end--;
  return end;
}

/** Whether plain text before a bold or linked title is a short nickname, `GPT-3 -` or `<u>GPT-3</u>:`. */
function isLeadName(raw: string): boolean {
  const plain = raw.replace(/<[^<>]*>/g, '').trim();
  return !plain || (plain.split(/\s+/).length <= 4 && /[:\-\u2013\u2014|]$/.test(plain));
}

/** Hosts and paths whose links are papers, for items whose only other sign of a paper is the link. */
const paperLinkPattern = /arxiv\.org|doi\.org|openreview\.net|aclanthology|aclweb\.org|proceedings\.|thecvf\.com|ieeexplore|dl\.acm\.org|springer|sciencedirect|nature\.com|biorxiv|medrxiv|semanticscholar|papers\.nips|neurips\.cc|jmlr\.org|mlr\.press|usenix\.org|ndss-symposium|researchgate|\.pdf(?:$|[?#])/i;

/** Whether a link points to a paper rather than to code or a web page; `strict` leaves out bare PDFs, which are books and slides too. */
export function isPaperUrl(url: string, strict = false): boolean {
  return paperLinkPattern.test(url) && (!strict || !/\.pdf(?:$|[?#])/i.test(url) || /arxiv\.org|openreview|aclanthology|thecvf|neurips|mlr\.press|proceedings\./i.test(url));
}

/** Whether an entry's links or its linked title point to a paper (see `isPaperUrl`). */
export function linksPaper(fields: Pick<EntryFields, 'links' | 'titleUrl'>, strict = false): boolean {
  return fields.links.some((link) => isPaperUrl(link.url, strict)) || (fields.titleUrl !== undefined && isPaperUrl(fields.titleUrl.text, strict));
}

function readEntry(paragraph: Paragraph, text: string, spanOf: (node: Nodes) => Span, later: Paragraph[] = [], shape: 'item' | 'paragraph' = 'item'): EntryFields | undefined {
  const inline = paragraph.children;
  const paragraphSpan = spanOf(paragraph);
  const fields: EntryFields = { tail: { start: paragraphSpan.end, end: paragraphSpan.end }, links: [], titleQuoted: false, venueInAuthors: false };
  let firstLineEnd = text.indexOf('\n', paragraphSpan.start);
  if (firstLineEnd === -1 || firstLineEnd > paragraphSpan.end) firstLineEnd = paragraphSpan.end;
  const leadEnd = readLeadTags(fields, text, paragraphSpan.start, firstLineEnd);

  let titleIndex = -1;
  let titleStyle: EntryFields['titleStyle'];
  let plainStart = -1;
  for (let i = 0; i < inline.length; i++) {
    const node = inline[i];
    const span = spanOf(node);
    if (span.end <= leadEnd) continue;
    const before = text.slice(Math.max(leadEnd, paragraphSpan.start), span.start);
    if (node.type === 'strong' && isLeadName(before)) {
      // A bold venue tag after the lead, `**[ICCV' 17]**`, is not the title.
      const inner = toString(node).trim().replace(/^\[(.*)\]$/, '$1');
      if (venueTagOf(inner, parseYear) && /\d/.test(inner)) continue;
      titleIndex = i;
      titleStyle = 'bold';
      break;
    }
    if (node.type === 'link' && isLeadName(before) && isTitleLink(node, text, span)) {
      titleIndex = i;
      titleStyle = 'link';
      break;
    }
    if (node.type === 'text' || node.type === 'html') {
      const start = Math.max(span.start, leadEnd);
      const plain = text.slice(start, span.end);
      // A title does not start in parentheses: `(a) 3D detection, (b) tracking` is a description.
      const first = plain.trimStart()[0] ?? '';
      if (plainStart === -1 && node.type === 'text' && !'([\uff08'.includes(first) && /\p{L}\p{L}/u.test(plain) && /\S\s+\S/.test(plain)) plainStart = start + (plain.length - plain.trimStart().length);
      // Past a line break, a bold or linked part is no longer where a title starts.
      if (plainStart !== -1 && /\n/.test(plain)) break;
      continue;
    }
    break;
  }

  let afterTitle = leadEnd;
  if (titleIndex >= 0) {
    const node = inline[titleIndex];
    const outer = spanOf(node);
    readLeadName(fields, text, leadEnd, outer.start);
    const quoted = titleStyle === 'bold' ? quotedTitleAfter(text, outer.end, firstLineEnd) : undefined;
    if (quoted) {
      // The bold is a nickname; the title is in the quotes after it.
      fields.leadName = { text: toString(node).trim().replace(/^\[(.*)\]$/, '$1'), start: outer.start, end: outer.end };
      const quotedOuter = { start: quoted.start - 1, end: quoted.end + 1 };
      readTitle(fields, text.slice(quoted.start, quoted.end).trim(), text, quoted, quotedOuter);
      fields.titleQuoted = true;
      titleStyle = 'quoted';
      afterTitle = quotedOuter.end;
    } else {
      const link = titleStyle === 'link' ? readLink(node as Link, text, spanOf) : undefined;
      const inner = link ? link.labelSpan : { start: outer.start + 2, end: Math.max(outer.start + 2, outer.end - 2) };
      readTitle(fields, toString(node).trim(), text, inner, outer);
      const titleLink = link ?? titleLinkInside(node, text, spanOf);
      if (titleLink) fields.titleUrl = { text: titleLink.url, ...titleLink.urlSpan };
      afterTitle = outer.end;
    }
    fields.titleStyle = titleStyle;
  } else {
    const content = text.slice(leadEnd, paragraphSpan.end).trimStart();
    const contentStart = paragraphSpan.end - content.length;
    const close = content.startsWith('**') ? content.indexOf('**', 2) : -1;
    const lineEnd = content.indexOf('\n');
    if (close > 2 && content.slice(2, close).trim() && (lineEnd === -1 || close < lineEnd)) {
      // The markers pair up in the source but a stray `*` inside keeps markdown from rendering them as bold.
      const start = contentStart + 2;
      const titleText = content.slice(2, close).replace(/\\(.)/g, '$1').trim();
      const outer = { start: contentStart, end: contentStart + close + 2 };
      readTitle(fields, titleText, text, { start, end: contentStart + close }, outer);
      fields.titleProblem = 'broken';
      fields.titleStyle = 'bold';
      afterTitle = outer.end;
      titleIndex = inline.findIndex((node) => spanOf(node).end >= afterTitle);
    } else if (content.startsWith('**')) {
      fields.titleProblem = close !== -1 && !content.slice(2, close).trim() ? 'empty' : 'unclosed';
    } else if (plainStart !== -1) {
      const limitNode = inline.find((node) => spanOf(node).start > plainStart && node.type !== 'text');
      const limit = Math.min(limitNode ? spanOf(limitNode).start : paragraphSpan.end, firstLineEnd);
      // `* "Title", *arXiv, Nov 2022*`: a title in quotes with no nickname before it.
      const quoted = openingQuotes.includes(text[plainStart]) ? quotedTitleAfter(text, plainStart, limit) : undefined;
      const end = quoted ? quoted.end + 1 : plainTitleEnd(text, plainStart, limit);
      const titleText = text.slice(plainStart, end).replace(/\\(.)/g, '$1');
      if (quoted) {
        readTitle(fields, text.slice(quoted.start, quoted.end).trim(), text, quoted, { start: plainStart, end });
        fields.titleQuoted = true;
        fields.titleStyle = 'quoted';
        afterTitle = end;
        titleIndex = inline.findIndex((node) => spanOf(node).end > plainStart);
      } else if (end > plainStart && /\p{L}/u.test(titleText)) {
        fields.title = { text: titleText, start: plainStart, end, outer: { start: plainStart, end } };
        fields.titleStyle = 'plain';
        afterTitle = end;
        titleIndex = inline.findIndex((node) => spanOf(node).end > plainStart);
      } else fields.titleProblem = 'missing';
    } else {
      fields.titleProblem = 'missing';
    }
  }

  let authorsEnd: number | undefined;
  let firstLinkStart: number | undefined;
  const nodes = later.length ? [...inline, ...later.flatMap((more) => more.children)] : inline;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (spanOf(node).start < afterTitle) {
      // A link before the title, as a venue tag `[[CVPR](url)]`, is one of the entry's links too.
      if (node.type === 'link' && i !== titleIndex && titleIndex >= 0) fields.links.push(readLink(node, text, spanOf));
      continue;
    }
    if (node.type === 'emphasis' && !fields.authors && firstLinkStart === undefined) {
      const raw = toString(node);
      // Italics that hold a year or a venue's name, or follow "In", are the venue: `In *ICML 2022*`.
      const venueLike = () => venueTagOf(raw, parseYear) !== undefined || findYear(raw, parseYear) !== undefined || /^\s*in\b/i.test(text.slice(Math.max(afterTitle, spanOf(node).start - 4), spanOf(node).start));
      const cheapAuthors = /\bet\.? ?al\b/i.test(raw) && !/\d/.test(raw);
      if (!cheapAuthors && !looksLikeAuthors(raw) && venueLike()) continue;
      // Italics after a bold title are the authors by the reference style; after any other title they
      // must read as names, since such lists use italics for remarks too (`*everything*`).
      if (fields.titleStyle !== 'bold' && fields.titleStyle !== 'quoted' && !looksLikeAuthors(raw, true)) continue;
      readAuthors(fields, node, text, spanOf, 'same');
      fields.authorsStyle = 'italic';
      authorsEnd = fields.authors!.outer.end;
    } else if (node.type === 'link') {
      const link = readLink(node, text, spanOf);
      fields.links.push(link);
      if (firstLinkStart === undefined) firstLinkStart = link.group.start;
    }
  }
  const below = fields.authors || !fields.title ? undefined : authorsParagraph(later[0]);
  if (below) {
    readAuthors(fields, below, text, spanOf, 'next');
    fields.authorsStyle = 'italic';
  }

  const hasTitle = fields.title !== undefined || fields.titleProblem === 'unclosed' || fields.titleProblem === 'empty';
  const bracketed = fields.links.some((link) => link.openBracket || link.closeBracket);
  const tailStart = authorsEnd ?? (fields.title ? afterTitle : undefined);
  const itemEnd = later.length ? spanOf(later[later.length - 1]).end : paragraphSpan.end;
  if (tailStart !== undefined) {
    const tailEnd = Math.max(tailStart, firstLinkStart ?? itemEnd);
    fields.tail = { start: tailStart, end: tailEnd };
    readTail(fields, text, fields.tail);
  }
  if (!fields.year && !fields.badYear && fields.date) {
    const yearStart = fields.date.start + (text[fields.date.start] === '[' ? 1 : text[fields.date.start] === '\\' ? 2 : 0);
    fields.year = { text: String(fields.date.year), value: fields.date.year, start: yearStart, end: yearStart + 4 };
  }
  if (!fields.year && !fields.badYear) readYearAfterLinks(fields, text, afterTitle, itemEnd);
  // A plain or linked title is a paper only with a sign of one beside it; otherwise it is any list of links.
  const paperLink = linksPaper(fields);
  const knownVenue = () => fields.venue !== undefined && fields.venue.text.split(/[\s,]+/).some(isVenueName);
  const signs = fields.authors !== undefined || fields.year !== undefined || (fields.titleStyle === 'plain' && knownVenue());
  if (shape === 'paragraph') {
    // Bold text opens many paragraphs; it is a paper's title only with a sign of a paper beside it, or
    // alone on its line, where the list below it may hold its links (see parseList).
    if (fields.titleStyle !== 'bold' || !fields.title || !/\S\s+\S/.test(fields.title.text)) return undefined;
    if (signs || paperLink) return fields;
    if (!text.slice(fields.title.outer.end, paragraphSpan.end).trim() && !later.length) return { ...fields, candidate: true };
    return undefined;
  }
  const evidence = fields.titleStyle === 'bold' || fields.titleStyle === 'quoted' ? fields.links.length > 0 || signs : signs || paperLink;
  if (hasTitle && evidence) return fields;
  if (hasTitle && fields.title && fields.titleStyle !== 'bold') {
    // A candidate: the list it stands in decides whether it is a paper (see parseList).
    fields.candidate = true;
    return fields;
  }
  // Only links in brackets, `<u>Wikipedia</u>: [[Source](…)]`: a resource, counted in a list of papers.
  return bracketed && titleStyle !== 'link' ? { ...fields, candidate: !signs } : undefined;
}

/**
 * Reads the venue, the year and plain-text authors from the text between the title and the first link.
 * The pieces are the lines (or `<br>` breaks, or pipes) of that text; each is a venue tag, a list of
 * names, or a venue with a year.
 */
function readTail(fields: EntryFields, text: string, tail: Span): void {
  const raw = text.slice(tail.start, tail.end);
  const pieces = /[\n|]|<br\s*\/?>/i.test(raw) ? splitPieces(raw) : [{ start: 0, end: raw.length }];
  for (const piece of pieces) {
    const span = { start: tail.start + piece.start, end: tail.start + piece.end };
    const segment = text.slice(span.start, span.end);
    if (!segment.trim()) continue;
    // A link written wrong leaks its URL into the text; link-syntax reports it, and it is no venue.
    if (pieces.length > 1 && /https?:|\]\(/.test(segment)) continue;
    const ownLine = pieces.length > 1 && /\n[ \t]*$/.test(text.slice(tail.start, span.start));
    // `Ziwei Zhang, Peng Cui and Wenwu Zhu. 2018.`: the names end where the venue or the year starts.
    const names = fields.authors ? undefined : authorsBeforeVenue(segment, ownLine);
    if (names) {
      const trimmed = trimField(segment.slice(0, names), span.start);
      if (trimmed) {
        setPlainAuthors(fields, trimmed, text.slice(tail.start, span.start).includes('\n') ? 'next' : 'same');
        readVenueAndYear(fields, text, { start: span.start + names, end: span.end });
        continue;
      }
    }
    if (!fields.authors && looksLikeAuthors(segment, ownLine)) {
      // `Liu et al. arXiv 2023`: the venue and year follow the authors on the same line.
      const etAl = /\bet\.? ?al\b\.?/i.exec(segment);
      const rest = etAl ? segment.slice(etAl.index + etAl[0].length) : '';
      const trimmed = trimField(etAl && /\p{L}|\d/u.test(rest) ? segment.slice(0, etAl.index + etAl[0].length) : segment, span.start);
      if (trimmed) {
        if (etAl && /\p{L}|\d/u.test(rest)) readVenueAndYear(fields, text, { start: span.start + etAl.index + etAl[0].length, end: span.end });
        const field = { text: trimmed.text.replace(/<[^<>]*>/g, '').trim(), start: trimmed.start, end: trimmed.end };
        setPlainAuthors(fields, field, text.slice(tail.start, span.start).includes('\n') ? 'next' : 'same');
        continue;
      }
    }
    // The first tag with a year, or else the first that names a venue: `[Vision] (arXiv 2021)` is arXiv 2021.
    let best: { inner: string; at: number; venue: NonNullable<ReturnType<typeof venueTagOf>> } | undefined;
    if (/[[(\uff08<*]/.test(segment)) for (const tag of segment.matchAll(/(?:\\?\[|[(\uff08])(?:\*\*|\*|__|_)?([^[\]()\uff08\uff09\n]{1,48}?)(?:\*\*|\*|__|_)?(?:\\?\]|[)\uff09])|<(ins|em|i|b|strong)>([^<>\n]{1,48})<\/\2>|(?<![*\w])\*{1,2}([^*\n]{1,60}?)\*{1,2}(?![*\w])/gi)) {
      const inner = tag[1] ?? tag[3] ?? tag[4];
      const venue = venueTagOf(inner, parseYear);
      if (!venue) continue;
      if (!best || (best.venue.year === undefined && venue.year !== undefined)) best = { inner, at: span.start + tag.index! + tag[0].indexOf(inner), venue };
      if (venue.year !== undefined) break;
    }
    if (best && (best.venue.year !== undefined || !fields.venue)) {
      setVenueTag(fields, best.venue, best.at, best.inner);
      continue;
    }
    readVenueAndYear(fields, text, span);
  }
}

/** The last word before `end`, past white space and an opening parenthesis, with where its separators start. */
function lastWord(text: string, end: number): { text: string; start: number } | undefined {
  let at = end;
  while (at > 0 && /[\s(]/.test(text[at - 1])) at--;
  const wordEnd = at;
  while (at > 0 && /[\p{L}\p{N}&'’-]/u.test(text[at - 1])) at--;
  if (at === wordEnd || !/\p{L}/u.test(text[at])) return undefined;
  const word = text.slice(at, wordEnd);
  while (at > 0 && /[\s,(]/.test(text[at - 1])) at--;
  return { text: word, start: at };
}

/** Where a list of names ends when a venue or a year follows it in the same piece, or undefined. */
function authorsBeforeVenue(segment: string, ownLine: boolean): number | undefined {
  const year = fourDigitYear.exec(segment);
  if (!year || looksLikeAuthors(segment, ownLine)) return undefined;
  // The sentence before the year, or before a known venue word in front of it.
  let end = year.index;
  const before = segment.slice(0, end);
  const sentence = before.lastIndexOf('. ');
  if (sentence > 0 && !/\b\p{Lu}$/u.test(before.slice(0, sentence))) end = sentence + 1;
  // `Xin Li & Yu Wang, NeurIPS 2020`: a venue's name before the year is no name.
  for (let word = lastWord(segment, end); word && isVenueName(word.text); word = lastWord(segment, end)) end = word.start;
  return end > 0 && looksLikeAuthors(segment.slice(0, end), ownLine) ? end : undefined;
}

/** How many parentheses are open at an offset of a line. */
function depthAt(raw: string, offset: number): number {
  let depth = 0;
  for (let at = raw.lastIndexOf('\n', offset) + 1; at < offset; at++) {
    if (raw[at] === '(' || raw[at] === '\uff08') depth++;
    else if ((raw[at] === ')' || raw[at] === '\uff09') && depth > 0) depth--;
  }
  return depth;
}

/** Sets authors found by their names in plain text; their span is their text, with no markers around it. */
function setPlainAuthors(fields: EntryFields, field: Field, line?: 'same' | 'next'): void {
  fields.authors = { ...field, outer: { start: field.start, end: field.end } };
  fields.authorsStyle = 'plain';
  if (line) fields.authorsLine = line;
}

/** The pieces of a tail between line breaks, `<br>` tags and pipes, as offsets into it. */
function splitPieces(raw: string): Span[] {
  const pieces: Span[] = [];
  const breaks = /\r?\n|\||<br\s*\/?>/gi;
  let start = 0;
  for (let match = breaks.exec(raw); match; match = breaks.exec(raw)) {
    // A pipe inside parentheses, `(Mar., 2024 | ECCV 2024)`, joins the parts of one tag.
    if (match[0] === '|' && depthAt(raw, match.index) > 0) continue;
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: raw.length });
  return pieces;
}

/**
 * A year that stands after the links or in a link's label, `[[paper](url)] 2020.5`, `` `2023.05` ``,
 * `[EMNLP 2024](url)`, `(Feb., 2026)`: the first date or year in the item outside the title and URLs.
 */
function readYearAfterLinks(fields: EntryFields, text: string, from: number, to: number): void {
  let masked = text.slice(from, to);
  const blank = (span: Span) => {
    const start = Math.max(0, span.start - from);
    const end = Math.min(masked.length, span.end - from);
    if (end > start) masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };
  for (const link of fields.links) blank(link.urlSpan);
  // Bare URLs and HTML attributes hold numbers that are not years.
  masked = masked.replace(/\bhttps?:\/\/\S+|\b(?:href|src)\s*=\s*"[^"]*"/gi, (url) => ' '.repeat(url.length));
  const found = findYear(masked, parseYear);
  if (!found) {
    // A venue and year glued in a link's label, `[[IntellManuf2020]](url)`.
    for (const link of fields.links) {
      const tag = link.labelSpan.start >= from ? venueTagOf(link.label.replace(/^\[(.*)\]$/, '$1'), parseYear) : undefined;
      if (tag?.year === undefined) continue;
      const digits = text.slice(link.labelSpan.start, link.labelSpan.end).search(/(?:19|20)\d{2}/);
      const start = digits === -1 ? link.labelSpan.start : link.labelSpan.start + digits;
      fields.year = { text: text.slice(start, start + (digits === -1 ? link.labelSpan.end - link.labelSpan.start : 4)), value: tag.year, start, end: start + (digits === -1 ? link.labelSpan.end - link.labelSpan.start : 4) };
      return;
    }
    return;
  }
  const start = from + found.index;
  fields.year = { text: text.slice(start, start + found.length), value: found.value, start, end: start + found.length };
}

/** The link of a title written `**[Title](url)**`: the bold holds that link alone. */
function titleLinkInside(node: PhrasingContent, text: string, spanOf: (node: Nodes) => Span): EntryLink | undefined {
  if (node.type !== 'strong') return undefined;
  const parts = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  return parts.length === 1 && parts[0].type === 'link' ? readLink(parts[0], text, spanOf) : undefined;
}

function readLink(node: Link, text: string, spanOf: (node: Nodes) => Span): EntryLink {
  const span = spanOf(node);
  const children = node.children as PhrasingContent[];
  const labelStart = span.start + 1;
  const labelEnd = children.length ? spanOf(children[children.length - 1]).end : labelStart;
  const openBracket = text[span.start - 1] === '[';
  const closeBracket = text[span.end] === ']';
  return {
    label: toString(node).trim(),
    url: node.url,
    span,
    labelSpan: { start: labelStart, end: labelEnd },
    urlSpan: findUrl(text, span, node.url),
    group: { start: span.start - (openBracket ? 1 : 0), end: span.end + (closeBracket ? 1 : 0) },
    openBracket,
    closeBracket,
  };
}

/** Reads the venue and the year from a piece of the entry; fields already read stay as they are. */
function readVenueAndYear(fields: EntryFields, text: string, span: Span): void {
  const { start, end } = span;
  const tail = text.slice(start, end);
  let year: RegExpExecArray | undefined;
  // The last plausible year, so that page numbers after it (`2(2022): 4008–4015`) are not taken for one.
  let plausible: RegExpExecArray | undefined;
  for (const match of tail.matchAll(yearPattern)) {
    year = match as RegExpExecArray;
    if (Number(match[0]) >= 1800 && Number(match[0]) <= parseYear + 1) plausible = year;
  }
  year = plausible ?? year;
  let venueEnd = tail.length;
  if (year) {
    venueEnd = year.index;
    if (!fields.year && !fields.badYear) {
      const yearStart = start + year.index;
      fields.year = { text: year[0], value: Number(year[0]), start: yearStart, end: yearStart + 4 };
      fields.periodAfterYear = text[yearStart + 4] === '.';
    }
  } else if (twoDigitYear.test(tail)) {
    // `IVA '20`: a two-digit year after the venue's name.
    const short = twoDigitYear.exec(tail)!;
    venueEnd = short.index;
    if (!fields.year && !fields.badYear) fields.year = { text: short[0].trim(), value: yearOfTwoDigits(short[1], parseYear), start: start + short.index + (short[0].length - short[0].trimStart().length), end: start + short.index + short[0].length };
  } else {
    let last: RegExpExecArray | undefined;
    for (const match of tail.matchAll(numberPattern)) last = match as RegExpExecArray;
    if (last && !trimField(tail.slice(last.index + last[0].length), 0)) {
      venueEnd = last.index;
      if (!fields.year && !fields.badYear) fields.badYear = { text: last[0], start: start + last.index, end: start + last.index + last[0].length };
    }
  }
  const venue = trimField(tail.slice(0, venueEnd), start);
  if (venue && !fields.venue) fields.venue = venue;
}

/** Trims white space and separating punctuation from both ends of a piece of the tail. */
function trimField(raw: string, offset: number): Field | undefined {
  const separator = (ch: string) => /[\s.,;:]/.test(ch);
  let lead = 0;
  while (lead < raw.length && separator(raw[lead])) lead++;
  let end = raw.length;
  while (end > lead && separator(raw[end - 1])) end--;
  const text = raw.slice(lead, end);
  return text ? { text, start: offset + lead, end: offset + end } : undefined;
}

/** Where an entry written in HTML starts: a `<li>` or a `<details><summary>`, after any list marker. */
function htmlEntryStart(text: string): number {
  const match = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?=<(?:li|details|summary)\b)/i.exec(text);
  return match ? match[0].length : -1;
}

const anchorPattern = /<a\b[^>]*?\bhref\s*=\s*(["'])([^"']*)\1[^>]*>([\s\S]*?)<\/a\s*>/gi;
const htmlUrlPattern = /\b(?:href|src)\s*=\s*"([^"]*)"/gi;

/** The span of the text inside some HTML, without the tags and white space around it. */
function innerText(text: string, start: number, end: number): Span {
  for (;;) {
    while (start < end && /\s/.test(text[start])) start++;
    const open = /^<[^<>]*>/.exec(text.slice(start, Math.min(end, start + 200)));
    if (!open) break;
    start += open[0].length;
  }
  for (;;) {
    while (end > start && /\s/.test(text[end - 1])) end--;
    const close = /<[^<>]*>$/.exec(text.slice(Math.max(start, end - 200), end));
    if (!close) break;
    end -= close[0].length;
  }
  return { start, end };
}

/**
 * Reads an entry written in HTML, `<li><a href="…"><b>Title</b></a></li>` or
 * `<details><summary>Title (2023) [<a href="…">Paper</a>]</summary>`: the title is the first link with
 * a few words, or the text the item starts with; the other links are its links.
 */
function readHtmlEntry(text: string, at: number): ParsedBlock {
  const links: DocumentLink[] = [];
  for (const match of text.matchAll(htmlUrlPattern)) {
    const start = match.index! + match[0].length - match[1].length - 1;
    links.push({ kind: 'html', url: match[1], span: { start, end: start + match[1].length }, urlSpan: { start, end: start + match[1].length } });
  }
  const summary = /<summary\b[^>]*>/i.exec(text.slice(at));
  const regionStart = summary ? at + summary.index + summary[0].length : at;
  const closeTag = summary ? /<\/summary\s*>/i : /<\/li\s*>/i;
  const close = closeTag.exec(text.slice(regionStart));
  const regionEnd = close ? regionStart + close.index : text.length;
  const region = text.slice(regionStart, regionEnd);

  const fields: EntryFields = { tail: { start: regionEnd, end: regionEnd }, links: [], titleQuoted: false, venueInAuthors: false };
  for (const match of region.matchAll(anchorPattern)) {
    const start = regionStart + match.index!;
    const end = start + match[0].length;
    const labelStart = start + match[0].indexOf('>') + 1;
    const label = innerText(text, labelStart, end - (match[0].length - match[0].lastIndexOf('<'))) ;
    const labelText = text.slice(label.start, label.end).replace(/<[^<>]*>/g, '').trim();
    const urlStart = start + match[0].indexOf(match[2], match[0].indexOf('href'));
    const urlSpan = { start: urlStart, end: urlStart + match[2].length };
    if (!fields.title && /\S\s+\S/.test(labelText) && !text.slice(regionStart, start).replace(/<[^<>]*>/g, '').trim()) {
      fields.title = { text: labelText, start: label.start, end: label.end, outer: { start, end } };
      fields.titleStyle = 'link';
      fields.titleUrl = { text: match[2], ...urlSpan };
      continue;
    }
    fields.links.push({
      label: labelText,
      url: match[2],
      span: { start, end },
      labelSpan: label,
      urlSpan,
      group: { start: start - (text[start - 1] === '[' ? 1 : 0), end: end + (text[end] === ']' ? 1 : 0) },
      openBracket: text[start - 1] === '[',
      closeBracket: text[end] === ']',
    });
  }
  if (!fields.title) {
    // The title is the text the item starts with, up to its first link, tag or venue.
    const inner = innerText(text, regionStart, regionEnd);
    const end = plainTitleEnd(text, inner.start, inner.end);
    const titleText = text.slice(inner.start, end).trim();
    if (!/\S\s+\S/.test(titleText)) return { links };
    fields.title = { text: titleText, start: inner.start, end, outer: { start: inner.start, end } };
    fields.titleStyle = 'plain';
  }
  const afterTitle = fields.title.outer.end;
  fields.tail = { start: afterTitle, end: regionEnd };
  readYearAfterLinks(fields, text, afterTitle, regionEnd);
  const paperLink = linksPaper(fields);
  if (!fields.year && !paperLink) fields.candidate = true;
  return { links, entry: fields };
}

/** What a table column holds, from its name: `Title & Authors`, `Published in`, `Date`, `Paper`. */
function columnRoles(name: string): { title: boolean; authors: boolean; venue: boolean; date: boolean } {
  return {
    title: /title|paper|name|method|model|work|dataset|benchmark/i.test(name),
    authors: /author/i.test(name),
    venue: /venue|publish|conference|journal|\bpub\b|source/i.test(name),
    date: /date|year|time/i.test(name),
  };
}

/**
 * Reads a table row as an entry, its fields taken from the columns the header names: the title from
 * the first title column (a link with a few words, bold text or the cell's text), the authors, venue
 * and date from theirs, and every other link as the entry's links.
 */
function readRow(text: string, columns: readonly string[]): ParsedBlock {
  const tree = processor.parse(text) as Root;
  const spanOf = (node: Nodes): Span => ({ start: node.position!.start.offset!, end: node.position!.end.offset! });
  const links = collectLinks(tree, text, spanOf);
  const paragraph = tree.children[0];
  if (paragraph?.type !== 'paragraph') return { links };
  // The cells as offsets into the row.
  const cells: Span[] = [];
  let start = text.indexOf('|') === /\S/.exec(text)?.index ? text.indexOf('|') + 1 : 0;
  let code = false;
  for (let at = start; at <= text.length; at++) {
    const ch = text[at];
    if (ch === '\\') at++;
    else if (ch === '`') code = !code;
    else if ((ch === '|' && !code) || at === text.length) {
      if (at > start || ch === '|') cells.push({ start, end: at });
      start = at + 1;
    }
  }
  const roles = columns.map(columnRoles);
  const titleColumn = roles.findIndex((role) => role.title);
  const fields: EntryFields = { tail: { start: text.length, end: text.length }, links: [], titleQuoted: false, venueInAuthors: false, titleStyle: 'cell' };
  const inline: Nodes[] = [];
  const flatten = (node: Nodes) => {
    inline.push(node);
    if ((node.type === 'strong' || node.type === 'emphasis') && 'children' in node) for (const child of node.children) flatten(child as Nodes);
  };
  for (const node of paragraph.children) flatten(node);
  const within = (span: Span, cell: Span) => span.start >= cell.start && span.end <= cell.end;
  const titleCell = cells[titleColumn === -1 ? 0 : titleColumn];
  // A cell of several links names several things, as `[ZSRE](…), [CounterFact](…)`: not one paper.
  const cellLinks = titleCell ? inline.filter((node) => node.type === 'link' && within(spanOf(node), titleCell) && !node.children.every((child) => child.type === 'image')).length : 0;
  if (titleCell && cellLinks <= 1) {
    const link = inline.find((node): node is Link => node.type === 'link' && within(spanOf(node), titleCell) && /\S\s+\S/.test(toString(node)) && !node.children.every((child) => child.type === 'image'));
    // Bold in brackets, `[**SP: ULYSSES**]`, is a tag before the title, not the title.
    const strong = inline.find((node) => node.type === 'strong' && within(spanOf(node), titleCell) && /\S\s+\S/.test(toString(node)) && text[spanOf(node).start - 1] !== '[');
    if (link) {
      const read = readLink(link, text, spanOf);
      fields.title = { text: read.label, ...read.labelSpan, outer: read.span };
      fields.titleUrl = { text: read.url, ...read.urlSpan };
    } else if (strong) {
      const outer = spanOf(strong);
      fields.title = { text: toString(strong).trim(), start: outer.start + 2, end: outer.end - 2, outer };
    } else if (!cellLinks) {
      // The cell's text, past emoji and a bracketed tag such as `[**SP: ULYSSES**]`.
      let at = titleCell.start;
      const skip = /^[\s\p{Extended_Pictographic}\uFE0F\u200D:]*(?:\[[^\]\n]{0,80}\]\s*)?/u.exec(text.slice(at, titleCell.end));
      at += skip ? skip[0].length : 0;
      let end = plainTitleEnd(text, at, titleCell.end);
      const handle = text.slice(at, end).indexOf('(@');
      if (handle > 0) end = at + handle;
      while (end > at && /\s/.test(text[end - 1])) end--;
      if (end > at && /\S\s+\S/.test(text.slice(at, end))) fields.title = { text: text.slice(at, end), start: at, end, outer: { start: at, end } };
    }
  }
  for (const node of inline) {
    if (node.type !== 'link') continue;
    const span = spanOf(node);
    if (fields.title && span.start === fields.title.outer.start) continue;
    // Badges, `[![Star](…)](…)`, are pictures of numbers, not links of the paper.
    if (node.children.length && node.children.every((child) => child.type === 'image')) continue;
    fields.links.push(readLink(node, text, spanOf));
  }
  cells.forEach((cell, index) => {
    const role = roles[index];
    if (!role || index === titleColumn && !role.authors) return;
    const after = fields.title && index === titleColumn ? fields.title.outer.end : cell.start;
    if (role.authors) {
      for (const piece of splitPieces(text.slice(after, cell.end))) {
        const raw = text.slice(after + piece.start, after + piece.end);
        if (looksLikeAuthors(raw) && !fields.authors) {
          const trimmed = trimField(raw, after + piece.start);
          if (trimmed) setPlainAuthors(fields, trimmed);
        }
      }
    }
    if ((role.venue || role.date) && !fields.year) {
      const found = findYear(text.slice(cell.start, cell.end), parseYear);
      if (found) {
        const yearStart = cell.start + found.index;
        fields.year = { text: text.slice(yearStart, yearStart + found.length), value: found.value, start: yearStart, end: yearStart + found.length };
      }
      if (role.venue && !fields.venue) {
        const venue = trimField(text.slice(cell.start, found ? cell.start + found.index : cell.end), cell.start);
        if (venue && /\p{L}/u.test(venue.text) && !/[[\]()<>]/.test(venue.text)) fields.venue = venue;
      }
    }
  });
  if (!fields.title || !/\p{L}/u.test(fields.title.text)) return { links };
  const paperLink = linksPaper(fields);
  if (!paperLink && !fields.authors) fields.candidate = true;
  return { links, entry: fields };
}
