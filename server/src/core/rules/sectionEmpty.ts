import type { Rule } from '../rule';

/** A heading has neither entries nor subsections. */
export const sectionEmptyRule: Rule = {
  code: 'section-empty',
  defaultSeverity: 'info',
  description: 'A heading has neither entries nor subsections.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
