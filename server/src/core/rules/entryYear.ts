import type { Entry } from '../model';
import type { Rule } from '../rule';
import { shorten, type Span } from '../text';
import { expectationsFor } from '../fieldExpectations';

/** The earliest year taken as plausible for a paper in a list. */
const earliestYear = 1800;

/** An entry that is only a title and links is a resource such as a data set or a website, with no year. */
function isBare(entry: Entry): boolean {
  return !entry.authors && !entry.venue && !entry.year && !entry.badYear;
}

/** Where a missing year belongs: after the venue, the authors or the title. */
function missingYearSpan(entry: Entry): Span {
  return entry.venue ?? entry.authors?.outer ?? entry.title?.outer ?? entry.span;
}


/** An entry has no year where its section (or list) gives them, or a number that is not a plausible year. */
export const entryYearRule: Rule = {
  code: 'entry-year',
  defaultSeverity: 'warning',
  description: 'An entry has no year where the other entries of its section (or list) have one, or a number that is not a plausible four-digit year.',
  fixable: false,
  scope: 'entry',
  contextKey: ({ list }) => expectationsFor(list).key,
  check({ list, entries, currentYear, report }) {
    const latestYear = currentYear + 1;
    const expected = expectationsFor(list);
    for (const entry of entries) {
      const name = entry.title ? `"${shorten(entry.title.text, 60)}"` : undefined;
      const ofTitle = name ? ` of ${name}` : '';
      if (entry.badYear) {
        report({
          span: entry.badYear,
          message: `Year "${entry.badYear.text}"${ofTitle} is not a four-digit year; expected a year from ${earliestYear} to ${latestYear}.`,
          entry: entry.index,
        });
      } else if (entry.year) {
        const { value } = entry.year;
        if (!/\d{4}/.test(entry.year.text) && expected.of(entry).fourDigitYears) {
          // `ACL'23` is a year, and a deviation only where the house writes four digits.
          report({
            span: entry.year,
            message: `Year "${entry.year.text}"${ofTitle} has two digits; expected ${value}, as the list's other entries write their years.`,
            entry: entry.index,
          });
          continue;
        }
        if (value >= earliestYear && value <= latestYear) continue;
        report({
          span: entry.year,
          message: `Year ${value}${ofTitle} is ${value < earliestYear ? 'too early' : 'in the future'}; expected a year from ${earliestYear} to ${latestYear}.`,
          entry: entry.index,
        });
      } else if (!isBare(entry) && expected.of(entry).year) {
        report({
          span: missingYearSpan(entry),
          message: `${name ? `Entry ${name}` : 'Entry'} has no year; expected a four-digit year after the venue, as "arXiv 2023".`,
          entry: entry.index,
        });
      }
    }
  },
  docs: {
    summary: 'no year where the section gives years, or not a plausible year',
    fix: '–',
    details: `An entry has no year where the other entries of its section (or list) have one, or a number where the year
should be that is not a plausible year (\`arXiv 20223\`, \`NeurIPS 2099\`, \`EMNLP 18\`). A date before or after the
title, a venue tag (\`[ICLR 2024]\`) and a two-digit year after a venue (\`IVA '20\`) count as the year.`,
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
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2099. [[Paper](https://example.org/c)]
`,
          message: 'Year 2099 of "Gamma" is in the future; expected a year from 1800 to 2027.',
          line: 5,
          column: 31,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/alpha)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/beta)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/gamma)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/delta)]
5. **Epsilon**. *Ma et al.* NeurIPS 2019. [[Paper](https://example.org/epsilon)]
6. **Zeta**. *Hu et al.* CVPR 2020. [[Paper](https://example.org/zeta)]
7. **Eta**. *Yu et al.* ICCV 2021. [[Paper](https://example.org/eta)]
8. **Theta**. *Lu et al.* NAACL 2022. [[Paper](https://example.org/theta)]
9. **Iota**. *Qi et al.* AAAI 2023. [[Paper](https://example.org/iota)]
10. **Kappa**. *He et al.* KDD. [[Paper](https://example.org/kappa)]
`,
          message: 'Entry "Kappa" has no year; expected a four-digit year after the venue, as "arXiv 2023".',
          line: 12,
          column: 28,
        },
      ],
    },
  },
};
