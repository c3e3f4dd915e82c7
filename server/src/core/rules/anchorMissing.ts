import type { Rule } from '../rule';

/** A `#fragment` link matches no heading of the document. */
export const anchorMissingRule: Rule = {
  code: 'anchor-missing',
  defaultSeverity: 'warning',
  description: 'A `#fragment` link matches no heading of the document.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
