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
  assert.equal(findings.length, 1);
  assert.equal(findings[0].message, 'Link label "Docz" looks like a misspelling of "Doc" or "Docs"; expected "Doc" or "Docs".');
  assert.deepEqual(findings[0].fixes.map((fix) => [fix.edits[0].newText, fix.safe]), [['Doc', false], ['Docs', false]]);
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

test('link-label: a safe fix declares the one change of meaning it makes', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Papr](https://x.org)]');
  assert.equal(lint(text, code)[0].fixes[0].changesMeaning, 'label-spelling');
});

test('link-label: a plural is no misspelling; its fix is offered, never applied', () => {
  // "datasets" was changed to "Dataset" by --fix.
  const text = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)][[datasets](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(findings.map((finding) => finding.message), ['Link label "datasets" differs from the list\'s label "Dataset" only in number; expected "Dataset".']);
  assert.deepEqual(findings[0].fixes.map((fix) => [fix.edits[0].newText, fix.safe]), [['Dataset', false]]);
  assert.equal(fixText(text, only), text);
});

test('link-label: a label with a digit is no misspelling of the label without it', () => {
  // "official code - caffe2" became "official code - caffe", and "Code1" became "Code".
  const lines3 = (label: string) =>
    [1, 2, 3].map((n) => `${n}. **P${n}**. *Xu et al.* 2023. [[Paper](https://x.org/${n})][[${label}](https://y.org/${n})]`).join('\n');
  const caffe = `${lines3('official code - caffe')}\n4. **Q**. *Li et al.* 2023. [[Paper](https://x.org)][[official code - caffe2](https://y.org)]\n`;
  assert.deepEqual(lint(caffe, code), []);
  assert.equal(fixText(caffe, only), caffe);
  const caffeWord = `${lines3('caffe')}\n4. **Q**. *Li et al.* 2023. [[Paper](https://x.org)][[caffe2](https://y.org)]\n`;
  assert.deepEqual(lint(caffeWord, code), []);
  const numbered = withEntry('3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)][[Code1](https://y.org)][[Code2](https://z.org)]');
  assert.deepEqual(lint(numbered, code), []);
  // A digit inside the word still looks like a slip, but fixing it is the user's call.
  const digit = withEntry('3. **Gamma**. *Xu et al.* 2023. [[C0de](https://x.org)]');
  assert.deepEqual(lint(digit, code).map((finding) => finding.fixes.map((fix) => fix.safe)), [[false]]);
});

test('link-label: labels in the author\'s own words and labels that name a venue are no misspellings', () => {
  for (const label of ['official code - pytorch', 'Demo Video', 'project page', 'Papers list', 'NeurIPS 2023', 'NeurIPS 2022', 'EMNLP 2024 findings']) {
    const text = withEntry(`3. **Gamma**. *Xu et al.* 2023. [[Paper](https://x.org)][[${label}](https://y.org)]`);
    assert.deepEqual(lint(text, code), [], label);
  }
  // A list that labels its links with venues: "ECCVW" became "ECCV" and "CVPRW" became "CVPR".
  const venues = [
    '- [[ECCV](https://a.org/1)] Alpha. [[code](https://a.org/2)]',
    '- [[ECCV](https://a.org/3)] Beta. [[code](https://a.org/4)]',
    '- [[ECCV](https://a.org/5)] Gamma. [[code](https://a.org/6)]',
    '- [[ECCVW](https://a.org/7)] Delta. [[code](https://a.org/8)]',
    '- [[ACCV](https://a.org/9)] Epsilon. [[code](https://a.org/10)]',
    '',
  ].join('\n');
  assert.deepEqual(lint(venues, code), []);
  assert.equal(fixText(venues, only), venues);
});

test('link-label: only a common label is spelt by fix-all; a label of the list\'s own is offered', () => {
  const own = [1, 2, 3].map((n) => `${n}. **P${n}**. *Xu et al.* 2023. [[Paper](https://x.org/${n})][[Colab](https://y.org/${n})][[Weights](https://z.org/${n})]`).join('\n');
  const text = `${own}\n4. **Q**. *Li et al.* 2023. [[Paper](https://x.org)][[Wieghts](https://z.org)]\n`;
  const findings = lint(text, code);
  assert.deepEqual(findings.map((finding) => finding.fixes.map((fix) => [fix.edits[0].newText, fix.safe])), [[['Weights', false]]]);
});
