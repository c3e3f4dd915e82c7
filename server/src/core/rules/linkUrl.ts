import { memoPerString } from '../memo';
import type { PaperList } from '../model';
import type { Report, Rule } from '../rule';
import { shorten, type Span } from '../text';
import { describeLink, otherLinksOf, reportsOutsideEntries } from '../analysis/linkSyntaxScan';

const schemePattern = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Schemes an entry link may use. GitHub's sanitiser keeps `href`s with these schemes and drops the
 * others (ftp:, file:, doi:, javascript: …), so such a link does not render as a link at all.
 * `mailto:` is rare in a paper list but renders and works, so it is allowed.
 */
const allowedSchemes = new Set(['http', 'https', 'mailto']);


/** A plain-words guess at why the parser rejected a URL, for the message; empty when there is no good guess. */
function whyInvalid(url: string): string {
  if (/\s/.test(url)) return ' because it contains white space';
  const schemeEnd = url.indexOf(':') + 1;
  if (url.slice(schemeEnd, schemeEnd + 2) !== '//') return '';
  let authorityEnd = schemeEnd + 2;
  while (authorityEnd < url.length && !'/?#\\'.includes(url[authorityEnd])) authorityEnd++;
  const authority = url.slice(schemeEnd + 2, authorityEnd);
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (!host) return ' because it has no host';
  const colon = host.startsWith('[') ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
  if (colon !== -1) {
    const port = host.slice(colon + 1);
    if (!/^\d*$/.test(port) || Number(port) > 65535) return ` because its port "${shorten(port, 20)}" is not a number from 0 to 65535`;
  }
  const name = colon === -1 ? host : host.slice(0, colon);
  if (/[<>^|%"`{}]/.test(name)) return ` because its host "${shorten(name, 40)}" contains characters a host cannot have`;
  return '';
}

/**
 * A misspelt `http://` or `https://` that the URL parser still takes: `https:/x` (it adds the slash) or
 * `https//x` (a relative path); returns what the URL should start with, or undefined.
 */
function misspeltScheme(url: string): { written: string; expected: string } | undefined {
  const single = /^(https?):\/(?!\/)/i.exec(url);
  if (single) return { written: single[0], expected: `${single[1]}://` };
  const colonless = /^(https?)\/\//i.exec(url);
  if (colonless) return { written: colonless[0], expected: `${colonless[1]}://` };
  return undefined;
}

/** Whether the WHATWG URL parser takes a URL; kept by URL, since a list repeats its links on every lint. */
const parses = memoPerString((url) => {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
});

/** Checks one URL and reports what is wrong with it, if anything. */
function checkUrl(url: string, urlSpan: Span, name: string, html: boolean, entry: number | undefined, report: (report: Report) => void): void {
  url = url.trim();
  // An `href` that holds a markdown link, `href="[x](https://…)"`; in markdown the same is link-syntax's.
  if (html && url.startsWith('[')) {
    const inner = url.indexOf('](');
    const address = inner === -1 ? url.slice(1) : url.slice(inner + 2, url.endsWith(')') ? -1 : undefined);
    report({
      span: urlSpan,
      ...(entry !== undefined && { entry }),
      message: `URL "${shorten(url, 80)}" of ${name} is markdown link syntax, which HTML does not read; expected the address alone, "${shorten(address, 80)}".`,
    });
    return;
  }
  const misspelt = misspeltScheme(url);
  if (misspelt) {
    const rest = url.slice(misspelt.written.length);
    report({
      span: urlSpan,
      ...(entry !== undefined && { entry }),
      message: `URL "${shorten(url, 80)}" of ${name} starts with "${misspelt.written}"; expected "${shorten(misspelt.expected + rest, 80)}".`,
    });
    return;
  }
  // Empty URLs belong to link-syntax, and relative paths and `#anchors` to the rules that follow them.
  const scheme = schemePattern.exec(url);
  if (!scheme) return;
  if (!parses(url)) {
    report({
      span: urlSpan,
      ...(entry !== undefined && { entry }),
      message: `URL "${shorten(url, 80)}" of ${name} is not a valid URL${whyInvalid(url)}; expected an address such as "https://arxiv.org/abs/2204.07705".`,
    });
  } else if (!allowedSchemes.has(scheme[1].toLowerCase())) {
    report({
      span: urlSpan,
      ...(entry !== undefined && { entry }),
      message: `URL "${shorten(url, 80)}" of ${name} uses the scheme "${scheme[1]}:", which GitHub does not render as a link; expected "https:" or "http:".`,
    });
  }
}

/** A URL that the WHATWG URL parser rejects, or whose scheme is not http or https. */
export const linkUrlRule: Rule = {
  code: 'link-url',
  defaultSeverity: 'error',
  description: 'A URL that the WHATWG URL parser rejects, or whose scheme is not http or https.',
  fixable: false,
  scope: 'entry',
  check({ list, entries, report }) {
    for (const entry of entries) {
      for (const link of entry.links) checkUrl(link.url, link.urlSpan, `link "${shorten(link.label, 30)}"`, false, entry.index, report);
      // The title written as a link and any other link of the item.
      for (const link of otherLinksOf(list, entry)) checkUrl(link.url, link.urlSpan, describeLink(list.text, link), link.kind === 'html', entry.index, report);
    }
    // Links outside the entries: reported on every lint, since the linter caches findings per entry only.
    for (const finding of outsideReports(list)) report(finding);
  },
  docs: {
    summary: 'a URL that the WHATWG URL parser rejects, or a scheme other than http/https',
    fix: '–',
    details: `A URL that the WHATWG URL parser rejects (\`https://exa mple.org\`, \`http://[::1\`), or a scheme other than
http and https (\`javascript:\`, \`ftp:\`). Relative links and \`#fragments\` are left to
[file-missing](#file-missing) and [anchor-missing](#anchor-missing).`,
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
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](http://[::1/c)]
`,
          message: 'URL "http://[::1/c" of link "Paper" is not a valid URL because its port ":1" is not a number from 0 to 65535; expected an address such as "https://arxiv.org/abs/2204.07705".',
          line: 5,
          column: 46,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](ftp://example.org/c)]
`,
          message: 'URL "ftp://example.org/c" of link "Paper" uses the scheme "ftp:", which GitHub does not render as a link; expected "https:" or "http:".',
          line: 5,
          column: 46,
        },
      ],
    },
  },
};

/** The findings on the links outside every entry of a paper list. */
function outsideReports(list: PaperList): Report[] {
  return reportsOutsideEntries(list, 'link-url outside entries', '', (block) => {
    const found: Report[] = [];
    for (const link of block.links ?? []) checkUrl(link.url, link.urlSpan, describeLink(list.text, link), link.kind === 'html', undefined, (finding) => found.push(finding));
    return found;
  });
}
