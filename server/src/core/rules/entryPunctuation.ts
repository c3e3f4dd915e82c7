import type { Rule } from '../rule';

/** A period is missing after the title or after the year, where the list's own entries have one. */
export const entryPunctuationRule: Rule = {
  code: 'entry-punctuation',
  defaultSeverity: 'info',
  description: "A period is missing after the title or after the year, where the list's own entries have one.",
  fixable: true,
  check() {
    // Not written yet.
  },
};
