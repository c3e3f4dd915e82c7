// For corpus tests: the changed lines of a fixed list whose letters and digits differ from the original's.
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
 * The shortest edit script between two arrays of lines (Myers' O(ND) algorithm), as runs of lines
 * removed from `a` and added from `b`, each with its position in `a` and `b`.
 */
function changedRuns(a: readonly string[], b: readonly string[]): { aStart: number; aEnd: number; bStart: number; bEnd: number }[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the trace to mark which lines of each side are kept.
  const keptA = new Uint8Array(n);
  const keptB = new Uint8Array(m);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const saved = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && saved[offset + k - 1] < saved[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : saved[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      keptA[--x] = 1;
      keptB[--y] = 1;
    }
    if (d === 0) break;
    x = previousX;
    y = previousY;
  }
  const runs: { aStart: number; aEnd: number; bStart: number; bEnd: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && keptA[i] && keptB[j]) {
      i++;
      j++;
      continue;
    }
    const aStart = i;
    const bStart = j;
    while (i < n && !keptA[i]) i++;
    while (j < m && !keptB[j]) j++;
    runs.push({ aStart, aEnd: i, bStart, bEnd: j });
  }
  return runs;
}

/**
 * The changed lines whose letters and digits (lower-cased, without the list-marker number and tracking
 * parameters) are not the same before and after. A run of changed lines is compared line by line when
 * it keeps its line count, else as a whole, reported at its first line.
 */
export function changedLinesBreakingInvariant(before: string, after: string, options: CorpusInvariantOptions = {}): BrokenLine[] {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const allowed = (from: string, to: string) =>
    keepsMeaningOrAllowed(from, to, undefined, options) || (options.allow ?? []).some((change) => keepsMeaningOrAllowed(from, to, change, options));
  const broken: BrokenLine[] = [];
  for (const run of changedRuns(a, b)) {
    const removed = a.slice(run.aStart, run.aEnd);
    const added = b.slice(run.bStart, run.bEnd);
    if (removed.length === added.length) {
      removed.forEach((line, i) => {
        if (!allowed(line, added[i])) broken.push({ line: run.aStart + i + 1, before: line, after: added[i] });
      });
    } else if (!allowed(removed.join('\n'), added.join('\n'))) {
      broken.push({ line: run.aStart + 1, before: removed.join('\n'), after: added.join('\n') });
    }
  }
  return broken;
}
