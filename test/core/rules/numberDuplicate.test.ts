import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { numberDuplicateRule } from '../../../server/src/core/rules/numberDuplicate';
import { numberSequenceRule } from '../../../server/src/core/rules/numberSequence';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'number-duplicate';

/** A numbered list of paper entries with the given numbers. */
function numbered(...numbers: number[]): string {
  return numbers.map((n, i) => `${n}. **Paper ${i + 1}**. *Wang et al.* arXiv 2023. [[Paper](https://example.org/${i + 1})]\n`).join('');
}

test('number-duplicate: ok for a list in sequence, an all-1 list and a list starting at 5', () => {
  assert.deepEqual(lint(numbered(1, 2, 3), code), []);
  assert.deepEqual(lint(numbered(1, 1, 1), code), []);
  assert.deepEqual(lint(numbered(5, 6, 7), code), []);
});

test('number-duplicate: ok for repeated numbers in a list without entries', () => {
  assert.deepEqual(lint('1. Install it.\n1. Run it.\n2. Read it.\n', code), []);
});

test('number-duplicate: finds a repeated number and renumbers the list', () => {
  const text = `# Papers\n\n${numbered(1, 2, 3, 3, 4)}`;
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'Item number 3 repeats the number of the item on line 5; expected 4.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '3');
  assert.equal(findings[0].related?.[0].span.start, text.indexOf('3. **Paper 3'));
  assert.equal(findings[0].fixes[0].title, 'Renumber this list');
  assert.equal(findings[0].fixes[0].safe, true);
  assert.equal(applyFix(text, findings[0]), `# Papers\n\n${numbered(1, 2, 3, 4, 5)}`);
});

test('number-duplicate: a list that is mostly 1 but not all is expected to count up', () => {
  const text = numbered(1, 1, 2);
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2]);
  assert.equal(findings[0].message, 'Item number 1 repeats the number of the item on line 1; expected 2.');
  assert.equal(applyFix(text, findings[0]), numbered(1, 2, 3));
});

test("number-duplicate: under 'sequential' an all-1 list repeats its numbers", () => {
  const text = numbered(1, 1, 1);
  const findings = lint(text, code, { config: { numbering: 'sequential' } });
  assert.deepEqual(lines(text, findings), [2, 3]);
  assert.equal(findings[1].message, 'Item number 1 repeats the number of the item on line 1; expected 3.');
  assert.equal(applyFix(text, findings[1]), numbered(1, 2, 3));
});

test("number-duplicate: under 'ones' repeated numbers are the style", () => {
  assert.deepEqual(lint(numbered(1, 1, 1), code, { config: { numbering: 'ones' } }), []);
  assert.deepEqual(lint(numbered(1, 2, 2), code, { config: { numbering: 'ones' } }), []);
});

test('number-duplicate: each list is checked on its own', () => {
  const text = `## A\n${numbered(1, 2)}\n## B\n${numbered(1, 2)}`;
  assert.deepEqual(lint(text, code), []);
});

test('number-duplicate: no finding on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('number-duplicate: fixing a list with many repeats twice changes nothing the second time', () => {
  const rules = [numberDuplicateRule, numberSequenceRule];
  const text = readFileSync('test/fixtures/thunlp-gnnpapers.md', 'utf8');
  assert.ok(lint(text, code).length > 0);
  const fixed = fixText(text, { rules });
  assert.deepEqual(lint(fixed, code), []);
  assert.equal(fixText(fixed, { rules }), fixed);
});
