import type { Rule } from '../rule';

/** The same URL appears twice in one entry. */
export const linkDuplicateRule: Rule = {
  code: 'link-duplicate',
  defaultSeverity: 'info',
  description: 'The same URL appears twice in one entry.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
