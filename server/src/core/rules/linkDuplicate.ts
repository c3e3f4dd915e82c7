import type { EntryLink } from '../model';
import type { Rule } from '../rule';
import { shorten } from '../text';

/**
 * The form in which two URLs of one entry compare equal. Kept simple on purpose: http and https count
 * as one, the host's case does not matter, and trailing slashes are dropped. `www.`, the query and the
 * fragment still count, since they may well lead somewhere else.
 */
export function normaliseUrl(url: string): string {
  let value = url.trim();
  const web = /^https?:\/\//i.exec(value);
  if (web) {
    value = value.slice(web[0].length);
    let hostEnd = 0;
    while (hostEnd < value.length && value[hostEnd] !== '/' && value[hostEnd] !== '?' && value[hostEnd] !== '#') hostEnd++;
    value = value.slice(0, hostEnd).toLowerCase() + value.slice(hostEnd);
  }
  let end = value.length;
  while (end > 0 && value[end - 1] === '/') end--;
  return value.slice(0, end);
}


/** The same URL appears twice in one entry. */
export const linkDuplicateRule: Rule = {
  code: 'link-duplicate',
  defaultSeverity: 'info',
  description: 'The same URL appears twice in one entry.',
  fixable: false,
  scope: 'entry',
  check({ entries, report }) {
    for (const entry of entries) {
      const seen = new Map<string, EntryLink>();
      for (const link of entry.links) {
        if (!link.url.trim()) continue;
        const key = normaliseUrl(link.url);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, link);
          continue;
        }
        // Two labels for one URL count too: a reader expects each link of an entry to lead somewhere new.
        report({
          span: link.urlSpan,
          entry: entry.index,
          message: `Link "${shorten(link.label, 30)}" points to the same URL as the earlier link "${shorten(first.label, 30)}", "${shorten(first.url, 80)}"; expected each URL once per entry.`,
          related: [{ span: first.urlSpan, message: `The first link "${shorten(first.label, 30)}" to this URL.` }],
        });
      }
    }
  },
  docs: {
    summary: 'the same URL twice in one entry',
    fix: '–',
    details: `The same URL twice in one entry, for example the same GitHub repository as both \`[[Project]]\` and
\`[[Data]]\`. Information only.`,
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
3. **Gamma**. *Xu et al.* ACL 2022. [[Project](https://github.com/xu/gamma)] [[Data](https://github.com/xu/gamma)]
`,
          message: 'Link "Data" points to the same URL as the earlier link "Project", "https://github.com/xu/gamma"; expected each URL once per entry.',
          line: 5,
          column: 86,
        },
      ],
    },
  },
};
