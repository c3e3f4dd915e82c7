import type { Heading as MdHeading, Link, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
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
    if (paragraph) result.entry = readEntry(paragraph, text, spanOf);
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

function readEntry(paragraph: Paragraph, text: string, spanOf: (node: Nodes) => Span): EntryFields | undefined {
  const inline = paragraph.children;
  const paragraphSpan = spanOf(paragraph);
  let titleIndex = -1;
  for (let i = 0; i < inline.length; i++) {
    const node = inline[i];
    if (node.type === 'strong') {
      titleIndex = i;
      break;
    }
    if (node.type !== 'text' && node.type !== 'html') break;
  }

  const fields: EntryFields = { tail: { start: paragraphSpan.end, end: paragraphSpan.end }, links: [] };
  let afterTitle = paragraphSpan.start;
  if (titleIndex >= 0) {
    const strong = inline[titleIndex];
    const outer = spanOf(strong);
    const titleText = toString(strong).trim();
    const inner = { start: outer.start + 2, end: Math.max(outer.start + 2, outer.end - 2) };
    fields.title = { text: titleText, start: inner.start, end: inner.end, outer };
    if (!titleText) fields.titleProblem = 'empty';
    afterTitle = outer.end;
    fields.periodAfterTitle = periodAfterTitle(titleText, text, outer.end);
  } else {
    const content = text.slice(paragraphSpan.start, paragraphSpan.end);
    const close = content.startsWith('**') ? content.indexOf('**', 2) : -1;
    const lineEnd = content.indexOf('\n');
    if (close > 2 && content.slice(2, close).trim() && (lineEnd === -1 || close < lineEnd)) {
      // The markers pair up in the source but a stray `*` inside keeps markdown from rendering them as bold.
      const start = paragraphSpan.start + 2;
      const titleText = content.slice(2, close).replace(/\\(.)/g, '$1').trim();
      fields.title = { text: titleText, start, end: paragraphSpan.start + close, outer: { start: paragraphSpan.start, end: paragraphSpan.start + close + 2 } };
      fields.titleProblem = 'broken';
      afterTitle = fields.title.outer.end;
      titleIndex = inline.findIndex((node) => spanOf(node).end >= afterTitle);
      fields.periodAfterTitle = periodAfterTitle(titleText, text, afterTitle);
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
      const outer = spanOf(node);
      fields.authors = { text: toString(node).trim(), start: outer.start + 1, end: outer.end - 1, outer };
      authorsEnd = outer.end;
    } else if (node.type === 'link') {
      const link = readLink(node, text, spanOf);
      fields.links.push(link);
      if (firstLinkStart === undefined) firstLinkStart = link.group.start;
    }
  }

  const hasTitle = fields.title !== undefined || fields.titleProblem === 'unclosed' || fields.titleProblem === 'empty';
  const bracketed = fields.links.some((link) => link.openBracket || link.closeBracket);
  const tailStart = authorsEnd ?? (fields.title ? afterTitle : undefined);
  if (tailStart !== undefined) {
    const tailEnd = Math.max(tailStart, firstLinkStart ?? paragraphSpan.end);
    fields.tail = { start: tailStart, end: tailEnd };
    readVenueAndYear(fields, text);
  }
  const looksLikePaper = hasTitle && (fields.links.length > 0 || fields.authors !== undefined || fields.year !== undefined);
  if (!looksLikePaper && !bracketed) return undefined;
  return fields;
}

/**
 * Whether the title ends with a period, inside the bold or right after it; undefined for a title that
 * ends with `?` or `!`, which needs none.
 */
function periodAfterTitle(title: string, text: string, afterTitle: number): EntryFields['periodAfterTitle'] {
  if (title.endsWith('.')) return 'inside';
  if (text[afterTitle] === '.') return 'outside';
  return /[?!]$/.test(title) ? undefined : false;
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

function readVenueAndYear(fields: EntryFields, text: string): void {
  const { start, end } = fields.tail;
  const tail = text.slice(start, end);
  let year: RegExpExecArray | undefined;
  for (const match of tail.matchAll(yearPattern)) year = match as RegExpExecArray;
  let venueEnd = tail.length;
  if (year) {
    const yearStart = start + year.index;
    fields.year = { text: year[0], value: Number(year[0]), start: yearStart, end: yearStart + 4 };
    fields.periodAfterYear = text[yearStart + 4] === '.';
    venueEnd = year.index;
  } else {
    let last: RegExpExecArray | undefined;
    for (const match of tail.matchAll(numberPattern)) last = match as RegExpExecArray;
    if (last && !trimField(tail.slice(last.index + last[0].length), 0)) {
      fields.badYear = { text: last[0], start: start + last.index, end: start + last.index + last[0].length };
      venueEnd = last.index;
    }
  }
  const venue = trimField(tail.slice(0, venueEnd), start);
  if (venue) fields.venue = venue;
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
