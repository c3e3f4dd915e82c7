import assert from 'node:assert/strict';
import { test } from 'node:test';
import { opensCompletion } from '../../client/src/suggestTrigger';

const at = (lines: string[]) => (line: number) => lines[line];

test('suggest trigger: an empty line or a typed digit right after a numbered item opens completion (issue 15)', () => {
  const lines = ['## Papers', '', '16. **A**. *X et al.* 2020.', '17. **B**. *Y et al.* 2021.', '', '1'];
  assert.equal(opensCompletion(at([...lines.slice(0, 4), '']), 4), true);
  assert.equal(opensCompletion(at([...lines.slice(0, 4), '1']), 4), true);
  // Authors on a line of their own below the title still belong to the item.
  assert.equal(opensCompletion(at(['1. **A**.', '   *X et al.*', '']), 2), true);
});

test('suggest trigger: not after a blank line, a bullet, a heading or in text', () => {
  assert.equal(opensCompletion(at(['1. **A**.', '', '']), 2), false);
  assert.equal(opensCompletion(at(['- **A**.', '']), 1), false);
  assert.equal(opensCompletion(at(['## Papers', '']), 1), false);
  assert.equal(opensCompletion(at(['1. **A**.', '2020 was']), 1), false);
});
