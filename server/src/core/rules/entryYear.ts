import type { Rule } from '../rule';

/** An entry has no year, or a number that is not a plausible four-digit year. */
export const entryYearRule: Rule = {
  code: 'entry-year',
  defaultSeverity: 'warning',
  description: 'An entry has no year, or a number that is not a plausible four-digit year.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
