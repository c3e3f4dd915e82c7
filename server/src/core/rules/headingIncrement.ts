import type { Rule } from '../rule';

/** A heading skips a level. */
export const headingIncrementRule: Rule = {
  code: 'heading-increment',
  defaultSeverity: 'warning',
  description: 'A heading skips a level.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
