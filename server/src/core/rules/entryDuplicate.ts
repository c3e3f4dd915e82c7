import type { Entry, PaperList, Section } from '../model';
import type { Rule, TextEdit } from '../rule';
import { entryHeadSpan } from './entryHeadSpan';


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

/** The same paper is listed twice in one section. */
export const entryDuplicateRule: Rule = {
  code: 'entry-duplicate',
  defaultSeverity: 'error',
  description: 'The same paper is listed twice in one section.',
  fixable: true,
  check({ list, report }) {
    // Only a section's own entries count: the same paper in a subsection is a cross-listing, which is normal.
    for (const section of list.sections) {
      const first = new Map<string, Entry>();
      for (const entry of section.entries) {
        const original = first.get(entry.identity);
        if (!original) {
          first.set(entry.identity, entry);
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
  },
};
