import type { Block } from '../blocks';
import type { Fix, Rule } from '../rule';
import { houseStyleOf } from '../houseStyle';
import { entryIndexByItem, fitsOnesHouse, expectedNumbers, numberingFor, numberSpan, renumberListEdits } from './renumberList';

/** An item repeats the number of an earlier item in the same list. */
export const numberDuplicateRule: Rule = {
  code: 'number-duplicate',
  defaultSeverity: 'error',
  description: 'An item repeats the number of an earlier item in the same list.',
  fixable: true,
  check({ list, config, report }) {
    const house = houseStyleOf(list, config.houseStyle).style;
    for (const group of list.lists) {
      if (!group.ordered || !group.entries.length) continue;
      // Under the all-`1.` numbering every item repeats 1 on purpose.
      if (numberingFor(group, config.numbering) === 'ones') continue;
      if (fitsOnesHouse(group, config.numbering, house)) continue;
      const expected = expectedNumbers(group, config.numbering);
      const entries = entryIndexByItem(group);
      const firstWithNumber = new Map<number, Block>();
      let fix: Fix | undefined;
      group.items.forEach((item, index) => {
        const span = numberSpan(item);
        if (!span || item.number === undefined) return;
        const earlier = firstWithNumber.get(item.number);
        if (!earlier) {
          firstWithNumber.set(item.number, item);
          return;
        }
        fix ??= {
          title: 'Renumber this list',
          edits: renumberListEdits(group, list.text, config.numbering),
          safe: true,
          preferred: true,
        };
        report({
          span,
          message: `Item number ${item.number} repeats the number of the item on line ${earlier.startLine + 1}; expected ${expected[index]}.`,
          related: [{ span: numberSpan(earlier)!, message: `Item number ${item.number} first stands here.` }],
          fixes: fix.edits.length ? [fix] : [],
          entry: entries.get(item.start),
        });
      });
    }
  },
};
