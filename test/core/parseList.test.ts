import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BlockCache, parseList } from '../../server/src/core/index';

const reference = readFileSync('test/fixtures/alignment-survey.md', 'utf8');

test('parseList: reads every field of a reference entry', () => {
  const list = parseList('## Papers\n3. **Super-naturalinstructions**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2204.07705v2.pdf)][[Data](https://x.org/)]\n');
  const [entry] = list.entries;
  assert.equal(entry.number?.value, 3);
  assert.equal(entry.title?.text, 'Super-naturalinstructions');
  assert.equal(entry.authors?.text, 'Wang et al.');
  assert.equal(entry.venue?.text, 'arXiv');
  assert.equal(entry.year?.value, 2022);
  assert.deepEqual(entry.links.map((link) => [link.label, link.url, link.openBracket, link.closeBracket]), [
    ['Paper', 'https://arxiv.org/pdf/2204.07705v2.pdf', true, true],
    ['Data', 'https://x.org/', true, true],
  ]);
  assert.equal(entry.arxivId, '2204.07705');
  assert.equal(entry.identity, 'arxiv:2204.07705');
  assert.equal(entry.section.title, 'Papers');
  const text = list.text;
  assert.equal(text.slice(entry.title!.start, entry.title!.end), 'Super-naturalinstructions');
  assert.equal(text.slice(entry.links[0].urlSpan.start, entry.links[0].urlSpan.end), 'https://arxiv.org/pdf/2204.07705v2.pdf');
  assert.equal(text.slice(entry.links[1].labelSpan.start, entry.links[1].labelSpan.end), 'Data');
});

test('parseList: the reference list has 124 entries of 85 papers in 28 sections', () => {
  const list = parseList(reference);
  assert.equal(list.entries.length, 124);
  assert.equal(new Set(list.entries.map((entry) => entry.identity)).size, 85);
  assert.equal(list.sections.length - 1, 27);
  assert.equal(list.entries.filter((entry) => entry.title?.text === 'Training language models to follow instructions with human feedback').length, 5);
});

test('parseList: the heading tree nests by level and sections end at the next heading of their level', () => {
  const text = '# A\n## B\n1. **P**. *X et al.* arXiv 2020. [[Paper](https://a.org)]\n### C\n## D\n';
  const list = parseList(text);
  const [, a, b, c, d] = list.sections;
  assert.deepEqual([a.title, b.title, c.title, d.title], ['A', 'B', 'C', 'D']);
  assert.equal(b.parent, a);
  assert.equal(c.parent, b);
  assert.equal(d.parent, a);
  assert.equal(b.entries.length, 1);
  assert.equal(text.slice(b.span.start, b.span.end), '## B\n1. **P**. *X et al.* arXiv 2020. [[Paper](https://a.org)]\n### C\n');
  assert.deepEqual(list.headings.map((heading) => heading.slug), ['a', 'b', 'c', 'd']);
});

test('parseList: plain bullets, instructions and table-of-contents items are not entries', () => {
  const text = '# Contents\n- [Intro](#intro)\n- Install it with npm.\n1. Fork the repository.\n2. **Note**: keep it short.\n';
  assert.equal(parseList(text).entries.length, 0);
});

test('parseList: items in fenced code and HTML comments are ignored', () => {
  const text = '```\n1. **A**. *B et al.* arXiv 2020. [[Paper](https://a.org)]\n```\n<!--\n1. **A**. *B et al.* arXiv 2020.\n-->\n';
  assert.equal(parseList(text).entries.length, 0);
});

test('parseList: a broken field still yields the entry', () => {
  const list = parseList('1. **Unclosed title. *A et al.* arXiv 2020. [[Paper](https://a.org)]\n2. *No title* 2020 [[Paper](https://b.org)]\n');
  assert.deepEqual(list.entries.map((entry) => entry.titleProblem), ['unclosed', 'missing']);
});

test('parseList: consecutive numbered items form one list, a heading starts another', () => {
  const text = '# A\n1. **P**. *X.* 2020. [[Paper](https://a.org)]\n\n2. **Q**. *Y.* 2021. [[Paper](https://b.org)]\n# B\n1. **R**. *Z.* 2022. [[Paper](https://c.org)]\n';
  const list = parseList(text);
  assert.deepEqual(list.lists.map((group) => group.entries.length), [2, 1]);
});

