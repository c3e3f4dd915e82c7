import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BlockCache, lintText, resolveConfig } from '../../../server/src/core/index';
import { linkSyntaxRule } from '../../../server/src/core/rules/linkSyntax';
import { scanLinks } from '../../../server/src/core/analysis/linkSyntaxScan';
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

test('link-syntax: a URL that starts with "[" is reported, not taken for a file', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[LLM]([https://x.org/p.pdf)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(findings[0].message, 'Link "LLM" has a URL that starts with "[", "[https://x.org/p.pdf"; expected "[LLM](https://x.org/p.pdf)".');
});

test('link-syntax: a link inside a link\'s destination', () => {
  const text = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[code]([a](https://y.org/b))]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5]);
  assert.equal(findings[0].message, 'Link "code" has another link "[a](https://y.org/b)" as its URL; expected one link, "[code](https://y.org/b)".');
});

test('link-syntax: a label without its "]" before the URL, in a group and bare, gets the "]"', () => {
  const grouped = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper(https://x.org/p.pdf)][[Code](https://y.org)]');
  const findings = lint(grouped, code);
  assert.deepEqual(lines(grouped, findings), [5]);
  assert.equal(findings[0].message, 'Link "Paper" has no "]" between its label and its URL "https://x.org/p.pdf"; expected "[Paper](https://x.org/p.pdf)".');
  assert.equal(findings[0].fixes[0].safe, true);
  assert.equal(applyFix(grouped, findings[0]), withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)][[Code](https://y.org)]'));
  const bare = withEntry('3. **Gamma**. *Xu et al.* arXiv 2023. [Paper(https://x.org/p.pdf) [Code](https://y.org)');
  assert.deepEqual(lines(bare, lint(bare, code)), [5]);
});

test('link-syntax: a label without its "]" in the title, in a badge and outside the entries', () => {
  const text = [
    head,
    '3. **[Gamma(https://g.org/gamma.pdf)**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]',
    '',
    'Star us: [![Stars(https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b)',
    '[![Awesome](https://awesome.re/badge.svg)(https://awesome.re)',
    'See the [survey(docs/survey.pdf) and [the notes(./NOTES.md).',
    '',
    '| Paper | Code |',
    '| --- | --- |',
    '| [Delta(https://arxiv.org/abs/2301.00002) | [Code](https://y.org) |',
    '',
  ].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5, 7, 8, 9, 9, 13]);
  assert.match(findings[0].message, /^Link "Gamma" has no "\]"/);
  assert.match(findings[1].message, /^Link "Stars" has no "\]"/);
  assert.match(findings[2].message, /^Link "!\[Awesome\]\(https:\/\/awesome.re\/badge.svg\)" has no "\]"/);
});

test('link-syntax: an empty URL after a code span in the label, in an entry and outside', () => {
  const text = [head, '3. **Gamma**. *Xu et al.* arXiv 2023. [`[pdf]`]()', '', 'The appendix: [`[pdf]`]()', ''].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [5, 7]);
  assert.equal(findings[0].message, 'Link "`[pdf]`" has an empty URL; expected a URL between "(" and ")".');
});

test('link-syntax: broken links outside the entries of a paper list', () => {
  const text = [head, '3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]', '', 'The [project page] (https://p.org) and the [code](https://c.org.', ''].join('\n');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7, 7]);
});

test('link-syntax: quiet outside the entries of ordinary markdown, which is not a paper list', () => {
  const text = ['# Notes', '', '1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2204.07705)]', '', 'See [Paper(https://x.org/p.pdf) and [LLM]([https://x.org) and [x]().', ''].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('link-syntax: quiet on prose with brackets and parentheses, valid links, code and math', () => {
  const text = [
    head,
    '3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]',
    '',
    'As shown [see (1)] and f(x) [1], with [a(t/2)] and [and/or(km/h)] and [f(x)](https://x.org/f) and ![fig](assets/fig.png).',
    'Datasets: [[link]](https://d.org) and [[page]](https://p.org).',
    'A reference [x][y], a [Model(https://m.org) link](https://m.org/2), [Model(https://m.org)](https://m.org/3) and [Tool(https://t.org)][tool].',
    'Code `[Paper(https://x.org)` and `[x](a b)` and ``[`[pdf]`]()`` and $[0,1](x)$ and [ ] task (docs/x.md).',
    '',
    '```',
    '[Paper(https://x.org/p.pdf) [x]() [y]([z)',
    '```',
    '',
    '[y]: https://y.org',
    '[tool]: https://t.org',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('link-syntax: a finding outside the entries stays through edits of an entry, from the cache, and goes when fixed', () => {
  const cache = new BlockCache();
  const run = (text: string) => lintText(text, { config: resolveConfig(), currentYear: 2026, cache }).findings.filter((finding) => finding.code === code);
  const broken = 'See the [code(https://c.org/x) here.';
  const text = `${head}\n3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://x.org/p.pdf)]\n\n${broken}\n`;
  assert.deepEqual(lines(text, run(text)), [7]);
  const edited = text.replace('**Gamma**', '**Gamma 2**');
  assert.deepEqual(lines(edited, run(edited)), [7]);
  assert.deepEqual(lines(edited, run(edited)), [7]);
  const fixed = edited.replace(broken, 'See the [code](https://c.org/x) here.');
  assert.deepEqual(run(fixed), []);
  assert.deepEqual(run(fixed.replace('**Beta**', '**Beta 2**')), []);
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

test('link-syntax: a list that writes many groups as [[Label]](url) has two ways, not broken links', () => {
  const double = (n: number) => `${n}. **Paper number ${n}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1000${n})]`;
  const outside = (n: number) => `${n}. **Paper number ${n}**. *Wang et al.* arXiv 2022. [[Paper]](https://arxiv.org/abs/2212.1000${n})`;
  const mixed = [1, 2, 3, 4, 5, 6, 7].map(double).concat([8, 9, 10, 11, 12].map(outside)).join('\n') + '\n';
  assert.deepEqual(lint(mixed, 'link-syntax'), []);
  // One slip among many double groups is still reported.
  const slip = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(double).concat([outside(10)]).join('\n') + '\n';
  assert.equal(lint(slip, 'link-syntax').length, 1);
});

test('link-syntax: one bracket pair around several links renders, so its links are not broken groups', () => {
  const entry = (n: number, links: string) => `${n}. **Paper number ${n}**. *Wang et al.* arXiv 2022. ${links}`;
  const house = [1, 2, 3, 4, 5, 6].map((n) => entry(n, `[[Paper](https://arxiv.org/abs/2212.1000${n})]`));
  const text = [...house, entry(7, '[[page](https://a.org/p), [code](https://github.com/a/b)]'), entry(8, '[[3D-FRONT](https://a.org/f) [3D-FUTURE](https://a.org/g)]')].join('\n') + '\n';
  assert.deepEqual(lint(text, 'link-syntax'), []);
});
