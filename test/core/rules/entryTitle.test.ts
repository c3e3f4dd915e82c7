import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'entry-title';

function spanText(text: string, finding: { span: { start: number; end: number } }): string {
  return text.slice(finding.span.start, finding.span.end);
}

test('entry-title: ok for a bold title, with or without a period', () => {
  const text = [
    '1. **Self-instruct: Aligning language models**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]',
    '2. **Visual instruction tuning.** *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]',
    '3. **World Values Survey Wave 7 (2017-2022)**. [[URL](https://www.worldvaluessurvey.org/)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-title: ok for a resource that is only a label and links', () => {
  const text = '1. <u>Wikipedia</u>: [[Source](https://dumps.wikimedia.org/)]\n2. <u>BigQuery</u>:  [[Source](https://cloud.google.com/bigquery)]\n';
  assert.deepEqual(lint(text, code), []);
});

/** Nine entries with bold titles, the house the entry under test stands in, on line 10. */
const boldHouse = Array.from({ length: 9 }, (_, i) => `${i + 1}. **Paper number ${i + 1}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${i})]\n`).join('');

test('entry-title: finds a paper without a bold title in a list of bold titles', () => {
  const text = `${boldHouse}10. Self-instruct: Aligning language models. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]\n`;
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [10]);
  assert.equal(spanText(text, findings[0]), 'Self-instruct: Aligning language models');
  assert.equal(findings[0].message, 'Title "Self-instruct: Aligning language models" is not in bold; expected **Title**, as the list\'s other entries have it.');
  assert.deepEqual(findings[0].fixes, []);
});

test('entry-title: ok for plain titles in a list that writes no title in bold', () => {
  const text = Array.from({ length: 6 }, (_, i) => `- Paper number ${i + 1}. In *ICML 2022*. [[pdf](https://arxiv.org/pdf/2105.0955${i}.pdf)]\n`).join('');
  assert.deepEqual(lint(text, code), []);
});

test('entry-title: finds a title whose "**" is never closed', () => {
  const text = '- **Self-instruct: Aligning language models. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.start + 2), '**');
  assert.equal(
    findings[0].message,
    'Title "**Self-instruct: Aligning language models. *Wang et al.* ar…" opens with "**" that is never closed; expected a closing "**" after the title.',
  );
});

test('entry-title: finds an empty title', () => {
  const text = '1. ****. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(spanText(text, findings[0]), '****');
  assert.equal(findings[0].message, 'Title is empty; expected the paper\'s title between the "**" markers.');
});

test('entry-title: finds a title that a stray "*" keeps from rendering as bold', () => {
  const text = '3. **Vicuna: An open-source chatbot impressing gpt-4 with 90\\%* chatgpt quality**. *Chiang et al.* 2023. [[Paper](https://lmsys.org/blog/2023-03-30-vicuna/)]\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(spanText(text, findings[0]), '**Vicuna: An open-source chatbot impressing gpt-4 with 90\\%* chatgpt quality**');
  assert.equal(
    findings[0].message,
    'Title "Vicuna: An open-source chatbot impressing gpt-4 with 90%* c…" does not render as bold because of a stray "*" inside; expected the "*" escaped as "\\*" or removed.',
  );
});

test('entry-title: finds a title that white space inside the markers keeps from rendering as bold', () => {
  const text = '1. ** Visual instruction tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.match(findings[0].message, /because of white space right inside the "\*\*" markers/);
});

test('entry-title: reports exactly the broken Vicuna title on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), [112]);
});

test('entry-title: stays fast on a very long line', () => {
  const text = `1. ${'2023 '.repeat(200_000)}[[Paper](https://example.org)]\n- **${'*'.repeat(50_000)}\n- ${'['.repeat(50_000)}\n`;
  const started = Date.now();
  lint(text, code);
  assert.ok(Date.now() - started < 5000);
});
