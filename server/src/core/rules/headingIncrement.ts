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
};
