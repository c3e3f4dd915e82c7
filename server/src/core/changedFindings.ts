import type { Entry, PaperList } from './model';
import type { Finding } from './rule';
import type { Span } from './text';

/**
 * Rules whose one finding is about the whole document (a table of contents that no longer matches its
 * headings); in pull-request mode they are kept whenever the document changed at all, since any change
 * may be what made them stale.
 */
export const documentWideRules: ReadonlySet<string> = new Set(['toc-stale']);

/** The entry whose item holds an offset, if any. */
function entryHolding(list: PaperList, offset: number): Entry | undefined {
  let low = 0;
  let high = list.entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = list.entries[mid];
    if (offset < entry.span.start) high = mid - 1;
    else if (offset >= entry.span.end && !(offset === entry.span.end && entry.span.start === entry.span.end)) low = mid + 1;
    else return entry;
  }
  return undefined;
}

/**
 * The findings a pull request is answerable for: those on an entry with an added or changed line, on a
 * changed line outside every entry, or whose related place (the first copy of a duplicate) is such an
 * entry. Cross-entry rules have already compared the changed entries with the whole list.
 */
export function findingsOnChangedLines(list: PaperList, findings: readonly Finding[], changed: ReadonlySet<number>): Finding[] {
  if (!changed.size) return [];
  const lines = list.lines;
  const touches = (span: Span) => {
    const entry = entryHolding(list, span.start);
    const from = entry ? entry.span : span;
    const first = lines.lineAt(from.start);
    // An entry's span may end at the start of the next line; that line is not the entry's.
    const last = Math.max(first, lines.lineAt(Math.max(from.start, from.end - 1)));
    for (let line = first; line <= last; line++) if (changed.has(line)) return true;
    return false;
  };
  return findings.filter((finding) => {
    if (documentWideRules.has(finding.code)) return true;
    if (finding.entry !== undefined && list.entries[finding.entry]) {
      if (touches(list.entries[finding.entry].span)) return true;
    } else if (touches(finding.span)) return true;
    return finding.related?.some((related) => touches(related.span)) ?? false;
  });
}
