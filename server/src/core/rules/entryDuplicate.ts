import type { Rule } from '../rule';

/** The same paper is listed twice in one section. */
export const entryDuplicateRule: Rule = {
  code: 'entry-duplicate',
  defaultSeverity: 'error',
  description: 'The same paper is listed twice in one section.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
