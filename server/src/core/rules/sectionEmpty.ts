import { minimumPaperListEntries } from '../model';
import type { Rule } from '../rule';

/** A heading has neither entries nor subsections. */
export const sectionEmptyRule: Rule = {
  code: 'section-empty',
  defaultSeverity: 'info',
  description: 'A heading has neither entries nor subsections.',
  fixable: false,
  check({ list, report }) {
    // Ordinary markdown, whose headings may stand alone, is left alone.
    if (list.entries.length < minimumPaperListEntries) return;
    const { blocks } = list;
    let next = 0;
    for (const section of list.sections) {
      const heading = section.heading;
      if (!heading) continue;
      // Sections come in document order, so one walk over the blocks serves them all.
      while (next < blocks.length && blocks[next].start <= heading.span.start) next++;
      if (section.entries.length || section.children.length) continue;
      // Text, a plain list, a table or code under the heading is content; a comment does not render.
      let hasContent = false;
      for (let at = next; at < blocks.length && blocks[at].start < section.span.end; at++) {
        const kind = blocks[at].kind;
        if (kind === 'heading') break;
        if (kind !== 'comment') {
          hasContent = true;
          break;
        }
      }
      if (hasContent) continue;
      report({
        span: { start: heading.span.start, end: Math.max(heading.span.start, list.lines.lineEnd(heading.line)) },
        message: `Section "${heading.text}" has no entries and no subsections; expected at least one paper under it, or no heading.`,
      });
    }
  },
  docs: {
    summary: 'a heading with neither entries nor subsections',
    fix: '–',
    details: `A heading with neither entries nor subsections nor any other content. Only reported in documents that are
paper lists (three entries or more).`,
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

## Surveys

## Alignment

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Section "Surveys" has no entries and no subsections; expected at least one paper under it, or no heading.',
          line: 3,
          column: 1,
        },
      ],
    },
  },
};
