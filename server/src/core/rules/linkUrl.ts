import type { Rule } from '../rule';
import { shorten } from '../text';

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

/** A URL that the WHATWG URL parser rejects, or whose scheme is not http or https. */
export const linkUrlRule: Rule = {
  code: 'link-url',
  defaultSeverity: 'error',
  description: 'A URL that the WHATWG URL parser rejects, or whose scheme is not http or https.',
  fixable: false,
  scope: 'entry',
  check({ entries, report }) {
    for (const entry of entries) {
      for (const link of entry.links) {
        const url = link.url.trim();
        // Empty URLs belong to link-syntax, and relative paths and `#anchors` to the rules that follow them.
        const scheme = schemePattern.exec(url);
        if (!scheme) continue;
        let valid = true;
        try {
          new URL(url);
        } catch {
          valid = false;
        }
        if (!valid) {
          report({
            span: link.urlSpan,
            entry: entry.index,
            message: `URL "${shorten(url, 80)}" of link "${shorten(link.label, 30)}" is not a valid URL${whyInvalid(url)}; expected an address such as "https://arxiv.org/abs/2204.07705".`,
          });
        } else if (!allowedSchemes.has(scheme[1].toLowerCase())) {
          report({
            span: link.urlSpan,
            entry: entry.index,
            message: `URL "${shorten(url, 80)}" of link "${shorten(link.label, 30)}" uses the scheme "${scheme[1]}:", which GitHub does not render as a link; expected "https:" or "http:".`,
          });
        }
      }
    }
  },
};
