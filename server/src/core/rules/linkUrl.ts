import type { Rule } from '../rule';

/** A URL that the WHATWG URL parser rejects, or whose scheme is not http or https. */
export const linkUrlRule: Rule = {
  code: 'link-url',
  defaultSeverity: 'error',
  description: 'A URL that the WHATWG URL parser rejects, or whose scheme is not http or https.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
