import type { Rule } from '../rule';

/** The first item of a list whose number breaks the sequence (a gap or an item out of order). */
export const numberSequenceRule: Rule = {
  code: 'number-sequence',
  defaultSeverity: 'warning',
  description: 'The first item of a list whose number breaks the sequence (a gap or an item out of order).',
  fixable: true,
  check() {
    // Not written yet.
  },
};
