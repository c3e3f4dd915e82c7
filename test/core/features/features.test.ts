import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { applyEdits, lintText, parseList, resolveConfig } from '../../../server/src/core/index';
import {
  arxivMonth,
  documentSymbolsOf,
  foldingRangesOf,
  minimalEdit,
  outlineOf,
  paperCardAt,
  referenceSpansAt,
  renumberAllEdits,
  renumberListAt,
} from '../../../server/src/core/features/index';
import { cursor } from './cursor';

const doc = [
  '# Papers',
  '',
  '## Instructions',
  '',
  '1. **Self-instruct**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.10560)]',
  '2. **InstructGPT**. *Ouyang et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.02155)]',
  '',
  '## Feedback',
  '',
  '1. **InstructGPT**. *Ouyang et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.02155)]',
  '3. **Constitutional AI**. *Bai et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.08073)]',
  '',
].join('\n');

test('features: hover card with arXiv month and every copy', () => {
  const { text, offset } = cursor(doc.replace('1. **InstructGPT', '1. **Instruct|GPT'));
  const card = paperCardAt(parseList(text), offset)!;
  assert.equal(card.title, 'InstructGPT');
  assert.equal(card.authors, 'Ouyang et al.');
  assert.equal(card.venue, 'NeurIPS');
  assert.equal(card.year, 2022);
  assert.equal(card.arxivId, '2203.02155');
  assert.equal(card.arxivMonth, 'March 2022');
  assert.deepEqual(card.copies.map((copy) => [copy.line, copy.section, copy.current]), [
    [5, 'Papers › Instructions', false],
    [9, 'Papers › Feedback', true],
  ]);
  assert.equal(paperCardAt(parseList(doc), 0), undefined);
});

test('features: arXiv months for new and old ids', () => {
  assert.equal(arxivMonth('2203.02155'), 'March 2022');
  assert.equal(arxivMonth('cs/9912001'), 'December 1999');
  assert.equal(arxivMonth('2213.00001'), undefined);
});

test('features: references and highlights are the copies of the paper under the cursor', () => {
  const list = parseList(doc);
  const offset = doc.indexOf('InstructGPT');
  const spans = referenceSpansAt(list, offset);
  assert.deepEqual(spans.map((span) => doc.slice(span.start, span.end)), ['**InstructGPT**', '**InstructGPT**']);
  assert.equal(referenceSpansAt(list, offset, false).length, 1);
  assert.deepEqual(referenceSpansAt(list, doc.indexOf('Papers')), []);
});

test('features: document symbols hold the sections with entries', () => {
  const symbols = documentSymbolsOf(parseList(doc));
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'Papers');
  assert.deepEqual(symbols[0].children.map((child) => [child.name, child.detail]), [
    ['Instructions', '2 entries'],
    ['Feedback', '2 entries'],
  ]);
  assert.deepEqual(symbols[0].children[0].children.map((child) => child.name), ['Self-instruct', 'InstructGPT']);
});

test('features: folding ranges run from each heading to its last non-blank line', () => {
  assert.deepEqual(foldingRangesOf(parseList(doc)), [
    { startLine: 0, endLine: 10 },
    { startLine: 2, endLine: 5 },
    { startLine: 7, endLine: 10 },
  ]);
});

test('features: the outline counts entries and keeps the worst severity of each', () => {
  const { list, findings } = lintText(doc, { currentYear: 2026 });
  const outline = outlineOf(list, findings);
  assert.equal(outline.totals.entries, 4);
  assert.equal(outline.totals.papers, 3);
  assert.equal(outline.totals.problems, findings.length);
  const [papers] = outline.sections;
  assert.deepEqual([papers.ownCount, papers.totalCount], [0, 4]);
  assert.deepEqual(papers.children.map((child) => [child.title, child.ownCount, child.entries.map((entry) => entry.title)]), [
    ['Instructions', 2, ['Self-instruct', 'InstructGPT']],
    ['Feedback', 2, ['InstructGPT', 'Constitutional AI']],
  ]);
  const numbered = findings.find((finding) => finding.code === 'number-sequence');
  if (numbered) {
    const entry = papers.children[1].entries[1];
    assert.ok(entry.severity, 'the entry with the number out of sequence has a severity');
  }
});

test('features: renumber this list and all lists', () => {
  const config = resolveConfig();
  const list = parseList(doc);
  const here = renumberListAt(list, doc.indexOf('Constitutional'), config);
  assert.equal(applyEdits(doc, here), doc.replace('3. **Constitutional', '2. **Constitutional'));
  assert.deepEqual(renumberListAt(list, doc.indexOf('Self-instruct'), config), []);
  assert.equal(applyEdits(doc, renumberAllEdits(list, config)), doc.replace('3. **Constitutional', '2. **Constitutional'));
  assert.deepEqual(renumberListAt(list, 0, config), []);
});

test('features: minimalEdit covers only what changed and never splits a surrogate pair', () => {
  assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, newText: 'XY' });
  assert.equal(minimalEdit('same', 'same'), undefined);
  const before = 'a😀b';
  const after = 'a😁b';
  const edit = minimalEdit(before, after)!;
  assert.equal(applyEdits(before, [edit]), after);
  assert.deepEqual([edit.start, edit.end], [1, 3]);
});

test('features: the reference list has five copies of the InstructGPT paper', () => {
  const text = readFileSync(resolve(__dirname, '../../fixtures/alignment-survey.md'), 'utf8');
  const list = parseList(text);
  const spans = referenceSpansAt(list, text.indexOf('Training language models to follow instructions'));
  assert.deepEqual(spans.map((span) => list.lines.lineAt(span.start) + 1), [31, 39, 56, 83, 131]);
});

test('features: each section of the outline counts the errors and warnings within it, subsections included (issue 15)', () => {
  const text = doc.replace('*Ouyang et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.02155)]\n\n## Feedback', '*Ouyanget al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.02155)]\n\n## Feedback');
  const { list, findings } = lintText(text, { currentYear: 2026 });
  const outline = outlineOf(list, findings);
  const [papers] = outline.sections;
  const [instructions, feedback] = papers.children;
  const count = (severity: string, from: number, to: number) =>
    findings.filter((finding) => finding.severity === severity && finding.span.start >= from && finding.span.start < to).length;
  assert.ok(instructions.warnings >= 1, 'the glued author name is a warning in Instructions');
  assert.equal(instructions.warnings, count('warning', instructions.span.start, instructions.span.end));
  assert.equal(feedback.errors + feedback.warnings, count('error', feedback.span.start, Infinity) + count('warning', feedback.span.start, Infinity));
  assert.equal(papers.errors, instructions.errors + feedback.errors);
  assert.equal(papers.warnings, instructions.warnings + feedback.warnings);
});
