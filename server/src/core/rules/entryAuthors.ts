import type { Entry } from '../model';
import type { Rule } from '../rule';
import { shorten } from '../text';
import { entryHeadSpan } from './entryHeadSpan';
import { expectationsFor } from '../fieldExpectations';

/**
 * An entry that is only a title and links, with no authors, venue or year, is a resource such as a
 * data set or a website rather than a paper, so it is not asked for authors.
 */
function isBare(entry: Entry): boolean {
  return !entry.authors && !entry.venue && !entry.year && !entry.badYear;
}

/** An entry has no authors where the other entries of its section (or list) have them. */
export const entryAuthorsRule: Rule = {
  code: 'entry-authors',
  defaultSeverity: 'warning',
  description: 'An entry has no authors where the other entries of its section (or list) have them.',
  fixable: false,
  scope: 'entry',
  contextKey: ({ list }) => expectationsFor(list).key,
  check({ list, entries, report }) {
    const expected = expectationsFor(list);
    for (const entry of entries) {
      if (entry.titleProblem === 'missing' || isBare(entry)) continue;
      const house = expected.of(entry);
      const title = entry.title ? `Entry "${shorten(entry.title.text, 60)}"` : 'Entry';
      if (entry.authors) {
        // Authors found by their names in a house that writes them in italics.
        if (entry.authorsStyle !== 'plain' || !house.italicAuthors) continue;
        report({
          span: entry.authors,
          message: `${title} has its authors in plain text; expected them in italics, as *Wang et al.*, as the list's other entries have them.`,
          entry: entry.index,
        });
        continue;
      }
      if (!house.authors) continue;
      report({
        span: entryHeadSpan(list, entry),
        message: `${title} has no authors; expected them after the title, as the list's other entries have them.`,
        entry: entry.index,
      });
    }
  },
};
