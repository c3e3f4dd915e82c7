import type { Block } from '../blocks';
import type { NumberingStyle } from '../config';
import type { HouseStyle } from './houseStyleOf';
import type { ListGroup, PaperList } from '../model';
import type { TextEdit } from '../rule';
import { indentAt, type LineIndent, type Span } from '../text';

/** CommonMark reads at most nine digits as a list item's number. */
const maxDigits = 9;

/**
 * The numbering a list is held to: 'auto' accepts a list of two or more items that are all `1.`
 * (markdown numbers them on rendering) and otherwise expects a sequence.
 */
export function numberingFor(list: ListGroup, style: NumberingStyle): 'sequential' | 'ones' {
  if (style !== 'auto') return style;
  const allOnes = list.items.length >= 2 && list.items.every((item) => item.number === 1);
  return allOnes ? 'ones' : 'sequential';
}

/**
 * Whether the list of `item` numbers every item `1.`. A list too short to tell follows `numbering`, or
 * `houseNumbersOnes` when the house numbers every item `1.`.
 */
export function listNumbersOnes(list: PaperList, item: Block, numbering: NumberingStyle, houseNumbersOnes = false): boolean {
  const group = list.lists.find((candidate) => candidate.id === item.listId);
  return group && group.items.length >= 2 ? numberingFor(group, numbering) === 'ones' : houseNumbersOnes || numbering === 'ones';
}

/** The number of the item after `item`, as completion and BibTeX insertion write it. */
export function numberAfter(list: PaperList, item: Block, numbering: NumberingStyle, houseNumbersOnes = false): number {
  return listNumbersOnes(list, item, numbering, houseNumbersOnes) ? 1 : (item.number ?? 0) + 1;
}

/**
 * Whether a list reads right under a house style that numbers every item `1.`: each item is `1.` or
 * the number markdown shows for it anyway, as in `21. 22. 1. 1.`, which a list continued from an
 * earlier one uses. Lists of such houses are not held to a strict sequence.
 */
export function fitsOnesHouse(list: ListGroup, style: NumberingStyle, house: HouseStyle): boolean {
  if (style !== 'auto' || house.numbering !== 'ones') return false;
  const first = list.items[0]?.number ?? 1;
  return list.items.every((item, index) => item.number === undefined || item.number === 1 || item.number === first + index);
}

/** The number each item of the list should carry: the first item's number counting up, or all 1. */
export function expectedNumbers(list: ListGroup, style: NumberingStyle): number[] {
  const numbering = numberingFor(list, style);
  const first = list.items[0]?.number ?? 1;
  return list.items.map((_, index) => (numbering === 'ones' ? 1 : first + index));
}

/** The entry index of each item of a list that is an entry, by the item's start offset. */
export function entryIndexByItem(list: ListGroup): Map<number, number> {
  return new Map(list.entries.map((entry) => [entry.span.start, entry.index]));
}

/** The span of an item's number, for numbered items. */
export function numberSpan(item: Block): Span | undefined {
  if (item.numberStart === undefined || item.numberEnd === undefined) return undefined;
  return { start: item.numberStart, end: item.numberEnd };
}

/**
 * Whether a later line of an item moves with it when its number changes length: lines indented into the
 * item's content do; lazy continuation lines, blank lines and lines indented with tabs stay as written.
 */
export function movesWithNumber(indent: LineIndent, contentIndent: number): boolean {
  return !indent.blank && !indent.hasTab && indent.columns >= contentIndent;
}

/**
 * Where the content of an item ends: the start of the next item of the list, or for the last item
 * the first later line that is indented less than the item's content.
 */
export function itemLimit(item: Block, next: Block | undefined, text: string): number {
  if (next) return next.start;
  const contentIndent = item.contentIndent ?? 0;
  for (let at = text.indexOf('\n', item.end); at !== -1; at = text.indexOf('\n', at + 1)) {
    const indent = indentAt(text, at + 1);
    if (!indent.blank && indent.columns < contentIndent) return at + 1;
  }
  return text.length;
}

/**
 * A number that grows or shrinks by some digits moves the item's content column by as much. The
 * lines that belong to the item by their indentation (its later paragraphs, nested lists, code)
 * move with it, or they would fall out of the item or turn into code.
 */
function reindentEdits(item: Block, limit: number, text: string, delta: number): TextEdit[] {
  const contentIndent = item.contentIndent ?? 0;
  const edits: TextEdit[] = [];
  for (let at = text.indexOf('\n', item.start); at !== -1 && at + 1 < limit; at = text.indexOf('\n', at + 1)) {
    const lineStart = at + 1;
    if (!movesWithNumber(indentAt(text, lineStart), contentIndent)) continue;
    edits.push(delta > 0 ? { start: lineStart, end: lineStart, newText: ' '.repeat(delta) } : { start: lineStart, end: lineStart - delta, newText: '' });
  }
  return edits;
}

/**
 * The edits that renumber an ordered list under a numbering style: one for every item whose number
 * differs from the expected one, and for a number that changes its length, the indentation of the
 * item's later lines. A zero-padded number (`07.`) keeps its width. Empty for an unordered list or
 * one already in order.
 */
export function renumberListEdits(list: ListGroup, text: string, style: NumberingStyle): TextEdit[] {
  if (!list.ordered) return [];
  const expected = expectedNumbers(list, style);
  const edits: TextEdit[] = [];
  list.items.forEach((item, index) => {
    const span = numberSpan(item);
    if (!span || item.number === expected[index]) return;
    const written = text.slice(span.start, span.end);
    const digits = String(expected[index]);
    const wanted = written.length > 1 && written[0] === '0' ? digits.padStart(written.length, '0') : digits;
    // A longer number would no longer start a list item, so such a list is left for the author.
    if (wanted.length > maxDigits) return;
    edits.push({ ...span, newText: wanted });
    const delta = wanted.length - written.length;
    if (delta !== 0) edits.push(...reindentEdits(item, itemLimit(item, list.items[index + 1], text), text, delta));
  });
  return edits;
}

/**
 * What a numbering rule's reports about an unchanged list object depend on besides its place (see
 * `ReportsPerPart`): the numbering setting, the list's first line (messages name lines) and its first
 * entry's index (findings name entries). When renumbering would change a number's length, its fix
 * re-indents the last item's indented lines, which are no item of the list, so where they end is part of
 * the stamp too; only then, since finding that end reads every nested line below.
 */
export function numberingStamp(group: ListGroup, text: string, numbering: NumberingStyle): string {
  const first = group.items[0];
  const stamp = `${numbering} ${first.startLine} ${group.entries[0]?.index}`;
  const expected = expectedNumbers(group, numbering);
  const lengthChanges = group.items.some((item, index) => item.numberEnd !== undefined && item.numberEnd - item.numberStart! !== String(expected[index]).length);
  if (!lengthChanges) return stamp;
  const last = group.items[group.items.length - 1];
  return `${stamp} ${itemLimit(last, undefined, text) - first.start}`;
}
