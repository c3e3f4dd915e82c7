import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyFix, lint, lines } from '../../helpers';

const code = 'entry-inconsistent';

test('entry-inconsistent: ok when every copy agrees, whatever its links', () => {
  const text = [
    '## HHH',
    '3. **Training a helpful and harmless assistant with reinforcement learning from human feedback**. *Bai et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2204.05862.pdf)][[Data](https://github.com/anthropics/hh-rlhf)]',
    '## Reward Model',
    '2. **Training a helpful and harmless assistant with reinforcement learning from human feedback**. *Bai et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2204.05862.pdf)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('entry-inconsistent: a line break inside a field renders as a space and is no difference', () => {
  const text = '## A\n- **Constitutional ai: Harmlessness from ai feedback**. *Bai et al.* arXiv 2022.\n## B\n- **Constitutional ai: Harmlessness\n  from ai feedback**. *Bai et al.* arXiv 2022.\n';
  assert.deepEqual(lint(text, code), []);
});

test('entry-inconsistent: with no majority the later copy is reported, titles compared as written', () => {
  const text = [
    '### Human Instructions',
    '12. **Vicuna: An open-source chatbot impressing gpt-4 with 90\\% chatgpt quality**. *Chiang et al.* 2023. [[Paper](https://lmsys.org/blog/2023-03-30-vicuna/)]',
    '#### Automatic Chatbot Arenas',
    '3. **Vicuna: An open-source chatbot impressing gpt-4 with 90\\%* chatgpt quality**. *Chiang et al.* 2023. [[Paper](https://lmsys.org/blog/2023-03-30-vicuna/)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(findings[0].message, 'Title differs from the copy on line 2: "…90\\%* chatgpt quality" here, "…90\\% chatgpt quality" there.');
  assert.deepEqual(
    findings[0].related?.map((related) => [text.slice(related.span.start, related.span.start + 9), related.message]),
    [['**Vicuna:', 'Another copy, in section Human Instructions']],
  );
  assert.equal(findings[0].fixes.length, 1);
  assert.equal(findings[0].fixes[0].title, 'Make this entry match line 2');
  assert.equal(findings[0].fixes[0].safe, false);
  const fixed = applyFix(text, findings[0]);
  assert.equal(fixed, text.replace('90\\%* chatgpt', '90\\% chatgpt'));
  assert.deepEqual(lint(fixed, code), []);
});

test('entry-inconsistent: the majority is right; each differing field is named and fixed', () => {
  const text = [
    '## A',
    '- **Webgpt: Browser-assisted question-answering with human feedback**. *Nakano et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2112.09332)]',
    '## B',
    '- **WebGPT: Browser assisted question-answering with human feedback**. *Nakano et al.* 2022. [[Paper](https://arxiv.org/pdf/2112.09332.pdf)]',
    '## C',
    '- **Webgpt: Browser-assisted question-answering with human feedback**. *Nakano et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2112.09332v3)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(
    findings[0].message,
    // A long common end is elided too.
    'Title differs from the copy on line 2: "WebGPT: Browser assisted…" here, "Webgpt: Browser-assisted…" there.' +
      ' Venue differs from the copy on line 2: none here, "arXiv" there. Year differs from the copy on line 2: "2022" here, "2021" there.',
  );
  assert.deepEqual(
    findings[0].related?.map((related) => related.message),
    ['Another copy, in section A', 'Another copy, in section C'],
  );
  assert.deepEqual(
    findings[0].fixes.map((fix) => fix.title),
    ['Make this entry match line 2', 'Make this entry match line 6'],
  );
  // The venue is absent here, so the fix changes the title and the year and leaves the venue to the author.
  // Case alone is no difference; the hyphen is.
  assert.equal(
    applyFix(text, findings[0]),
    text.replace('**WebGPT: Browser assisted question-answering with human feedback**. *Nakano et al.* 2022.', '**Webgpt: Browser-assisted question-answering with human feedback**. *Nakano et al.* 2021.'),
  );
});

test('entry-inconsistent: authors and venue as text', () => {
  const text = '## A\n- **Llama 2: Open foundation and fine-tuned chat models**. *Touvron et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2307.09288)]\n## B\n- **Llama 2: Open foundation and fine-tuned chat models**. *Hugo Touvron et al.* Meta 2023. [[Paper](https://arxiv.org/abs/2307.09288)]\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [4]);
  assert.equal(
    findings[0].message,
    'Authors differ from the copy on line 2: "Hugo Touvron et al." here, "Touvron et al." there. Venue differs from the copy on line 2: "Meta" here, "arXiv" there.',
  );
  assert.equal(applyFix(text, findings[0]), text.replace('*Hugo Touvron et al.* Meta', '*Touvron et al.* arXiv'));
});

test('entry-inconsistent: a second copy in the same section is left to entry-duplicate', () => {
  const text = '## A\n- **Paper one**. *X et al.* 2020.\n- **Paper one**. *X et al.* 2021.\n';
  assert.deepEqual(lint(text, code), []);
  assert.deepEqual(lines(text, lint(text, 'entry-duplicate')), [3]);
});

test('entry-inconsistent: the reference list has one inconsistent copy, Vicuna on line 112', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [112]);
  assert.equal(findings[0].message, 'Title differs from the copy on line 22: "…90\\%* chatgpt quality" here, "…90\\% chatgpt quality" there.');
  // The five copies of the Bai et al. paper (lines 58, 81, 139, 146, 161) differ only in their links.
  assert.equal(findings.some((finding) => /helpful and harmless/.test(finding.message)), false);
});

test('entry-inconsistent: copies that differ only in case, quotes, affiliations, initials or a period agree', () => {
  const text = [
    '## A',
    '- [2023/05] **"Interactive Language: Talking to Robots in Real Time."** *Corey Lynch (Google) et al. arXiv.* [[paper](https://arxiv.org/abs/2210.06407)]',
    '## B',
    '- [2023/05] **Interactive language: talking to robots in real time.** *Corey J. Lynch et al. Arxiv.* [[paper](https://arxiv.org/abs/2210.06407)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});
