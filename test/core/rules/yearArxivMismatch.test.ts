import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { yearArxivMismatchRule } from '../../../server/src/core/rules/yearArxivMismatch';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'year-arxiv-mismatch';

function entry(venueAndYear: string, id: string): string {
  return `1. **Scaling instruction-finetuned language models**. *Chung et al.* ${venueAndYear}. [[Paper](https://arxiv.org/pdf/${id}.pdf)]\n`;
}

test('year-arxiv-mismatch: ok when the year matches the arXiv id', () => {
  assert.deepEqual(lint(entry('arXiv 2022', '2210.11416'), code), []);
  assert.deepEqual(lint(entry('arXiv 2007', '0704.0001'), code), []);
  assert.deepEqual(lint(entry('arXiv 1999', 'hep-th/9901001'), code), []);
  assert.deepEqual(lint(entry('arXiv 2003', 'math.GT/0309136'), code), []);
});

test('year-arxiv-mismatch: ok when the venue is not arXiv, which may publish later', () => {
  assert.deepEqual(lint(entry('ICLR 2023', '2210.11416'), code), []);
  assert.deepEqual(lint(entry('AIES 2020', '1912.03553'), code), []);
});

test('year-arxiv-mismatch: ok without an arXiv link or without a year', () => {
  assert.deepEqual(lint('1. **Visual instruction tuning**. *Liu et al.* arXiv 2021. [[Paper](https://example.org/paper.pdf)]\n', code), []);
  assert.deepEqual(lint(entry('arXiv', '2210.11416'), code), []);
});

test('year-arxiv-mismatch: finds a year that differs from the new-style id and fixes it', () => {
  const text = entry('arXiv 2021', '2210.11416');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '2021');
  assert.equal(findings[0].message, 'Year 2021 does not match arXiv 2210.11416, which dates from 2022; expected 2022.');
  assert.equal(findings[0].fixes[0].safe, true);
  assert.equal(findings[0].fixes[0].preferred, true);
  assert.equal(applyFix(text, findings[0]), entry('arXiv 2022', '2210.11416'));
});

test('year-arxiv-mismatch: reads old-style ids from the 1990s and the 2000s', () => {
  const nineties = entry('arXiv 2001', 'hep-th/9901001');
  assert.equal(lint(nineties, code)[0].message, 'Year 2001 does not match arXiv hep-th/9901001, which dates from 1999; expected 1999.');
  assert.equal(applyFix(nineties, lint(nineties, code)[0]), entry('arXiv 1999', 'hep-th/9901001'));
  assert.match(lint(entry('arXiv 2004', 'math.GT/0309136'), code)[0].message, /dates from 2003; expected 2003\.$/);
});

test('year-arxiv-mismatch: knows arXiv by other names', () => {
  assert.equal(lint(entry('arXiv preprint 2021', '2210.11416'), code).length, 1);
  assert.equal(lint(entry('ArXiv e-prints, 2021', '2210.11416'), code).length, 1);
  assert.equal(lint(entry('CoRR 2021', '2210.11416'), code).length, 1);
  assert.equal(lint(entry('corr abs/2210.11416, 2021', '2210.11416'), code).length, 1);
});

test('year-arxiv-mismatch: reports exactly the two mismatches of the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [18, 117]);
  assert.deepEqual(findings.map((finding) => finding.message), [
    'Year 2021 does not match arXiv 2210.11416, which dates from 2022; expected 2022.',
    'Year 2022 does not match arXiv 2109.07958, which dates from 2021; expected 2021.',
  ]);
});

test('year-arxiv-mismatch: fixing the reference list twice changes nothing the second time', () => {
  const rules = [yearArxivMismatchRule];
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const fixed = fixText(text, { rules });
  assert.ok(fixed.includes('*Chung et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2210.11416.pdf'));
  assert.ok(fixed.includes('*Lin et al.* arXiv 2021. [[Paper](https://arxiv.org/pdf/2109.07958.pdf)]'));
  assert.deepEqual(lint(fixed, code), []);
  assert.equal(fixText(fixed, { rules }), fixed);
});

test('year-arxiv-mismatch: never rewrites digits of an id that were read as the year', () => {
  const text = '1. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv:2210.11416. [[Paper](https://arxiv.org/pdf/2210.11416.pdf)]\n';
  assert.deepEqual(lint(text, code), []);
  const older = '1. **Learning norms from stories**. *Nahian et al.* arXiv:1912.03553. [[Paper](https://arxiv.org/pdf/1912.03553.pdf)]\n';
  assert.deepEqual(lint(older, code), []);
});
