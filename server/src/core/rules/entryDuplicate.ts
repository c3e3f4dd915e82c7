import { venueTagOf } from '../fieldPatterns';
import type { Entry, PaperList, Section } from '../model';
import type { Report, Rule, TextEdit } from '../rule';
import { normaliseTitle, shorten } from '../text';
import { entryHeadSpan } from './entryHeadSpan';

/**
 * Two titles name the same paper when at least this share of the shorter one's words stand in the other
 * (the overlap coefficient). Copies of one paper differ by a word, a subtitle, a short name before the
 * title or a typo, which keeps them well above one half; two papers that share an id by a copy-paste slip
 * share a topic word or two at most. Its containment, not a symmetric ratio, lets a short name such as
 * `Ring Attention` match `Ring Attention with Blockwise Transformers for Near-Infinite Context`.
 */
const sameTitleOverlap = 0.5;
/** Titles with fewer words than this (after stop words) are short names, which can tell no two papers apart. */
const minimumTitleWords = 3;
const stopWords = new Set(['a', 'an', 'the', 'of', 'for', 'in', 'on', 'with', 'and', 'to', 'via', 'by', 'from', 'at', 'is', 'are', 'as', 'its']);

const titleWords = new WeakMap<Entry, Set<string>>();

/** The words of the entry's title and lead name, without stop words; empty when the title is no title, such as a URL. */
function wordsOf(entry: Entry): Set<string> {
  let words = titleWords.get(entry);
  if (!words) {
    const title = entry.title?.text ?? '';
    const readable = title && !/:\/\/|www\./.test(title);
    words = new Set(readable ? normaliseTitle(`${entry.leadName?.text ?? ''} ${title}`).split(' ').filter((word) => word && !stopWords.has(word)) : []);
    titleWords.set(entry, words);
  }
  return words;
}

/**
 * Whether two entries' titles may name the same paper: most words of the shorter stand in the longer
 * (a short name and the full title, `TidyBot` and `TidyBot: Personalized Robot Assistance…`), or either
 * title is too short or unreadable to say otherwise.
 */
export function sameTitle(a: Entry, b: Entry): boolean {
  // Copies of one paper mostly carry the same title, letter for letter.
  if (a.title && b.title && a.title.text === b.title.text) return true;
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.size < minimumTitleWords || wordsB.size < minimumTitleWords) return true;
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  return shared / Math.min(wordsA.size, wordsB.size) >= sameTitleOverlap;
}

/**
 * Whether the entry's identity says which paper it is. A title that is only a venue tag (`ICLR 2024`,
 * as a reader may take `(**CVPR 2026**)` for the title) or only the lead name names no paper.
 */
function hasIdentity(entry: Entry, currentYear: number): boolean {
  if (!entry.identity.startsWith('title:') || !entry.title) return true;
  let known = titleIdentities.get(entry);
  if (known === undefined) titleIdentities.set(entry, (known = titleNamesPaper(entry, currentYear)));
  return known;
}

/** Whether an entry's title names a paper, kept per entry: the answer is the same on every lint. */
const titleIdentities = new WeakMap<Entry, boolean>();

function titleNamesPaper(entry: Entry, currentYear: number): boolean {
  if (!entry.title) return true;
  const title = entry.title.text;
  if (venueTagOf(title, currentYear)) return false;
  return !entry.leadName || normaliseTitle(entry.leadName.text) !== normaliseTitle(title);
}

/** How a message names what two entries share: `arXiv id 2301.00001` or `DOI 10.1/x`. */
function sharedId(entry: Entry): string {
  return entry.identity.startsWith('arxiv:') ? `arXiv id ${entry.identity.slice(6)}` : `DOI ${entry.identity.slice(4)}`;
}

const titleOf = (entry: Entry) => (entry.title ? `"${shorten(entry.title.text, 80)}"` : 'This entry');


/** How a message names a section; the root holds what stands before the first heading. */
function sectionName(section: Section): string {
  return section.heading ? `section "${section.title}"` : 'the text before the first heading';
}

function isBlankLine(list: PaperList, line: number): boolean {
  return list.lines.lineText(line).trim() === '';
}

