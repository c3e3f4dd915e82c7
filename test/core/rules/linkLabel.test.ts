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
