import type { ResolvedConfig } from '../config';
import { houseStyleOf } from '../analysis/houseStyleOf';
import type { PaperList } from '../model';
import type { Rule } from '../rule';
import { shorten } from '../text';

/** Where the house style puts the period after the title, and whether one follows the year. */
function patternOf(list: PaperList, config: ResolvedConfig): { title?: 'inside' | 'outside'; year: boolean } {
  const { style } = houseStyleOf(list, config.houseStyle);
  return { title: style.titlePeriod === 'none' ? undefined : style.titlePeriod, year: style.yearPeriod };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!/\s/.test(text[at])) return false;
  return true;
}

/**
 * Whether a period fits after the title: not where other punctuation such as a comma follows it,
 * which is a different style rather than a missing period.
 */
function periodFitsAfter(text: string, offset: number): boolean {
  const next = text[offset];
  return next === undefined || /\s/.test(next) || next === '[' || next === '*' || next === '_' || next === '<';
}


/** A period is missing after the title or after the year, where the list's house style has one. */
export const entryPunctuationRule: Rule = {
  code: 'entry-punctuation',
  defaultSeverity: 'info',
  description: "A period is missing after the title or after the year, where the list's house style has one.",
  fixable: true,
  scope: 'entry',
  contextKey: ({ list, config }) => JSON.stringify(patternOf(list, config)),
  check({ list, entries, config, report }) {
    const pattern = patternOf(list, config);
    const text = list.text;
    for (const entry of entries) {
      const title = entry.title;
      if (pattern.title && title && entry.periodAfterTitle === false && entry.titleProblem !== 'empty' && periodFitsAfter(text, title.outer.end)) {
        let at = pattern.title === 'outside' ? title.outer.end : title.end;
        // Inside the markers the period goes right after the last word, before any stray space.
        while (pattern.title === 'inside' && at > title.start && /\s/.test(text[at - 1])) at--;
        const where = pattern.title === 'outside' ? 'after the closing "**"' : 'before the closing "**"';
        report({
          span: { start: title.outer.end - 2, end: title.outer.end },
          message: `Title "${shorten(title.text, 60)}" has no period after it; expected one ${where}, as the list's house style has.`,
          fixes: [{ title: 'Add a period after the title', edits: [{ start: at, end: at, newText: '.' }], safe: true, preferred: true }],
          entry: entry.index,
        });
      }
      const year = entry.year;
      if (pattern.year && year && entry.periodAfterYear === false && isBlank(text, year.end, entry.tail.end)) {
        report({
          span: { start: year.start, end: year.end },
          message: `Year ${year.text} has no period after it; expected "${year.text}.", as the list's house style has.`,
          fixes: [{ title: 'Add a period after the year', edits: [{ start: year.end, end: year.end, newText: '.' }], safe: true, preferred: true }],
          entry: entry.index,
        });
      }
    }
  },
  docs: {
    summary: 'a missing period after the title or the year, against the list\'s house style',
    fix: 'add the period (safe)',
    details: `A period is missing after the title (\`**Title** [[URL](…)]\`) or after the year (\`2023 [[Blog](…)]\`), where
the list's [house style](../README.md#house-style) has one. On a list whose entries mostly go without, nothing is
reported. Fix: add the period, inside or outside the bold (and inside the quotes of \`**"Title"**\`) as the
list does.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        `# Papers

1. **Alpha** *Li et al.* ICML 2020 [[Paper](https://example.org/a)]
2. **Beta** *Wu et al.* ICLR 2021 [[Paper](https://example.org/b)]
3. **Gamma** *Xu et al.* ACL 2022 [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta** *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
          message: 'Title "Delta" has no period after it; expected one after the closing "**", as the list\'s house style has.',
          line: 6,
          column: 11,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023 [[Paper](https://example.org/d)]
`,
          message: 'Year 2023 has no period after it; expected "2023.", as the list\'s house style has.',
          line: 6,
          column: 33,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/d)]
`,
        },
      ],
    },
  },
};
