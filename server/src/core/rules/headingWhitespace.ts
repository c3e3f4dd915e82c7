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
};
