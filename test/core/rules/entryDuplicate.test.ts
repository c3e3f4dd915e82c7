import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'entry-duplicate';

test('entry-duplicate: ok when each section lists a paper once', () => {
  const text = [
    '## Human Instructions',
    '1. **Self-instruct: Aligning language models with self-generated instructions**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]',
    '2. **Unnatural instructions**. *Honovich et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.09689.pdf)]',
    '## Benchmarks',
    '1. **Self-instruct: Aligning language models with self-generated instructions**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2212.10560.pdf)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-duplicate: a paper in a section and in its subsection is a cross-listing', () => {
  const text = [
    '## Human Preferences',
    '- **Learning to summarize with human feedback**. *Stiennon et al.* Neurips 2020. [[Paper](https://x.org/a)]',
    '### Human Feedback',
    '- **Learning to summarize with human feedback**. *Stiennon et al.* Neurips 2020. [[Paper](https://x.org/a)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-duplicate: reports the later copy of the same arXiv paper and removes it with its line break', () => {
  const text = [
    '## Benchmarks',
    '1. **Beyond the imitation game**. *Srivastava et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2206.04615.pdf)]',
    '2. **Holistic evaluation of language models**. *Liang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2211.09110)]',
    '3. **Beyond the Imitation Game: Quantifying capabilities**. *Srivastava et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2206.04615)]',
    '4. **Measuring massive multitask language understanding**. *Hendrycks et al.* ICLR 2021. [[Paper](https://arxiv.org/abs/2009.03300)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(
    findings[0].message,
    '"Beyond the Imitation Game: Quantifying capabilities" is already listed on line 2 in section "Benchmarks"; expected each paper once per section.',
  );
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '**Beyond the Imitation Game: Quantifying capabilities**');
  assert.equal(findings[0].related?.[0].message, 'First listed here');
  assert.equal(text.slice(findings[0].related![0].span.start, findings[0].related![0].span.end), '**Beyond the imitation game**');
  assert.equal(findings[0].fixes[0].title, 'Remove this duplicate');
  assert.equal(findings[0].fixes[0].safe, false);
  assert.equal(
    applyFix(text, findings[0]),
    [
      '## Benchmarks',
      '1. **Beyond the imitation game**. *Srivastava et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2206.04615.pdf)]',
      '2. **Holistic evaluation of language models**. *Liang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2211.09110)]',
      '4. **Measuring massive multitask language understanding**. *Hendrycks et al.* ICLR 2021. [[Paper](https://arxiv.org/abs/2009.03300)]',
      '',
    ].join('\n'),
  );
  // Unsafe: fix-all leaves the duplicate alone.
  assert.equal(fixText(text).includes('Quantifying capabilities'), true);
});

test('entry-duplicate: matches by title without links, and every later copy points at the first', () => {
  const text = '# Papers\n\n- **A Survey of Large Language Models**. *Zhao et al.* 2023.\n- **A survey of large language models.** *Zhao et al.* 2023.\n- **A Survey of Large-Language Models**. *Zhao et al.* 2023.\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4, 5]);
  for (const finding of findings) assert.equal(finding.related?.[0].span.start, text.indexOf('**A Survey of Large Language'));
});

test('entry-duplicate: the last item of a document loses the line break before it', () => {
  const text = '## A\n- **Paper one**. *X et al.* 2020.\n- **Paper two**. *Y et al.* 2021.\n- **Paper one**. *X et al.* 2020.';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(applyFix(text, findings[0]), '## A\n- **Paper one**. *X et al.* 2020.\n- **Paper two**. *Y et al.* 2021.');
});

test('entry-duplicate: in a loose list and with CRLF, no blank line is left behind', () => {
  const text = '## A\r\n\r\n- **Paper one**. *X et al.* 2020.\r\n\r\n- **Paper one**. *X et al.* 2020.\r\n\r\n- **Paper two**. *Y et al.* 2021.\r\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(applyFix(text, findings[0]), '## A\r\n\r\n- **Paper one**. *X et al.* 2020.\r\n\r\n- **Paper two**. *Y et al.* 2021.\r\n');
});

test('entry-duplicate: the removed item takes its nested items along', () => {
  const text = '## A\n1. **Paper one**. *X et al.* 2020.\n2. **Paper one**. *X et al.* 2020.\n   - Code: [repo](https://github.com/x/y)\n3. **Paper two**. *Y et al.* 2021.\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(applyFix(text, findings[0]), '## A\n1. **Paper one**. *X et al.* 2020.\n3. **Paper two**. *Y et al.* 2021.\n');
});

test('entry-duplicate: the reference list lists no paper twice in one section', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});
