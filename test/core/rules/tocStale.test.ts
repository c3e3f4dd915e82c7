import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generatedRegions } from '../../../server/src/core/features/tableOfContents';
import { applyFix, fixText, lint } from '../../helpers';

const code = 'toc-stale';

const entry = (title: string, id: string) => `1. **${title}**. *Smith et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/${id})]`;
const list = (toc: string, count = '3') =>
  [
    '# Awesome Papers',
    '',
    `We list <!-- paperlist:count -->${count}<!-- /paperlist:count --> papers.`,
    '',
    '## Contents',
    '<!-- paperlist:toc -->',
    toc,
    '<!-- /paperlist:toc -->',
    '',
    '## Models & Data',
    entry('A', '2301.00001'),
    entry('B', '2301.00002'),
    '### Benchmarks',
    entry('A', '2301.00001'),
    entry('C', '2301.00003'),
    '## Models & Data',
    '',
  ].join('\n');
const current = '- [Models & Data](#models--data)\n  - [Benchmarks](#benchmarks)\n- [Models & Data](#models--data-1)';

test('toc-stale: quiet when the table of contents and the count match the document', () => {
  assert.deepEqual(lint(list(current), code), []);
});

test('toc-stale: a stale table of contents is reported on its marker and rewritten between the markers', () => {
  const text = list('- [Models](#models)');
  const findings = lint(text, code);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '<!-- paperlist:toc -->');
  assert.match(findings[0].message, /^The table of contents is out of date \(3 headings are missing or changed, 1 line names no current heading\)/);
  assert.equal(applyFix(text, findings[0]), list(current));
  // fix-all (and so --fix and VS Code's fix-all) applies it, though it changes words: only between markers.
  assert.equal(fixText(text), list(current));
});

test('toc-stale: the paper count is the number of distinct papers, one paper in two sections counted once', () => {
  const text = list(current, '7');
  const findings = lint(text, code);
  assert.deepEqual(findings.map((finding) => finding.message), ['The paper count says "7"; expected 3, the number of distinct papers in the list.']);
  assert.equal(fixText(text), list(current, '3'));
});

test('toc-stale: per-section counts with toc.counts', () => {
  const counted = '- [Models & Data](#models--data) (3)\n  - [Benchmarks](#benchmarks) (2)\n- [Models & Data](#models--data-1)';
  assert.equal(lint(list(counted), code).length, 1);
  assert.deepEqual(lint(list(counted), code, { config: { toc: { counts: true } } }), []);
  assert.equal(fixText(list(current), { config: { toc: { counts: true } } }), list(counted));
});

test('toc-stale: a list without markers is never touched, nor markers shown in code', () => {
  const plain = '# Papers\n\n- [Old](#old)\n\n## New\n' + entry('A', '2301.00001') + '\n';
  assert.deepEqual(lint(plain, code), []);
  const documented = '# Papers\n\n```markdown\n<!-- paperlist:toc -->\n- stale\n<!-- /paperlist:toc -->\n```\n\nWrite `<!-- paperlist:count -->N<!-- /paperlist:count -->` for the count.\n\n## New\n' + entry('A', '2301.00001') + '\n';
  assert.deepEqual(generatedRegions(documented).regions, []);
  assert.deepEqual(lint(documented, code), []);
  assert.equal(fixText(documented), documented);
});

test('toc-stale: unclosed or stray markers are reported without a fix', () => {
  const findings = lint('# T\n<!-- paperlist:toc -->\n- [A](#a)\n<!-- /paperlist:toc -->\n<!-- /paperlist:toc -->\n## A\n', code);
  assert.deepEqual(findings.map((finding) => [finding.message.slice(0, 40), finding.fixes.length]), [['The <!-- /paperlist:toc --> marker close', 0]]);
  const open = lint('# T\n<!-- paperlist:toc -->\n## A\n', code);
  assert.match(open[0].message, /has no closing <!-- \/paperlist:toc -->/);
});

test('toc-stale: CRLF documents get CRLF lines, and the fix is idempotent', () => {
  const text = list('').replace(/\n/g, '\r\n');
  const fixed = fixText(text);
  assert.equal(fixed, list(current).replace(/\n/g, '\r\n'));
  assert.equal(fixText(fixed), fixed);
  assert.deepEqual(lint(fixed, code), []);
});

test('toc-stale: on the reference list the written table of contents has only anchors that anchor-missing accepts', () => {
  const reference = readFileSync('test/fixtures/alignment-survey.md', 'utf8').replace('![](paper_tree.png)\n', '![](paper_tree.png)\n\n## Contents\n<!-- paperlist:toc -->\n<!-- /paperlist:toc -->\n');
  const fixed = fixText(reference);
  const toc = fixed.slice(fixed.indexOf('<!-- paperlist:toc -->'), fixed.indexOf('<!-- /paperlist:toc -->'));
  assert.equal(toc.split('\n').filter((line) => line.includes('](#')).length, 26);
  assert.deepEqual(lint(fixed, 'anchor-missing'), []);
  assert.deepEqual(lint(fixed, code), []);
  // Renaming a heading makes the table stale again.
  assert.equal(lint(fixed.replace('### Human Value Surveys', '### Surveys of Human Values'), code).length, 1);
});
