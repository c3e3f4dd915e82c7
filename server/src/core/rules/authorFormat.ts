import type { Rule } from '../rule';

/** Authors written as `Ganguliet al.`, `et al` without its period, or `et. al.`. */
export const authorFormatRule: Rule = {
  code: 'author-format',
  defaultSeverity: 'warning',
  description: 'Authors written as `Ganguliet al.`, `et al` without its period, or `et. al.`.',
  fixable: true,
  check() {
    // Not written yet.
  },
};
