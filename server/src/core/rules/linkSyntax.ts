import type { Rule } from '../rule';

/** A malformed link group: a missing bracket or parenthesis, a space before the URL, an empty URL or a space inside it. */
export const linkSyntaxRule: Rule = {
  code: 'link-syntax',
  defaultSeverity: 'error',
  description: 'A malformed link group: a missing bracket or parenthesis, a space before the URL, an empty URL or a space inside it.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
