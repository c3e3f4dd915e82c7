import { slug } from 'github-slugger';
import { blockStartingAt, isAtxHeading, scanBlocks, type Block } from './blocks';
import type { Directive, DocumentLink, Entry, EntryFields, Field, Heading, ListGroup, PaperList, Section, TextChange } from './model';
import { isVenueName } from './fieldPatterns';
import { linksPaper, parseBlock } from './parseBlock';
import { decodeURIComponentSafe, LineIndex, normaliseTitle } from './text';

/**
 * GitHub's anchors for repeated headings, `x`, `x-1`, `x-2`, as github-slugger counts them; the base slug
 * of each heading is kept on its block, so a parse after an edit does not run the slug pattern again.
 */
class UniqueSlugs {
  private readonly occurrences = new Map<string, number>();

  next(base: string): string {
    let result = base;
    while (this.occurrences.has(result)) {
      const count = this.occurrences.get(base)! + 1;
      this.occurrences.set(base, count);
      result = `${base}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

/** What the last parse with a cache produced, so that the next one can keep what an edit did not touch. */
interface LastParse {
  text: string;
  blocks: Block[];
  nextListId: number;
  lineCount: number;
  /** The lists by id, so that an untouched list stays the same object (see keepUnchangedLists). */
  lists: Map<number, ListGroup>;
  parse: number;
}

/**
 * Remembers the blocks and entries of the last parse, so that parsing the document again after an edit
 * re-scans only the sections around the edit and parses only the blocks that changed. Entries the edit
 * did not touch are kept as the same objects (moved to their new offsets), which lets the rules keep
 * their per-entry results too. One cache serves one document; the list a parse returned must not be
 * used after the next parse with the same cache.
 */
export class BlockCache {
  /** @internal */
  last?: LastParse;

  /** What the entry-scoped rules found per entry, one slot per rule. @internal */
  readonly entrySlots = new WeakMap<Entry, unknown>();
  private readonly slots = new Map<string, number>();

  private readonly kept = new Map<string, unknown>();

  private readonly stamps = new Map<string, number>();
  private nextStamp = 0;

  private readonly slotKeys: string[] = [];
  private readonly slotVersions: number[] = [];

  /** The slot of an entry-scoped rule in `entrySlots`. @internal */
  slotOf(code: string): number {
    let slot = this.slots.get(code);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(code, slot);
      this.slotKeys.push('');
      this.slotVersions.push(0);
    }
    return slot;
  }

  /**
   * A number that stays the same while a rule's list-wide facts do, so that each entry's results are
   * checked with one number comparison rather than a comparison of long keys. @internal
   */
  versionOf(slot: number, key: string): number {
    if (this.slotKeys[slot] !== key) {
      this.slotKeys[slot] = key;
      this.slotVersions[slot]++;
    }
    return this.slotVersions[slot];
  }

  /**
   * A number for one combination of the scoped rules' versions, so that an entry whose findings are
   * current under all of them is recognised by one comparison. @internal
   */
  stampOf(versions: string): number {
    let stamp = this.stamps.get(versions);
    if (stamp === undefined) {
      // A stale combination never comes back once a version moved on, so old ones can go.
      if (this.stamps.size > 64) this.stamps.clear();
      this.stamps.set(versions, (stamp = this.nextStamp++));
    }
    return stamp;
  }

  /**
   * A document-wide index or memo that a rule keeps across parses (a `GroupMemo`, a `KindTally`, the
   * `IdentityIndex`), made on first use. The name says whose it is; one name, one type.
   */
  keep<T>(name: string, make: () => T): T {
    let kept = this.kept.get(name) as T | undefined;
    if (kept === undefined) this.kept.set(name, (kept = make()));
    return kept;
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
  const { blocks, nextListId, edited } = scanIncrementally(text, lines, cache.last);
  const root: Section = { id: 0, level: 0, title: '', span: { start: 0, end: text.length }, children: [], entries: [] };
  const sections: Section[] = [root];
  const headings: Heading[] = [];
  const entries: Entry[] = [];
  const lists = new Map<number, ListGroup>();
  const links: DocumentLink[] = [];
  const directives: Directive[] = [];
  const slugs = new UniqueSlugs();
  const stack: Section[] = [root];
  const pending: Entry[] = [];
  const promoted = new Set<Entry>();
  // What each section holds, worked out once per section rather than once per entry.
  const sectionKinds = new Map<Section, 'papers' | 'resources' | 'none'>();

  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex];
    if (block.kind === 'code') continue;
    // A block parsed before keeps its links and entry: the scan moved them with the block.
    if (!block.links) {
      if (block.kind === 'comment') block.links = [];
      else {
        const parsed = parseBlock(text.slice(block.start, block.end), block.kind, { columns: block.columns });
        block.links = parsed.links.map((link) => copyLink(link, block.start));
        block.headingText = parsed.headingText;
        if (parsed.entry) block.entry = makeEntry(parsed.entry, block, text);
      }
    }
    for (const link of block.links) links.push(link);

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
      const title = block.headingText ?? '';
      const heading: Heading = { level, text: title, span: { start: block.start, end: block.end }, line: block.startLine, slug: slugs.next(block.slugBase ??= slug(title)) };
      headings.push(heading);
      while (stack.length > 1 && stack[stack.length - 1].level >= level) stack.pop()!.span.end = block.start;
      const parent = stack[stack.length - 1];
      const section: Section = { id: sections.length, heading, level, title, span: { start: block.start, end: text.length }, parent, children: [], entries: [] };
      parent.children.push(section);
      sections.push(section);
      stack.push(section);
      continue;
    }
    if (block.kind !== 'item' && !block.entry) continue;

    const section = stack[stack.length - 1];
    // Paragraphs that are entries, with no list marker, form one list per section.
    const listId = block.kind === 'item' ? block.listId! : -1 - section.id;
    let list = lists.get(listId);
    if (!list) {
      list = { id: listId, ordered: Boolean(block.ordered), items: [], entries: [], section };
      lists.set(list.id, list);
    }
    list.items.push(block);
    const entry = block.entry;
    if (!entry) continue;
    let kind = sectionKinds.get(section);
    if (kind === undefined) sectionKinds.set(section, (kind = section.holds = inNonPaperSection(section) ? 'none' : inResourceSection(section) ? 'resources' : 'papers'));
    if (kind === 'none' || (kind === 'resources' && !entry.authors && !hasPaperLink(entry) && !(entry.year && venueInTag(text, entry)))) continue;
    entry.listId = listId;
    entry.section = section;
    pending.push(entry);
    // A bold title alone in its paragraph, with its `- Paper: url` bullets right under it.
    if (entry.candidate && block.kind === 'other' && linksBelow(text, blocks[blockIndex + 1])) promoted.add(entry);
  }
  // A candidate, a title with links and no other sign of a paper, is a paper in a list of papers.
  // Most lists have no candidates; only those that do are tallied.
  const papersByList = new Map<number, { papers: number; candidates: number }>();
  const tallied = new Set<number>();
  for (const entry of pending) if (entry.candidate) tallied.add(entry.listId);
  for (const entry of pending) {
    if (!tallied.has(entry.listId)) continue;
    let tally = papersByList.get(entry.listId);
    if (!tally) papersByList.set(entry.listId, (tally = { papers: 0, candidates: 0 }));
    if (entry.candidate) tally.candidates++;
    else tally.papers++;
  }
  for (const entry of pending) {
    if (entry.candidate && !promoted.has(entry)) {
      // A title that is a link, as `- [Title](url)`, takes its list's word; a plain line only where nearly
      // every other item is a paper; a table row never, since tables list code and data beside papers.
      const tally = papersByList.get(entry.listId)!;
      const needed = entry.titleStyle === 'link' || !entry.title ? Math.max(2, tally.candidates) : entry.titleStyle === 'plain' ? Math.max(3, 4 * tally.candidates) : Infinity;
      if (tally.papers < needed) continue;
    }
    entry.index = entries.length;
    entries.push(entry);
    entry.section.entries.push(entry);
    lists.get(entry.listId)!.entries.push(entry);
  }
  const groups = keepUnchangedLists(lists, cache.last?.lists);
  const parse = (cache.last?.parse ?? 0) + 1;
  cache.last = { text, blocks, nextListId, lineCount: lines.lineCount, lists, parse };
  return { text, lines, blocks, root, sections, headings, entries, lists: groups, links, directives, cache, parse, edited };
}

/**
 * The lists of this parse, where a list has the same items and entries as a list of the last parse being
 * that list object, moved to its new section: the numbering rules then know an untouched list by its
 * object, as they know an untouched entry. Updates `lists` in place.
 */
function keepUnchangedLists(lists: Map<number, ListGroup>, last: Map<number, ListGroup> | undefined): ListGroup[] {
  const groups: ListGroup[] = [];
  for (const [id, group] of lists) {
    const old = last?.get(id);
    if (old && old.ordered === group.ordered && sameObjects(old.items, group.items) && sameObjects(old.entries, group.entries)) {
      old.section = group.section;
      lists.set(id, old);
      groups.push(old);
    } else groups.push(group);
  }
  return groups;
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a block is a bullet that gives a paper's link, `- Paper: https://…`. */
function linksBelow(text: string, block: Block | undefined): boolean {
  return block?.kind === 'item' && /^[ \t]*[-*+][ \t]+(?:\*\*)?(?:paper|pdf|arxiv|homepage|project(?: page)?|code|github)(?:\*\*)?\s*[:：]/i.test(text.slice(block.start, Math.min(block.end, block.start + 40)));
}

/** Headings of the parts of a list that hold no papers: news, introductions, how to contribute. */
const nonPaperHeading = /^(?:(?:latest |recent )?news|updates?|update log|changelog|what'?s new|introduction|about|overview|contributing|contribution|how to contribute|contributors?|citations?|cite|how to cite|acknowledge?ments?|(?:table of )?contents|toc|star history|contacts?|licen[sc]e|todo)$/i;

/** Whether a section's own heading names a part of the list that holds no papers. */
function inNonPaperSection(section: Section): boolean {
  return section.heading !== undefined && nonPaperHeading.test(headingName(section));
}

/** Heading names by heading text; a list repeats its parent headings' names for every subsection. */
const headingNames = new Map<string, string>();

/** A heading's words, without markup, emoji or numbering. */
function headingName(section: Section): string {
  let name = headingNames.get(section.title);
  if (name === undefined) {
    if (headingNames.size > 10_000) headingNames.clear();
    headingNames.set(section.title, (name = nameOf(section.title)));
  }
  return name;
}

function nameOf(title: string): string {
  return title.replace(/<[^<>]*>|:[a-z0-9_+-]+:/g, ' ').replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/^\s*\d+(?:\s\d+)*\s/, '').replace(/\s+/g, ' ').trim();
}

/**
 * Headings of parts that list resources other than papers: data sets, tools, courses, books, blogs, named
 * by their last word (`Datasets`, `Other Awesome Lists`, but not `Video Generation`). Their items are
 * papers only with a link to a paper, authors, or a venue with a year.
 */
const resourceHeading = /\b(?:data ?sets?|benchmarks?|tools?|toolbox(?:es)?|toolkits?|librar(?:y|ies)|frameworks?|courses?|lectures?|tutorials?|blogs?|videos|talks|books?|repos(?:itories)?|resources?|software|products|platforms|projects|demos|competitions|challenges|people|venues|meta lists?|awesome lists?|other lists?)\b/i;

/** Whether a section, or a section it stands in, lists resources other than papers. */
function inResourceSection(section: Section): boolean {
  if (!section.heading) return false;
  let known = resourceSections.get(section);
  if (known === undefined) {
    known = (section.parent !== undefined && inResourceSection(section.parent)) || namesResources(section.title);
    resourceSections.set(section, known);
  }
  return known;
}

/** Each section's answer, so that subsections ask their parent once; sections are new on every parse. */
const resourceSections = new WeakMap<Section, boolean>();
/** Each heading text's answer, kept across parses: a keystroke re-parses every section, not every heading. */
const resourceTitles = new Map<string, boolean>();

function namesResources(title: string): boolean {
  let known = resourceTitles.get(title);
  if (known === undefined) {
    // A short heading names what its section holds; a longer one names it last, `Open Source Toolboxes`.
    const name = nameOf(title);
    const words = name.split(' ');
    known = resourceHeading.test(words.length <= 4 ? name : words[words.length - 1]);
    if (resourceTitles.size > 10_000) resourceTitles.clear();
    resourceTitles.set(title, known);
  }
  return known;
}

/** Whether an entry names its venue in a tag, `(SIGMOD 2020)` or `[ICLR 2024]`, or names a known venue. */
function venueInTag(text: string, entry: Entry): boolean {
  const venue = entry.venue;
  if (!venue) return false;
  return /[([\uff08]\W{0,2}$/.test(text.slice(Math.max(0, venue.start - 3), venue.start)) || venue.text.split(/[\s,]+/).some(isVenueName);
}

/** Whether an entry links a paper: arXiv, a DOI or a proceedings page; a bare PDF may be a book. */
function hasPaperLink(entry: Entry): boolean {
  return linksPaper(entry, true);
}

/**
 * The entry of an item, at document offsets. Every entry gets every property, in one order, so that
 * all entries share one shape and the rules' loops over them stay fast.
 */
function makeEntry(fields: EntryFields, block: Block, text: string): Entry {
  const delta = block.start;
  let arxivId: string | undefined;
  let doi: string | undefined;
  for (const link of fields.titleUrl ? [{ url: fields.titleUrl.text }, ...fields.links] : fields.links) {
    const arxiv = arxivPattern.exec(link.url);
    if (arxiv && !arxivId) arxivId = arxiv[1].toLowerCase();
    const found = doiPattern.exec(link.url);
    if (found && !doi) doi = decodeURIComponentSafe(found[1]).toLowerCase();
  }
  // arXiv's own DOIs, `10.48550/arXiv.2302.04023`, name the same paper as its arXiv id.
  const arxivDoi = doi && !arxivId ? /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})$/.exec(doi) : null;
  if (arxivDoi) arxivId = arxivDoi[1];
  const identity = arxivId
    ? `arxiv:${arxivId}`
    : doi
      ? `doi:${doi}`
      : `title:${normaliseTitle(fields.title?.text ?? '') || normaliseTitle(text.slice(block.start, block.end))}`;
  return {
    title: fields.title && { text: fields.title.text, start: fields.title.start + delta, end: fields.title.end + delta, outer: moved(fields.title.outer, delta) },
    titleProblem: fields.titleProblem,
    titleStyle: fields.titleStyle,
    authorsStyle: fields.authorsStyle,
    authors: fields.authors && { text: fields.authors.text, start: fields.authors.start + delta, end: fields.authors.end + delta, outer: moved(fields.authors.outer, delta) },
    tail: moved(fields.tail, delta),
    venue: fields.venue && movedField(fields.venue, delta),
    year: fields.year && { text: fields.year.text, value: fields.year.value, start: fields.year.start + delta, end: fields.year.end + delta },
    badYear: fields.badYear && movedField(fields.badYear, delta),
    date: fields.date && { text: fields.date.text, start: fields.date.start + delta, end: fields.date.end + delta, year: fields.date.year, month: fields.date.month },
    leadName: fields.leadName && movedField(fields.leadName, delta),
    titleQuoted: fields.titleQuoted,
    titleUrl: fields.titleUrl && movedField(fields.titleUrl, delta),
    authorsLine: fields.authorsLine,
    authorsPeriod: fields.authorsPeriod,
    venueInAuthors: fields.venueInAuthors,
    periodAfterTitle: fields.periodAfterTitle,
    periodAfterYear: fields.periodAfterYear,
    links: fields.links.map((link) => ({
      label: link.label,
      url: link.url,
      span: moved(link.span, delta),
      labelSpan: moved(link.labelSpan, delta),
      urlSpan: moved(link.urlSpan, delta),
      group: moved(link.group, delta),
      openBracket: link.openBracket,
      closeBracket: link.closeBracket,
    })),
    candidate: fields.candidate,
    index: 0,
    span: { start: block.start, end: block.end },
    line: block.startLine,
    number:
      block.number === undefined
        ? undefined
        : { text: text.slice(block.numberStart!, block.numberEnd!), value: block.number, start: block.numberStart!, end: block.numberEnd! },
    listId: block.listId!,
    section: undefined as unknown as Section,
    arxivId,
    doi,
    identity,
  };
}


type Spanned = { start: number; end: number };
const moved = (span: Spanned, delta: number): Spanned => ({ start: span.start + delta, end: span.end + delta });
const movedField = (field: Field, delta: number): Field => ({ text: field.text, start: field.start + delta, end: field.end + delta });
const shift = (span: Spanned | undefined, delta: number) => {
  if (span) {
    span.start += delta;
    span.end += delta;
  }
};

function copyLink(link: DocumentLink, delta: number): DocumentLink {
  return { kind: link.kind, url: link.url, span: moved(link.span, delta), urlSpan: moved(link.urlSpan, delta) };
}

/** Moves a kept entry to its block's new place, in place, so that per-entry caches still know it. */
function moveEntry(entry: Entry, delta: number, block: Block): void {
  entry.line = block.startLine;
  entry.listId = block.listId!;
  if (delta === 0) return;
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
  shift(entry.date, delta);
  shift(entry.leadName, delta);
  shift(entry.titleUrl, delta);
  shift(entry.venue, delta);
  shift(entry.year, delta);
  shift(entry.badYear, delta);
  for (const link of entry.links) {
    shift(link.span, delta);
    shift(link.labelSpan, delta);
    shift(link.urlSpan, delta);
    shift(link.group, delta);
  }
}

/** Moves a kept block, its entry and its links to their new place, in place: the last parse is done with. */
function moveBlock(block: Block, delta: number, lineDelta: number): Block {
  block.startLine += lineDelta;
  block.endLine += lineDelta;
  if (delta !== 0) {
    block.start += delta;
    block.end += delta;
    if (block.numberStart !== undefined) {
      block.numberStart += delta;
      block.numberEnd! += delta;
    }
  }
  moveParsed(block, delta);
  return block;
}

/** Moves what a block's parse gave, its links and its entry, by `delta` to where the block now stands. */
function moveParsed(block: Block, delta: number): void {
  if (delta !== 0 && block.links) {
    for (const link of block.links) {
      shift(link.span, delta);
      shift(link.urlSpan, delta);
    }
  }
  if (block.entry) moveEntry(block.entry, delta, block);
}

/** One more than the highest list id among some blocks, and at least `floor`. */
function nextListIdOf(blocks: Block[], from: number, to: number, floor: number): number {
  let next = floor;
  for (let i = from; i < to && i < blocks.length; i++) {
    const id = blocks[i].listId;
    if (id !== undefined && id >= next) next = id + 1;
  }
  return next;
}

/**
 * Scans the blocks of `text`, re-using the last parse's blocks before and after the edited region.
 * The scan restarts at the last ATX heading before the edit and stops at the first ATX heading after it
 * whose position in the old text held the same heading: the scanner's state is the same at every such
 * heading, so the blocks from there on are the old ones, moved. Blocks of the re-scanned region whose
 * text an old block of the region had are that block, moved, so that only really new text is parsed.
 */
function scanIncrementally(text: string, lines: LineIndex, last: LastParse | undefined): { blocks: Block[]; nextListId: number; edited?: TextChange } {
  const fullScan = (edited?: TextChange) => {
    const blocks = scanBlocks(text, lines);
    return { blocks, nextListId: nextListIdOf(blocks, 0, blocks.length, 0), edited };
  };
  if (!last) return fullScan();
  const old = last.text;
  const limit = Math.min(old.length, text.length);
  // Whole chunks first: comparing two slices is a memory comparison, far faster than a loop over characters.
  const chunk = 4096;
  let prefix = 0;
  while (prefix + chunk <= limit && old.slice(prefix, prefix + chunk) === text.slice(prefix, prefix + chunk)) prefix += chunk;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + chunk <= limit - prefix && old.slice(old.length - suffix - chunk, old.length - suffix) === text.slice(text.length - suffix - chunk, text.length - suffix)) suffix += chunk;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;
  const oldBlocks = last.blocks;
  const edited: TextChange = { since: last.parse, start: prefix, end: text.length - suffix };

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
  if (restart < 0 || text.charCodeAt(0) === 0xfeff) return fullScan(edited);

  const lineDelta = lines.lineCount - last.lineCount;
  const unchangedFrom = text.length - suffix;
  let resyncedAt = oldBlocks.length;
  let firstMoved = Infinity;
  const resync = (_line: number, lineStart: number): Block[] | undefined => {
    if (lineStart <= unchangedFrom) return undefined;
    const at = blockStartingAt(oldBlocks, lineStart - delta);
    if (at === -1 || !isAtxHeading(old, oldBlocks[at])) return undefined;
    resyncedAt = at;
    firstMoved = lineStart;
    const rest: Block[] = [];
    for (let i = at; i < oldBlocks.length; i++) rest.push(moveBlock(oldBlocks[i], delta, lineDelta));
    return rest;
  };
  const blocks = scanBlocks(text, lines, {
    resume: { blocks: oldBlocks.slice(0, restart), startLine: oldBlocks[restart].startLine, nextListId: last.nextListId },
    resync,
  });

  const oldByText = new Map<string, Block[]>();
  for (let i = restart; i < resyncedAt; i++) {
    const block = oldBlocks[i];
    if (!block.links) continue;
    const key = block.kind + (block.columns?.join('|') ?? '') + old.slice(block.start, block.end);
    const list = oldByText.get(key);
    if (list) list.push(block);
    else oldByText.set(key, [block]);
  }
  let regionEnd = restart;
  while (regionEnd < blocks.length && blocks[regionEnd].start < firstMoved) regionEnd++;
  for (let i = restart; i < regionEnd; i++) {
    const block = blocks[i];
    const match = oldByText.get(block.kind + (block.columns?.join('|') ?? '') + text.slice(block.start, block.end))?.shift();
    if (!match) continue;
    block.links = match.links;
    block.headingText = match.headingText;
    block.slugBase = match.slugBase;
    block.entry = match.entry;
    moveParsed(block, block.start - match.start);
  }
  return { blocks, nextListId: nextListIdOf(blocks, restart, regionEnd, last.nextListId), edited };
}

