import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintText, resolveConfig } from '../../../server/src/core/index';
import { linkSyntaxRule } from '../../../server/src/core/rules/linkSyntax';
import { scanLinks } from '../../../server/src/core/rules/linkSyntaxScan';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'link-syntax';
const only = { rules: [linkSyntaxRule] };

/** Two well-formed entries first, so that the list's style is double brackets. */
const head = [
  '# Papers',
  '',
  '1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2204.07705.pdf)][[Data](https://a.org/d)]',
  '2. **Beta**. *Li et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2301.00001.pdf)]',
].join('\n');
const withEntry = (entry: string) => `${head}\n${entry}\n`;

test('link-syntax: ok for well-formed link groups', () => {
  assert.deepEqual(lint(withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/a_(b))][[Code](https://y.org)]'), code), []);
});

test('link-syntax: ok for brackets in the title, parentheses in the venue and a link title', () => {
  const text = withEntry('3. **[RLHF] (Survey) Gamma**. *Xu et al.* (ICLR 2023) [see] (below). [[Paper](https://x.org "The paper")][[Code](<https://y.org/a b>)] \\[[not a link] (see [the [Blog](https://b.org)])');
  assert.deepEqual(lint(text, code), []);
});

test('link-syntax: a missing "]" after the link is inserted', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)[[Code](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /"\[\[Paper\]\(…\)" has no closing "\]"; expected "\[\[Paper\]\(…\)\]"/);
  assert.equal(findings[0].fixes[0].safe, true);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)][[Code](https://y.org)]'));
});

test('link-syntax: a missing "[" before the link is inserted', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [Paper](https://x.org/p.pdf)][[Code](https://y.org)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /has no opening "\["/);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)][[Code](https://y.org)]'));
});

test('link-syntax: two links in one group get one bracket each', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)[Code](https://y.org)]');
  assert.equal(lint(text, code).length, 2);
  assert.equal(fixText(text, only), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)][[Code](https://y.org)]'));
});

test('link-syntax: a space between "]" and "(" is removed', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper] (https://x.org/p.pdf)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /white space between "\]" and "\(", so it does not render as a link/);
  assert.equal(findings[0].span.end - findings[0].span.start, 1);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]'));
});

test('link-syntax: a missing ")" before the next group is inserted', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf][[Code](https://y)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /Link "Paper" has no "\)" after its URL "https:\/\/x.pdf"; expected "\[Paper\]\(https:\/\/x.pdf\)"/);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'https://x.pdf');
  assert.equal(fixText(text, only), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf)][[Code](https://y)]'));
});

test('link-syntax: a missing ")" at the end of the line is closed, then the group', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf');
  assert.deepEqual(lines(text, lint(text, code)), [5]);
  assert.equal(fixText(text, only), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf)]'));
});

test('link-syntax: an empty URL has no fix', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper]()]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /Link "Paper" has an empty URL/);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '()');
  assert.deepEqual(findings[0].fixes, []);
});

test('link-syntax: white space inside the URL has only an unsafe fix', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x .pdf)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.match(findings[0].message, /URL "https:\/\/x .pdf" of link "Paper" contains white space/);
  assert.equal(findings[0].fixes[0].safe, false);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf)]'));
  assert.equal(fixText(text, only), text);
});

test('link-syntax: brackets closed before the URL move after it', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper]](https://x.org/p.pdf)');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(applyFix(text, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]'));
});

test('link-syntax: a list of bare links does not demand double brackets', () => {
  const text = [
    '1. **Alpha.** AAAI 2020. [paper](https://a.org/1) [code](https://a.org/2)',
    '1. **Beta.** AAAI 2020. [paper](https://a.org/3)',
    '1. **Gamma.** AAAI 2020. [[paper]](https://a.org/4)',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('link-syntax: a stray bracket in a list of bare links has only unsafe fixes', () => {
  const text = [
    '1. **Alpha.** AAAI 2020. [paper](https://a.org/1) [code](https://a.org/2)',
    '1. **Beta.** AAAI 2020. [[paper](https://a.org/3)',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2]);
  assert.match(findings[0].message, /Link "paper" has a stray "\[" before it; expected "\[paper\]\(…\)"/);
  assert.equal(applyFix(text, findings[0]), text.replace('[[paper]', '[paper]'));
  assert.equal(fixText(text, only), text);
});

test('link-syntax: fix-all repairs every safe problem of an entry', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper] (https://x.pdf)[Code](https://y.org)][[Data](https://z.org][[Blog]](https://b.org)');
  assert.equal(fixText(text, only), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.pdf)][[Code](https://y.org)][[Data](https://z.org)][[Blog](https://b.org)]'));
});

test('link-syntax: nothing on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('link-syntax: the empty links of a real list of bare links', () => {
  const text = readFileSync('test/fixtures/thunlp-gnnpapers.md', 'utf8');
  const findings = lint(text, code);
  assert.equal(findings.length, 22);
  assert.ok(findings.every((finding) => finding.message === 'Link "paper" has an empty URL; expected a URL between "(" and ")".'));
});

const options = { config: resolveConfig(), currentYear: 2026, rules: [linkSyntaxRule] };
const prefix = '1. **T**. *A et al.* arXiv 2020. ';

/** Lints with this rule alone, and scans the whole text directly, since the parser may skip a block this large. */
function assertLinear(text: string): void {
  const started = performance.now();
  lintText(text, options);
  scanLinks(text, 0, text.length);
  assert.ok(performance.now() - started < 2000);
}

test('link-syntax: linear on 50,000 "[" in a row', () => {
  assertLinear(prefix + '['.repeat(50000));
  assert.deepEqual(scanLinks(prefix + '['.repeat(50000), 0, prefix.length + 50000), []);
});

test('link-syntax: linear on a 1 MB line', () => {
  const text = prefix + '[[Paper](https://x.org/' + 'a'.repeat(1_000_000);
  assertLinear(text);
  assert.equal(scanLinks(text, 0, text.length)[0].stop, 'line');
});

test('link-syntax: linear on hostile 1 MB lines', () => {
  const inputs = ['[a'.repeat(500_000), '[a]('.repeat(250_000), '[a] ('.repeat(200_000), '[[P](' + '('.repeat(1_000_000), '[[P](x' + ' '.repeat(1_000_000) + ')]', ']'.repeat(1_000_000)];
  for (const line of inputs) assertLinear(prefix + line);
});
