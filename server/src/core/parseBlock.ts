import type { Emphasis, Heading as MdHeading, Link, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fastParagraph } from './fastEntry';
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

/**
 * Parses the text of one block with remark. The block's first-line indentation is removed from every
 * line before parsing so that nested items are not read as code; spans are mapped back to the block.
 */
export function parseBlock(text: string, kind: 'heading' | 'item' | 'other', options: { fast?: boolean } = {}): ParsedBlock {
  if (kind === 'item' && options.fast !== false && text.indexOf('\n') === -1 && text.indexOf('\r') === -1) {
    const paragraph = fastParagraph(text);
    if (paragraph) {
      const spanOf = (node: Nodes): Span => ({ start: node.position!.start.offset!, end: node.position!.end.offset! });
      const root = { type: 'root', children: [paragraph] } as Root;
      return { links: collectLinks(root, text, spanOf), entry: readEntry(paragraph, text, spanOf) };
    }
  }
  // Without brackets, angle brackets or emphasis markers a block holds no link and no paper entry.
  if (kind !== 'heading' && !/[[<*_]/.test(text)) return { links: [] };
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
    result.headingText = heading ? toString(heading).trim() : text.replace(/^[ \t]*#+/, '').trim();
  } else if (kind === 'item') {
    const list = tree.children[0];
    const item = list?.type === 'list' ? list.children[0] : undefined;
    const paragraph = item?.children[0]?.type === 'paragraph' ? (item.children[0] as Paragraph) : undefined;
    const second = item?.children[1]?.type === 'paragraph' ? (item.children[1] as Paragraph) : undefined;
    if (paragraph) result.entry = readEntry(paragraph, text, spanOf, second);
  }
  return result;
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
function isTitleLink(node: Link, text: string, span: Span, itemStart: number): boolean {
  if (!node.url || node.url.startsWith('#') || text[span.start - 1] === '[') return false;
  const before = text.slice(itemStart, span.start).trim();
  if (before && datePattern.exec(before)?.[0] !== before) return false;
  return /\S\s+\S/.test(toString(node).trim());
}

/** A date before the title: `[2023/05]`, `[2023]`, `2023.5` or `2023/05`, with its year and month. */
const datePattern = /^\[(\d{4})(?:[/.-](\d{1,2}))?\]|^(\d{4})[/.-](\d{1,2})(?!\d)/;
const leadSeparator = /[\s:\-\u2013\u2014|]/;

/** Reads the date and the short name that may stand before the title. */
function readLead(fields: EntryFields, text: string, start: number, end: number): void {
  let at = start;
  while (at < end && /\s/.test(text[at])) at++;
  const date = datePattern.exec(text.slice(at, Math.min(end, at + 16)));
  if (date) {
    const year = Number(date[1] ?? date[3]);
    const month = date[2] ?? date[4];
    fields.date = { text: date[0], start: at, end: at + date[0].length, year, month: month === undefined ? undefined : Number(month) };
    at += date[0].length;
  }
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

function readEntry(paragraph: Paragraph, text: string, spanOf: (node: Nodes) => Span, second?: Paragraph): EntryFields | undefined {
  const inline = paragraph.children;
  const paragraphSpan = spanOf(paragraph);
  let titleIndex = -1;
  let linkTitle = false;
  for (let i = 0; i < inline.length; i++) {
    const node = inline[i];
    if (node.type === 'strong') {
      titleIndex = i;
      break;
    }
    if (node.type === 'link' && isTitleLink(node, text, spanOf(node), paragraphSpan.start)) {
      titleIndex = i;
      linkTitle = true;
      break;
    }
    if (node.type !== 'text' && node.type !== 'html') break;
  }

  const fields: EntryFields = { tail: { start: paragraphSpan.end, end: paragraphSpan.end }, links: [], titleQuoted: false, venueInAuthors: false };
  let afterTitle = paragraphSpan.start;
  if (titleIndex >= 0) {
    const node = inline[titleIndex];
    const outer = spanOf(node);
    readLead(fields, text, paragraphSpan.start, outer.start);
    const link = linkTitle ? readLink(node as Link, text, spanOf) : undefined;
    const inner = link ? link.labelSpan : { start: outer.start + 2, end: Math.max(outer.start + 2, outer.end - 2) };
    readTitle(fields, toString(node).trim(), text, inner, outer);
    const titleLink = link ?? titleLinkInside(node, text, spanOf);
    if (titleLink) fields.titleUrl = { text: titleLink.url, ...titleLink.urlSpan };
    afterTitle = outer.end;
  } else {
    const content = text.slice(paragraphSpan.start, paragraphSpan.end);
    const close = content.startsWith('**') ? content.indexOf('**', 2) : -1;
    const lineEnd = content.indexOf('\n');
    if (close > 2 && content.slice(2, close).trim() && (lineEnd === -1 || close < lineEnd)) {
      // The markers pair up in the source but a stray `*` inside keeps markdown from rendering them as bold.
      const start = paragraphSpan.start + 2;
      const titleText = content.slice(2, close).replace(/\\(.)/g, '$1').trim();
      const outer = { start: paragraphSpan.start, end: paragraphSpan.start + close + 2 };
      readTitle(fields, titleText, text, { start, end: paragraphSpan.start + close }, outer);
      fields.titleProblem = 'broken';
      afterTitle = outer.end;
      titleIndex = inline.findIndex((node) => spanOf(node).end >= afterTitle);
    } else if (content.startsWith('**')) {
      fields.titleProblem = close !== -1 && !content.slice(2, close).trim() ? 'empty' : 'unclosed';
    } else {
      fields.titleProblem = 'missing';
    }
  }

  let authorsEnd: number | undefined;
  let firstLinkStart: number | undefined;
  for (let i = Math.max(0, titleIndex); i < inline.length; i++) {
    const node = inline[i];
    if (spanOf(node).start < afterTitle) continue;
    if (node.type === 'emphasis' && !fields.authors && firstLinkStart === undefined) {
      readAuthors(fields, node, text, spanOf, 'same');
      authorsEnd = fields.authors!.outer.end;
    } else if (node.type === 'link') {
      const link = readLink(node, text, spanOf);
      fields.links.push(link);
      if (firstLinkStart === undefined) firstLinkStart = link.group.start;
    }
  }
  const below = fields.authors || !fields.title ? undefined : authorsParagraph(second);
  if (below) readAuthors(fields, below, text, spanOf, 'next');

  const hasTitle = fields.title !== undefined || fields.titleProblem === 'unclosed' || fields.titleProblem === 'empty';
  const bracketed = fields.links.some((link) => link.openBracket || link.closeBracket);
  const tailStart = authorsEnd ?? (fields.title ? afterTitle : undefined);
  if (tailStart !== undefined) {
    const tailEnd = Math.max(tailStart, firstLinkStart ?? paragraphSpan.end);
    fields.tail = { start: tailStart, end: tailEnd };
    readVenueAndYear(fields, text, fields.tail);
  }
  if (!fields.year && !fields.badYear && fields.date) {
    const yearStart = fields.date.start + (text[fields.date.start] === '[' ? 1 : 0);
    fields.year = { text: String(fields.date.year), value: fields.date.year, start: yearStart, end: yearStart + 4 };
  }
  // A title that is a link is a paper only with authors or a year beside it; otherwise it is any list of links.
  const evidence = linkTitle
    ? fields.authors !== undefined || fields.year !== undefined
    : fields.links.length > 0 || fields.authors !== undefined || fields.year !== undefined;
  if (hasTitle && evidence) return fields;
  return bracketed && !linkTitle ? fields : undefined;
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
  for (const match of tail.matchAll(yearPattern)) year = match as RegExpExecArray;
  let venueEnd = tail.length;
  if (year) {
    venueEnd = year.index;
    if (!fields.year && !fields.badYear) {
      const yearStart = start + year.index;
      fields.year = { text: year[0], value: Number(year[0]), start: yearStart, end: yearStart + 4 };
      fields.periodAfterYear = text[yearStart + 4] === '.';
    }
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
