import type { Entry, PaperList } from './model';
import type { Finding, Fix, TextEdit } from './rule';
import { editsInsideGeneratedRegions } from './features/tableOfContents';
import { editsKeepMeaning, type InvariantOptions } from './fixInvariant';
import { lintText, type LintOptions } from './lint';
import { BlockCache } from './parseList';

/** Applies non-overlapping edits to text; an edit that overlaps an earlier one is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) continue;
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position);
}

/** Accepted edits kept sorted by position, so that a clash is found by binary search. */
class EditSet {
  readonly edits: TextEdit[] = [];

  /** Whether an edit overlaps an accepted one; two insertions at one point count as overlapping. */
  clashes(edit: TextEdit): boolean {
    const edits = this.edits;
    // The first accepted edit that ends at or after this one's start.
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid].end < edit.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < edits.length && edits[i].start <= edit.end; i++) {
      const other = edits[i];
      if (edit.start < other.end && other.start < edit.end) return true;
      if (edit.start === edit.end && other.start === other.end && edit.start === other.start) return true;
      if (edit.start === edit.end && other.start < edit.start && edit.start < other.end) return true;
      if (other.start === other.end && edit.start < other.start && other.start < edit.end) return true;
    }
    return false;
  }

  add(edit: TextEdit): void {
    const edits = this.edits;
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid].start < edit.start || (edits[mid].start === edit.start && edits[mid].end <= edit.end)) low = mid + 1;
      else high = mid;
    }
    edits.splice(low, 0, edit);
  }
}

/**
 * Whether fix-all may apply a fix. Besides being marked safe, its edits must leave the letters and digits
 * of every line they change as they were, or change them only in the one way the fix declares in
 * `changesMeaning`; a rule that misreads an entry then costs a finding, never a changed paper.
 */
export function isSafeFix(text: string, fix: Fix, options: InvariantOptions = {}): boolean {
  if (fix.changesMeaning === 'generated-region') return fix.safe && editsInsideGeneratedRegions(text, fix.edits);
  return fix.safe && editsKeepMeaning(text, fix.edits, fix.changesMeaning, options);
}

/**
 * Gathers the edits of every safe fix so that they can be applied together. A fix whose edits clash
 * with an accepted fix is left for the next round; the same edit offered twice (one renumbering for
 * two findings of one list) is kept once. Given the text, a fix that would change what a line says is
 * treated as not safe (see isSafeFix).
 */
export function collectSafeEdits(findings: readonly Finding[], text?: string, options: InvariantOptions = {}): TextEdit[] {
  return collectSafeFixes(findings, text, options).edits;
}

/** collectSafeEdits, and how many findings the edits fix: a renumbering shared by two findings fixes both. */
function collectSafeFixes(findings: readonly Finding[], text?: string, options: InvariantOptions = {}): { edits: TextEdit[]; fixes: number } {
  const accepted = new EditSet();
  const seen = new Set<string>();
  const key = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
  let fixes = 0;
  // A fix shared by several findings (one renumbering for every duplicate number of a list) is judged and
  // taken once: judging it per finding grew with the square of the list.
  const verdicts = new Map<Fix, boolean>();
  const safe = (candidate: Fix) => {
    if (text === undefined) return candidate.safe;
    let verdict = verdicts.get(candidate);
    if (verdict === undefined) verdicts.set(candidate, (verdict = isSafeFix(text, candidate, options)));
    return verdict;
  };
  const taken = new Set<Fix>();
  for (const finding of findings) {
    const fix: Fix | undefined = finding.fixes.find(safe);
    if (!fix) continue;
    if (taken.has(fix)) {
      fixes++;
      continue;
    }
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    if (fresh.some((edit) => accepted.clashes(edit))) continue;
    fixes++;
    taken.add(fix);
    for (const edit of fresh) {
      seen.add(key(edit));
      accepted.add(edit);
    }
  }
  return { edits: accepted.edits, fixes };
}

export interface FixAllResult {
  text: string;
  /** Rounds that changed the text. */
  rounds: number;
  /** Fixes applied over all rounds: the findings they fixed. */
  applied: number;
  /** The entries whose text the fixes changed, counted once however many fixes each took. */
  entries: number;
}

/** Which findings of a round's lint fix-all may fix; all of them when fix-all is given none. */
export type FindingSelector = (list: PaperList, findings: readonly Finding[]) => readonly Finding[];

/**
 * Applies every safe fix, round after round, until nothing changes (at most `maxRounds`). With `select`,
 * only the fixes of the findings it keeps from each round's lint, such as those inside one section.
 */
export function fixAll(text: string, options: LintOptions = {}, maxRounds = 10, select?: FindingSelector): FixAllResult {
  const cache = options.cache ?? new BlockCache();
  let current = text;
  let rounds = 0;
  let applied = 0;
  // By index: safe fixes keep every line's words, so they neither add nor remove an entry.
  const entries = new Set<number>();
  for (; rounds < maxRounds; rounds++) {
    const { list, findings } = lintText(current, { ...options, cache });
    const { edits, fixes } = collectSafeFixes(select ? select(list, findings) : findings, current, { trackingParameters: options.config?.trackingParameters });
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += fixes;
    for (const index of entriesEdited(list.entries, edits)) entries.add(index);
    current = next;
  }
  return { text: current, rounds, applied, entries: entries.size };
}

/**
 * The indexes of the entries that sorted, non-overlapping edits change. An insertion counts for the entry
 * it stands in, or that it ends when no entry starts there.
 */
function entriesEdited(entries: readonly Entry[], edits: readonly TextEdit[]): number[] {
  const edited: number[] = [];
  let e = 0;
  for (const edit of edits) {
    while (e < entries.length && entries[e].span.end < edit.start) e++;
    for (let i = e; i < entries.length && entries[i].span.start <= edit.end; i++) {
      const { span } = entries[i];
      const inside = edit.start === edit.end ? edit.start < span.end || entries[i + 1]?.span.start !== edit.start : edit.start < span.end && span.start < edit.end;
      if (inside) edited.push(i);
    }
  }
  return edited;
}
