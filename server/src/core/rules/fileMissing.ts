import type { Rule } from '../rule';
import { decodeURIComponentSafe } from '../text';

const schemePattern = /^[a-z][a-z0-9+.-]*:/i;


/**
 * The path a link names relative to the document's folder, or undefined for links that do not name a
 * local file: URLs with a scheme, `//host` links, `#fragment` links, empty links, broken links, and `/root` paths,
 * whose root (the repository's) the core cannot know.
 */
export function linkedFilePath(url: string): string | undefined {
  const trimmed = url.trim();
  if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('/') || trimmed.startsWith('\\') || schemePattern.test(trimmed)) return undefined;
  // `[https://…` and `[a](b)` are broken link syntax and `https//…` a misspelt scheme, not file names;
  // link-syntax and link-url report them.
  if (trimmed.startsWith('[') || /^https?\/\//i.test(trimmed)) return undefined;
  let end = trimmed.length;
  for (const stop of ['?', '#']) {
    const at = trimmed.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  const path = decodeURIComponentSafe(trimmed.slice(0, end));
  return path || undefined;
}

/** A relative link or image names a file that does not exist next to the document. */
export const fileMissingRule: Rule = {
  code: 'file-missing',
  defaultSeverity: 'warning',
  description: 'A relative link or image names a file that does not exist next to the document.',
  fixable: false,
  check({ list, host, report }) {
    const fileExists = host.fileExists;
    if (!fileExists) return;
    const known = new Map<string, boolean | undefined>();
    for (const link of list.links) {
      const path = linkedFilePath(link.url);
      if (path === undefined) continue;
      if (!known.has(path)) known.set(path, fileExists.call(host, path));
      // Only a definite "no" is reported; undefined means the host cannot tell.
      if (known.get(path) !== false) continue;
      const isImage = link.kind === 'image' || (link.kind === 'html' && /\bsrc\s*=\s*["']?$/i.test(list.text.slice(Math.max(0, link.urlSpan.start - 12), link.urlSpan.start)));
      const what = isImage ? 'Image' : 'Link';
      const names = path === link.url ? 'names a file that' : `names the file "${path}", which`;
      report({
        span: link.urlSpan,
        message: `${what} "${link.url}" ${names} does not exist next to this document; expected an existing file.`,
      });
    }
  },
  docs: {
    summary: 'a relative link or image whose file does not exist next to the document',
    fix: '–',
    details: `A relative link or image (\`![](paper_tree.png)\`) whose file does not exist next to the document. Only the
file's existence is checked; nothing is read.`,
    examples: {
      valid: [
        `# Papers

![Overview](overview.png)

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

![Tree](paper_tree.png)

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Image "paper_tree.png" names a file that does not exist next to this document; expected an existing file.',
          line: 3,
          column: 9,
        },
      ],
      existingFiles: ['overview.png'],
    },
  },
};
