import type { Entry, PaperList } from '../model';
import { GroupMemo } from '../memo';
import { EntryTracker } from './entryChanges';

/**
 * The entries of a document by identity (arXiv id, DOI or normalised title), each group in document
 * order, kept across parses and updated from the entries an edit changed (see `EntryTracker`): only
 * their groups are rebuilt. Lives on the document's `BlockCache`.
 */
export class IdentityIndex {
  private readonly groups = new Map<string, Entry[]>();
  /** The identities with more than one entry: the only groups the cross-entry rules look at. */
  private readonly shared = new Set<string>();
  private readonly tracker = new EntryTracker();
  private indexed?: PaperList;
  private sharedList?: (readonly [string, readonly Entry[]])[];

  /** The index of a list's document. */
  static of(list: PaperList): IdentityIndex {
    return list.cache.keep('identities', () => new IdentityIndex());
  }

  /** The groups of more than one entry in this list, as [identity, entries in document order]. */
  sharedGroups(list: PaperList): readonly (readonly [string, readonly Entry[]])[] {
    if (this.indexed !== list) this.update(list);
    // Rebuilt only after an edit touched a group, so a keystroke elsewhere walks a ready array.
    this.sharedList ??= [...this.shared].map((identity) => [identity, this.groups.get(identity)!] as const);
    return this.sharedList;
  }

  private update(list: PaperList): void {
    const { entries } = list;
    const { added, removed, lost } = this.tracker.changes(entries);
    const touched = new Set<string>();
    if (lost) {
      this.sharedList = undefined;
      this.groups.clear();
      this.shared.clear();
    }
    for (const entry of removed) touched.add(entry.identity);
    for (const entry of added) {
      touched.add(entry.identity);
      const group = this.groups.get(entry.identity);
      if (group) group.push(entry);
      else this.groups.set(entry.identity, [entry]);
    }
    for (const identity of touched) {
      if (this.shared.has(identity)) this.sharedList = undefined;
      const group = (this.groups.get(identity) ?? []).filter((entry) => entries[entry.index] === entry);
      group.sort((a, b) => a.index - b.index);
      if (group.length) this.groups.set(identity, group);
      else this.groups.delete(identity);
      if (group.length > 1) {
        this.shared.add(identity);
        this.sharedList = undefined;
      } else this.shared.delete(identity);
    }
    this.indexed = list;
  }
}

/**
 * What a cross-entry rule works out for each group of entries that share an identity, kept per group
 * across edits in a `GroupMemo` named `name` on the document's cache: only the groups an edit touched are
 * worked out again. The results hold no offsets; the rule takes spans from the entries when it reports.
 */
export function reportsPerGroup<T>(list: PaperList, name: string, workOut: (identity: string, members: readonly Entry[]) => T[]): T[] {
  const memo = list.cache.keep(name, () => new GroupMemo<T[]>());
  memo.begin();
  const all: T[] = [];
  for (const [identity, members] of IdentityIndex.of(list).sharedGroups(list)) {
    for (const result of memo.get(identity, members, () => workOut(identity, members))) all.push(result);
  }
  memo.end();
  return all;
}
