import type { Block } from '../blocks';
import type { NumberingStyle } from '../config';
import type { ListGroup } from '../model';
import type { Report, Rule } from '../rule';
import { houseStyleOf } from '../analysis/houseStyleOf';
import { entryIndexByItem, fitsOnesHouse, numberingStamp, numberingFor, numberSpan, renumberListEdits } from '../analysis/renumberList';
import { ReportsPerPart } from '../memo';

interface Break {
  item: Block;
  expected: number;
}

/**
 * The first item whose number does not follow the previous one. Items that repeat an earlier number
 * are skipped: they are number-duplicate's business.
 */
function firstSequenceBreak(items: readonly Block[]): Break | undefined {
  if (items[0]?.number === undefined) return undefined;
  const seen = new Set<number>([items[0].number]);
  let previous = items[0].number;
  for (const item of items.slice(1)) {
    if (item.number === undefined || seen.has(item.number)) continue;
    if (item.number !== previous + 1) return { item, expected: previous + 1 };
    seen.add(item.number);
    previous = item.number;
  }
  return undefined;
}

function firstNotOne(items: readonly Block[]): Break | undefined {
  const item = items.find((candidate) => candidate.number !== undefined && candidate.number !== 1);
  return item && { item, expected: 1 };
}

function describeBreak(found: Break, numbering: 'sequential' | 'ones'): string {
  const number = found.item.number;
  return numbering === 'ones'
    ? `Item number ${number} breaks the numbering of every item as 1; expected 1.`
    : `Item number ${number} breaks the sequence; expected ${found.expected}.`;
}

/** One finding per list, at the first item whose number breaks the expected numbering. */
function checkList(group: ListGroup, text: string, style: NumberingStyle): Report[] {
  const numbering = numberingFor(group, style);
  const found = numbering === 'ones' ? firstNotOne(group.items) : firstSequenceBreak(group.items);
  if (!found) return [];
  const edits = renumberListEdits(group, text, style);
  return [{
    span: numberSpan(found.item)!,
    message: describeBreak(found, numbering),
    fixes: edits.length ? [{ title: 'Renumber this list', edits, safe: true, preferred: true }] : [],
    entry: entryIndexByItem(group).get(found.item.start),
  }];
}

/** The first item of a list whose number breaks the sequence (a gap or an item out of order). */
export const numberSequenceRule: Rule = {
  code: 'number-sequence',
  defaultSeverity: 'warning',
  description: 'The first item of a list whose number breaks the sequence (a gap or an item out of order).',
  fixable: true,
  check({ list, config, report }) {
    const house = houseStyleOf(list, config.houseStyle).style;
    const memo = list.cache.keep('number-sequence', () => new ReportsPerPart<ListGroup>());
    memo.begin();
    for (const group of list.lists) {
      if (!group.ordered || !group.entries.length) continue;
      if (fitsOnesHouse(group, config.numbering, house)) continue;
      for (const found of memo.get(group, group.items[0].start, numberingStamp(group, list.text, config.numbering), () => checkList(group, list.text, config.numbering))) report(found);
    }
    memo.end();
  },
  docs: {
    summary: 'the first item of a list whose number breaks the sequence; one finding per list',
    fix: 'renumber the list (safe)',
    details: `The first item of a list whose number breaks the sequence (a gap or an item out of order). One finding per
list, not one per later item. Fix: renumber the list.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
3. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
4. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Item number 3 breaks the sequence; expected 2.',
          line: 4,
          column: 1,
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
