import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, collectSafeEdits, type Finding } from '../../server/src/core/index';

const finding = (start: number, end: number, newText: string, safe = true): Finding => ({
  code: 'x',
  severity: 'warning',
  message: 'm',
  span: { start, end },
  fixes: [{ title: 't', edits: [{ start, end, newText }], safe }],
});

test('applyEdits: applies edits in order of position whatever their order', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }]), 'AbcdEf');
});

test('applyEdits: skips an edit that overlaps an earlier one', () => {
  assert.equal(applyEdits('abcdef', [{ start: 0, end: 3, newText: 'X' }, { start: 2, end: 4, newText: 'Y' }]), 'Xdef');
});

test('collectSafeEdits: keeps safe fixes, drops unsafe and clashing ones, and one copy of a shared edit', () => {
  const edits = collectSafeEdits([finding(0, 1, 'A'), finding(0, 2, 'B'), finding(3, 4, 'C', false), finding(0, 1, 'A')]);
  assert.deepEqual(edits, [{ start: 0, end: 1, newText: 'A' }]);
});
