import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diffLines, hunksWithin, type LineHunk } from '../../client/src/lineDiff';

/** The old text with the hunks applied, as "Fix All in Section" applies them. */
function apply(oldText: string, hunks: readonly LineHunk[]): string {
  const lines = oldText.split('\n');
  for (const hunk of [...hunks].sort((a, b) => b.oldStart - a.oldStart)) lines.splice(hunk.oldStart, hunk.oldEnd - hunk.oldStart, ...hunk.newLines);
  return lines.join('\n');
}

test('line diff: the hunks of two texts turn the old one into the new one', () => {
  const line = fc.constantFrom('a', 'b', 'c', '', '1. **T**.');
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
      const oldText = a.join('\n');
      const newText = b.join('\n');
      assert.equal(apply(oldText, diffLines(oldText, newText)), newText);
    }),
    { seed: 20261201, numRuns: 300 },
  );
});

test('line diff: one changed line is one hunk of one line', () => {
  assert.deepEqual(diffLines('a\nb\nc\n', 'a\nB\nc\n'), [{ oldStart: 1, oldEnd: 2, newLines: ['B'] }]);
  assert.deepEqual(diffLines('same\n', 'same\n'), []);
});

test('line diff: a section keeps only the changes on its own lines, and an insertion right after its last line', () => {
  const hunks: LineHunk[] = [
    { oldStart: 1, oldEnd: 2, newLines: ['x'] },
    { oldStart: 5, oldEnd: 6, newLines: ['y'] },
    { oldStart: 7, oldEnd: 7, newLines: ['inserted'] },
    { oldStart: 9, oldEnd: 10, newLines: ['z'] },
  ];
  assert.deepEqual(hunksWithin(hunks, 4, 6), [hunks[1], hunks[2]]);
  assert.deepEqual(hunksWithin(hunks, 0, 0), []);
});
