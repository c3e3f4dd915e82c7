import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { entryPunctuationRule } from '../../../server/src/core/rules/entryPunctuation';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'entry-punctuation';

const outside = [
  '1. **Visual instruction tuning**. *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]',
  '2. **Aligning text-to-image models using human feedback**. *Lee et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2302.12192.pdf)]',
];
const inside = [
  '- **Visual instruction tuning.** *Liu et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]',
  '- **Aligning text-to-image models using human feedback.** *Lee et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2302.12192.pdf)]',
];

function list(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

test('entry-punctuation: ok when every entry has its periods', () => {
  assert.deepEqual(lint(list(...outside), code), []);
  assert.deepEqual(lint(list(...inside), code), []);
});

test('entry-punctuation: ok for a title that ends with "?" or "!"', () => {
  const text = list(...outside, '3. **Is reinforcement learning (not) for NLP?** *Ramamurthy et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2210.01241.pdf)]');
  assert.deepEqual(lint(text, code), []);
});

test('entry-punctuation: never fires on a list where most entries lack the period', () => {
  const text = list(
    '1. **Visual instruction tuning** *Liu et al.* arXiv 2023 [[Paper](https://arxiv.org/pdf/2304.08485.pdf)]',
    '2. **Aligning text-to-image models** *Lee et al.* arXiv 2023 [[Paper](https://arxiv.org/pdf/2302.12192.pdf)]',
    '3. **Llavar: Enhanced visual instruction tuning**. *Zhang et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2306.17107.pdf)]',
  );
  assert.deepEqual(lint(text, code), []);
});

test('entry-punctuation: finds a title without its period and adds one after the closing "**"', () => {
  const text = list(...outside, "3. **Pew Research Center's Global Attitudes Surveys (GAS)** [[URL](https://www.pewresearch.org/)]");
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(
    findings[0].message,
    'Title "Pew Research Center\'s Global Attitudes Surveys (GAS)" has no period after it; expected one after the closing "**", as the list\'s house style has.',
  );
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '**');
  assert.deepEqual({ safe: findings[0].fixes[0].safe, preferred: findings[0].fixes[0].preferred }, { safe: true, preferred: true });
  assert.equal(applyFix(text, findings[0]), list(...outside, "3. **Pew Research Center's Global Attitudes Surveys (GAS)**. [[URL](https://www.pewresearch.org/)]"));
});

test('entry-punctuation: adds the period inside the bold when most entries have it there', () => {
  const text = list(...inside, '- **Llavar: Enhanced visual instruction tuning** *Zhang et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2306.17107.pdf)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.match(findings[0].message, /expected one before the closing "\*\*"/);
  assert.equal(applyFix(text, findings[0]), list(...inside, '- **Llavar: Enhanced visual instruction tuning.** *Zhang et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2306.17107.pdf)]'));
});

test('entry-punctuation: finds a year without its period and adds one', () => {
  const text = list(...outside, '3. **Stanford alpaca: An instruction-following llama model**. *Taori et al.* 2023 [[Blog](https://crfm.stanford.edu/2023/03/13/alpaca.html)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(findings[0].message, 'Year 2023 has no period after it; expected "2023.", as the list\'s house style has.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '2023');
  assert.equal(
    applyFix(text, findings[0]),
    list(...outside, '3. **Stanford alpaca: An instruction-following llama model**. *Taori et al.* 2023. [[Blog](https://crfm.stanford.edu/2023/03/13/alpaca.html)]'),
  );
});

test('entry-punctuation: other punctuation after the title or the year is a style, not a missing period', () => {
  const text = list(
    ...outside,
    '3. **Llavar: Enhanced visual instruction tuning**, *Zhang et al.* arXiv 2023, Oral [[Paper](https://arxiv.org/pdf/2306.17107.pdf)]',
    '4. **Baize: An open-source chat model**: *Xu et al.* (arXiv 2023) [[Paper](https://arxiv.org/pdf/2304.01196.pdf)]',
  );
  assert.deepEqual(lint(text, code), []);
});

test('entry-punctuation: reports exactly the Stanford alpaca year and the Pew title on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [21, 172]);
  assert.match(findings[0].message, /^Year 2023 has no period after it/);
  assert.match(findings[1].message, /^Title "Pew Researcj Center's Global Attitudes Surveys \(GAS\)" has no period after it/);
});

test('entry-punctuation: fixing the reference list twice changes nothing the second time', () => {
  const rules = [entryPunctuationRule];
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const fixed = fixText(text, { rules });
  assert.ok(fixed.includes('*Taori et al.* 2023. [[Blog]'));
  assert.ok(fixed.includes('Surveys (GAS)**. [[URL]'));
  assert.equal(fixed.length, text.length + 2);
  assert.equal(fixText(fixed, { rules }), fixed);
});
