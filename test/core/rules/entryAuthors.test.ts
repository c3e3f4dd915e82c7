import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'entry-authors';

test('entry-authors: ok for an entry with authors in italics', () => {
  assert.deepEqual(lint('1. **Visual instruction tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n', code), []);
  assert.deepEqual(lint('1. **Visual instruction tuning**. _Liu et al._ arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n', code), []);
});

test('entry-authors: ok for resources that are only a title and links', () => {
  const text = [
    '3. **World Values Survey Wave 7 (2017-2022)**. [[URL](https://www.worldvaluessurvey.org/WVSDocumentationWV7.jsp)]',
    '4. **European Values Study**. [[URL](https://europeanvaluesstudy.eu/)]',
    "5. **Pew Researcj Center's Global Attitudes Surveys (GAS)** [[URL](https://www.pewresearch.org/)]",
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-authors: ok for authors on a line of their own under the title', () => {
  const text = '1. **Graph Neural Networks: A Review.** AI Open 2020. [paper](https://doi.org/10.1016/j.aiopen.2021.01.001)\n\n    *Jie Zhou, Ganqu Cui.* \n';
  assert.deepEqual(lint(text, code), []);
});

test('entry-authors: ok for an entry without a title, which entry-title reports', () => {
  assert.deepEqual(lint('1. Visual instruction tuning. arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n', code), []);
});

/** Nine entries with authors in italics, the house the entry under test stands in, on line 10. */
const italicHouse = Array.from({ length: 9 }, (_, i) => `${i + 1}. **Paper number ${i + 1}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${i})]\n`).join('');

test('entry-authors: finds an entry with a venue and year but no authors, in a list that gives authors', () => {
  const text = `${italicHouse}10. **Visual instruction tuning**. arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n`;
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [10]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '**Visual instruction tuning**');
  assert.equal(findings[0].message, 'Entry "Visual instruction tuning" has no authors; expected them after the title, as the list\'s other entries have them.');
  assert.deepEqual(findings[0].fixes, []);
});

test('entry-authors: says so when the authors stand in plain text in a list that writes them in italics', () => {
  const text = `${italicHouse}10. **Visual instruction tuning**. Liu et al. arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n`;
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [10]);
  assert.equal(findings[0].message, 'Entry "Visual instruction tuning" has its authors in plain text; expected them in italics, as *Wang et al.*, as the list\'s other entries have them.');
});

test('entry-authors: ok for entries without authors in a list that never gives them', () => {
  const text = Array.from({ length: 6 }, (_, i) => `- **[ICLR 2024]** Paper number ${i}. [[Paper]](https://arxiv.org/abs/2401.0000${i})\n`).join('');
  assert.deepEqual(lint(text, code), []);
});

test('entry-authors: reads plain authors in any form', () => {
  for (const authors of ['D. Kingma and J. Ba', 'Xin Li & Yu Wang', 'Liang Zhang*, Bo Li, Rémi Monasson']) {
    const text = `${italicHouse}10. **Adam: A method**, ${authors}. ICLR 2015. [[Paper](https://arxiv.org/abs/1412.6980)]\n`;
    assert.deepEqual(lint(text, code).map((finding) => finding.message.includes('plain text')), [true], authors);
  }
});

test('entry-authors: no finding on the reference list, the surveys and studies included', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});
