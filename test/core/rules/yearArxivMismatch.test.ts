import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { yearArxivMismatchRule } from '../../../server/src/core/rules/yearArxivMismatch';
import { defaultConfig, parseList, type Report } from '../../../server/src/core/index';
import { applyFix, fixText, lint, lines, testYear } from '../../helpers';

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

test('year-arxiv-mismatch: the year of another venue after arXiv is that venue\'s, and stays', () => {
  // "arXiv. EMNLP 2024 findings" became "EMNLP 2023 findings", and "arXiv [NeurIPS 2023]" became "NeurIPS 2024".
  const findings = entry('arXiv. EMNLP 2024 findings', '2309.16639');
  assert.deepEqual(lint(findings, code), []);
  assert.equal(fixText(findings), fixText(findings).replace('2023 findings', '2024 findings'));
  assert.ok(fixText(findings).includes('EMNLP 2024'));
  const tagged = entry('arXiv [NeurIPS 2023]', '2404.16641');
  assert.deepEqual(lint(tagged, code), []);
  assert.ok(fixText(tagged).includes('[NeurIPS 2023]'));
});

test('year-arxiv-mismatch: a venue that runs on into the authors\' line is not arXiv alone', () => {
  // "arxiv, 2024⏎Zhang, …, CVPR, 2025" had CVPR's 2025 turned into 2024.
  const text = [
    '# Papers',
    '',
    '* **GREAT: Geometry-intention collaborative inference**, arxiv  ',
    'Yawen Shao, Wei Zhai, CVPR, 2025  ',
    '[[page]](https://arxiv.org/pdf/2411.19626)',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
  assert.ok(fixText(text).includes('CVPR, 2025'));
});

test('year-arxiv-mismatch: a year read from a link\'s label is the label\'s, not the entry\'s', () => {
  // A reader that takes "[NeurIPS 2023](…)" for venue and year must not get the label rewritten.
  const text = '1. **TinyChart: Efficient chart understanding**. *Zhang et al.* arXiv [NeurIPS 2023](https://arxiv.org/pdf/2404.16635)\n';
  const list = parseList(text);
  const [first] = list.entries;
  const start = text.indexOf('2023');
  first.year = { text: '2023', value: 2023, start, end: start + 4 };
  first.venue = { text: 'arXiv', start: text.indexOf('arXiv'), end: text.indexOf('arXiv') + 5 };
  const reports: Report[] = [];
  yearArxivMismatchRule.check({ list, entries: list.entries, config: defaultConfig, host: {}, currentYear: testYear, report: (report) => reports.push(report) });
  assert.deepEqual(reports, []);
});

test('year-arxiv-mismatch: its safe fix declares the one change of meaning it makes', () => {
  assert.equal(lint(entry('arXiv 2021', '2210.11416'), code)[0].fixes[0].changesMeaning, 'arxiv-year');
  // arXiv with a month, "preprint" or "e-prints" is arXiv alone.
  assert.equal(lint(entry('arXiv, May 2021', '2210.11416'), code).length, 1);
  assert.equal(lint(entry('arXiv preprint arXiv:2210.11416, 2021', '2210.11416'), code).length, 1);
});

test('year-arxiv-mismatch: an entry that names arXiv ids of two years gets its fix offered, not applied', () => {
  // A link nested in another names two papers; the year may well be the other one's.
  const text = '- SEED: Accelerating reasoning tree construction, <ins>arXiv, 2024</ins> [[Paper]([https://arxiv.org/abs/2304.04487](https://arxiv.org/pdf/2406.18200))]\n';
  const findings = lint(text, code);
  assert.deepEqual(findings.map((finding) => finding.fixes.map((fix) => fix.safe)), [[false]]);
  assert.ok(fixText(text).includes('arXiv, 2024'));
});
