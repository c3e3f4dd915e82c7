import type { Entry } from '../model';

/** The entries that came and went between two parses of one document. */
export interface EntryChanges {
  added: Entry[];
  removed: Entry[];
  /** Set when the walk could not tell (entries out of their old order): the caller starts over. */
  lost: boolean;
}

/**
 * Finds what changed between the entries one consumer saw last and the entries of a new parse. An edit
 * never changes an entry in place and entries it did not touch keep their order (docs/architecture.md,
 * "What survives an edit"), so one walk over both arrays, comparing objects, finds the new entries and
 * those that left: an old entry has left when `entries[old.index]` is no longer it. Each consumer keeps
 * its own tracker, since a rule that is off does not see every parse.
 */
export class EntryTracker {
  private previous: readonly Entry[] = [];
  /** The entries seen, so that an old entry out of its order is not taken for a new one. */
  private seen = new WeakSet<Entry>();

  changes(entries: readonly Entry[]): EntryChanges {
    const previous = this.previous;
    const added: Entry[] = [];
    const removed: Entry[] = [];
    let lost = false;
    let p = 0;
    for (const entry of entries) {
      while (p < previous.length && previous[p] !== entry && entries[previous[p].index] !== previous[p]) removed.push(previous[p++]);
      if (p < previous.length && previous[p] === entry) {
        p++;
        continue;
      }
      if (this.seen.has(entry)) lost = true;
      added.push(entry);
    }
    for (; p < previous.length; p++) if (entries[previous[p].index] !== previous[p]) removed.push(previous[p]);
    for (const entry of removed) this.seen.delete(entry);
    for (const entry of added) this.seen.add(entry);
    if (lost) {
      this.seen = new WeakSet(entries);
      removed.length = 0;
      added.length = 0;
      for (const entry of entries) added.push(entry);
    }
    this.previous = entries;
    return { added, removed, lost };
  }
}

/**
 * How many entries of a document there are of each kind, kept across parses and updated from the
 * entries an edit changed. `kindOf` must give the same value for an entry object every time (an
 * interned value from a per-entry memo), since a removed entry is counted down by its kind, which is
 * asked for again when it has left.
 */
export class KindTally<K> {
  private readonly counts = new Map<K, number>();
  private readonly tracker = new EntryTracker();

  /** The count of each kind among `entries`, the entries of the latest parse. */
  countsOf(entries: readonly Entry[], kindOf: (entry: Entry) => K): ReadonlyMap<K, number> {
    const { added, removed, lost } = this.tracker.changes(entries);
    if (lost) this.counts.clear();
    for (const entry of removed) {
      const kind = kindOf(entry);
      const count = this.counts.get(kind)! - 1;
      if (count) this.counts.set(kind, count);
      else this.counts.delete(kind);
    }
    for (const entry of added) {
      const kind = kindOf(entry);
      this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    }
    return this.counts;
  }
}
