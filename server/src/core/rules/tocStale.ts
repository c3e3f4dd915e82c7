import { staleRegions } from '../features/tableOfContents';
import type { Rule } from '../rule';

/**
 * A generated region no longer matches the document: the table of contents between
 * `<!-- paperlist:toc -->` markers, or the paper count between `<!-- paperlist:count -->` markers.
 * The fix rewrites only what stands between the markers, so it is safe even though it changes words.
 */
export const tocStaleRule: Rule = {
  code: 'toc-stale',
  defaultSeverity: 'warning',
  description: 'The table of contents or the paper count between `paperlist` markers does not match the document.',
  fixable: true,
  check({ list, config, report }) {
    const { stale, problems } = staleRegions(list, config.toc?.counts ?? false);
    for (const problem of problems) report(problem);
    for (const { region, expected, message } of stale) {
      report({
        span: region.kind === 'toc' ? region.marker : { start: region.marker.start, end: region.inner.end },
        message,
        fixes: [
          {
            title: region.kind === 'toc' ? 'Update the table of contents' : 'Update the paper count',
            edits: [{ ...region.inner, newText: expected }],
            safe: true,
            preferred: true,
            changesMeaning: 'generated-region',
          },
        ],
      });
    }
  },
};
