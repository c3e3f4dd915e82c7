import type { Finding, Fix, TextEdit } from './rule';
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

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);
}

/**
 * Gathers the edits of every safe fix so that they can be applied together. A fix whose edits clash
 * with an accepted fix is left for the next round; the same edit offered twice (one renumbering for
 * two findings of one list) is kept once.
 */
export function collectSafeEdits(findings: readonly Finding[]): TextEdit[] {
  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  const key = (edit: TextEdit) => `${edit.start}:${edit.end}:${edit.newText}`;
  for (const finding of findings) {
    const fix: Fix | undefined = finding.fixes.find((candidate) => candidate.safe);
    if (!fix) continue;
    const fresh = fix.edits.filter((edit) => !seen.has(key(edit)));
    if (fresh.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    for (const edit of fresh) {
      seen.add(key(edit));
      accepted.push(edit);
    }
  }
  return accepted;
}

export interface FixAllResult {
  text: string;
  /** Rounds that changed the text. */
  rounds: number;
  /** Fixes applied over all rounds. */
  applied: number;
}

/** Applies every safe fix, round after round, until nothing changes (at most `maxRounds`). */
export function fixAll(text: string, options: LintOptions = {}, maxRounds = 10): FixAllResult {
  const cache = options.cache ?? new BlockCache();
  let current = text;
  let rounds = 0;
  let applied = 0;
  for (; rounds < maxRounds; rounds++) {
    const { findings } = lintText(current, { ...options, cache });
    const edits = collectSafeEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, rounds, applied };
}
