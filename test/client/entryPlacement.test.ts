import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryPlacement } from '../../client/src/entryPlacement';

const place = (lines: string[], line: number) => entryPlacement((index) => lines[index], lines.length, line);

test('entry placement: on the blank line between a list and the next heading, a blank line stays above the heading (issue 15)', () => {
  const lines = ['1. **A**. *X et al.* 2020.', '2. **B**. *Y et al.* 2021.', '', '## Next', ''];
  assert.deepEqual(place(lines, 2), { line: 2, replaceLine: true, blankAfter: true });
});

test('entry placement: a blank line before another blank line or the end is used up; a line with text gets a new line after it', () => {
  assert.deepEqual(place(['1. **A**.', '', ''], 1), { line: 1, replaceLine: true, blankAfter: false });
  assert.deepEqual(place(['1. **A**.', ''], 1), { line: 1, replaceLine: true, blankAfter: false });
  assert.deepEqual(place(['1. **A**.', '', '## Next'], 0), { line: 1, replaceLine: false, blankAfter: false });
});
