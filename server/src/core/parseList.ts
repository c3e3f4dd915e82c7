import GithubSlugger from 'github-slugger';
import { isAtxHeading, scanBlocks, type Block } from './blocks';
import type { Directive, DocumentLink, Entry, EntryFields, Heading, ListGroup, PaperList, Section } from './model';
import { parseBlock, type ParsedBlock } from './parseBlock';
import { LineIndex, normaliseTitle } from './text';

/** What the last parse with a cache produced, so that the next one can keep what an edit did not touch. */
interface LastParse {
  text: string;
  blocks: Block[];
  entries: Map<Block, Entry>;
  links: Map<Block, DocumentLink[]>;
  headingTexts: Map<Block, string>;
  nextListId: number;
  lineCount: number;
}

/**
 * Remembers what each block's text parsed to, and the blocks and entries of the last parse, so that
 * parsing the document again after an edit re-scans only the sections around the edit and runs remark
 * only on the blocks that changed. Entries the edit did not touch are kept as the same objects (moved to
 * their new offsets), which lets the rules keep their per-entry results too. One cache serves one
 * document; the list a parse returned must not be used after the next parse with the same cache.
 */
export class BlockCache {
  private current = new Map<string, ParsedBlock>();
  private previous = new Map<string, ParsedBlock>();
  /** @internal */
  last?: LastParse;
  /** Per-rule results of the last lint, for rules that look at one entry at a time. @internal */
  readonly ruleResults = new Map<string, unknown>();

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
  const { blocks, moved } = scanIncrementally(text, lines, cache.last);
  const last = cache.last;
  const entryOf = new Map<Block, Entry>();
  const linksOf = new Map<Block, DocumentLink[]>();
  const root: Section = { id: 0, level: 0, title: '', span: { start: 0, end: text.length }, children: [], entries: [] };
  const sections: Section[] = [root];
  const headings: Heading[] = [];
  const entries: Entry[] = [];
  const lists = new Map<number, ListGroup>();
  const links: DocumentLink[] = [];
  const directives: Directive[] = [];
  const slugger = new GithubSlugger();
  const headingTexts = new Map<Block, string>();
  const stack: Section[] = [root];

