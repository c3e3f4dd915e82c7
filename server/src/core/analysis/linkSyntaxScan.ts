/**
 * A hand-written scanner for link groups such as `[[Paper](https://…)]` in the raw source of an entry.
 * Remark silently drops a link that is malformed, so the link-syntax rule reads the source itself.
 * Every loop only moves forward, so the scan stays linear on any input (50,000 `[` in a row, a 1 MB line).
 */
import type { Block } from '../blocks';
import { memoPerList, ReportsPerPart } from '../memo';
import type { Report } from '../rule';
import { minimumPaperListEntries, type DocumentLink, type Entry, type EntryLink, type PaperList } from '../model';
import { shorten, type Span } from '../text';

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

/** How far a code span's closing backticks are looked for; a longer span is read as plain text. */
const codeSpanReach = 1000;

/**
 * The offset just past the code span whose opening backticks start at `at`, or the end of the backtick
 * run when no run of the same length closes it on the same line within reach: then the backticks are text.
 * The bounded search keeps a line of unmatched backticks linear.
 */
export function skipCodeSpan(text: string, at: number, to: number): number {
  let runEnd = at;
  while (runEnd < to && text[runEnd] === '`') runEnd++;
  const size = runEnd - at;
  const limit = Math.min(to, runEnd + codeSpanReach);
  let p = runEnd;
  while (p < limit) {
    const c = text[p];
    if (isLineEnd(c)) break;
    if (c !== '`') {
      p++;
      continue;
    }
    const close = p;
    while (p < to && text[p] === '`') p++;
    if (p - close === size) return p;
  }
  return runEnd;
}

/**
 * The next run of `[` from `at` on, outside escapes and code spans: where it starts, where the label after
 * it starts, and whether a line ended before it (an unmatched `[` is pending only until then).
 */
function nextOpenRun(text: string, at: number, to: number): { runStart: number; labelStart: number; lineEnded: boolean } | undefined {
  let lineEnded = false;
  let i = at;
  while (i < to) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '`') i = skipCodeSpan(text, i, to);
    else if (ch !== '[') {
      if (isLineEnd(ch)) lineEnded = true;
      i++;
    } else {
      let labelStart = i;
      while (labelStart < to && text[labelStart] === '[') labelStart++;
      return { runStart: i, labelStart, lineEnded };
    }
  }
  return undefined;
}