test('parseList: nested items are their own list and keep their positions', () => {
  const text = '- Group\n    1. **P**. *X et al.* arXiv 2020. [[Paper](https://a.org)]\n    2. **Q**. *Y et al.* arXiv 2021. [[Paper](https://b.org)]\n';
  const list = parseList(text);
  assert.equal(list.entries.length, 2);
  const [p] = list.entries;
  assert.equal(text.slice(p.title!.start, p.title!.end), 'P');
  assert.equal(text.slice(p.number!.start, p.number!.end), '1');
  assert.equal(list.lists.filter((group) => group.entries.length).length, 1);
});

test('parseList: CRLF and a BOM give the same entries as LF', () => {
  const lf = '# A\n1. **P**. *X et al.* arXiv 2020. [[Paper](https://a.org)]\n2. **Q**. *Y et al.* arXiv 2021.\n';
  const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
  const fields = (text: string) => parseList(text).entries.map((entry) => [entry.title?.text, entry.authors?.text, entry.venue?.text, entry.year?.text, entry.links.length]);
  assert.deepEqual(fields(crlf), fields(lf));
  const list = parseList(crlf);
  assert.equal(list.headings[0].text, 'A');
  assert.equal(crlf.slice(list.entries[1].year!.start, list.entries[1].year!.end), '2021');
});

/** The entries as JSON with sorted keys, without list ids (an incremental parse numbers new lists afresh). */
function canonical(list: ReturnType<typeof parseList>): string[] {
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]))
        : value;
  return list.entries.map(({ section, listId: _listId, ...rest }) => JSON.stringify(sortKeys({ ...rest, section: section.title })));
}

test('parseList: a block cache gives the same model as a fresh parse after edits', () => {
  const cache = new BlockCache();
  parseList(reference, { cache });
  const edits: ((text: string) => string)[] = [
    (text) => text.replace('Glm-130b', 'GLM-130B'),
    (text) => text.replace('### Human Preferences\n', '### Human Preferences\n1. **New paper**. *Doe et al.* ICML 2020.\n'),
    (text) => text.replace('#### Human Feedback\n', ''),
    (text) => text.replace('## Evaluation of Alignment Targets', '## Evaluation'),
    (text) => text.slice(0, 2000) + text.slice(4000),
    (text) => text + '\n# Appendix\n1. **Tail**. *Roe et al.* arXiv 2021.\n',
    (text) => '```\n' + text,
  ];
  let text = reference;
  for (const edit of edits) {
    text = edit(text);
    const incremental = parseList(text, { cache });
    const fresh = parseList(text);
    assert.deepEqual(canonical(incremental), canonical(fresh));
    assert.deepEqual(incremental.blocks.map((block) => [block.kind, block.start, block.end, block.startLine]), fresh.blocks.map((block) => [block.kind, block.start, block.end, block.startLine]));
  }
});

test('parseList: empty text, only a BOM, and text without lists', () => {
  for (const text of ['', '\ufeff', 'just text', '\n\n\n']) {
    const list = parseList(text);
    assert.equal(list.entries.length, 0);
  }
});

test('parseList: repeated headings get the anchors github-slugger gives them', async () => {
  const { default: GithubSlugger } = await import('github-slugger');
  const titles = ['Benchmarks', 'Benchmarks', 'Benchmarks-1', 'Reward Model', 'Benchmarks', 'Human Values?', 'Human Values'];
  const list = parseList(titles.map((title) => `## ${title}\n`).join(''));
  const slugger = new GithubSlugger();
  assert.deepEqual(list.headings.map((heading) => heading.slug), titles.map((title) => slugger.slug(title)));
});

/** The fields of the one entry of a markdown text, as plain values, with what each span holds. */
function fieldsOf(markdown: string) {
  const list = parseList(markdown);
  assert.equal(list.entries.length, 1, `one entry in ${JSON.stringify(markdown)}`);
  const [entry] = list.entries;
  const at = (span: { start: number; end: number } | undefined) => span && list.text.slice(span.start, span.end);
  return {
    marker: entry.number ? 'numbered' : 'bulleted',
    date: at(entry.date),
    lead: entry.leadName?.text,
    title: entry.title?.text,
    titleSpan: at(entry.title),
    quoted: entry.titleQuoted,
    titlePeriod: entry.periodAfterTitle,
    titleUrl: entry.titleUrl?.text,
    authors: entry.authors?.text,
    authorsLine: entry.authorsLine,
    authorsPeriod: entry.authorsPeriod,
    venueInAuthors: entry.venueInAuthors,
    venue: entry.venue?.text,
    year: entry.year?.value,
    labels: entry.links.map((link) => `${link.openBracket ? '[' : ''}${link.label}${link.closeBracket ? ']' : ''}`),
  };
}

