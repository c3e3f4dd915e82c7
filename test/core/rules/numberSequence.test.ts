import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { numberDuplicateRule } from '../../../server/src/core/rules/numberDuplicate';
import { numberSequenceRule } from '../../../server/src/core/rules/numberSequence';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'number-sequence';

/** A numbered list of paper entries with the given numbers. */
function numbered(...numbers: number[]): string {
  return numbers.map((n, i) => `${n}. **Paper ${i + 1}**. *Wang et al.* arXiv 2023. [[Paper](https://example.org/${i + 1})]\n`).join('');
}

test('number-sequence: ok for a list in sequence, from any start, and for an all-1 list', () => {
  assert.deepEqual(lint(numbered(1, 2, 3), code), []);
  assert.deepEqual(lint(numbered(5, 6, 7), code), []);
  assert.deepEqual(lint(numbered(1, 1, 1), code), []);
  assert.deepEqual(lint(numbered(1), code), []);
});

test('number-sequence: ok for a gap in a list without entries', () => {
  assert.deepEqual(lint('1. Install it.\n3. Run it.\n', code), []);
});

test('number-sequence: finds a gap and renumbers the list', () => {
  const text = numbered(1, 2, 3, 5, 6);
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(findings[0].message, 'Item number 5 breaks the sequence; expected 4.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '5');
  assert.deepEqual(
    { title: findings[0].fixes[0].title, safe: findings[0].fixes[0].safe, preferred: findings[0].fixes[0].preferred },
    { title: 'Renumber this list', safe: true, preferred: true },
  );
  assert.equal(applyFix(text, findings[0]), numbered(1, 2, 3, 4, 5));
});

test('number-sequence: reports only the first break of a list', () => {
  const text = numbered(1, 3, 2, 7);
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2]);
  assert.equal(findings[0].message, 'Item number 3 breaks the sequence; expected 2.');
  assert.equal(applyFix(text, findings[0]), numbered(1, 2, 3, 4));
});

test('number-sequence: leaves repeated numbers to number-duplicate', () => {
  assert.deepEqual(lint(numbered(1, 2, 2, 3), code), []);
  const text = numbered(1, 2, 2, 4);
  assert.equal(lint(text, code)[0].message, 'Item number 4 breaks the sequence; expected 3.');
});

test('number-sequence: one finding for each list that breaks', () => {
  const text = `## A\n${numbered(1, 3)}\n## B\n${numbered(1, 2)}\n## C\n${numbered(2, 1)}`;
  assert.deepEqual(lines(text, lint(text, code)), [3, 11]);
});

test("number-sequence: under 'ones' reports the first item that is not 1 and numbers all 1", () => {
  const text = numbered(1, 1, 2, 3);
  const findings = lint(text, code, { config: { numbering: 'ones' } });
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(findings[0].message, 'Item number 2 breaks the numbering of every item as 1; expected 1.');
  assert.equal(applyFix(text, findings[0]), numbered(1, 1, 1, 1));
  assert.deepEqual(lint(numbered(1, 1, 1), code, { config: { numbering: 'ones' } }), []);
});

test("number-sequence: under 'sequential' an all-1 list has only repeats, no break", () => {
  assert.deepEqual(lint(numbered(1, 1, 1), code, { config: { numbering: 'sequential' } }), []);
});

test('number-sequence: no finding on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('number-sequence: fixing twice changes nothing the second time', () => {
  const rules = [numberSequenceRule, numberDuplicateRule];
  for (const text of [numbered(1, 2, 4, 4, 9, 1), numbered(3, 1, 1, 2)]) {
    const fixed = fixText(text, { rules });
    assert.deepEqual(lint(fixed, code), []);
    assert.equal(fixText(fixed, { rules }), fixed);
  }
  assert.equal(fixText(numbered(1, 2, 4, 4, 9, 1), { rules }), numbered(1, 2, 3, 4, 5, 6));
});