/** The index of the block that starts at an offset, by binary search, or -1. */
function blockAt(list: PaperList, start: number): number {
  const { blocks } = list;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start === start) return mid;
    if (blocks[mid].start < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * The edit that deletes an item with its line break and the items nested under it, so that neither a
 * blank line nor orphaned sub-items are left behind.
 */
function removeItem(list: PaperList, entry: Entry): TextEdit {
  const { lines, blocks } = list;
  const at = blockAt(list, entry.span.start);
  let lastLine = at === -1 ? lines.lineAt(entry.span.end) : blocks[at].endLine;
  if (at !== -1) {
    const contentIndent = blocks[at].contentIndent ?? blocks[at].indent + 1;
    for (let next = at + 1; next < blocks.length; next++) {
      const block = blocks[next];
      if (block.indent < contentIndent || block.kind === 'heading') break;
      lastLine = block.endLine;
    }
  }
  const firstLine = entry.line;
  if (lastLine + 1 >= lines.lineCount) {
    // The item ends the document: take the line break before it instead of the one after it.
    const start = firstLine > 0 ? lines.lineEnd(firstLine - 1) : 0;
    return { start, end: list.text.length, newText: '' };
  }
  // In a loose list the item sits between blank lines; keep only the blank line before it.
  let endLine = lastLine + 1;
  if (firstLine > 0 && isBlankLine(list, firstLine - 1)) {
    while (endLine < lines.lineCount - 1 && isBlankLine(list, endLine)) endLine++;
  }
  return { start: lines.lineStarts[firstLine], end: lines.lineStarts[endLine], newText: '' };
}

/**
 * Reports two entries with one arXiv id or DOI but clearly different titles, on both lines: one of the
 * two links points to the other paper. Neither is a copy, so nothing is offered for removal.
 */
function reportWrongPaper(list: PaperList, entry: Entry, other: Entry, report: (report: Report) => void): void {
  report({
    span: entryHeadSpan(list, entry),
    message: `${titleOf(entry)} shares ${sharedId(entry)} with line ${other.line + 1}, ${titleOf(other)}; one of the two links points to the wrong paper.`,
    related: [{ span: entryHeadSpan(list, other), message: 'The other paper with this id' }],
    entry: entry.index,
  });
}

/**
 * The same paper is listed twice in one section; or two papers share one arXiv id or DOI, so that one
 * of their links points to the wrong paper.
 */
export const entryDuplicateRule: Rule = {
  code: 'entry-duplicate',
  defaultSeverity: 'error',
  description: 'The same paper is listed twice in one section.',
  fixable: true,
  check({ list, currentYear, report }) {
    // Only a section's own entries count: the same paper in a subsection is a cross-listing, which is normal.
    for (const section of list.sections) {
      const earlier = new Map<string, Entry[]>();
      for (const entry of section.entries) {
        if (!hasIdentity(entry, currentYear)) continue;
        const copies = earlier.get(entry.identity);
        const original = copies?.find((copy) => sameTitle(copy, entry));
        if (!original) {
          if (copies) copies.push(entry);
          else earlier.set(entry.identity, [entry]);
          continue;
        }
        const name = entry.title ? `"${entry.title.text}"` : 'This paper';
        report({
          span: entryHeadSpan(list, entry),
          message: `${name} is already listed on line ${original.line + 1} in ${sectionName(section)}; expected each paper once per section.`,
          related: [{ span: entryHeadSpan(list, original), message: 'First listed here' }],
          entry: entry.index,
          fixes: [{ title: 'Remove this duplicate', edits: [removeItem(list, entry)], safe: false }],
        });
      }
    }
    // One id with clearly different titles, anywhere in the list.
    const papers = new Map<string, Entry[][]>();
    for (const entry of list.entries) {
      if (entry.identity.startsWith('title:')) continue;
      const titles = papers.get(entry.identity);
      if (!titles) {
        papers.set(entry.identity, [[entry]]);
        continue;
      }
      const copies = titles.find((candidate) => sameTitle(candidate[0], entry));
      if (copies) copies.push(entry);
      else titles.push([entry]);
    }
    for (const titles of papers.values()) {
      if (titles.length < 2) continue;
      // The title listed most often is likely the id's own paper: only its first copy is reported, each
      // copy of the other titles is, so that a paper cross-listed in many sections is not flagged everywhere.
      const main = titles.reduce((best, copies) => (copies.length > best.length ? copies : best));
      reportWrongPaper(list, main[0], titles[titles[0] === main ? 1 : 0][0], report);
      for (const copies of titles) if (copies !== main) for (const entry of copies) reportWrongPaper(list, entry, main[0], report);
    }
  },
};
