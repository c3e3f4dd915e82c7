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
  docs: {
    summary: 'a table of contents or paper count between `paperlist` markers that no longer matches the document',
    fix: 'rewrite the region (safe)',
    details:
      'The table of contents between `<!-- paperlist:toc -->` and `<!-- /paperlist:toc -->`, or a paper count ' +
      '`<!-- paperlist:count -->N<!-- /paperlist:count -->`, no longer matches the document. Fix (safe, so `--fix` ' +
      'and fix-all keep them current): rewrite what stands between the markers; nothing else is touched, and a ' +
      'list without markers is never reported. See [`paperlist toc`](ci.md#table-of-contents-and-counts).',
    examples: {
      valid: [
        `# Papers

Papers listed: <!-- paperlist:count -->3<!-- /paperlist:count -->

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

Papers listed: <!-- paperlist:count -->2<!-- /paperlist:count -->

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'The paper count says "2"; expected 3, the number of distinct papers in the list.',
          line: 3,
          column: 16,
          fixed: `# Papers

Papers listed: <!-- paperlist:count -->3<!-- /paperlist:count -->

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
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
