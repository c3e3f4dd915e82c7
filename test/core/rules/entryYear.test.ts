import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'entry-year';

function entry(tail: string): string {
  return `1. **Visual instruction tuning**. *Liu et al.* ${tail} [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n`;
}

test('entry-year: ok for a plausible four-digit year, next year included', () => {
  assert.deepEqual(lint(entry('arXiv 2023.'), code), []);
  assert.deepEqual(lint(entry('The nature of human values. 1967.'), code), []);
  // The tests pretend it is 2026, so 2027 proceedings are fine.
  assert.deepEqual(lint(entry('NeurIPS 2027.'), code), []);
});

test('entry-year: ok for resources that are only a title and links', () => {
  const text = '4. **European Values Study**. [[URL](https://europeanvaluesstudy.eu/)]\n5. **Pew Global Attitudes Surveys (GAS)** [[URL](https://www.pewresearch.org/)]\n';
  assert.deepEqual(lint(text, code), []);
});

test('entry-year: ok for a list that dates each entry before its title', () => {
  assert.deepEqual(lint('- [2023/10] **Towards End-to-End Embodied Decision Making** *Liang Chen et al. arXiv.* [[paper](https://arxiv.org/abs/2310.02071)]\n', code), []);
});

test('entry-year: finds an entry without a year in a list that gives years', () => {
  const house = Array.from({ length: 9 }, (_, i) => entry(`arXiv 201${i}.`)).join('');
  const text = house + entry('arXiv.');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [10]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'arXiv');
  assert.equal(findings[0].message, 'Entry "Visual instruction tuning" has no year; expected a four-digit year after the venue, as "arXiv 2023".');
});

test('entry-year: ok for entries without a year in a list that never gives one', () => {
  assert.deepEqual(lint(entry('Preprint.').repeat(6), code), []);
});

test('entry-year: finds a number that is not a four-digit year', () => {
  const text = entry('EMNLP 18.');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '18');
  assert.equal(findings[0].message, 'Year "18" of "Visual instruction tuning" is not a four-digit year; expected a year from 1800 to 2027.');
});

test('entry-year: finds a year that is too early or in the future', () => {
  const early = lint(entry('arXiv 1023.'), code);
  assert.equal(early[0].message, 'Year 1023 of "Visual instruction tuning" is too early; expected a year from 1800 to 2027.');
  const future = lint(entry('arXiv 2092.'), code);
  assert.equal(future[0].message, 'Year 2092 of "Visual instruction tuning" is in the future; expected a year from 1800 to 2027.');
  assert.equal(lint(entry('arXiv 2092.'), code, { currentYear: 2091 }).length, 0);
});

test('entry-year: no finding on the reference list, the surveys and studies included', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('entry-year: a two-digit year is a year, and a deviation only where the list writes four digits', () => {
  const fourDigits = Array.from({ length: 6 }, (_, i) => entry(`ICML 201${i}.`)).join('');
  const text = fourDigits + entry("IVA '20.");
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7]);
  assert.equal(findings[0].message, 'Year "\'20" of "Visual instruction tuning" has two digits; expected 2020, as the list\'s other entries write their years.');
  assert.deepEqual(lint(Array.from({ length: 6 }, (_, i) => entry(`ACL'1${i}.`)).join(''), code), []);
});

test('entry-year: page numbers after the year are not the year', () => {
  const house = Array.from({ length: 6 }, (_, i) => entry(`ICML 201${i}.`)).join('');
  const text = house + '7. **So-slam: Semantic object slam**. *Liu et al.* IEEE RA-L 7. 2(2022): 4008–4015. [[Paper](https://x.org/a)]\n';
  assert.deepEqual(lint(text, code), []);
});
