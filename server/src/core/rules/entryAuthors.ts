import type { Entry } from '../model';
import type { Rule } from '../rule';
import { shorten } from '../text';
import { entryHeadSpan } from '../analysis/entryHeadSpan';
import { expectationsFor } from '../fieldExpectations';

/**
 * An entry that is only a title and links, with no authors, venue or year, is a resource such as a
 * data set or a website rather than a paper, so it is not asked for authors.
 */
function isBare(entry: Entry): boolean {
  return !entry.authors && !entry.venue && !entry.year && !entry.badYear;
}

/** An entry has no authors where the other entries of its section (or list) have them. */
export const entryAuthorsRule: Rule = {
  code: 'entry-authors',
  defaultSeverity: 'warning',
  description: 'An entry has no authors where the other entries of its section (or list) have them.',
  fixable: false,
  scope: 'entry',
  contextKey: ({ list }) => expectationsFor(list).key,
  check({ list, entries, report }) {
    const expected = expectationsFor(list);
    for (const entry of entries) {
      if (entry.titleProblem === 'missing' || isBare(entry)) continue;
      const house = expected.of(entry);
      const title = entry.title ? `Entry "${shorten(entry.title.text, 60)}"` : 'Entry';
      if (entry.authors) {
        // Authors found by their names in a house that writes them in italics.
        if (entry.authorsStyle !== 'plain' || !house.italicAuthors) continue;
        report({
          span: entry.authors,
          message: `${title} has its authors in plain text; expected them in italics, as *Wang et al.*, as the list's other entries have them.`,
          entry: entry.index,
        });
        continue;
      }
      if (!house.authors) continue;
      report({
        span: entryHeadSpan(list, entry),
        message: `${title} has no authors; expected them after the title, as the list's other entries have them.`,
        entry: entry.index,
      });
    }
  },
  docs: {
    summary: 'no authors, or plain ones, where the section\'s other entries have them in italics',
    fix: '–',
    details: `An entry has no authors where the other entries of its section (or list) have them, or plain-text authors
where the others are in italics. Entries that are only a title and links, such as a dataset or a website
(\`**European Values Study**. [[URL](…)]\`), are not asked for authors or a year.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/alpha)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/beta)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/gamma)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/delta)]
5. **Epsilon**. *Ma et al.* NeurIPS 2019. [[Paper](https://example.org/epsilon)]
6. **Zeta**. *Hu et al.* CVPR 2020. [[Paper](https://example.org/zeta)]
7. **Eta**. *Yu et al.* ICCV 2021. [[Paper](https://example.org/eta)]
8. **Theta**. *Lu et al.* NAACL 2022. [[Paper](https://example.org/theta)]
9. **Iota**. *Qi et al.* AAAI 2023. [[Paper](https://example.org/iota)]
10. **Kappa**. *He et al.* KDD 2024. [[Paper](https://example.org/kappa)]
`,
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/alpha)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/beta)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/gamma)]
4. **Delta**. *Ng et al.* EMNLP 2023. [[Paper](https://example.org/delta)]
5. **Epsilon**. *Ma et al.* NeurIPS 2019. [[Paper](https://example.org/epsilon)]
6. **Zeta**. *Hu et al.* CVPR 2020. [[Paper](https://example.org/zeta)]
7. **Eta**. *Yu et al.* ICCV 2021. [[Paper](https://example.org/eta)]
8. **Theta**. *Lu et al.* NAACL 2022. [[Paper](https://example.org/theta)]
9. **Iota**. *Qi et al.* AAAI 2023. [[Paper](https://example.org/iota)]
10. **European Values Study**. [[URL](https://example.org/evs)]
`,
      ],
      invalid: [
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
10. **Kappa**. KDD 2024. [[Paper](https://example.org/kappa)]
`,
          message: 'Entry "Kappa" has no authors; expected them after the title, as the list\'s other entries have them.',
          line: 12,
          column: 5,
        },
      ],
    },
  },
};
