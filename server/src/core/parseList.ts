import GithubSlugger from 'github-slugger';
import { scanBlocks, type Block } from './blocks';
import type { Directive, DocumentLink, Entry, EntryFields, Heading, ListGroup, PaperList, Section } from './model';
import { parseBlock, type ParsedBlock } from './parseBlock';
import { LineIndex, normaliseTitle } from './text';

/**
 * Remembers what each block's text parsed to, so that parsing the document again after an edit only
 * runs remark on the blocks that changed.
 */
export class BlockCache {
  private current = new Map<string, ParsedBlock>();
  private previous = new Map<string, ParsedBlock>();

  get(kind: 'heading' | 'item' | 'other', text: string): ParsedBlock {
    const key = kind[0] + text;
    let parsed = this.current.get(key) ?? this.previous.get(key);
    if (!parsed) parsed = parseBlock(text, kind);
    this.current.set(key, parsed);
    return parsed;
  }

  /** Forgets the blocks that the last parse did not use. */
  endParse(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export interface ParseOptions {
  cache?: BlockCache;
}

const arxivPattern = /arxiv\.org\/(?:abs|pdf|html|format)\/((?:[a-z-]+(?:\.[a-z]{2})?\/\d{7})|\d{4}\.\d{4,5})/i;
const doiPattern = /(?:doi\.org\/|\bdoi:\s*)(10\.\d{4,9}\/[^\s"<>#?]+)/i;
const directivePattern = /<!--\s*paperlist-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** Parses markdown text into the typed model of sections, lists and paper entries. */
export function parseList(text: string, options: ParseOptions = {}): PaperList {
  const cache = options.cache ?? new BlockCache();
  const lines = new LineIndex(text);
  const blocks = scanBlocks(text, lines);
  const root: Section = { id: 0, level: 0, title: '', span: { start: 0, end: text.length }, children: [], entries: [] };
  const sections: Section[] = [root];
  const headings: Heading[] = [];
  const entries: Entry[] = [];
  const lists = new Map<number, ListGroup>();
  const links: DocumentLink[] = [];
  const directives: Directive[] = [];
  const slugger = new GithubSlugger();
  const stack: Section[] = [root];

  for (const block of blocks) {
    if (block.kind === 'code') continue;
    const blockText = text.slice(block.start, block.end);
    if (block.kind === 'comment') {
      for (const match of blockText.matchAll(directivePattern)) {
        const kind = match[1] as Directive['kind'];
        const codes = match[2].split(/[\s,]+/).filter(Boolean);
        directives.push({ kind, codes, line: lines.lineAt(block.start + match.index!) });
      }
      continue;
    }
    const parsed = cache.get(block.kind, blockText);
    for (const link of parsed.links) links.push(shiftSpans(link, block.start));

    if (block.kind === 'heading') {
      const level = block.level!;
      const title = parsed.headingText ?? '';
      const heading: Heading = { level, text: title, span: { start: block.start, end: block.end }, line: block.startLine, slug: slugger.slug(title) };
      headings.push(heading);
      while (stack.length > 1 && stack[stack.length - 1].level >= level) stack.pop()!.span.end = block.start;
      const parent = stack[stack.length - 1];
      const section: Section = { id: sections.length, heading, level, title, span: { start: block.start, end: text.length }, parent, children: [], entries: [] };
      parent.children.push(section);
      sections.push(section);
      stack.push(section);
      continue;
    }
    if (block.kind !== 'item') continue;

    const section = stack[stack.length - 1];
    let list = lists.get(block.listId!);
    if (!list) {
      list = { id: block.listId!, ordered: Boolean(block.ordered), items: [], entries: [], section };
      lists.set(list.id, list);
    }
    list.items.push(block);
    if (!parsed.entry) continue;
    const entry = makeEntry(shiftSpans(parsed.entry, block.start), block, text, entries.length, section, lines);
    entries.push(entry);
    section.entries.push(entry);
    list.entries.push(entry);
  }
  cache.endParse();
  return { text, lines, blocks, root, sections, headings, entries, lists: [...lists.values()], links, directives };
}

function makeEntry(fields: EntryFields, block: Block, text: string, index: number, section: Section, lines: LineIndex): Entry {
  const entry = fields as Entry;
  entry.index = index;
  entry.span = { start: block.start, end: block.end };
  entry.line = lines.lineAt(block.start);
  entry.listId = block.listId!;
  entry.section = section;
  if (block.number !== undefined) {
    entry.number = { text: text.slice(block.numberStart!, block.numberEnd!), value: block.number, start: block.numberStart!, end: block.numberEnd! };
  }
  for (const link of entry.links) {
    const arxiv = arxivPattern.exec(link.url);
    if (arxiv && !entry.arxivId) entry.arxivId = arxiv[1].toLowerCase();
    const doi = doiPattern.exec(link.url);
    if (doi && !entry.doi) entry.doi = decodeURIComponentSafe(doi[1]).toLowerCase();
  }
  entry.identity = entry.arxivId
    ? `arxiv:${entry.arxivId}`
    : entry.doi
      ? `doi:${entry.doi}`
      : `title:${normaliseTitle(entry.title?.text ?? '') || `entry ${index}`}`;
  return entry;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Copies a parsed value with every span in it moved by `delta`. */
export function shiftSpans<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item) => shiftSpans(item, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = shiftSpans(item, delta);
  if (typeof copy.start === 'number' && typeof copy.end === 'number') {
    copy.start = (copy.start as number) + delta;
    copy.end = (copy.end as number) + delta;
  }
  return copy as T;
}
