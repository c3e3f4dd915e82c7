import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'heading-increment';

test('heading-increment: ok when each heading goes at most one level deeper', () => {
  assert.deepEqual(lint('# Title\n## Human Values\n### Value Principles\n#### HHH\n## Evaluation\n### Benchmarks\n', code), []);
});

test('heading-increment: the first heading may be any level', () => {
  assert.deepEqual(lint('### Papers\n#### Surveys\n', code), []);
});

test('heading-increment: going back up any number of levels is fine', () => {
  assert.deepEqual(lint('# A\n## B\n### C\n#### D\n# E\n', code), []);
});

test('heading-increment: a heading that skips a level', () => {
  const text = '# Title\n\n## Human Preferences\n#### Human Feedback\n##### Reward Model\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(findings[0].message, 'Heading "Human Feedback" is level 4 after a level 2 heading; expected level 3 at most.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '#### Human Feedback');
  assert.deepEqual(findings[0].fixes, []);
});

test('heading-increment: setext headings count as levels 1 and 2', () => {
  const text = 'Title\n=====\n\n### Papers\n';
  assert.deepEqual(lines(text, lint(text, code)), [4]);
});

test('heading-increment: the reference list never skips a level', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('heading-increment: HTML headings, which set a banner\'s size, are left alone', () => {
  const text = '# Title\n<h5 align="center">Give us a star</h5>\n\n## Papers\n<h4 id="x">Data</h4>\n';
  assert.deepEqual(lint(text, 'heading-increment'), []);
});
