import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { houseStyleRule } from '../../../server/src/core/rules/houseStyle';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'house-style';
const only = { rules: [houseStyleRule] };

const head = [
  '# Papers',
  '',
  '1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](https://a.org/1)][[Data](https://a.org/2)]',
  '2. **Beta**. *Li et al.* arXiv 2023. [[Paper](https://a.org/3)][[Code](https://a.org/4)]',
  '3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://a.org/5)][[Code](https://a.org/6)]',
].join('\n');
const withEntry = (entry: string) => `${head}\n${entry}\n`;

test('house-style: ok for an entry written like the rest of the list', () => {
  assert.deepEqual(lint(withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)][[Leaderboard](https://y.org)][[URL](https://z.org)]'), code), []);
});

test('house-style: a label in another case takes the list\'s spelling', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [[paper](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'Link label "paper" is spelt "Paper" elsewhere in this list; expected "Paper".');
  assert.deepEqual([findings[0].fixes[0].safe, findings[0].fixes[0].preferred], [true, true]);
  assert.equal(applyFix(text, findings[0]), withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)]'));
});

test('house-style: the spelling the list uses most wins over the built-in one', () => {
  const text = [
    '1. **A.** AAAI 2020. [paper](https://a.org/1) [code](https://a.org/2)',
    '1. **B.** AAAI 2020. [paper](https://a.org/3) [Paper](https://a.org/4)',
    '1. **C.** AAAI 2020. [paper](https://a.org/5) [book](https://a.org/6)',
    '',
  ].join('\n');
  assert.deepEqual(lines(text, lint(text, code)), [2]);
  assert.equal(fixText(text, only), text.replace('[Paper]', '[paper]'));
});

test('house-style: a misspelt label is left to link-label', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [[Cdoe](https://x.org)]');
  assert.deepEqual(lint(text, code), []);
  assert.deepEqual(lines(text, lint(text, 'link-label')), [6]);
});

test('house-style: an unknown label is named, without a fix', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [[Recording](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'Link label "Recording" is not one of the list\'s labels; expected one such as "Paper", "Code", "Data" or "PDF".');
  assert.deepEqual(findings[0].fixes, []);
});

test('house-style: labels in the author\'s own words and labels that name a venue get no finding', () => {
  // Each of these was reported as "not one of the list's labels", or had its case changed.
  for (const label of ['official code - pytorch', 'Demo Video', 'project page', 'Offical WebSite', 'NeurIPS 2023', 'EMNLP 2024 findings', 'ECCVW', 'SIGGRAPH']) {
    const text = withEntry(`4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)][[${label}](https://y.org)]`);
    assert.deepEqual(lint(text, code), [], label);
  }
  // A list that writes its labels in lower case leaves a venue's capitals alone.
  const lower = [
    '- **A.** *Li et al.* arXiv 2023. [[paper](https://a.org/1)] [[code](https://a.org/2)]',
    '- **B.** *Wu et al.* arXiv 2023. [[paper](https://a.org/3)] [[code](https://a.org/4)]',
    '- **C.** *Xu et al.* arXiv 2023. [[paper](https://a.org/5)] [[CVPR](https://a.org/6)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(lower, code), []);
});

test('house-style: the labels an unknown label\'s message suggests are no venues', () => {
  const text = [
    '- **A.** [[CVPR](https://a.org/1)] [[code](https://a.org/2)]',
    '- **B.** [[CVPR](https://a.org/3)] [[code](https://a.org/4)]',
    '- **C.** [[CVPR](https://a.org/5)] [[code](https://a.org/6)] [[torch](https://a.org/7)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code).map((finding) => finding.message), [
    'Link label "torch" is not one of the list\'s labels; expected one such as "code", "Paper", "PDF" or "Data".',
  ]);
});

test('house-style: labels from the config and labels the list uses three times are known', () => {
  const text = withEntry(
    '4. **Delta**. *Xu et al.* 2023. [[Source](https://x.org/1)][[Source](https://x.org/2)][[Source](https://x.org/3)][[OpenReview](https://x.org/4)]',
  );
  assert.deepEqual(lint(text, code, { config: { linkLabels: ['OpenReview'] } }), []);
  assert.deepEqual(lines(text, lint(text, code)), [6]);
});

test('house-style: brackets and emphasis around the label are not part of it', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper]](https://x.org) [[**paper**](https://y.org)]');
  const findings = lint(text, code).filter((finding) => finding.message.startsWith('Link label'));
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(applyFix(text, findings[0]), withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper]](https://x.org) [[**Paper**](https://y.org)]'));
});