  for (const block of blocks) {
    if (block.kind === 'code') continue;
    // A block the edit did not touch keeps its parsed entry and links, moved to the block's new offset.
    const move = moved.get(block);
    const old = last && (move ? move.old : block);
    const delta = move ? move.delta : 0;
    const kept = old !== undefined && last!.links.has(old);
    let parsed: ParsedBlock | undefined;
    let blockLinks: DocumentLink[];
    if (kept) {
      blockLinks = last!.links.get(old)!;
      if (old !== block) for (const link of blockLinks) moveLink(link, delta);
    } else if (block.kind === 'comment') {
      blockLinks = [];
    } else {
      parsed = cache.get(block.kind, text.slice(block.start, block.end));
      blockLinks = parsed.links.map((link) => copyLink(link, block.start));
    }
    linksOf.set(block, blockLinks);
    for (const link of blockLinks) links.push(link);

    if (block.kind === 'comment') {
      const blockText = text.slice(block.start, block.end);
      for (const match of blockText.matchAll(directivePattern)) {
        const kind = match[1] as Directive['kind'];
        const codes = match[2].split(/[\s,]+/).filter(Boolean);
        directives.push({ kind, codes, line: lines.lineAt(block.start + match.index!) });
      }
      continue;
    }
    if (block.kind === 'heading') {
      const level = block.level!;
      const title = kept ? last!.headingTexts.get(old!) ?? '' : (parsed!.headingText ?? '');
      headingTexts.set(block, title);
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
    let entry: Entry | undefined;
    if (kept) {
      entry = last!.entries.get(old!);
      if (entry && old !== block) moveEntry(entry, delta, block);
    } else if (parsed!.entry) {
      entry = makeEntry(copyEntryFields(parsed!.entry, block.start), block, text, lines);
    }
    if (!entry) continue;
    entry.index = entries.length;
    entry.section = section;
    entryOf.set(block, entry);
    entries.push(entry);
    section.entries.push(entry);
    list.entries.push(entry);
  }
  cache.endParse();
  cache.last = { text, blocks, entries: entryOf, links: linksOf, headingTexts, nextListId: nextListIdOf(blocks, last), lineCount: lines.lineCount };
  return { text, lines, blocks, root, sections, headings, entries, lists: [...lists.values()], links, directives };
}

function makeEntry(fields: EntryFields, block: Block, text: string, lines: LineIndex): Entry {
  const entry = fields as Entry;
  entry.span = { start: block.start, end: block.end };
  entry.line = lines.lineAt(block.start);
  entry.listId = block.listId!;
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
      : `title:${normaliseTitle(entry.title?.text ?? '') || normaliseTitle(text.slice(block.start, block.end))}`;
  return entry;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

type Spanned = { start: number; end: number };
const moved = <T extends Spanned>(span: T, delta: number): T => ({ ...span, start: span.start + delta, end: span.end + delta });
const shift = (span: Spanned | undefined, delta: number) => {
  if (span) {
    span.start += delta;
    span.end += delta;
  }
};

/** Copies a block's parsed entry to document offsets; the parsed original stays in the cache untouched. */
function copyEntryFields(fields: EntryFields, delta: number): EntryFields {
  return {
    ...fields,
    title: fields.title && { ...moved(fields.title, delta), outer: moved(fields.title.outer, delta) },
    authors: fields.authors && { ...moved(fields.authors, delta), outer: moved(fields.authors.outer, delta) },
    tail: moved(fields.tail, delta),
    venue: fields.venue && moved(fields.venue, delta),
    year: fields.year && moved(fields.year, delta),
    badYear: fields.badYear && moved(fields.badYear, delta),
    links: fields.links.map((link) => ({
      ...link,
      span: moved(link.span, delta),
      labelSpan: moved(link.labelSpan, delta),
      urlSpan: moved(link.urlSpan, delta),
      group: moved(link.group, delta),
    })),
  };
}

function copyLink(link: DocumentLink, delta: number): DocumentLink {
  return { ...link, span: moved(link.span, delta), urlSpan: moved(link.urlSpan, delta) };
}

/** Moves a kept entry to its block's new place, in place, so that per-entry caches still know it. */
function moveEntry(entry: Entry, delta: number, block: Block): void {
  shift(entry.span, delta);
  shift(entry.number, delta);
  if (entry.title) {
    shift(entry.title, delta);
    shift(entry.title.outer, delta);
  }
  if (entry.authors) {
    shift(entry.authors, delta);
    shift(entry.authors.outer, delta);
  }
  shift(entry.tail, delta);
  shift(entry.venue, delta);
  shift(entry.year, delta);
  shift(entry.badYear, delta);
  for (const link of entry.links) {
    shift(link.span, delta);
    shift(link.labelSpan, delta);
    shift(link.urlSpan, delta);
    shift(link.group, delta);
  }
  entry.line = block.startLine;
  entry.listId = block.listId!;
}

function moveLink(link: DocumentLink, delta: number): void {
  shift(link.span, delta);
  shift(link.urlSpan, delta);
}

function nextListIdOf(blocks: Block[], last: LastParse | undefined): number {
  let next = last?.nextListId ?? 0;
  for (const block of blocks) if (block.listId !== undefined && block.listId >= next) next = block.listId + 1;
  return next;
}

interface IncrementalScan {
  blocks: Block[];
  /** New block to the old block with the same text it replaces, and how far that one moved. */
  moved: Map<Block, { old: Block; delta: number }>;
}

/**
 * Scans the blocks of `text`, re-using the last parse's blocks before and after the edited region.
 * The scan restarts at the last ATX heading before the edit and stops at the first ATX heading after it
 * whose position in the old text held the same heading: the scanner's state is the same at every such
 * heading, so the blocks from there on are the old ones, moved.
 */
function scanIncrementally(text: string, lines: LineIndex, last: LastParse | undefined): IncrementalScan {
  const movedBlocks = new Map<Block, { old: Block; delta: number }>();
  if (!last) return { blocks: scanBlocks(text, lines), moved: movedBlocks };
  const old = last.text;
  const limit = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;
  const oldBlocks = last.blocks;

  // The last ATX heading that ends before the edit, and its line break with it, is a safe restart point.
  let restart = -1;
  for (let low = 0, high = oldBlocks.length - 1; low <= high; ) {
    const mid = (low + high) >> 1;
    if (oldBlocks[mid].end < prefix) {
      restart = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  while (restart >= 0 && !isAtxHeading(old, oldBlocks[restart])) restart--;
  if (restart < 0 || text.charCodeAt(0) === 0xfeff) return { blocks: scanBlocks(text, lines), moved: movedBlocks };

  const lineDelta = lines.lineCount - last.lineCount;
  let resyncedAt = oldBlocks.length;
  const unchangedFrom = text.length - suffix;
  const resync = (_line: number, lineStart: number): Block[] | undefined => {
    if (lineStart <= unchangedFrom) return undefined;
    const oldStart = lineStart - delta;
    const at = findBlockStartingAt(oldBlocks, oldStart);
    if (at === -1 || !isAtxHeading(old, oldBlocks[at])) return undefined;
    const rest: Block[] = [];
    resyncedAt = at;
    for (let i = at; i < oldBlocks.length; i++) {
      const block = oldBlocks[i];
      const copy: Block = { ...block, start: block.start + delta, end: block.end + delta, startLine: block.startLine + lineDelta, endLine: block.endLine + lineDelta };
      if (copy.numberStart !== undefined) {
        copy.numberStart! += delta;
        copy.numberEnd! += delta;
      }
      movedBlocks.set(copy, { old: block, delta });
      rest.push(copy);
    }
    return rest;
  };
  const blocks = scanBlocks(text, lines, {
    resume: { blocks: oldBlocks.slice(0, restart), startLine: oldBlocks[restart].startLine, nextListId: last.nextListId },
    resync,
  });

  // Blocks of the re-scanned region whose text an old block of the region had are that block, moved.
  const oldByText = new Map<string, Block[]>();
  for (let i = restart; i < resyncedAt; i++) {
    const block = oldBlocks[i];
    const key = block.kind + old.slice(block.start, block.end);
    const list = oldByText.get(key);
    if (list) list.push(block);
    else oldByText.set(key, [block]);
  }
  for (let i = restart; i < blocks.length && !movedBlocks.has(blocks[i]); i++) {
    const block = blocks[i];
    const candidates = oldByText.get(block.kind + text.slice(block.start, block.end));
    const match = candidates?.shift();
    if (match) movedBlocks.set(block, { old: match, delta: block.start - match.start });
  }
  return { blocks, moved: movedBlocks };
}

function findBlockStartingAt(blocks: Block[], start: number): number {
  for (let low = 0, high = blocks.length - 1; low <= high; ) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start === start) return mid;
    if (blocks[mid].start < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
