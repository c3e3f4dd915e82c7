import type { Rule } from '../rule';

/** A heading skips a level. */
export const headingIncrementRule: Rule = {
  code: 'heading-increment',
  defaultSeverity: 'warning',
  description: 'A heading skips a level.',
  fixable: false,
  check({ list, report }) {
    // The first heading may be any level; a README often starts at `##` under a title written in HTML.
    let previous: number | undefined;
    for (const heading of list.headings) {
      // HTML headings (`<h5 align="center">…</h5>`) set text size for a banner more often than they outline.
      if (/^[ \t]*</.test(list.text.slice(heading.span.start, heading.span.start + 8))) continue;
      if (previous !== undefined && heading.level > previous + 1) {
        report({
          span: { start: heading.span.start, end: Math.max(heading.span.start, list.lines.lineEnd(heading.line)) },
          message: `Heading "${heading.text}" is level ${heading.level} after a level ${previous} heading; expected level ${previous + 1} at most.`,
        });
      }
      previous = heading.level;
    }
  },
  docs: {
    summary: 'a heading that skips a level',
    fix: '–',
    details: 'A heading that skips a level, such as `####` right under `##`.',
    examples: {
      valid: [
        `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

#### Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Heading "Alignment" is level 4 after a level 1 heading; expected level 2 at most.',
          line: 3,
          column: 1,
        },
      ],
    },
  },
};