test('house-style: a bare link in a list of bracketed links gets its brackets', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [Paper](https://x.org)[[Code](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'Link "Paper" has no brackets around it; expected "[[Paper](…)]", as the list\'s house style has.');
  assert.equal(fixText(text, only), withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)][[Code](https://y.org)]'));
});

test('house-style: a bracketed link in a list of bare links loses its brackets', () => {
  const text = [
    '1. **A.** AAAI 2020. [paper](https://a.org/1) [code](https://a.org/2)',
    '1. **B.** AAAI 2020. [paper](https://a.org/3)',
    '1. **C.** AAAI 2020. [paper](https://a.org/5)',
    '1. **D.** AAAI 2020. [[paper](https://a.org/7)]',
    '',
  ].join('\n');
  assert.deepEqual(lines(text, lint(text, code)), [4]);
  assert.equal(fixText(text, only), text.replace('[[paper](https://a.org/7)]', '[paper](https://a.org/7)'));
});

test('house-style: the separator between links follows the list', () => {
  const text = withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)] [[Code](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'Links "Paper" and "Code" have a space between them; expected nothing, as the list\'s house style has.');
  assert.equal(fixText(text, only), withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)][[Code](https://y.org)]'));
});

test('house-style: the period after the authors moves to where the list puts it', () => {
  const text = withEntry('4. **Delta**. *Xu et al*. 2023. [[Paper](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6]);
  assert.equal(findings[0].message, 'The period after the authors stands outside the italics; expected it inside, as "*Wang et al.*" in the list\'s house style.');
  const fixed = fixText(text, only);
  assert.equal(fixed, withEntry('4. **Delta**. *Xu et al.* 2023. [[Paper](https://x.org)]'));
  assert.equal(fixText(fixed, only), fixed);
});

test('house-style: a habit fewer than three in four entries share is not enforced', () => {
  const text = [
    '1. **A**. *Wang et al.* arXiv 2022. [[Paper](https://a.org/1)]',
    '2. **B**. *Li et al*. arXiv 2023. [[Paper](https://a.org/3)]',
    '3. **C**. *Xu et al.* arXiv 2023. [[Paper](https://a.org/5)]',
    '4. **D**. *Wu et al*. arXiv 2023. [[Paper](https://a.org/7)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
  // Pinned in the config, the habit holds even so.
  const pinned = lint(text, code, { config: { houseStyle: { authorsPeriod: 'inside' } } });
  assert.deepEqual(lines(text, pinned), [2, 4]);
});

test('house-style: the extra real lists get only info findings for their own habits', () => {
  for (const name of ['thunlp-gnnpapers', 'woooodyy-llm-agent-paper-list']) {
    const text = readFileSync(`test/fixtures/${name}.md`, 'utf8');
    const findings = lint(text, code);
    assert.ok(findings.every((finding) => finding.severity === 'info'));
    assert.ok(findings.length <= 15, `${name}: ${findings.length} findings`);
  }
});

test('house-style: a label in another case than the house writes its labels takes that case', () => {
  const text = [
    '- [2023/10] **A.** *Li et al. arXiv.* [[paper](https://a.org/1)] [[code](https://a.org/2)]',
    '- [2023/09] **B.** *Wu et al. arXiv.* [[paper](https://a.org/3)] [[dataset](https://a.org/4)]',
    '- [2023/08] **C.** *Xu et al. arXiv.* [[paper](https://a.org/5)] [[Demo](https://a.org/6)] [[PDF](https://a.org/7)]',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(findings.map((finding) => finding.message), ['Link label "Demo" is not in lower case as the list\'s house style has; expected "demo".']);
  assert.equal(fixText(text, only), text.replace('[Demo]', '[demo]'));
  // Pinned to capitals, every lower-case label is flagged; "PDF" keeps its own spelling.
  const pinned = lint(text, code, { config: { houseStyle: { labelCase: 'capitalized' } } });
  assert.equal(pinned.filter((finding) => finding.message.includes('does not start with a capital')).length, 5);
});

test('house-style: titles take the quotes of the house, or lose them', () => {
  const quoted = [
    '1. **"Alpha"**. *Li et al*. arXiv 2020. [[Paper](https://a.org/1)]',
    '2. **"Beta"**. *Wu et al*. arXiv 2021. [[Paper](https://a.org/2)]',
    '3. **\u201cGamma\u201d**. *Xu et al*. arXiv 2022. [[Paper](https://a.org/3)]',
    '4. **Delta**. *Yu et al*. arXiv 2023. [[Paper](https://a.org/4)]',
    '',
  ].join('\n');
  const findings = lint(quoted, code);
  assert.deepEqual(lines(quoted, findings), [4]);
  assert.equal(findings[0].message, 'Title "Delta" stands without quotes; expected "**"Delta"**", as the list\'s house style has.');
  const fixed = fixText(quoted, only);
  assert.equal(fixed, quoted.replace('**Delta**', '**"Delta"**'));
  assert.equal(fixText(fixed, only), fixed);
  const plain = quoted.replace(/\*\*"(\w+)"\*\*/g, '**$1**').replace('**Delta**', '**Delta**').replace('**\u201cGamma\u201d**', '**Gamma**').replace('**Alpha**', '**"Alpha"**');
  assert.deepEqual(lines(plain, lint(plain, code)), [1]);
  assert.equal(fixText(plain, only), plain.replace('**"Alpha"**', '**Alpha**'));
});
