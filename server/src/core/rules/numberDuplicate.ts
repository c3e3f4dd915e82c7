import type { Rule } from '../rule';

/** An item repeats the number of an earlier item in the same list. */
export const numberDuplicateRule: Rule = {
  code: 'number-duplicate',
  defaultSeverity: 'error',
  description: 'An item repeats the number of an earlier item in the same list.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
