import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint, lines } from '../../helpers';

const code = 'heading-whitespace';

test('heading-whitespace: ok without trailing white space', () => {
  assert.deepEqual(lint('# Title\n\n## Section\n', code), []);
});

test('heading-whitespace: finds a trailing space and trims it', () => {
  const text = '# Title\n\n#### Model Synthetic Feedback \n1. **A**. *B et al.* arXiv 2023.\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.match(findings[0].message, /Model Synthetic Feedback" ends with a space/);
  assert.equal(applyFix(text, findings[0]), '# Title\n\n#### Model Synthetic Feedback\n1. **A**. *B et al.* arXiv 2023.\n');
});

test('heading-whitespace: a CRLF line ending is not white space', () => {
  assert.deepEqual(lint('# Title\r\n## Section\r\n', code), []);
});
