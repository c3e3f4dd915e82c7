import type { Block } from '../blocks';
import type { NumberingStyle } from '../config';
import { ReportsPerPart } from '../memo';
import type { ListGroup } from '../model';
import type { Fix, Report, Rule } from '../rule';
import { houseStyleOf } from '../analysis/houseStyleOf';
import { entryIndexByItem, fitsOnesHouse, expectedNumbers, numberingStamp, numberingFor, numberSpan, renumberListEdits } from '../analysis/renumberList';

/** The items of a list that repeat the number of an earlier item, with one renumbering fix for them all. */
function duplicatesIn(group: ListGroup, text: string, numbering: NumberingStyle): Report[] {
  const expected = expectedNumbers(group, numbering);
  const entries = entryIndexByItem(group);
  const firstWithNumber = new Map<number, Block>();
  const reports: Report[] = [];
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
      edits: renumberListEdits(group, text, numbering),
      safe: true,
      preferred: true,
    };
    reports.push({
      span,
      message: `Item number ${item.number} repeats the number of the item on line ${earlier.startLine + 1}; expected ${expected[index]}.`,
      related: [{ span: numberSpan(earlier)!, message: `Item number ${item.number} first stands here.` }],
      fixes: fix.edits.length ? [fix] : [],
      entry: entries.get(item.start),
    });
  });
  return reports;
}

/** An item repeats the number of an earlier item in the same list. */
export const numberDuplicateRule: Rule = {
  code: 'number-duplicate',
  defaultSeverity: 'error',
  description: 'An item repeats the number of an earlier item in the same list.',
  fixable: true,
  check({ list, config, report }) {
    const house = houseStyleOf(list, config.houseStyle).style;
    const memo = list.cache.keep('number-duplicate', () => new ReportsPerPart<ListGroup>());
    memo.begin();
    for (const group of list.lists) {
      if (!group.ordered || !group.entries.length) continue;
      // Under the all-`1.` numbering every item repeats 1 on purpose.
      if (numberingFor(group, config.numbering) === 'ones') continue;
      if (fitsOnesHouse(group, config.numbering, house)) continue;
      for (const found of memo.get(group, group.items[0].start, numberingStamp(group, list.text, config.numbering), () => duplicatesIn(group, list.text, config.numbering))) report(found);
    }
    memo.end();
  },
  docs: {
    summary: 'an item repeats the number of an earlier item in the same list',
    fix: 'renumber the list (safe)',
    details: `An item repeats the number of an earlier item in the same list.

A list numbered all \`1.\` is accepted when \`numbering\` is \`"auto"\` (the default) or \`"ones"\`. In a list
whose house style numbers every item \`1.\`, a list that goes on from an earlier one (\`21.\`, \`22.\`, \`1.\`,
\`1.\`…, which markdown shows as 21, 22, 23, 24) is accepted too.
Fix: renumber the list.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
1. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
1. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
2. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Item number 2 repeats the number of the item on line 4; expected 3.',
          line: 5,
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
