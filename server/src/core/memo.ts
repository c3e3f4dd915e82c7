// The memo helpers that keep work across edits. What survives an edit, and why that is safe, is explained
// once in docs/architecture.md ("What survives an edit"); every cache in the core is one of these kinds.
import type { Block } from './blocks';
import type { Entry, PaperList } from './model';
import type { Fix, Report } from './rule';
import type { Span } from './text';

/**
 * A fact about one entry, computed once per entry object. Safe because an entry object lives only while
 * its block's text is unchanged: an edit to the block makes a new entry, and a move only shifts offsets,
 * so a per-entry memo must hold nothing that depends on where the entry stands (offsets, line numbers,
 * its index, its section). Further arguments (the list's text, the current year) are used by the first
 * call only, so they must say the same about the entry on every call.
 */
export function memoPerEntry<T, A extends unknown[] = []>(compute: (entry: Entry, ...rest: A) => T): (entry: Entry, ...rest: A) => T {
  const memo = new WeakMap<Entry, T>();
  return (entry, ...rest) => {
    let value = memo.get(entry);
    if (value === undefined && !memo.has(entry)) {
      value = compute(entry, ...rest);
      memo.set(entry, value);
    }
    return value as T;
  };
}

/**
 * A fact about one block's text, computed once per block object. Blocks, like entries, are kept across
 * parses only while their text is unchanged (they move in place), so the same rule applies: nothing that
 * depends on where the block stands.
 */
export function memoPerBlock<T>(compute: (block: Block, text: string) => T): (block: Block, text: string) => T {
  const memo = new WeakMap<Block, T>();
  return (block, text) => {
    let value = memo.get(block);
    if (value === undefined && !memo.has(block)) {
      value = compute(block, text);
      memo.set(block, value);
    }
    return value as T;
  };
}

/**
 * A list-wide fact, computed once per parsed list, so that a rule's `contextKey` and its `check` (or two
 * rules) can ask for it without counting the whole list twice. A new parse is a new list.
 */
export function memoPerList<T>(compute: (list: PaperList) => T): (list: PaperList) => T {
  const memo = new WeakMap<PaperList, T>();
  return (list) => {
    if (!memo.has(list)) memo.set(list, compute(list));
    return memo.get(list)!;
  };
}

/**
 * A fact about a string that depends on nothing else (whether a URL parses), kept by value. The limit
 * keeps a document that makes up new strings on every keystroke from growing the table for ever.
 * Further arguments, as for `memoPerEntry`, must follow from the string (a heading's plain text from its
 * source): only the first call's are used.
 */
export function memoPerString<T, A extends unknown[] = []>(compute: (key: string, ...rest: A) => T, limit = 50_000): (key: string, ...rest: A) => T {
  const memo = new Map<string, T>();
  return (key, ...rest) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = compute(key, ...rest);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value as T;
  };
}

/**
 * One shared value per key. Per-entry facts that many entries share (their labels, their votes on the
 * house style) are kept once per kind, so that counting them over a list visits each kind once.
 */
export class Interner<T> {
  private readonly table = new Map<string, T>();

  /** The limit keeps a document that makes up new kinds on every keystroke from growing the table for ever. */
  constructor(private readonly limit = 10_000) {}

  /** The value kept for the key, or this one, which is kept from now on. */
  intern(key: string, value: T): T {
    const known = this.table.get(key);
    if (known !== undefined) return known;
    if (this.table.size < this.limit) this.table.set(key, value);
    return value;
  }
}

interface GroupRecord<T> {
  members: readonly Entry[];
  /** Each member's line, section number and section name when the value was computed: messages name them. */
  lines: number[];
  sections: number[];
  titles: string[];
  value: T;
  seen: number;
}

/**
 * What a cross-entry rule worked out about one group of entries (the copies of one paper), kept per
 * document while the group has the same entry objects, on the same lines, in sections of the same names.
 * An edit thus costs the work of the groups it touched; the others only check their members. The value
 * must hold no offsets: members move when text before them changes, so spans are built when reporting.
 * Lives on the document's `BlockCache` (`cache.keep`), one per rule; `reportsPerGroup` is how rules use it.
 */
export class GroupMemo<T> {
  private readonly known = new Map<string, GroupRecord<T>>();
  private lint = 0;

  /** Starts a pass over the groups of one list; records not asked for in the pass are dropped at its end. */
  begin(): void {
    this.lint++;
  }

