import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, collectSafeEdits, fixAll, type Finding } from '../../server/src/core/index';

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

test('fixAll: a selector limits each round to the findings it keeps, and the counts say fixes and entries', () => {
  const text = [
    '## A',
    '',
    '1. **First paper**. *Smithet al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]',
    '2. **Second paper**. *Joneset al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00002)]',
    '',
    '## B',
    '',
    '1. **Third paper**. *Brownet al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00003)]',
    '',
  ].join('\n');
  const all = fixAll(text);
  assert.deepEqual({ applied: all.applied, entries: all.entries }, { applied: 3, entries: 3 });
  // Only the findings before "## B", found again in each round's list.
  const onlyA = fixAll(text, {}, 10, (list, findings) => findings.filter((finding) => finding.span.start < list.text.indexOf('## B')));
  assert.deepEqual({ applied: onlyA.applied, entries: onlyA.entries }, { applied: 2, entries: 2 });
  const lines = onlyA.text.split('\n');
  assert.match(lines[2], /\*Smith et al\.\*/);
  assert.match(lines[3], /\*Jones et al\.\*/);
  assert.match(lines[7], /\*Brownet al\.\*/, 'the finding the selector left out is not fixed');
  assert.deepEqual(fixAll(text, {}, 10, () => []), { text, rounds: 0, applied: 0, entries: 0 });
});
