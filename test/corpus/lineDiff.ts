/** A run of changed lines: `oldStart..oldEnd` (end exclusive) of the old text become `newLines`. */
export interface LineHunk {
  oldStart: number;
  oldEnd: number;
  newLines: string[];
}

/**
 * The changed runs of lines between two texts, by Myers' O((N+M)·D) diff after trimming the common
 * head and tail. The corpus tests compare a list before and after fix-all run by run of changed lines.
 */
export function diffLines(oldText: string, newText: string): LineHunk[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const pairs = commonLines(oldMiddle, newMiddle);
  const hunks: LineHunk[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const [oldMatch, newMatch] of [...pairs, [oldMiddle.length, newMiddle.length] as const]) {
    if (oldMatch > oldIndex || newMatch > newIndex) {
      hunks.push({ oldStart: head + oldIndex, oldEnd: head + oldMatch, newLines: newMiddle.slice(newIndex, newMatch) });
    }
    oldIndex = oldMatch + 1;
    newIndex = newMatch + 1;
  }
  return hunks;
}

/** The index pairs of a longest common subsequence of lines, in order. */
function commonLines(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    const next = frontier.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    frontier = next;
  }
  // Walks the saved frontiers back from the end, collecting the diagonal (equal) steps.
  const pairs: (readonly [number, number])[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const previous = trace[d];
    const k = x - y;
    const fromBelow = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const previousK = fromBelow ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : previous[offset + previousK];
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = previousX;
    y = previousY;
  }
  return pairs.reverse();
}
