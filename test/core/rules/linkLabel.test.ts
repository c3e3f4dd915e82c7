import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { labelDistance, linkLabelRule } from '../../../server/src/core/rules/linkLabel';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'link-label';
const only = { rules: [linkLabelRule] };

const head = [
  '# Papers',
  '',
  '1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](https://a.org/1)][[Data](https://a.org/2)]',
  '2. **Beta**. *Li et al.* arXiv 2023. [[Paper](https://a.org/3)][[Code](https://a.org/4)]',
].join('\n');
const withEntry = (entry: string) => `${head}\n${entry}\n`;

test('link-label: ok for built-in labels in the list\'s spelling', () => {
  assert.deepEqual(lint(withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)][[Leaderboard](https://y.org)][[URL](https://z.org)]'), code), []);
});

test('link-label: a label in the wrong case takes the list\'s spelling', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[paper](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(findings[0].message, 'Link label "paper" differs in case from the list\'s "Paper"; expected "Paper".');
  assert.deepEqual([findings[0].fixes[0].safe, findings[0].fixes[0].preferred], [true, true]);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)]'));
});

test('link-label: the spelling the list uses most wins over the built-in one', () => {
  const text = [
    '1. **A.** AAAI 2020. [paper](https://a.org/1) [code](https://a.org/2)',
    '1. **B.** AAAI 2020. [paper](https://a.org/3) [Paper](https://a.org/4)',
    '1. **C.** AAAI 2020. [paper](https://a.org/5) [book](https://a.org/6)',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2]);
  assert.equal(fixText(text, only), text.replace('[Paper]', '[paper]'));
});

test('link-label: a near miss one edit away is fixed safely', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Papr](https://x.org)][[Cdoe](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5, 5]);
  assert.equal(findings[0].message, 'Link label "Papr" looks like a misspelling of "Paper"; expected "Paper".');
  assert.equal(findings[1].message, 'Link label "Cdoe" looks like a misspelling of "Code"; expected "Code".');
  assert.equal(fixText(text, only), withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)][[Code](https://y.org)]'));
});

test('link-label: a near miss two edits away has an unsafe fix', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Chekpiont](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.deepEqual([findings[0].fixes[0].safe, findings[0].fixes[0].preferred], [false, true]);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* 2023. [[Checkpoint](https://x.org)]'));
  assert.equal(fixText(text, only), text);
});

test('link-label: a near miss of two labels offers both, neither safe', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[DOI](https://x.org)][[Docz](https://y.org)]');
  const findings = lint(text, code);
  // Two labels of three letters never count as near misses ("DOI" is not "Doc"); "Docz" is one edit from "Doc" and "Docs".
  assert.equal(findings[0].message, 'Link label "DOI" is not one of the list\'s labels; expected one such as "Paper", "Data", "Code" or "PDF".');
  assert.equal(findings[1].message, 'Link label "Docz" looks like a misspelling of "Doc" or "Docs"; expected "Doc" or "Docs".');
  assert.deepEqual(findings[1].fixes.map((fix) => [fix.edits[0].newText, fix.safe]), [['Doc', false], ['Docs', false]]);
});

test('link-label: an unknown label has no fix', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Offical WebSite](https://x.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /"Offical WebSite" is not one of the list's labels; expected one such as "Paper", "Data", "Code" or "PDF"/);
  assert.deepEqual(findings[0].fixes, []);
});

test('link-label: labels from the config and labels the list uses three times are known', () => {
  const text = withEntry(
    '3. **Gamma**. *Xu et al.* 2023. [[Source](https://x.org/1)][[Source](https://x.org/2)][[Source](https://x.org/3)][[OpenReview](https://x.org/4)]',
  );
  assert.deepEqual(lint(text, code, { config: { linkLabels: ['OpenReview'] } }), []);
  assert.deepEqual(lines(text, lint(text, code)), [5]);
});

test('link-label: brackets and emphasis around the label are not part of it', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper]](https://x.org) [**paper**](https://y.org)');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper]](https://x.org) [**Paper**](https://y.org)'));
});

test('link-label: the distance counts a swap of neighbours as one edit and stops early', () => {
  assert.equal(labelDistance('cdoe', 'code', 2), 1);
  assert.equal(labelDistance('papr', 'paper', 2), 1);
  assert.equal(labelDistance('kitten', 'sitting', 3), 3);
  assert.equal(labelDistance('abcdef', 'uvwxyz', 1), 2);
  assert.equal(labelDistance('a'.repeat(100000), 'paper', 2), 3);
});

test('link-label: nothing on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});
