import { reportsPerGroup } from '../analysis/identityGroups';
import { memoPerEntry } from '../memo';
import { blockStartingAt } from '../blocks';
import { venueTagOf } from '../fieldPatterns';
import type { Entry, PaperList, Section } from '../model';
import type { Rule, TextEdit } from '../rule';
import { normaliseTitle, shorten } from '../text';
import { entryHeadSpan } from '../analysis/entryHeadSpan';

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

/** The words of the entry's title and lead name, without stop words; empty when the title is no title, such as a URL. */
const wordsOf = memoPerEntry((entry): Set<string> => {
  const title = entry.title?.text ?? '';
  const readable = title && !/:\/\/|www\./.test(title);
  return new Set(readable ? normaliseTitle(`${entry.leadName?.text ?? ''} ${title}`).split(' ').filter((word) => word && !stopWords.has(word)) : []);
});

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
  return titleNamesPaper(entry, currentYear);
}

/** Whether an entry's title names a paper, kept per entry: the answer is the same on every lint. */
const titleNamesPaper = memoPerEntry((entry, currentYear: number): boolean => {
  if (!entry.title) return true;
  const title = entry.title.text;
  if (venueTagOf(title, currentYear)) return false;
  return !entry.leadName || normaliseTitle(entry.leadName.text) !== normaliseTitle(title);
});

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


/**
 * The edit that deletes an item with its line break and the items nested under it, so that neither a
 * blank line nor orphaned sub-items are left behind.
 */
function removeItem(list: PaperList, entry: Entry): TextEdit {
  const { lines, blocks } = list;
  const at = blockStartingAt(list.blocks, entry.span.start);
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

/** What entry-duplicate reports about one entry, kept per group of copies: no offsets, see `GroupMemo`. */
interface CopyReport {
  entry: Entry;
  message: string;
  other: Entry;
  otherMessage: string;
  /** A second copy in one section, which may be removed; two papers that share an id are not copies. */
  removable: boolean;
}

/**
 * Two entries with one arXiv id or DOI but clearly different titles, reported on both lines: one of the
 * two links points to the other paper. Neither is a copy, so nothing is offered for removal.
 */
function wrongPaper(entry: Entry, other: Entry): CopyReport {
  return {
    entry,
    message: `${titleOf(entry)} shares ${sharedId(entry)} with line ${other.line + 1}, ${titleOf(other)}; one of the two links points to the wrong paper.`,
    other,
    otherMessage: 'The other paper with this id',
    removable: false,
  };
}

/** The reports on the entries of one identity, in any section. */
function reportsOnIdentity(identity: string, members: readonly Entry[], currentYear: number): CopyReport[] {
  const reports: CopyReport[] = [];
  // Only a section's own entries count: the same paper in a subsection is a cross-listing, which is normal.
  const earlierBySection = new Map<Section, Entry[]>();
  for (const entry of members) {
    if (!hasIdentity(entry, currentYear)) continue;
    const copies = earlierBySection.get(entry.section);
    const original = copies?.find((copy) => sameTitle(copy, entry));
    if (!original) {
      if (copies) copies.push(entry);
      else earlierBySection.set(entry.section, [entry]);
      continue;
    }
    const name = entry.title ? `"${entry.title.text}"` : 'This paper';
    reports.push({
      entry,
      message: `${name} is already listed on line ${original.line + 1} in ${sectionName(entry.section)}; expected each paper once per section.`,
      other: original,
      otherMessage: 'First listed here',
      removable: true,
    });
  }
  // One id with clearly different titles, anywhere in the list.
  if (identity.startsWith('title:')) return reports;
  const titles: Entry[][] = [];
  for (const entry of members) {
    const copies = titles.find((candidate) => sameTitle(candidate[0], entry));
    if (copies) copies.push(entry);
    else titles.push([entry]);
  }
  if (titles.length < 2) return reports;
  // The title listed most often is likely the id's own paper: only its first copy is reported, each
  // copy of the other titles is, so that a paper cross-listed in many sections is not flagged everywhere.
  const main = titles.reduce((best, copies) => (copies.length > best.length ? copies : best));
  reports.push(wrongPaper(main[0], titles[titles[0] === main ? 1 : 0][0]));
  for (const copies of titles) if (copies !== main) for (const entry of copies) reports.push(wrongPaper(entry, main[0]));
  return reports;
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
    const reports = reportsPerGroup(list, `entry-duplicate ${currentYear}`, (identity, members) => reportsOnIdentity(identity, members, currentYear));
    // Offsets are taken now, from where the entries stand in this version of the text.
    for (const { entry, message, other, otherMessage, removable } of reports) {
      report({
        span: entryHeadSpan(list, entry),
        message,
        related: [{ span: entryHeadSpan(list, other), message: otherMessage }],
        entry: entry.index,
        ...(removable && { fixes: [{ title: 'Remove this duplicate', edits: [removeItem(list, entry)], safe: false }] }),
      });
    }
  },
  docs: {
    summary: 'the same paper twice in one section',
    fix: 'remove the copy (never in fix-all)',
    details: `The same paper twice in one section. The later copy is reported, with a link to the first. Fix (never
part of fix-all): remove this duplicate.`,
    examples: {
      valid: [
        `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]

## Safety

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
`,
          message: '"Alpha" is already listed on line 3 in section "Papers"; expected each paper once per section.',
          line: 6,
          column: 4,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};
