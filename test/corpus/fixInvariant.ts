// For corpus tests: the changed lines of a fixed list whose letters and digits differ from the original's.
import { diffLines } from './lineDiff';
import { keepsMeaningOrAllowed, type InvariantOptions, type MeaningChange } from '../../server/src/core/fixInvariant';

export interface BrokenLine {
  /** 1-based line of the original where the change starts. */
  line: number;
  before: string;
  after: string;
}

export interface CorpusInvariantOptions extends InvariantOptions {
  /** Exceptions to accept; none by default, so that every change of meaning is listed. */
  allow?: readonly MeaningChange[];
}

/**
 * The changed lines whose letters and digits (lower-cased, without the list-marker number and tracking
 * parameters) are not the same before and after. A run of changed lines is compared line by line when
 * it keeps its line count, else as a whole, reported at its first line.
 */
export function changedLinesBreakingInvariant(before: string, after: string, options: CorpusInvariantOptions = {}): BrokenLine[] {
  // Over LF-only copies, so that a CRLF list diffs by its lines.
  const oldText = before.replace(/\r\n?/g, '\n');
  const a = oldText.split('\n');
  const allowed = (from: string, to: string) =>
    keepsMeaningOrAllowed(from, to, undefined, options) || (options.allow ?? []).some((change) => keepsMeaningOrAllowed(from, to, change, options));
  const broken: BrokenLine[] = [];
  for (const hunk of diffLines(oldText, after.replace(/\r\n?/g, '\n'))) {
    const removed = a.slice(hunk.oldStart, hunk.oldEnd);
    const added = hunk.newLines;
    if (removed.length === added.length) {
      removed.forEach((line, i) => {
        if (!allowed(line, added[i])) broken.push({ line: hunk.oldStart + i + 1, before: line, after: added[i] });
      });
    } else if (!allowed(removed.join('\n'), added.join('\n'))) {
      broken.push({ line: hunk.oldStart + 1, before: removed.join('\n'), after: added.join('\n') });
    }
  }
  return broken;
}
