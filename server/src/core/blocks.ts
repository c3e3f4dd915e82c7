import type { DocumentLink, Entry } from './model';
import { indentAt, LineIndex } from './text';

/**
 * A top-level piece of the document found by a cheap line scan: a heading, one list item with its
 * continuation lines, an HTML comment, a code block or other text. Blocks are parsed one by one, so
 * an edit only re-parses the blocks it touches.
 */
export interface Block {
  kind: 'heading' | 'item' | 'comment' | 'code' | 'other';
  /** Offset of the first line's first character (indentation included). */
  start: number;
  /** Offset just past the last line's last character, before its line break. */
  end: number;
  startLine: number;
  endLine: number;
  /** Columns of leading white space on the first line. */
  indent: number;
  /** Heading level, 1 to 6. */
  level?: number;
  /** For items: whether the marker is a number, the bullet or delimiter character, and the number. */
  ordered?: boolean;
  marker?: string;
  number?: number;
  /** For items: offsets of the number's digits. */
  numberStart?: number;
  numberEnd?: number;
  /** For items: the list the item belongs to, unique in the document. */
  listId?: number;
  /** For items: the column where the item's content starts. */
  contentIndent?: number;
  /**
   * What parsing the block gave, filled in by `parseList` and kept with the block while an edit leaves
   * its text alone: its links, its entry, its heading text.
   */
  links?: DocumentLink[];
  entry?: Entry;
  headingText?: string;
  /** For headings: the GitHub slug of the text, before the `-1` suffix of a repeat. */
  slugBase?: string;
  /** For the rows of a table, which are items too: the table's column names, shared by its rows. */
  columns?: readonly string[];
}

const fencePattern = /^ {0,3}(`{3,}|~{3,})/;
const headingPattern = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const htmlHeadingPattern = /^ {0,3}<h([1-6])(?:\s[^<>]*)?>(?:(?!<\/?h[1-6]\b).)*<\/h\1\s*>\s*$/i;
const thematicBreakPattern = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const orderedItemPattern = /^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)/;
const bulletItemPattern = /^([ \t]*)([-*+])(?=[ \t]|$)/;
const setextPattern = /^ {0,3}(=+|-+)[ \t]*$/;
/** The line under a table's header row: `|---|:---:|`. */
const tableDelimiterPattern = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The cells of a table row, trimmed, without the pipes at either end. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let code = false;
  const body = row.trim().replace(/^\|/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (ch === '`') {
      code = !code;
      cell += ch;
    } else if (ch === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (cell.trim()) cells.push(cell.trim());
  return cells;
}

interface OpenList {
  id: number;
  indent: number;
  contentIndent: number;
  ordered: boolean;
  marker: string;
}

/** A block with every property present, so that all blocks share one shape and loops over them stay fast. */
function newBlock(kind: Block['kind'], start: number, end: number, line: number, indent: number): Block {
  return {
    kind,
    start,
    end,
    startLine: line,
    endLine: line,
    indent,
    level: undefined,
    ordered: undefined,
    marker: undefined,
    number: undefined,
    numberStart: undefined,
    numberEnd: undefined,
    listId: undefined,
    contentIndent: undefined,
    links: undefined,
    entry: undefined,
    headingText: undefined,
    slugBase: undefined,
    columns: undefined,
  };
}

/** Where a scan may start again: right after an ATX heading, whose scanner state is always the same. */
export interface ScanResume {
  /** The blocks before `startLine`, kept as they are. */
  blocks: Block[];
  startLine: number;
  /** The first list id the scan may hand out; lower ones belong to kept blocks. */
  nextListId: number;
}

export interface ScanOptions {
  resume?: ScanResume;
  /**
   * Asked at each ATX heading after the resume point, in a clean scanner state; returns the blocks
   * from that heading to the end of the document when they are known already, which ends the scan.
   */
  resync?(line: number, lineStart: number): Block[] | undefined;
}

/** Whether a block is an ATX heading (`## Title`), after which the scanner's state is always the same. */
export function isAtxHeading(text: string, block: Block): boolean {
  return block.kind === 'heading' && text.charCodeAt(block.start + block.indent) === 35;
}

