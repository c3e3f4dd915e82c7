import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, parseList, type NumberingStyle } from '../../../server/src/core/index';
import { renumberListEdits } from '../../../server/src/core/analysis/renumberList';

/** Renumbers the first list of the text and returns the whole new text. */
function renumber(text: string, style: NumberingStyle): string {
  const list = parseList(text).lists[0];
  return applyEdits(text, renumberListEdits(list, text, style));
}

test('renumberList: counts up from the first number, editing only the numbers that differ', () => {
  const text = '3. a\n5. b\n5. c\n6. d\n';
  const list = parseList(text).lists[0];
  assert.deepEqual(renumberListEdits(list, text, 'sequential'), [
    { start: 5, end: 6, newText: '4' },
  ]);
  assert.equal(renumber(text, 'sequential'), '3. a\n4. b\n5. c\n6. d\n');
});

test('renumberList: an ordered list already in sequence needs no edits', () => {
  const text = '1. a\n2. b\n3. c\n';
  assert.deepEqual(renumberListEdits(parseList(text).lists[0], text, 'auto'), []);
});

test("renumberList: 'ones' numbers every item 1", () => {
  assert.equal(renumber('1. a\n2. b\n3. c\n', 'ones'), '1. a\n1. b\n1. c\n');
  assert.equal(renumber('4. a\n2. b\n', 'ones'), '1. a\n1. b\n');
});

test("renumberList: 'auto' keeps an all-1 list and counts up any other", () => {
  assert.equal(renumber('1. a\n1. b\n1. c\n', 'auto'), '1. a\n1. b\n1. c\n');
  assert.equal(renumber('1. a\n1. b\n2. c\n', 'auto'), '1. a\n2. b\n3. c\n');
});

test("renumberList: 'sequential' counts up an all-1 list", () => {
  assert.equal(renumber('1. a\n1. b\n1. c\n', 'sequential'), '1. a\n2. b\n3. c\n');
});

test('renumberList: numbers grow past 9, keep zero padding and work with CRLF and ")"', () => {
  const text = Array.from({ length: 11 }, (_, i) => `${i === 10 ? 7 : i + 1}) item\r\n`).join('');
  const expected = Array.from({ length: 11 }, (_, i) => `${i + 1}) item\r\n`).join('');
  assert.equal(renumber(text, 'auto'), expected);
  assert.equal(renumber('01. a\n03. b\n', 'auto'), '01. a\n02. b\n');
});

test('renumberList: only the items of the given list change, not a nested list', () => {
  const text = '1. a\n   1. x\n   5. y\n3. b\n';
  const outer = parseList(text).lists.find((list) => list.items[0].indent === 0)!;
  assert.equal(applyEdits(text, renumberListEdits(outer, text, 'auto')), '1. a\n   1. x\n   5. y\n2. b\n');
});

test('renumberList: a bullet list gets no edits', () => {
  const text = '- a\n- b\n';
  assert.deepEqual(renumberListEdits(parseList(text).lists[0], text, 'sequential'), []);
});

test('renumberList: a number that grows a digit moves the lines that belong to its item', () => {
  const authors = (name: string) => `\n\n   *${name}.*\n`;
  const items = Array.from({ length: 10 }, (_, i) => `${i === 9 ? 1 : i + 1}. **Paper ${i + 1}.** AI Open 2020.${authors(`Author ${i + 1}`)}`);
  const text = `${items.join('')}   - nested\n\nAfter the list.\n`;
  const renumbered = renumber(text, 'auto');
  assert.ok(renumbered.endsWith('10. **Paper 10.** AI Open 2020.\n\n    *Author 10.*\n    - nested\n\nAfter the list.\n'));
  assert.ok(renumbered.startsWith('1. **Paper 1.** AI Open 2020.\n\n   *Author 1.*\n2.'));
  const list = parseList(renumbered).lists[0];
  assert.equal(list.items.length, 10);
  assert.deepEqual(renumberListEdits(list, renumbered, 'auto'), []);
});

test('renumberList: a number that loses a digit moves its lines back, lazy lines stay', () => {
  const text = '1. a\n10. b\n    more of b\nlazy line of b\n\n    second paragraph of b\n';
  assert.equal(renumber(text, 'auto'), '1. a\n2. b\n   more of b\nlazy line of b\n\n   second paragraph of b\n');
});
