// Counts for the messages of Fix All and Fix All in Section, from the lines an edit changes. Free of `vscode`.
import type { OutlineEntry, OutlineNode, OutlineResult } from '../../server/src/shared/protocol';
import type { LineHunk } from './lineDiff';

/** The old lines a hunk changes; an insertion counts the line it goes before. */
function changedLines(hunk: LineHunk): number[] {
  const lines: number[] = [];
  for (let line = hunk.oldStart; line < Math.max(hunk.oldEnd, hunk.oldStart + 1); line++) lines.push(line);
  return lines;
}

/** The number of entries whose text a set of hunks changes: each line belongs to the entry or heading last started above it. */
export function entriesTouched(outline: OutlineResult, hunks: readonly LineHunk[]): number {
  const starts: { line: number; entry: boolean }[] = [];
  const addEntries = (entries: OutlineEntry[]) => entries.forEach((entry) => starts.push({ line: entry.line, entry: true }));
  const visit = (nodes: OutlineNode[]) => {
    for (const node of nodes) {
      starts.push({ line: node.line, entry: false });
      addEntries(node.entries);
      visit(node.children);
    }
  };
  addEntries(outline.entries);
  visit(outline.sections);
  starts.sort((a, b) => a.line - b.line);
  const touched = new Set<number>();
  for (const hunk of hunks) {
    for (const line of changedLines(hunk)) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid].line <= line) low = mid + 1;
        else high = mid;
      }
      const owner = starts[low - 1];
      if (owner?.entry) touched.add(owner.line);
    }
  }
  return touched.size;
}

/** The number of problems on the lines a set of hunks changes, given the start line of each problem. */
export function problemsOnChangedLines(problemLines: readonly number[], hunks: readonly LineHunk[]): number {
  const changed = new Set(hunks.flatMap(changedLines));
  return problemLines.filter((line) => changed.has(line)).length;
}

/** The number of fixes in the title of the fix-all action, "Fix all safe problems (14 fixes)". */
export function fixesInTitle(title: string): number | undefined {
  const match = /\((\d+) fix(?:es)?\)/.exec(title);
  return match ? Number(match[1]) : undefined;
}
