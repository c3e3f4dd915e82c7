import type { Rule } from '../rule';

/** A heading ends with white space. */
export const headingWhitespaceRule: Rule = {
  code: 'heading-whitespace',
  defaultSeverity: 'info',
  description: 'A heading ends with white space.',
  fixable: true,
  check({ list, report }) {
    for (const heading of list.headings) {
      const line = list.lines.lineText(heading.line);
      const lineStart = list.lines.lineStarts[heading.line];
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      if (end === line.length || end === 0) continue;
      const span = { start: lineStart + end, end: lineStart + line.length };
      report({
        span,
        message: `Heading "${heading.text}" ends with ${line.length - end === 1 ? 'a space' : `${line.length - end} spaces`}; expected no trailing white space.`,
        fixes: [{ title: 'Remove the trailing white space', edits: [{ ...span, newText: '' }], safe: true, preferred: true }],
      });
    }
  },
  docs: {
    summary: 'trailing white space in a heading',
    fix: 'trim (safe)',
    details: 'A heading that ends with white space (`#### Model Synthetic Feedback␠`). Fix: trim it.',
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

## Alignment 

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Heading "Alignment" ends with a space; expected no trailing white space.',
          line: 3,
          column: 13,
          fixed: `# Papers

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};
