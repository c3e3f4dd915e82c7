import type { Rule } from '../rule';

/** An entry has no bold title, an unclosed or empty one, or one that does not render as bold. */
export const entryTitleRule: Rule = {
  code: 'entry-title',
  defaultSeverity: 'error',
  description: 'An entry has no bold title, an unclosed or empty one, or one that does not render as bold.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
