import type { Entry, PaperList } from '../model';
import type { Span } from '../text';

/** Where a finding about a whole entry points: its bold title, or the item's first line when it has none. */
export function entryHeadSpan(list: PaperList, entry: Entry): Span {
  if (entry.title) return entry.title.outer;
  return { start: entry.span.start, end: Math.max(entry.span.start, list.lines.lineEnd(entry.line)) };
}
