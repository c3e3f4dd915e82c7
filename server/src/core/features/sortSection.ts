// "Sort Section": reorders the entries of a section's lists by year or by title and renumbers them.
import type { Block } from '../blocks';
import type { Entry, ListGroup, PaperList, Section } from '../model';
import type { TextEdit } from '../rule';
import { expectedNumbers, movesWithNumber } from '../analysis/renumberList';
import { indentAt } from '../text';

export type SortOrder = 'year' | 'title';

/** One item of a list with everything that moves with it, and the text after it up to the next item. */
interface Piece {
  item: Block;
  entry?: Entry;
  /** The item's text with its continuation lines and nested content, without trailing blank lines. */
  body: string;
  /** What stands between this item and the next: blank lines and line breaks; empty for the last item. */
  separator: string;
}

/** Where the text of a list's last item ends: after the blocks nested in it, before the line break. */
export function lastItemEnd(list: PaperList, last: Block): number {
  let end = last.end;
  const contentIndent = last.contentIndent ?? 0;
  for (const block of list.blocks) {
    if (block.start <= last.start) continue;
    if (block.kind === 'heading' || block.indent < contentIndent) break;
    end = Math.max(end, block.end);
  }
  return end;
}

/** Splits a list into its items with the text that belongs to each and the separators between them. */
function piecesOf(list: PaperList, group: ListGroup): Piece[] {
  const entryAt = new Map(group.entries.map((entry) => [entry.span.start, entry]));
  const text = list.text;
  return group.items.map((item, index) => {
    const next = group.items[index + 1];
    const chunk = next ? text.slice(item.start, next.start) : text.slice(item.start, lastItemEnd(list, item));
    let bodyEnd = chunk.length;
    while (bodyEnd > 0 && ' \t\r\n'.includes(chunk[bodyEnd - 1])) bodyEnd--;
    return { item, entry: entryAt.get(item.start), body: chunk.slice(0, bodyEnd), separator: chunk.slice(bodyEnd) };
  });
}

/** The item's text with a new number, and its later lines moved by as many columns as the number grew. */
function renumbered(piece: Piece, number: number): string {
  const { item, body } = piece;
  if (item.numberStart === undefined || item.numberEnd === undefined || item.number === number) return body;
  const start = item.numberStart - item.start;
  const end = item.numberEnd - item.start;
  const written = body.slice(start, end);
  const digits = String(number);
  const wanted = written.length > 1 && written[0] === '0' ? digits.padStart(written.length, '0') : digits;
  const delta = wanted.length - written.length;
  const lines = (body.slice(0, start) + wanted + body.slice(end)).split('\n');
  if (delta === 0) return lines.join('\n');
  const contentIndent = item.contentIndent ?? 0;
  return lines
    .map((line, index) => {
      if (index === 0) return line;
      if (!movesWithNumber(indentAt(line, 0), contentIndent)) return line;
      return delta > 0 ? ' '.repeat(delta) + line : line.slice(-delta);
    })
    .join('\n');
}

function compareByYear(a: Piece, b: Piece): number {
  const yearA = a.entry?.year?.value;
  const yearB = b.entry?.year?.value;
  if (yearA === undefined || yearB === undefined) return (yearA === undefined ? 1 : 0) - (yearB === undefined ? 1 : 0);
  return yearB - yearA;
}

function compareByTitle(a: Piece, b: Piece): number {
  const titleA = a.entry?.title?.text.trim().toLowerCase();
  const titleB = b.entry?.title?.text.trim().toLowerCase();
  if (titleA === undefined || titleB === undefined) return (titleA === undefined ? 1 : 0) - (titleB === undefined ? 1 : 0);
  return titleA < titleB ? -1 : titleA > titleB ? 1 : 0;
}

/** The lists directly under a section that are not nested in an item of another of its lists. */
export function outerListsOf(list: PaperList, section: Section): ListGroup[] {
  const groups = list.lists.filter((group) => group.section === section && group.items.length > 0);
  const spans = groups.map((group) => ({ start: group.items[0].start, end: lastItemEnd(list, group.items[group.items.length - 1]) }));
  return groups.filter((_, index) =>
    spans.every((span, other) => other === index || !(span.start < spans[index].start && spans[index].start <= span.end)),
  );
}

/**
 * The edits that sort the items of each list directly under a section, newest year first or by
 * title ignoring case, and renumber them. Items keep their whole text; the separators between items
 * stay where they are. The sort is stable (ties and items without a year or title keep their order,
 * the latter at the end), so sorting twice gives no further edits. One edit per list that changes.
 */
export function sortSectionEdits(list: PaperList, section: Section, by: SortOrder): TextEdit[] {
  const compare = by === 'year' ? compareByYear : compareByTitle;
  const edits: TextEdit[] = [];
  for (const group of outerListsOf(list, section)) {
    const pieces = piecesOf(list, group);
    const sorted = pieces.slice().sort(compare);
    const numbers = group.ordered ? expectedNumbers(group, 'auto') : [];
    let newText = '';
    sorted.forEach((piece, index) => {
      newText += group.ordered ? renumbered(piece, numbers[index]) : piece.body;
      if (index < pieces.length - 1) newText += pieces[index].separator;
    });
    const start = group.items[0].start;
    const last = pieces[pieces.length - 1];
    const end = last.item.start + last.body.length;
    const oldText = list.text.slice(start, end);
    if (newText !== oldText) edits.push({ start, end, newText });
  }
  return edits;
}
