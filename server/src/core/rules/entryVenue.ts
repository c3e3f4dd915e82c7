import type { Rule } from '../rule';
import { shorten } from '../text';

/** A web address: `http`, `https`, `://` or `www.`, in lower case as addresses are written. */
const urlPattern = /\bhttps?\b|:\/\/|\bwww\./;


/** What in a venue's text is not a venue, or undefined for a plain venue. */
function problemOf(venue: string): string | undefined {
  if (urlPattern.test(venue)) return 'holds a URL';
  if (venue.includes('](')) return 'holds a piece of a markdown link, "]("';
  if (venue.includes('[') || venue.includes(']')) return 'holds a bracket of a link';
  return undefined;
}

/** The venue text is not a venue: it holds a URL or a piece of a link. */
export const entryVenueRule: Rule = {
  code: 'entry-venue',
  defaultSeverity: 'warning',
  description: 'The venue text is not a venue: it holds a URL or a piece of a link.',
  fixable: false,
  scope: 'entry',
  check({ entries, report }) {
    for (const entry of entries) {
      if (!entry.venue) continue;
      const problem = problemOf(entry.venue.text);
      if (!problem) continue;
      report({
        span: { start: entry.venue.start, end: entry.venue.end },
        message: `Venue "${shorten(entry.venue.text, 60)}" ${problem}; expected the name of the venue, such as "arXiv" or "NeurIPS", with links in [[Label](url)] after the year.`,
        entry: entry.index,
      });
    }
  },
  docs: {
    summary: 'venue text that holds a URL or a piece of a link',
    fix: '–',
    details: 'The venue holds a URL or a piece of a link, as in `*Chiang et al.* See https://vicuna 2023.`',
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Vicuna**. *Chiang et al.* See https://vicuna 2023. [[Blog](https://example.org/v)]
`,
          message: 'Venue "See https://vicuna" holds a URL; expected the name of the venue, such as "arXiv" or "NeurIPS", with links in [[Label](url)] after the year.',
          line: 5,
          column: 32,
        },
      ],
    },
  },
};
