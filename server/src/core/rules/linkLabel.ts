import type { Rule } from '../rule';

/** A link label outside the list's vocabulary, a near miss of a known label, or a label in the wrong case. */
export const linkLabelRule: Rule = {
  code: 'link-label',
  defaultSeverity: 'warning',
  description: "A link label outside the list's vocabulary, a near miss of a known label, or a label in the wrong case.",
  fixable: true,
  check() {
    // Not written yet.
  },
};
