import type { Entry } from '../model';
import type { Rule } from '../rule';
import { shorten } from '../text';
import { entryHeadSpan } from './entryHeadSpan';

/**
 * An entry that is only a title and links, with no authors, venue or year, is a resource such as a
 * data set or a website rather than a paper, so it is not asked for authors.
 */
function isBare(entry: Entry): boolean {
  return !entry.authors && !entry.venue && !entry.year && !entry.badYear;
}

/** An entry has no `*Authors*` part. */
export const entryAuthorsRule: Rule = {
  code: 'entry-authors',
  defaultSeverity: 'warning',
  description: 'An entry has no `*Authors*` part.',
  fixable: false,
  scope: 'entry',
  check({ list, entries, report }) {
    for (const entry of entries) {
      if (entry.authors || entry.titleProblem === 'missing' || isBare(entry)) continue;
      const title = entry.title ? `Entry "${shorten(entry.title.text, 60)}"` : 'Entry';
      const tail = list.text.slice(entry.tail.start, entry.tail.end);
      // Authors written without the italics end up in the venue; say so rather than call them missing.
      const plain = /\bet al\b/i.test(tail);
      report({
        span: entryHeadSpan(list, entry),
        message: plain
          ? `${title} has its authors in plain text; expected them in italics after the title, as *Wang et al.*.`
          : `${title} has no authors; expected them in italics after the title, as *Wang et al.*.`,
        entry: entry.index,
      });
    }
  },
};
