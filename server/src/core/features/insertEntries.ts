// Inserting new entries into a numbered list, for "Add Paper from BibTeX": the items below move up by one
// number per new entry, in the same edit, so that the list stays in order and one undo takes it all back.
import { defaultConfig, type ResolvedConfig } from '../config';
import { houseStyleOf } from '../analysis/houseStyleOf';
import { isAtxHeading } from '../blocks';
import type { PaperList } from '../model';
import { parseList } from '../parseList';
import type { TextEdit } from '../rule';
import { fitsOnesHouse, renumberListEdits } from '../analysis/renumberList';
import { numberedListAt } from './renumber';

/**
 * The edits that insert entries (each one or more lines, without the final line break) before a
 * zero-based line, and renumber the items of the same list below them. Items above are never touched,
 * and a list numbered all `1.` is left as it is.
 */
export function insertEntriesEdits(list: PaperList, entries: readonly string[], line: number, config: ResolvedConfig = defaultConfig): TextEdit[] {
  if (!entries.length) return [];
  const text = list.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const offset = line < list.lines.lineCount ? list.lines.lineStarts[line] : text.length;
  // At the end of a text without a final line break, the new entries start on a line of their own.
  const lead = offset === text.length && text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r') ? eol : '';
  const inserted = lead + entries.map((entry) => entry + eol).join('');
  const insertion: TextEdit = { start: offset, end: offset, newText: inserted };
  // A markdown list never crosses an ATX heading, and the scanner reads the same after one, so the text
  // between the headings around the insertion is parsed alone: a whole real list takes hundreds of ms.
  const { start, end } = betweenHeadings(list, offset);
  const region = text.slice(start, offset) + inserted + text.slice(offset, end);
  const next = parseList(region);
  const group = numberedListAt(next, offset - start + lead.length);
  if (!group || fitsOnesHouse(group, config.numbering, houseStyleOf(list, config.houseStyle).style)) return [insertion];
  const below = offset - start + inserted.length;
  const renumbered = renumberListEdits(group, region, config.numbering)
    .filter((edit) => edit.start >= below)
    .map((edit) => ({ start: edit.start + start - inserted.length, end: edit.end + start - inserted.length, newText: edit.newText }));
  return [insertion, ...renumbered];
}

/** The text from the last ATX heading before `offset` to the next ATX heading at or after it. */
function betweenHeadings(list: PaperList, offset: number): { start: number; end: number } {
  let start = 0;
  let end = list.text.length;
  for (const block of list.blocks) {
    if (!isAtxHeading(list.text, block)) continue;
    if (block.start < offset) start = block.start;
    else {
      end = block.start;
      break;
    }
  }
  return { start, end };
}
