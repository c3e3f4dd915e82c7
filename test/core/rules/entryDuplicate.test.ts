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

test('entry-duplicate: one arXiv id under two clearly different titles is a wrong link, reported on both lines and never removed', () => {
  // Reported as a duplicate of the other paper, with "Remove this duplicate" offered.
  const text = [
    '## Alignment',
    '1. **Zephyr: Direct distillation of LM alignment**. *Tunstall et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]',
    '2. **Extending context window of large language models via semantic compression**. *Fei et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2, 3]);
  assert.deepEqual(findings.map((finding) => finding.message), [
    '"Zephyr: Direct distillation of LM alignment" shares arXiv id 2301.00001 with line 3, "Extending context window of large language models via semantic compression"; one of the two links points to the wrong paper.',
    '"Extending context window of large language models via semantic compression" shares arXiv id 2301.00001 with line 2, "Zephyr: Direct distillation of LM alignment"; one of the two links points to the wrong paper.',
  ]);
  assert.deepEqual(findings.map((finding) => finding.fixes), [[], []]);
  assert.equal(fixText(text), text);
});

test('entry-duplicate: a wrong link is found across sections and by DOI too; entry-inconsistent leaves the two papers alone', () => {
  const text = [
    '## Quantization',
    '- **OmniQuant: Omnidirectionally calibrated quantization for large language models**. *Shao et al.* ICLR 2024. [[Paper](https://doi.org/10.1000/xyz)]',
    '## Pruning',
    '- **Rotation and permutation for advanced outlier management**. *Lin et al.* NeurIPS 2024. [[Paper](https://doi.org/10.1000/xyz)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code).map((finding) => finding.message.replace(/ with line.*/, '')), [
    '"OmniQuant: Omnidirectionally calibrated quantization for large language models" shares DOI 10.1000/xyz',
    '"Rotation and permutation for advanced outlier management" shares DOI 10.1000/xyz',
  ]);
  assert.deepEqual(lint(text, 'entry-inconsistent'), []);
});

test('entry-duplicate: a short name and the full title, or titles a word apart, are one paper', () => {
  const text = [
    '## Parallelism',
    '- **Ring Attention**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2310.01889)]',
    '- **Ring attention with blockwise transformers for near-infinite context**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2310.01889)]',
    '- **Striped attention: faster ring attention for causal transformers**. *Brandon et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2311.09431)]',
    '- **Striped attention: faster ring attention for causal transformer models**. *Brandon et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2311.09431)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3, 5]);
  assert.ok(findings.every((finding) => finding.message.includes('is already listed') && finding.fixes[0].title === 'Remove this duplicate'));
});

test('entry-duplicate: a title that is only a venue tag names no paper', () => {
  // A reader that took `(**CVPR 2026**)` for the title keyed every paper of a year on it: 489 errors on one list.
  const text = [
    '## 2026',
    '- **CVPR 2026**. PACT: Phase-like transition constraints in adapter-based continual learning. [[paper](https://x.org/1)]',
    '- **CVPR 2026**. Critical patch-aware sparse prompting with decoupled training. [[paper](https://x.org/2)]',
    '- **ICLR2026**. Beyond myopic alignment. [[paper](https://x.org/3)]',
    '- **ICLR2026**. Decouple your discovery and memory. [[paper](https://x.org/4)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-duplicate: every copy of a wrong link is reported, and the paper the id belongs to once', () => {
  const text = [
    '## Reflection',
    '- **FireAct: Toward language agent fine-tuning**. *Chen et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.16291)]',
    '- **Voyager: An open-ended embodied agent with large language models**. *Wang et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.16291)]',
    '## Agents',
    '- **Voyager: An open-ended embodied agent with large language models**. *Wang et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.16291)]',
    '- **FireAct: Toward language agent fine-tuning**. *Chen et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.16291)]',
    '## Embodied',
    '- **Voyager: An open-ended embodied agent with large language models**. *Wang et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.16291)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2, 3, 6]);
  assert.deepEqual(findings.map((finding) => /with line (\d+)/.exec(finding.message)![1]), ['3', '2', '3']);
  assert.deepEqual(lint(text, 'entry-inconsistent'), []);
});
