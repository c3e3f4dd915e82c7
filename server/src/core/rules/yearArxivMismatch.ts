import type { Rule } from '../rule';

/** The venue is arXiv and the year differs from the year in the arXiv id. */
export const yearArxivMismatchRule: Rule = {
  code: 'year-arxiv-mismatch',
  defaultSeverity: 'warning',
  description: 'The venue is arXiv and the year differs from the year in the arXiv id.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
