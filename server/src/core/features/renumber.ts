import type { ResolvedConfig } from '../config';
import type { ListGroup, PaperList } from '../model';
import type { TextEdit } from '../rule';
import { houseStyleOf } from '../analysis/houseStyleOf';
import { fitsOnesHouse, renumberListEdits } from '../analysis/renumberList';

/** The numbered list that holds an offset: the innermost one whose item spans it. */
export function numberedListAt(list: PaperList, offset: number): ListGroup | undefined {
  let found: ListGroup | undefined;
  let foundIndent = -1;
  for (const group of list.lists) {
    if (!group.ordered || !group.items.length) continue;
    const first = group.items[0];
    const last = group.items[group.items.length - 1];
    if (offset < first.start || offset > last.end) continue;
    if (first.indent > foundIndent) {
      found = group;
      foundIndent = first.indent;
    }
  }
  return found;
}

/** The edits that renumber one list in the configured style; empty when it is numbered already. */
export function renumberListAt(list: PaperList, offset: number, config: ResolvedConfig): TextEdit[] {
  const group = numberedListAt(list, offset);
  return group ? renumberEdits(list, group, config) : [];
}

/** A list that already reads right under a house style of all-`1.` items is left as it is. */
function renumberEdits(list: PaperList, group: ListGroup, config: ResolvedConfig): TextEdit[] {
  if (fitsOnesHouse(group, config.numbering, houseStyleOf(list, config.houseStyle).style)) return [];
  return renumberListEdits(group, list.text, config.numbering);
}

/** The edits that renumber every numbered list of the document. */
export function renumberAllEdits(list: PaperList, config: ResolvedConfig): TextEdit[] {
  return list.lists.filter((group) => group.ordered).flatMap((group) => renumberEdits(list, group, config));
}
