// Before a paper is added: is it listed already? By any form of its id, or by a near-identical title.
import type { Entry, PaperList } from '../model';
import { refKey, refsOfUrls, type PaperRef } from '../paperLinks';
import { labelDistance } from '../rules/linkLabel';
import { normaliseTitle } from '../text';

export interface ListedPaper {
  entry: Entry;
  /** Zero-based line of the entry. */
  line: number;
  /** The heading the entry stands under; undefined before the first heading. */
  section?: string;
  /** What matched: the paper's id, or its title. */
  by: 'id' | 'title';
}

/** The papers an entry's links (and a title written as a link) name. */
export function refsOfEntry(entry: Entry): PaperRef[] {
  const urls = entry.titleUrl ? [entry.titleUrl.text, ...entry.links.map((link) => link.url)] : entry.links.map((link) => link.url);
  const refs = refsOfUrls(urls);
  if (entry.arxivId && !refs.some((ref) => ref.source === 'arxiv')) refs.push({ source: 'arxiv', id: entry.arxivId, url: `https://arxiv.org/abs/${entry.arxivId}` });
  return refs;
}

/** Whether two normalised titles are the same title but for a slip: one edit per 30 letters, at most 3. */
export function nearlySameTitle(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const allowed = Math.min(3, Math.floor(Math.max(a.length, b.length) / 30));
  // Short titles and very long text are compared exactly only, which keeps this linear.
  if (allowed === 0 || a.length > 600 || b.length > 600) return false;
  return labelDistance(a, b, allowed) <= allowed;
}

/** Where the paper of `ref` (or of that title) already stands in the list, in document order. */
export function findListedPaper(list: PaperList, ref: PaperRef | undefined, title?: string): ListedPaper[] {
  const key = ref ? refKey(ref) : undefined;
  const wanted = title ? normaliseTitle(title) : '';
  const found: ListedPaper[] = [];
  for (const entry of list.entries) {
    let by: ListedPaper['by'] | undefined;
    if (key && refsOfEntry(entry).some((known) => refKey(known) === key)) by = 'id';
    else if (wanted && entry.title && nearlySameTitle(wanted, normaliseTitle(entry.title.text))) by = 'title';
    if (by) found.push({ entry, line: entry.line, section: entry.section.heading?.text, by });
  }
  return found;
}

/** `line 12 under "Human Instructions"` for each place, for messages. */
export function describeListed(found: readonly ListedPaper[]): string {
  return found.map((place) => `line ${place.line + 1}${place.section ? ` under "${place.section}"` : ''}`).join(', ');
}
