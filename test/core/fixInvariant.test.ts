import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSafeEdits, fixAll, type Finding, type Fix, type Rule } from '../../server/src/core/index';
import { editsKeepMeaning, keepsMeaning, keepsMeaningOrAllowed, meaningOf } from '../../server/src/core/fixInvariant';
import { changedLinesBreakingInvariant } from '../corpus/fixInvariant';

test('fixInvariant: what a line says is its letters and digits, lower-cased', () => {
  assert.equal(meaningOf('1. **GMNN: Graph Markov Neural Networks.** *Qu et al.* ICML 2019. [[Paper](https://a.org/x)]'), 'gmnngraphmarkovneuralnetworksquetalicml2019paperhttpsaorgx');
  assert.equal(meaningOf('- Über  Straße №5'), meaningOf('- über straße №5'));
});

test('fixInvariant: the list-marker number and tracking parameters are set aside', () => {
  assert.ok(keepsMeaning('12. **A**. [Paper](https://a.org)', '13. **A**. [Paper](https://a.org)'));
  assert.ok(keepsMeaning('  > 3) **A**', '  > 1) **A**'));
  assert.ok(keepsMeaning('- [Paper](https://a.org/x?utm_source=t&id=3&fbclid=9)', '- [Paper](https://a.org/x?id=3)'));
  assert.ok(keepsMeaning('- [Video](https://youtu.be/x?si=abc)', '- [Video](https://youtu.be/x)'));
  // `si` is a share id on YouTube only; elsewhere it may be part of the address.
  assert.ok(!keepsMeaning('- [Paper](https://a.org/x?si=abc)', '- [Paper](https://a.org/x)'));
  assert.ok(keepsMeaning('- [Paper](https://a.org/x?pk_c=1)', '- [Paper](https://a.org/x)', { trackingParameters: ['pk_*'] }));
  // A number in the text is no marker.
  assert.ok(!keepsMeaning('- **A**. ICML 2019.', '- **A**. ICML 2020.'));
});

test('fixInvariant: how a line is written may change, what it says may not', () => {
  assert.ok(keepsMeaning('- **A**. *Li et al*. [[paper](https://a.org)] [[code](https://b.org)]', '- **A**. *Li et al.* [[Paper](https://a.org)][[Code](https://b.org)]'));
  assert.ok(!keepsMeaning('[NeurIPS 2023](https://a.org)', '[NeurIPS 2024](https://a.org)'));
  assert.ok(!keepsMeaning('[official code - caffe2](https://a.org)', '[official code - caffe](https://a.org)'));
  assert.ok(!keepsMeaning('[datasets](https://a.org)', '[Dataset](https://a.org)'));
  // Line by line when the line count stays, as a whole when it does not.
  assert.ok(!keepsMeaning('alpha\nbeta', 'alphab\neta'));
  assert.ok(keepsMeaning('alpha\nbeta', 'alpha beta'));
});

test('fixInvariant: the two allowed exceptions, and nothing beyond them', () => {
  assert.ok(keepsMeaningOrAllowed('*Chung et al.* arXiv 2021.', '*Chung et al.* arXiv 2022.', 'arxiv-year'));
  assert.ok(!keepsMeaningOrAllowed('*Chung et al.* arXiv 2021.', '*Chung et al.* arXiv 2022.', undefined));
  assert.ok(!keepsMeaningOrAllowed('*Chung et al.* arXiv 2021. ICML 2023', '*Chung et al.* arXiv 2022. ICML 2024', 'arxiv-year'));
  assert.ok(!keepsMeaningOrAllowed('*Chung et al.* arXiv 2021.', '*Chung et al.* arXiv 20222.', 'arxiv-year'));
  assert.ok(keepsMeaningOrAllowed('[[Papr](https://a.org)]', '[[Paper](https://a.org)]', 'label-spelling'));
  assert.ok(keepsMeaningOrAllowed('[[Cdoe](https://a.org)]', '[[Code](https://a.org)]', 'label-spelling'));
  assert.ok(!keepsMeaningOrAllowed('[[datasets](https://a.org)]', '[[Dataset](https://a.org)]', 'label-spelling'));
  assert.ok(!keepsMeaningOrAllowed('[[caffe2](https://a.org)]', '[[caffe](https://a.org)]', 'label-spelling'));
  assert.ok(!keepsMeaningOrAllowed('[[Chekpiont](https://a.org)]', '[[Checkpoint](https://a.org)]', 'label-spelling'));
  assert.ok(!keepsMeaningOrAllowed('[[Papr](https://a.org)]', '[[Paper](https://b.org)]', 'label-spelling'));
});

