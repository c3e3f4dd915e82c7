import type { Rule } from '../rule';

/** The same paper appears in several sections with a different title, authors, venue or year. */
export const entryInconsistentRule: Rule = {
  code: 'entry-inconsistent',
  defaultSeverity: 'warning',
  description: 'The same paper appears in several sections with a different title, authors, venue or year.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
