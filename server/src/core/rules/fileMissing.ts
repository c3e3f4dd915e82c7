import type { Rule } from '../rule';

/** A relative link or image names a file that does not exist next to the document. */
export const fileMissingRule: Rule = {
  code: 'file-missing',
  defaultSeverity: 'warning',
  description: 'A relative link or image names a file that does not exist next to the document.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