test('parseList: reads every entry shape the real lists use', () => {
  const shapes: [string, Partial<ReturnType<typeof fieldsOf>>][] = [
    [
      '3. **Title**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2204.07705)][[Data](https://x.org)]',
      { marker: 'numbered', title: 'Title', titlePeriod: 'outside', authors: 'Wang et al.', authorsLine: 'same', authorsPeriod: 'inside', venue: 'arXiv', year: 2022, labels: ['[Paper]', '[Data]'] },
    ],
    [
      '12. <u>The Pile</u>: **"The Pile: An 800GB Dataset"**. *Leo Gao et al*. arxiv 2021. [[Paper](http://arxiv.org/abs/2101.00027v1)] [[Source](https://pile.eleuther.ai/)]',
      { lead: 'The Pile', title: 'The Pile: An 800GB Dataset', titleSpan: 'The Pile: An 800GB Dataset', quoted: true, titlePeriod: 'outside', authors: 'Leo Gao et al', authorsPeriod: 'outside', venue: 'arxiv', year: 2021, labels: ['[Paper]', '[Source]'] },
    ],
    [
      '1. **Graph Neural Networks: A Review.** AI Open 2020. [paper](https://doi.org/10.1016/j.aiopen.2021.01.001)\n\n    *Jie Zhou, Ganqu Cui.*',
      { title: 'Graph Neural Networks: A Review.', titlePeriod: 'inside', authors: 'Jie Zhou, Ganqu Cui.', authorsLine: 'next', venue: 'AI Open', year: 2020, labels: ['paper'] },
    ],
    [
      '- [2023/10] **Lemur: Harmonizing Language and Code.** *Yiheng Xu (HKU) et al. arXiv.* [[paper](https://arxiv.org/abs/2310.06830)] [[code](https://github.com/OpenLemur/Lemur)]',
      { marker: 'bulleted', date: '[2023/10]', title: 'Lemur: Harmonizing Language and Code.', authors: 'Yiheng Xu (HKU) et al.', venueInAuthors: true, venue: 'arXiv', year: 2023, labels: ['[paper]', '[code]'] },
    ],
    [
      '1. **Title.** *Janet Alvarez, Bo Li.* ICML 2020. [[Paper](https://x.org/1)]',
      { authors: 'Janet Alvarez, Bo Li.', venueInAuthors: false, venue: 'ICML', year: 2020 },
    ],
    [
      '- 2023.5 **Title.** *Li et al.* NeurIPS. [[paper]](https://x.org/1)',
      { date: '2023.5', year: 2023, venue: 'NeurIPS', labels: ['[paper]'] },
    ],
    [
      '- **[Attention Is All You Need](https://arxiv.org/abs/1706.03762)**. *Vaswani et al.* NeurIPS 2017.',
      { title: 'Attention Is All You Need', titleUrl: 'https://arxiv.org/abs/1706.03762', titlePeriod: 'outside', year: 2017, labels: [] },
    ],
    [
      '1. [Attention Is All You Need](https://arxiv.org/abs/1706.03762). *Vaswani et al.* NeurIPS 2017. [[Code](https://github.com/x/y)]',
      { title: 'Attention Is All You Need', titleUrl: 'https://arxiv.org/abs/1706.03762', year: 2017, labels: ['[Code]'] },
    ],
    [
      '- **\u201cQuoted Title.\u201d** *Wu et al.* ICML 2021. [[PDF](https://x.org/a.pdf)]',
      { title: 'Quoted Title.', titleSpan: 'Quoted Title.', quoted: true, titlePeriod: 'inside', year: 2021 },
    ],
  ];
  for (const [markdown, expected] of shapes) {
    const found = fieldsOf(markdown);
    const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, found[key as keyof typeof found]]));
    assert.deepEqual(picked, expected, markdown);
  }
});

test('parseList: a link first in an item is a title only beside authors or a year, and never in a sentence', () => {
  for (const markdown of [
    '- [Awesome Tool Collection](https://github.com/x/y) - A list of tools.\n',
    '- [LLMSurvey](#llmsurvey)\n',
    '- 🎉 [2024/05/02] R3 ([Training Large Language Models](https://arxiv.org/abs/2402.05808)) was accepted by ICML 2024!\n',
  ]) {
    assert.deepEqual(parseList(markdown).entries, [], markdown);
  }
});

test('parseList: an arXiv DOI names the same paper as its arXiv id', () => {
  const list = parseList('- **A.** *B et al. arXiv.* [[paper](https://doi.org/10.48550/arXiv.2302.04023)]\n- **A.** *B et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2302.04023)]\n');
  assert.deepEqual(list.entries.map((entry) => entry.identity), ['arxiv:2302.04023', 'arxiv:2302.04023']);
});