/** Scans `text` from `from` to `to` and returns every link candidate in order. Code spans hold no links. */
export function scanLinks(text: string, from: number, to: number): ScannedLink[] {
  const links: ScannedLink[] = [];
  let pendingOpenAt = -1;
  let i = from;
  for (let run = nextOpenRun(text, i, to); run; run = nextOpenRun(text, i, to)) {
    if (run.lineEnded) pendingOpenAt = -1;
    const { runStart, labelStart } = run;
    let j = labelStart;
    // A code span in the label, as in [`[pdf]`](url), may hold brackets of its own.
    while (j < to && text[j] !== ']' && text[j] !== '[' && !isLineEnd(text[j])) j = text[j] === '`' ? skipCodeSpan(text, j, to) : j + (text[j] === '\\' ? 2 : 1);
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

/** A label that runs into its URL without a `]`, as in `[[Paper(https://…)]`, with offsets into the document. */
export interface UnclosedLabel {
  /** Offset of the label's `[`; `labelStart` is just after it. */
  linkStart: number;
  labelStart: number;
  /** Offset of the `(` that should follow a `]`. */
  parenOpen: number;
  urlStart: number;
  urlEnd: number;
  /** Whether a `)` ends the URL. */
  closed: boolean;
}

/** How many characters of a destination are read to judge whether it is a URL. */
const tokenReach = 300;

/**
 * Whether the text from `at` up to `end` reads as an address: `http(s)://`, `www.`, `./` or `../`, a host
 * and a path (`github.com/x`), a path to a file (`assets/fig.png`), or a `.md` or `.pdf` file.
 * Strict on purpose: `f(x)`, `(1)`, `(t/2)` and `(and/or)` in prose are not addresses.
 */
function isAddress(token: string): boolean {
  if (/^(?:https?:\/\/|www\.|\.{1,2}\/)/i.test(token)) return true;
  const path = token.split(/[?#]/)[0];
  const slash = path.indexOf('/');
  const host = slash === -1 ? '' : path.slice(0, slash);
  const hostDot = host.lastIndexOf('.');
  if (hostDot > 0 && /^[a-z0-9.-]+$/i.test(host) && /^[a-z]{2,}$/i.test(host.slice(hostDot + 1))) return true;
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  const extension = dot === -1 ? '' : file.slice(dot + 1).toLowerCase();
  if (extension === 'md' || extension === 'pdf') return true;
  return slash !== -1 && dot > 0 && /[a-z]/i.test(file.slice(0, dot)) && /^[a-z][a-z0-9]{0,4}$/i.test(extension);
}

/**
 * Finds `[label(url)`: a `[` whose label meets a `(` glued to it and followed by an address before any
 * `]`. A label that does close with `](` or `][` further on, as in `[Model(https://x.org)](url)`, is a
 * valid link. Linear: each `[` starts one look-ahead that stops at the next bracket or line end.
 */
export function scanUnclosedLabels(text: string, from: number, to: number): UnclosedLabel[] {
  const found: UnclosedLabel[] = [];
  /** An unmatched `[` earlier on the line, such as the one of a badge link `[![alt](src)](url)`. */
  let pendingAt = -1;
  let i = from;
  for (let run = nextOpenRun(text, i, to); run; run = nextOpenRun(text, i, to)) {
    if (run.lineEnded) pendingAt = -1;
    const { runStart, labelStart } = run;
    let j = labelStart;
    let hit: UnclosedLabel | undefined;
    while (j < to) {
      const c = text[j];
      if (c === ']' || c === '[' || isLineEnd(c)) break;
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === '`') {
        j = skipCodeSpan(text, j, to);
        continue;
      }
      if (c === '(' && j > labelStart && !isBlank(text[j - 1])) {
        const end = addressEnd(text, j, to);
        if (end !== -1) {
          hit = { linkStart: labelStart - 1, labelStart, parenOpen: j, urlStart: j + 1, urlEnd: end, closed: text[end] === ')' };
          j = end;
          break;
        }
        // What follows is not an address; skipping it keeps a run of "(((" linear.
        j = Math.max(tokenEnd(text, j, to), j + 1);
        continue;
      }
      j++;
    }
    if (hit) {
      // A `[` still open before this one owns a `](` that follows, as in `[![Star(src)](url)`; without one,
      // a label that closes later is a link whose label holds "(url)".
      if (pendingAt !== -1 || !labelClosesAt(text, hit.urlEnd, to)) found.push(hit);
      i = j;
      continue;
    }
    if (text[j] === '[') {
      if (pendingAt === -1) pendingAt = runStart;
      i = j;
      continue;
    }
    if (text[j] !== ']' || text[j + 1] !== '(') {
      i = Math.max(j, labelStart);
      continue;
    }
    // A whole link: its destination is skipped. A `(url)` right after it, with a `[` open before it, is
    // the URL of that outer label, whose `]` is missing: `[![Awesome](badge.svg)(https://awesome.re)`.
    const close = destinationEnd(text, j + 1, to);
    if (text[close] !== ')') {
      // The line ends inside the destination; going on from there keeps a line of "[a](" linear.
      i = close;
      continue;
    }
    const outer = pendingAt !== -1 && text[close + 1] === '(' ? addressEnd(text, close + 1, to) : -1;
    if (outer !== -1) {
      let outerLabel = pendingAt;
      while (text[outerLabel] === '[') outerLabel++;
      found.push({ linkStart: outerLabel - 1, labelStart: outerLabel, parenOpen: close + 1, urlStart: close + 2, urlEnd: outer, closed: text[outer] === ')' });
      pendingAt = -1;
      i = outer;
      continue;
    }
    i = close + 1;
  }
  return found;
}

/** Where the token after the `(` at `paren` ends: at white space, a bracket, a `)` or the reach. */
function tokenEnd(text: string, paren: number, to: number): number {
  let end = paren + 1;
  const limit = Math.min(to, paren + 1 + tokenReach);
  while (end < limit && !isBlank(text[end]) && !isLineEnd(text[end]) && text[end] !== ')' && text[end] !== ']' && text[end] !== '[') end++;
  return end;
}

/** The end of the address after the `(` at `paren`, or -1 when what follows is not an address. */
function addressEnd(text: string, paren: number, to: number): number {
  const end = tokenEnd(text, paren, to);
  return end > paren + 1 && isAddress(text.slice(paren + 1, end)) ? end : -1;
}

/** The offset of the `)` that closes the destination opened at `paren`, or of the line end when none does. */
function destinationEnd(text: string, paren: number, to: number): number {
  let depth = 0;
  let at = paren + 1;
  for (; at < to; at++) {
    const c = text[at];
    if (isLineEnd(c)) return at;
    if (c === '\\') at++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return at;
      depth--;
    }
  }
  return Math.min(at, to);
}

/**
 * Whether the label around an address ending at `from` closes later on the line, with `](` or a
 * reference `][ref]`; `][[Code](…)]` or `][Code](…)` is the next link after a broken one.
 */
function labelClosesAt(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && text[k] !== ']' && text[k] !== '[' && !isLineEnd(text[k])) k++;
  if (text[k] !== ']') return false;
  if (text[k + 1] === '(') return true;
  if (text[k + 1] !== '[') return false;
  let r = k + 2;
  while (r < to && text[r] !== ']' && text[r] !== '[' && !isLineEnd(text[r])) r++;
  return r > k + 2 && text[r] === ']' && text[r + 1] !== '(';
}

/** Whether the document has enough entries to be a paper list; ordinary markdown is left alone. */
export function isPaperList(list: PaperList): boolean {
  return list.entries.length >= minimumPaperListEntries;
}

/**
 * The blocks of the document outside every entry where links can stand: not code, not comments. A block
 * that holds an entry candidate the list did not take as an entry counts as outside.
 */
export const blocksOutsideEntries = memoPerList((list: PaperList): Block[] => {
  const outside: Block[] = [];
  const entries = list.entries;
  for (const block of list.blocks) {
    if (block.kind === 'code' || block.kind === 'comment') continue;
    const entry = block.entry;
    if (entry && entries[entry.index] === entry) continue;
    outside.push(block);
  }
  return outside;
});

/**
 * What a rule reports in the blocks outside every entry, worked out per block and kept while the block's
 * text and the stamp (the settings the reports depend on) are the same; see `ReportsPerPart`. The linter
 * caches findings per entry only, so the rules that also look outside entries keep these themselves.
 */
export function reportsOutsideEntries(list: PaperList, name: string, stamp: string, workOut: (block: Block) => Report[]): Report[] {
  if (!isPaperList(list)) return [];
  const memo = list.cache.keep(name, () => new ReportsPerPart<Block>());
  memo.begin();
  const reports: Report[] = [];
  for (const block of blocksOutsideEntries(list)) for (const report of memo.get(block, block.start, stamp, () => workOut(block))) reports.push(report);
  memo.end();
  return reports;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The links inside an entry's item other than its entry links, such as a title written as a link or a
 * link in the authors, so that every link of the item is checked once.
 */
export function otherLinksOf(list: PaperList, entry: Entry): DocumentLink[] {
  const links = list.links;
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (links[mid].span.start < entry.span.start) low = mid + 1;
    else high = mid;
  }
  const others: DocumentLink[] = [];
  // Both lists are in document order, so one walk pairs them: linear on an entry with thousands of links.
  const own: readonly EntryLink[] = entry.links;
  let o = 0;
  for (let at = low; at < links.length && links[at].span.start < entry.span.end; at++) {
    const link = links[at];
    while (o < own.length && own[o].span.end <= link.span.start && own[o].urlSpan.end <= link.urlSpan.start) o++;
    let mine = false;
    for (let k = o; k < own.length && own[k].span.start < link.span.end; k++) {
      if (overlaps(own[k].span, link.span) || overlaps(own[k].urlSpan, link.urlSpan)) {
        mine = true;
        break;
      }
    }
    if (!mine) others.push(link);
  }
  return others;
}

/** What a finding calls a document link: `link "Paper"`, `image "tree"` or `HTML link`. */
export function describeLink(text: string, link: DocumentLink): string {
  if (link.kind === 'html') return 'HTML link';
  const before = text.slice(link.span.start, Math.max(link.span.start, link.urlSpan.start));
  const open = before.indexOf('[') + 1;
  const close = before.lastIndexOf(']');
  const label = close > open ? before.slice(open, close) : before;
  // A badge, `[![alt](src)](url)`, goes by its image's alt text.
  const alt = label.startsWith('![') ? label.slice(2, Math.max(2, label.indexOf(']'))) : label;
  return `${link.kind} "${shorten(alt, 30)}"`;
}
