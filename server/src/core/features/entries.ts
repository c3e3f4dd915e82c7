import type { Entry, PaperList, Section } from '../model';

/** The entry whose list item holds the offset, found by binary search over the entries in document order. */
export function entryAt(list: PaperList, offset: number): Entry | undefined {
  const entries = list.entries;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = entries[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return entries[mid];
  }
  return undefined;
}

/** Every entry that lists the same paper as `entry` (itself included), in document order. */
export function copiesOf(list: PaperList, entry: Entry): Entry[] {
  return list.entries.filter((other) => other.identity === entry.identity);
}

/** The headings from the top of the document down to a section, joined for display. */
export function sectionPath(section: Section): string {
  const titles: string[] = [];
  for (let current: Section | undefined = section; current?.heading; current = current.parent) titles.unshift(current.title);
  return titles.join(' › ');
}
