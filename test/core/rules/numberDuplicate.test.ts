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
  // Held to a strict sequence, the real list that numbers every item `1.` has many repeats.
  const options = { rules: [numberDuplicateRule, numberSequenceRule], config: { numbering: 'sequential' as const } };
  const text = readFileSync('test/fixtures/thunlp-gnnpapers.md', 'utf8');
  assert.ok(lint(text, code, { config: options.config }).length > 0);
  const fixed = fixText(text, options);
  assert.deepEqual(lint(fixed, code, { config: options.config }), []);
  assert.equal(fixText(fixed, options), fixed);
});

test('number-duplicate: in a list whose house style numbers every item 1, a list continued from 21 is accepted', () => {
  const ones = (from: number) => ['1. **A.** AAAI 2020. [paper](https://a.org/1)', '1. **B.** AAAI 2020. [paper](https://a.org/2)', '1. **C.** AAAI 2020. [paper](https://a.org/3)'].join('\n').replace('1. **A', `${from}. **A`);
  const text = ['## One', ones(1), '', '## Two', ones(1), '', '<details>', '', '21. **D.** AAAI 2020. [paper](https://a.org/4)', '22. **E.** AAAI 2020. [paper](https://a.org/5)', '1. **F.** AAAI 2020. [paper](https://a.org/6)', '1. **G.** AAAI 2020. [paper](https://a.org/7)', '', '</details>', ''].join('\n');
  assert.deepEqual(lint(text, code), []);
  assert.deepEqual(lint(text, 'number-sequence'), []);
  // A number that is neither 1 nor the one markdown shows still counts.
  const wrong = text.replace('1. **G.**', '5. **G.**');
  assert.deepEqual(lines(wrong, lint(wrong, 'number-sequence')), [15]);
});