test('fixInvariant: edits are judged on the lines they touch, one group of lines at a time', () => {
  const text = '1. **A**. ICML 2019.\n7. **B**. ICML 2019.\n';
  assert.ok(editsKeepMeaning(text, [{ start: 0, end: 1, newText: '2' }, { start: 21, end: 22, newText: '8' }]));
  const year = text.indexOf('2019');
  assert.ok(!editsKeepMeaning(text, [{ start: 0, end: 1, newText: '2' }, { start: year, end: year + 4, newText: '2020' }]));
  assert.ok(editsKeepMeaning(text, [{ start: year, end: year + 4, newText: '2020' }], 'arxiv-year'));
  // An insertion at the end of a line and an edit that joins two lines.
  assert.ok(editsKeepMeaning(text, [{ start: 20, end: 20, newText: ' ' }]));
  assert.ok(editsKeepMeaning(text, [{ start: 20, end: 21, newText: ' ' }]));
});

const fixOf = (text: string, from: string, to: string, extra: Partial<Fix> = {}): Finding => {
  const start = text.indexOf(from);
  return { code: 'x', severity: 'warning', message: 'm', span: { start, end: start + from.length }, fixes: [{ title: 't', edits: [{ start, end: start + from.length, newText: to }], safe: true, ...extra }] };
};

test('fixInvariant: fix-all leaves out a safe fix that changes what a line says, unless it declares an allowed exception', () => {
  const text = '- **A**. arXiv 2021. [[Papr](https://a.org)] [[NeurIPS 2023](https://b.org)]\n';
  const edits = collectSafeEdits(
    [
      fixOf(text, '2021', '2022', { changesMeaning: 'arxiv-year' }),
      fixOf(text, 'Papr', 'Paper', { changesMeaning: 'label-spelling' }),
      fixOf(text, 'NeurIPS 2023', 'NeurIPS 2024'),
      fixOf(text, '] [', ']['),
    ],
    text,
  );
  assert.deepEqual(edits.map((edit) => edit.newText), ['2022', 'Paper', '][']);
  // Without the text there is nothing to compare with, as before.
  assert.equal(collectSafeEdits([fixOf(text, 'NeurIPS 2023', 'NeurIPS 2024')]).length, 1);
  // A declared exception covers only its own kind of change.
  assert.equal(collectSafeEdits([fixOf(text, 'NeurIPS 2023', 'NeurIPS 2024', { changesMeaning: 'label-spelling' })], text).length, 0);
});

test('fixInvariant: fixAll applies no safe fix of a rule that would change what an entry says', () => {
  const careless: Rule = {
    code: 'careless',
    defaultSeverity: 'warning',
    description: 'Rewrites a venue year.',
    fixable: true,
    docs: { summary: 'a venue year', fix: 'rewrite it', examples: { valid: [], invalid: [] } },
    check({ list, report }) {
      const at = list.text.indexOf('2023');
      if (at !== -1) report({ span: { start: at, end: at + 4 }, message: 'm', fixes: [{ title: 't', edits: [{ start: at, end: at + 4, newText: '2024' }], safe: true }] });
    },
  };
  const text = '1. **A**. *Li et al.* NeurIPS 2023. [[Paper](https://a.org)]\n';
  assert.equal(fixAll(text, { rules: [careless] }).text, text);
});

test('fixInvariant: the corpus helper lists changed lines that say something else, with their line numbers', () => {
  const before = '# List\n\n1. **A**. ICML 2019. [Papr](https://a.org)\n3. **B**. [NeurIPS 2023](https://b.org)\nend\n';
  const after = '# List\n\n1. **A**. ICML 2019. [Paper](https://a.org)\n2. **B**. [NeurIPS 2024](https://b.org)\nend\n';
  assert.deepEqual(changedLinesBreakingInvariant(before, after), [
    { line: 3, before: '1. **A**. ICML 2019. [Papr](https://a.org)', after: '1. **A**. ICML 2019. [Paper](https://a.org)' },
    { line: 4, before: '3. **B**. [NeurIPS 2023](https://b.org)', after: '2. **B**. [NeurIPS 2024](https://b.org)' },
  ]);
  assert.deepEqual(changedLinesBreakingInvariant(before, after, { allow: ['label-spelling'] }).map((broken) => broken.line), [4]);
  // Removed or added lines are compared as one run.
  assert.deepEqual(changedLinesBreakingInvariant('a\nb\nc\n', 'a\nb c\n'), []);
  assert.deepEqual(changedLinesBreakingInvariant('a\nb\nc\n', 'a\nc\n'), [{ line: 2, before: 'b', after: '' }]);
  assert.deepEqual(changedLinesBreakingInvariant('a\r\nb\r\n', 'a\r\nb\r\n'), []);
});
