import type { Rule } from '../rule';

/** An entry has no `*Authors*` part. */
export const entryAuthorsRule: Rule = {
  code: 'entry-authors',
  defaultSeverity: 'warning',
  description: 'An entry has no `*Authors*` part.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
