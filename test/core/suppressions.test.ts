import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, lines } from '../helpers';

const code = 'heading-whitespace';

test('suppressions: disable-next-line turns a rule off for the next line only', () => {
  const text = '<!-- paperlist-disable-next-line heading-whitespace -->\n# A \n# B \n';
  assert.deepEqual(lines(text, lint(text, code)), [3]);
});

test('suppressions: disable-next-line with another code keeps the finding', () => {
  const text = '<!-- paperlist-disable-next-line entry-year -->\n# A \n';
  assert.deepEqual(lines(text, lint(text, code)), [2]);
});

test('suppressions: disable … enable covers the lines between', () => {
  const text = '# A \n<!-- paperlist-disable heading-whitespace -->\n# B \n# C \n<!-- paperlist-enable heading-whitespace -->\n# D \n';
  assert.deepEqual(lines(text, lint(text, code)), [1, 6]);
});

test('suppressions: disable without codes turns every rule off to the end', () => {
  const text = '# A \n<!-- paperlist-disable -->\n# B \n';
  assert.deepEqual(lines(text, lint(text)), [1]);
});