  /** The value for the group under `key`, computed again only when its members or their places changed. */
  get(key: string, members: readonly Entry[], compute: () => T): T {
    const record = this.known.get(key);
    if (record && sameMembers(record, members)) {
      record.seen = this.lint;
      return record.value;
    }
    const value = compute();
    this.known.set(key, {
      members: members.slice(),
      lines: members.map((entry) => entry.line),
      sections: members.map((entry) => entry.section.id),
      titles: members.map((entry) => entry.section.title),
      value,
      seen: this.lint,
    });
    return value;
  }

  /** Drops the groups that no longer exist, so that a long editing session does not keep them alive. */
  end(): void {
    for (const [key, record] of this.known) if (record.seen !== this.lint) this.known.delete(key);
  }
}

function sameMembers<T>(record: GroupRecord<T>, members: readonly Entry[]): boolean {
  if (record.members.length !== members.length) return false;
  for (let i = 0; i < members.length; i++) {
    const entry = members[i];
    if (record.members[i] !== entry || record.lines[i] !== entry.line) return false;
    if (record.sections[i] !== entry.section.id || record.titles[i] !== entry.section.title) return false;
  }
  return true;
}

/**
 * A copy of a report for text that moved by `delta`: its span, its fixes' edits and its related spans.
 * Fixes already copied for another report of the same batch (`copiedFixes`) are shared again, as the rule
 * shared them: one renumbering offered by every duplicate number of a list is checked once by fix-all.
 */
export function moveReport<T extends Report>(report: T, delta: number, copiedFixes?: Map<Fix, Fix>): T {
  const move = (span: Span) => ({ start: span.start + delta, end: span.end + delta });
  const moveFix = (fix: Fix): Fix => {
    let copy = copiedFixes?.get(fix);
    if (!copy) {
      copy = { ...fix, edits: fix.edits.map((edit) => ({ ...edit, ...move(edit) })) };
      copiedFixes?.set(fix, copy);
    }
    return copy;
  };
  return {
    ...report,
    span: move(report.span),
    ...(report.fixes && { fixes: report.fixes.map(moveFix) }),
    ...(report.related && { related: report.related.map((related) => ({ ...related, span: move(related.span) })) }),
  };
}

/** Copies of a batch of reports moved by `delta`, sharing each fix they shared. */
function moveReports(reports: readonly Report[], delta: number): Report[] {
  const copiedFixes = new Map<Fix, Fix>();
  return reports.map((report) => moveReport(report, delta, copiedFixes));
}

interface PartRecord {
  stamp: string;
  /** Where the part stood when the reports were made or last moved. */
  start: number;
  reports: Report[];
  seen: number;
}

/**
 * What a list-wide rule reported about one part of the document that the parse keeps as one object while
 * its text is unchanged (a block, or a markdown list: see `keepUnchangedLists`), kept per document while
 * the part's stamp is the same. The stamp is everything else the reports depend on: the settings, and the
 * line or entry index when a message or finding names it. A part that only moved gets its reports moved,
 * once: the moved copies are kept, so the next lint hands back the same objects (and the server the same
 * diagnostics). Lives on the document's `BlockCache` (`cache.keep`), one per rule.
 */
export class ReportsPerPart<K extends object> {
  private readonly known = new Map<K, PartRecord>();
  private pass = 0;

  /** Starts a pass over the parts of one list; parts not asked for in the pass are dropped at its end. */
  begin(): void {
    this.pass++;
  }

  /** The reports for a part that now starts at `start`, worked out again only when it is new or its stamp changed. */
  get(part: K, start: number, stamp: string, compute: () => Report[]): Report[] {
    const record = this.known.get(part);
    if (record?.stamp === stamp) {
      record.seen = this.pass;
      if (record.start !== start) {
        const delta = start - record.start;
        record.reports = moveReports(record.reports, delta);
        record.start = start;
      }
      return record.reports;
    }
    // Copies, since a rule may report a span of the model, which the next parse moves in place.
    const reports = moveReports(compute(), 0);
    this.known.set(part, { stamp, start, reports, seen: this.pass });
    return reports;
  }

  /** Drops the parts that no longer exist, so that a long editing session does not keep them alive. */
  end(): void {
    for (const [part, record] of this.known) if (record.seen !== this.pass) this.known.delete(part);
  }
}
