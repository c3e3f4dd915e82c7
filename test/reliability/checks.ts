// What the reliability properties assert about findings and fixes, as functions that return the problems found.
import type { Finding, Fix, PaperList, Span, TextEdit } from '../../server/src/core/index';

/** The fix of number-sequence and number-duplicate, which legitimately edits every number of a list. */
export const renumberFixTitle = 'Renumber this list';
/** entry-duplicate's unsafe fix, which removes an entry on purpose. */
export const removeDuplicateFixTitle = 'Remove this duplicate';

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** Every finding span, related span and fix edit lies inside the document; a fix's own edits do not overlap. */
export function rangeProblems(text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const finding of findings) {
    const name = `${finding.code} "${finding.message.slice(0, 80)}"`;
    if (!inside(finding.span, text.length)) problems.push(`${name}: span ${JSON.stringify(finding.span)} outside 0..${text.length}`);
    for (const related of finding.related ?? []) {
      if (!inside(related.span, text.length)) problems.push(`${name}: related span ${JSON.stringify(related.span)} outside 0..${text.length}`);
    }
    for (const fix of finding.fixes) {
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      sorted.forEach((edit, index) => {
        if (!inside(edit, text.length)) problems.push(`${name}: fix "${fix.title}" edit ${JSON.stringify(edit)} outside 0..${text.length}`);
        if (typeof edit.newText !== 'string') problems.push(`${name}: fix "${fix.title}" edit without text`);
        const previous = sorted[index - 1];
        if (previous && edit.start < previous.end) problems.push(`${name}: fix "${fix.title}" has overlapping edits ${JSON.stringify([previous, edit])}`);
      });
    }
  }
  return problems;
}

function lineSpan(list: PaperList, span: Span): Span {
  const first = list.lines.lineAt(span.start);
  const last = list.lines.lineAt(span.end);
  return { start: list.lines.lineStarts[first], end: list.lines.lineEnd(last) };
}

const isDigits = (value: string) => /^\d+$/.test(value);
const isBlanks = (value: string) => /^[ \t]*$/.test(value);

/**
 * Where a fix may edit. A renumbering replaces item numbers (digits by digits) anywhere in the list and
 * shifts the indentation at the start of the lines of its items; "Remove this duplicate" deletes whole
 * lines starting with the duplicate's line; every other fix of a finding about an entry stays inside
 * that entry's list item, and a fix of any other finding stays on the lines of its finding.
 */
export function localityProblems(list: PaperList, finding: Finding, fix: Fix): string[] {
  const text = list.text;
  const problems: string[] = [];
  const name = `${finding.code} fix "${fix.title}"`;
  for (const edit of fix.edits) {
    const removed = text.slice(edit.start, edit.end);
    if (fix.title === renumberFixTitle) {
      const isNumber = isDigits(removed) && isDigits(edit.newText) && list.blocks.some((block) => block.numberStart === edit.start && block.numberEnd === edit.end);
      const atLineStart = edit.start === 0 || text[edit.start - 1] === '\n';
      const isIndent = atLineStart && isBlanks(removed) && isBlanks(edit.newText) && (removed === '' || edit.newText === '');
      if (!isNumber && !isIndent) problems.push(`${name}: edit ${JSON.stringify(edit)} replaces "${removed}" which is neither an item number nor indentation`);
      continue;
    }
    if (fix.title === removeDuplicateFixTitle && finding.entry !== undefined) {
      const entry = list.entries[finding.entry];
      const lineStart = list.lines.lineStarts[entry.line];
      const wholeLines = (edit.start === lineStart || text[edit.start] === '\n' || text[edit.start] === '\r') && (edit.end === text.length || text[edit.end - 1] === '\n');
      if (edit.newText !== '' || !wholeLines || edit.start > lineStart || edit.end < entry.span.end) {
        problems.push(`${name}: edit ${JSON.stringify(edit)} does not remove exactly the lines of the entry on line ${entry.line + 1}`);
      }
      continue;
    }
    const scope = finding.entry !== undefined && list.entries[finding.entry] ? list.entries[finding.entry].span : lineSpan(list, finding.span);
    if (edit.start < scope.start || edit.end > scope.end) {
      problems.push(`${name}: edit ${JSON.stringify(edit)} ("${removed.slice(0, 40)}" -> "${edit.newText.slice(0, 40)}") leaves its scope ${JSON.stringify(scope)}`);
    }
  }
  return problems;
}

function count(haystack: string, needle: string): number {
  if (!needle) return 0;
  let found = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found++;
  return found;
}

/** A URL as written, with the query cut off when it has tracking parameters to lose. */
export interface KeptUrl {
  written: string;
  /** What must survive: the whole URL, or for a URL with a query, the part before `?`. */
  kept: string;
}

/** The titles (as written, trimmed, with a letter) and the URLs (as written) of a parsed list. */
export function titlesAndUrls(list: PaperList): { titles: string[]; urls: KeptUrl[] } {
  const titles = new Set<string>();
  for (const entry of list.entries) {
    if (!entry.title) continue;
    const written = list.text.slice(entry.title.start, entry.title.end).trim();
    // A title without a letter ("." or "2") also occurs in every list's punctuation and numbers.
    if (/\p{L}/u.test(written)) titles.add(written);
  }
  const urls = new Map<string, KeptUrl>();
  const add = (span: Span) => {
    // Broken markup can glue the next link group onto a URL ("url)][[Paper]"); that part is not the URL.
    const written = list.text.slice(span.start, span.end).trim().split(/\)\]|\]\(|\)\[/)[0];
    if (!written) return;
    const question = written.indexOf('?');
    urls.set(written, { written, kept: question === -1 ? written : written.slice(0, question) });
  };
  for (const entry of list.entries) for (const link of entry.links) add(link.urlSpan);
  for (const link of list.links) add(link.urlSpan);
  return { titles: [...titles], urls: [...urls.values()] };
}

/**
 * Titles and URLs that occur fewer times after a change than before. The exceptions: a URL may lose
 * its query (tracking parameters), a `#fragment` link may change (anchor-missing corrects it), and a
 * URL with white space inside may lose that white space (link-syntax's unsafe fix).
 */
export function lostText(before: PaperList, after: string, fixedBy?: Finding): string[] {
  const { titles, urls } = titlesAndUrls(before);
  const lost: string[] = [];
  for (const title of titles) if (count(after, title) < count(before.text, title)) lost.push(`title "${title}"`);
  for (const url of urls) {
    // One or two characters ("f" of "f?fbclid=1") also occur in the text a fix removes; they prove nothing.
    if (url.written.startsWith('#') || url.kept.length < 3) continue;
    if (count(after, url.kept) >= count(before.text, url.kept)) continue;
    if (fixedBy?.code === 'link-syntax' && /\s/.test(url.written) && after.includes(url.written.replace(/\s+/g, ''))) continue;
    lost.push(`URL "${url.written}"`);
  }
  return lost;
}

/** Applies edits the way an editor does, all against the original text; overlapping edits are a bug the range check reports. */
export function applyAll(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Findings as plain data, for comparing two analyses of one text. */
export function snapshot(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map(({ code, severity, message, span, fixes, related, entry }) => ({ code, severity, message, span, fixes, related, entry })));
}
