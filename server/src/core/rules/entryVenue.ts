import type { Rule } from '../rule';

/** The venue text is not a venue: it holds a URL or a piece of a link. */
export const entryVenueRule: Rule = {
  code: 'entry-venue',
  defaultSeverity: 'warning',
  description: 'The venue text is not a venue: it holds a URL or a piece of a link.',
  fixable: false,
  check() {
    // Not written yet.
  },
};