/** Splits markdown text into blocks. Runs in one pass over the lines and never backtracks. */
export function scanBlocks(text: string, index = new LineIndex(text), options: ScanOptions = {}): Block[] {
  const blocks: Block[] = options.resume ? options.resume.blocks : [];
  const openLists: OpenList[] = [];
  let nextListId = options.resume?.nextListId ?? 0;
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let current: Block | undefined;
  let previousBlank = true;
  let table: { id: number; columns: readonly string[] } | undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const closeListsDeeperThan = (column: number) => {
    while (openLists.length && openLists[openLists.length - 1].contentIndent > column) openLists.pop();
  };
  const push = (block: Block) => {
    blocks.push(block);
    current = block;
  };

  for (let line = options.resume?.startLine ?? 0; line < index.lineCount; line++) {
    const lineStart = index.lineStarts[line] + (line === 0 ? bom : 0);
    const lineEnd = Math.max(lineStart, index.lineEnd(line));
    const content = text.slice(lineStart, lineEnd);
    const leading = /^[ \t]*/.exec(content)![0];
    const indent = indentAt(leading, 0).columns;
    const blank = leading.length === content.length;

    if (fence) {
      current!.end = lineEnd;
      current!.endLine = line;
      const close = fencePattern.exec(content);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && content.trim() === close[1]) fence = undefined;
      continue;
    }
    if (inComment) {
      current!.end = lineEnd;
      current!.endLine = line;
      if (content.includes('-->')) inComment = false;
      continue;
    }
    if (blank) {
      previousBlank = true;
      table = undefined;
      continue;
    }
    const wasBlank = previousBlank;
    previousBlank = false;
    const base = (kind: Block['kind']) => newBlock(kind, lineStart, lineEnd, line, indent);

    const open = fencePattern.exec(content);
    if (open) {
      closeListsDeeperThan(indent);
      fence = { char: open[1][0], length: open[1].length };
      push(base('code'));
      continue;
    }
    if (content.trimStart().startsWith('<!--') && indent < 4) {
      closeListsDeeperThan(indent);
      inComment = !content.includes('-->', content.indexOf('<!--') + 4);
      push(base('comment'));
      continue;
    }
    // An HTML heading on a line of its own, `<h4 id="x">Data Collection</h4>`, starts a section as well.
    const htmlHeading = indent < 4 ? htmlHeadingPattern.exec(content) : null;
    if (htmlHeading) {
      openLists.length = 0;
      table = undefined;
      const block = base('heading');
      block.level = Number(htmlHeading[1]);
      push(block);
      continue;
    }
    const heading = headingPattern.exec(content);
    if (heading) {
      const rest = options.resync?.(line, lineStart);
      if (rest) {
        for (const block of rest) blocks.push(block);
        return blocks;
      }
      openLists.length = 0;
      table = undefined;
      const block = base('heading');
      block.level = heading[1].length;
      push(block);
      continue;
    }
    // The rows of a table are items, each read as an entry with the header's column names.
    if (table && indent < 4 && content.includes('|')) {
      const block = base('item');
      block.ordered = false;
      block.marker = '|';
      block.listId = table.id;
      block.columns = table.columns;
      push(block);
      continue;
    }
    table = undefined;
    if (!wasBlank && current?.kind === 'other' && current.startLine === line - 1 && tableDelimiterPattern.test(content) && content.includes('-')) {
      const header = text.slice(current.start, current.end);
      if (header.includes('|')) {
        table = { id: nextListId++, columns: tableCells(header) };
        current.end = lineEnd;
        current.endLine = line;
        continue;
      }
    }
    const setext = setextPattern.exec(content);
    if (setext && !wasBlank && current && current.kind === 'other' && current.endLine === line - 1) {
      current.kind = 'heading';
      current.level = setext[1][0] === '=' ? 1 : 2;
      current.end = lineEnd;
      current.endLine = line;
      continue;
    }
    if (thematicBreakPattern.test(content)) {
      closeListsDeeperThan(indent);
      push(base('other'));
      current = undefined;
      continue;
    }

    // An HTML list item on a line of its own is an item too: lists written in HTML hold papers as well.
    if (indent < 4 && /^[ \t]*<li[\s>]/i.test(content)) {
      closeListsDeeperThan(indent);
      const block = base('item');
      block.ordered = false;
      block.marker = '<li>';
      block.listId = current?.kind === 'item' && current.marker === '<li>' ? current.listId : nextListId++;
      push(block);
      continue;
    }

    const ordered = orderedItemPattern.exec(content);
    const bullet = ordered ? undefined : bulletItemPattern.exec(content);
    const item = ordered ?? bullet;
    const top = openLists[openLists.length - 1];
    // A line indented past the open item's content is part of that item, even when it looks like code.
    const inItem = current?.kind === 'item' && current.contentIndent !== undefined;
    if (item && !(indent >= 4 && !top)) {
      const markerEnd = item[0].length;
      const afterMarker = /^[ \t]*/.exec(content.slice(markerEnd))![0];
      const gap = indentAt(afterMarker, 0).columns;
      const markerColumns = indent + (ordered ? ordered[2].length + 1 : 1);
      const contentIndent = markerColumns + (gap >= 1 && gap <= 4 ? gap : 1);
      const isOrdered = Boolean(ordered);
      const marker = ordered ? ordered[3] : bullet![2];
      while (openLists.length && openLists[openLists.length - 1].indent > indent) openLists.pop();
      let list = openLists[openLists.length - 1];
      if (!list || indent >= list.contentIndent || list.ordered !== isOrdered || list.marker !== marker) {
        if (list && indent < list.contentIndent) openLists.pop();
        list = { id: nextListId++, indent, contentIndent, ordered: isOrdered, marker };
        openLists.push(list);
      }
      const block = base('item');
      block.ordered = isOrdered;
      block.marker = marker;
      block.listId = list.id;
      block.contentIndent = contentIndent;
      if (ordered) {
        block.numberStart = lineStart + ordered[1].length;
        block.numberEnd = block.numberStart + ordered[2].length;
        block.number = Number(ordered[2]);
      }
      push(block);
      continue;
    }

    // Continuation of the current item: indented under it, or a lazy line right after it.
    if (inItem && (indent >= current!.contentIndent! || !wasBlank)) {
      current!.end = lineEnd;
      current!.endLine = line;
      continue;
    }
    if (!wasBlank && current && current.kind === 'other') {
      current.end = lineEnd;
      current.endLine = line;
      continue;
    }
    closeListsDeeperThan(indent);
    push(base('other'));
  }
  return blocks;
}

/** The index of the block that starts at an offset, by binary search over blocks in document order, or -1. */
export function blockStartingAt(blocks: readonly Block[], start: number): number {
  for (let low = 0, high = blocks.length - 1; low <= high; ) {
    const mid = (low + high) >> 1;
    if (blocks[mid].start === start) return mid;
    if (blocks[mid].start < start) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
