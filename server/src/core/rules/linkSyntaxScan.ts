/**
 * A hand-written scanner for link groups such as `[[Paper](https://…)]` in the raw source of an entry.
 * Remark silently drops a link that is malformed, so the link-syntax rule reads the source itself.
 * Every loop only moves forward, so the scan stays linear on any input (50,000 `[` in a row, a 1 MB line).
 */

/** Why the scan of a URL stopped. */
export type UrlStop = 'paren' | 'bracket' | 'line';

/** A link candidate: `[` label `]`, optional spaces, `(` URL, with offsets into the document. */
export interface ScannedLink {
  /** Number of `[` right before the label, the link's own included. */
  openRun: number;
  /** Offset of the link's own `[`. */
  linkStart: number;
  labelStart: number;
  labelEnd: number;
  /** Whether the form is `[[Label]](url)`: a second `]` stands between the label and the `(`. */
  extraClose: boolean;
  /** The spaces or tabs between `]` and `(`; empty when there are none. */
  gapStart: number;
  gapEnd: number;
  /** Offset of the `(`. */
  parenOpen: number;
  /** The URL's text between the parentheses, without leading and trailing white space. */
  urlStart: number;
  urlEnd: number;
  /** Where the URL's scan stopped: at its `)`, at a `]` that cannot belong to it, or at the end of the line. */
  stop: UrlStop;
  /** Offset of the character that stopped the scan (the `)` or the `]`), or of the line end. */
  stopAt: number;
  /** Open parentheses inside the URL that were never closed. */
  parenDepth: number;
  /** Whether an unmatched `[` stands earlier on the same line, after the previous link, and may own a `]` after this link. */
  pendingOpen: boolean;
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';
const isLineEnd = (ch: string | undefined) => ch === '\n' || ch === '\r';

/** Whether a URL-like destination starts at `at`: a scheme, `www.`, a path or a fragment. Looks at most 40 characters ahead. */
export function looksLikeUrl(text: string, at: number, to: number): boolean {
  let start = at;
  while (start < to && isBlank(text[start])) start++;
  const head = text.slice(start, Math.min(to, start + 40));
  return /^(?:[a-z][a-z0-9+.-]{0,30}:|www\.|\.{0,2}\/|#)/i.test(head);
}

/** Scans `text` from `from` to `to` and returns every link candidate in order. */
export function scanLinks(text: string, from: number, to: number): ScannedLink[] {
  const links: ScannedLink[] = [];
  let pendingOpenAt = -1;
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (isLineEnd(ch)) pendingOpenAt = -1;
    if (ch !== '[') {
      i++;
      continue;
    }
    const runStart = i;
    while (i < to && text[i] === '[') i++;
    const labelStart = i;
    let j = i;
    while (j < to && text[j] !== ']' && text[j] !== '[' && !isLineEnd(text[j])) j += text[j] === '\\' ? 2 : 1;
    if (j >= to || text[j] !== ']') {
      // The bracket never closes before another `[` or the line end; it may still own a later `]`.
      if (j < to && text[j] === '[') pendingOpenAt = runStart;
      i = j;
      continue;
    }
    const labelEnd = j;
    const openRun = labelStart - runStart;
    let k = j + 1;
    const extraClose = openRun >= 2 && text[k] === ']' && text[k + 1] === '(';
    if (extraClose) k++;
    const gapStart = k;
    while (k < to && isBlank(text[k])) k++;
    const gapEnd = k;
    if (text[k] !== '(' || k >= to || (gapEnd > gapStart && !looksLikeUrl(text, k + 1, to))) {
      i = j + 1;
      continue;
    }
    const parenOpen = k;
    let p = k + 1;
    let depth = 0;
    let bracketDepth = 0;
    let stop: UrlStop = 'line';
    while (p < to) {
      const c = text[p];
      if (c === '\\') {
        p += 2;
        continue;
      }
      if (isLineEnd(c)) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          stop = 'paren';
          break;
        }
        depth--;
      } else if (c === '[') bracketDepth++;
      else if (c === ']') {
        if (bracketDepth === 0) {
          // Markdown keeps a `]` inside a URL that runs on to its `)`; one followed by `[` or a space ends it.
          let ahead = p + 1;
          while (ahead < to && text[ahead] !== ')' && text[ahead] !== '[' && text[ahead] !== '(' && !isBlank(text[ahead]) && !isLineEnd(text[ahead])) ahead++;
          if (ahead < to && text[ahead] === ')' && ahead > p + 1) {
            p = ahead;
            continue;
          }
          stop = 'bracket';
          break;
        }
        bracketDepth--;
      }
      p++;
    }
    const stopAt = Math.min(p, to);
    let urlStart = parenOpen + 1;
    let urlEnd = stopAt;
    while (urlStart < urlEnd && isBlank(text[urlStart])) urlStart++;
    while (urlEnd > urlStart && isBlank(text[urlEnd - 1])) urlEnd--;
    links.push({
      openRun,
      linkStart: labelStart - 1,
      labelStart,
      labelEnd,
      extraClose,
      gapStart,
      gapEnd,
      parenOpen,
      urlStart,
      urlEnd,
      stop,
      stopAt,
      parenDepth: depth,
      pendingOpen: pendingOpenAt !== -1,
    });
    pendingOpenAt = -1;
    i = stop === 'paren' ? stopAt + 1 : stopAt;
  }
  return links;
}

/** The span from the first to the last white space inside a URL's text, or undefined when it has none. */
export function innerWhitespace(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let at = start;
  while (at < end && !/\s/.test(text[at])) at++;
  if (at >= end) return undefined;
  let last = end;
  while (last > at && !/\s/.test(text[last - 1])) last--;
  return { start: at, end: last };
}
