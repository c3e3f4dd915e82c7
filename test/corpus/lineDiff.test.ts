import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diffLines, type LineHunk } from './lineDiff';

/** The old text with the hunks applied. */
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
