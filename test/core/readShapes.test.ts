// The entry shapes of real lists in other house styles (issue "Read every real list right"), each read
// into the model, and the rules that used to misfire on them kept quiet. The examples are made up; the
// shapes are those of the corpus lists in test/fixtures/corpus.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseList } from '../../server/src/core/index';
import { lint } from '../helpers';

/** The fields of the one entry of a markdown snippet, or undefined when it holds none. */
function read(markdown: string) {
  const list = parseList(markdown);
  assert.ok(list.entries.length <= 1, `one entry at most in ${markdown}`);
  const entry = list.entries[0];
  return (
    entry && {
      title: entry.title?.text,
      titleStyle: entry.titleStyle,
      authors: entry.authors?.text,
      venue: entry.venue?.text,
      year: entry.year?.value,
      links: entry.links.map((link) => link.label),
    }
  );
}

function expectFields(markdown: string, expected: Partial<NonNullable<ReturnType<typeof read>>>): void {
  const found = read(markdown);
  assert.ok(found, `an entry in ${markdown}`);
  const picked = Object.fromEntries(Object.keys(expected).map((key) => [key, found[key as keyof typeof found]]));
  assert.deepEqual(picked, expected, markdown);
}

/** Errors and warnings of the rules that judge an entry's fields, on a list of copies of one shape. */
function fieldAlarms(markdown: string): string[] {
  return lint(markdown)
    .filter((finding) => (finding.severity === 'error' || finding.severity === 'warning') && /^entry-(title|authors|year|venue)$/.test(finding.code))
    .map((finding) => `${finding.code}: ${finding.message}`);
}

/** Six entries of one shape, numbered into the title so that they are six papers. */
function six(shape: (n: number) => string): string {
  return Array.from({ length: 6 }, (_, i) => shape(i + 1)).join('\n') + '\n';
}

test('shape 1: venue tags that carry the year, before the title or after a pipe', () => {
  expectFields('- (CVPR 2023) **Seeing Far**, A. Author et al. [[Paper](https://arxiv.org/abs/2301.00001)]\n', { title: 'Seeing Far', venue: 'CVPR', year: 2023, authors: 'A. Author et al' });
  expectFields("- (*NAACL'21*) Reading Deep [[paper](https://arxiv.org/abs/2101.00001)]\n", { title: 'Reading Deep', venue: 'NAACL', year: 2021 });
  expectFields("- Looking Around | **[ICCV' 17]** | [pdf](https://arxiv.org/pdf/1701.00001.pdf)\n", { title: 'Looking Around', titleStyle: 'plain', year: 2017 });
  expectFields('- \\[[EMNLP 2024](https://aclanthology.org/2024.emnlp-main.1/)\\] Talking Fast. `2024.11`\n', { title: 'Talking Fast', venue: 'EMNLP', year: 2024 });
  expectFields('- **[ICLR 2024]** Latent Graph Diffusion. [[Paper]](https://openreview.net/forum?id=x)\n', { title: 'Latent Graph Diffusion', venue: 'ICLR', year: 2024 });
  expectFields('1. [2023 Nature] **Models encode knowledge** [[paper]](https://www.nature.com/articles/x)\n', { title: 'Models encode knowledge', venue: 'Nature', year: 2023 });
  expectFields('-   2019-CVPR-[Efficient Network Compression](https://arxiv.org/abs/1811.12781)\n', { title: 'Efficient Network Compression', titleStyle: 'link', venue: 'CVPR', year: 2019 });
  assert.deepEqual(fieldAlarms(six((n) => `- (CVPR 2023) **Seeing Far ${n}**, A. Author et al. [[Paper](https://arxiv.org/abs/2301.0000${n})]`)), []);
});

test('shape 2: dates after the links or the title', () => {
  expectFields('- **Graph Nets** [[paper](https://arxiv.org/abs/2001.00001)] 2020.5\n', { year: 2020 });
  expectFields('- **Graph Nets** [[pdf](https://arxiv.org/abs/1901.00001)], 2019.10\n', { year: 2019 });
  expectFields('- **Graph Nets** `2023.05` [[pdf](https://arxiv.org/abs/2305.00001)]\n', { year: 2023 });
  expectFields('+ [Moving Pictures: A Model](https://arxiv.org/abs/1402.00001) (2014)\n', { title: 'Moving Pictures: A Model', year: 2014 });
  expectFields('+ [Moving Pictures: A Model](https://arxiv.org/abs/2602.08794) (Feb., 2026)\n', { year: 2026 });
});

test('shape 3: two-digit years are years', () => {
  expectFields("- **Talking Heads**. *A. Author, B. Author.* IVA '20. [[Paper](https://doi.org/10.1145/1)]\n", { year: 2020 });
  expectFields("- Looking Around **[CVPR' 19]** [pdf](https://arxiv.org/pdf/1901.00001.pdf)\n", { year: 2019 });
  expectFields("- (ACL'23) Reading Deep [[paper](https://aclanthology.org/2023.acl-long.1/)]\n", { venue: 'ACL', year: 2023 });
});

test('shape 4: authors in plain text, with and or &, after a comma, on the next line or in a second paragraph', () => {
  expectFields('1. **Adam: A Method**. D. Kingma and J. Ba. ICLR 2015. [paper](https://arxiv.org/abs/1412.6980)\n', { authors: 'D. Kingma and J. Ba', venue: 'ICLR', year: 2015 });
  expectFields('- **Graph Nets**, Xin Li & Yu Wang, NeurIPS 2020. [[pdf](https://arxiv.org/abs/2001.00001)]\n', { authors: 'Xin Li & Yu Wang' });
  expectFields('* **Robot Sim: A Physics Engine**, IROS, 2012\nEmanuel Todorov, Tom Erez, Yuval Tassa.\n[[page](https://ieeexplore.ieee.org/document/6386109/)]\n', { authors: 'Emanuel Todorov, Tom Erez, Yuval Tassa', venue: 'IROS', year: 2012 });
  expectFields('9. **Detecting Edit Failures**. (ACL 2023 Findings)<br />\nJason Hoelscher, Bo Li. [[paper](https://arxiv.org/abs/2305.00001)]\n', { authors: 'Jason Hoelscher, Bo Li', year: 2023 });
  expectFields('1. **Graph Neural Networks: A Review.** AI Open 2020. [paper](https://doi.org/10.1016/j.aiopen.2021.01.001)\n\n    *Jie Zhou, Ganqu Cui.*\n', { authors: 'Jie Zhou, Ganqu Cui.' });
  // Years, venues and months are not names.
  expectFields('**Protein design with language models.**  \nNoelia Ferruz, Birte Hocker.  \n*Preprint, September 2022.*  \n[[arxiv](https://arxiv.org/abs/2201.00001)]\n', { authors: 'Noelia Ferruz, Birte Hocker', year: 2022 });
});

test('shape 5: titles not in bold, as links, in bold links and after a name', () => {
  expectFields('- Power-law escape rate of sgd. In *ICML 2022*. [[pdf](https://arxiv.org/pdf/2105.09557.pdf)]\n', { title: 'Power-law escape rate of sgd', titleStyle: 'plain', venue: 'ICML', year: 2022 });
  expectFields('- [Sleak: automating address space layout derandomization](https://arxiv.org/abs/1901.00001) 2019\n', { title: 'Sleak: automating address space layout derandomization', titleStyle: 'link' });
  expectFields('- **[Attention Is All You Need](https://arxiv.org/abs/1706.03762)**. *Vaswani et al.* NeurIPS 2017.\n', { title: 'Attention Is All You Need', titleStyle: 'bold' });
  expectFields('- GPT-3 - [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)\n', { title: 'Language Models are Few-Shot Learners', titleStyle: 'link' });
  expectFields('* **TidyBot**: "Personalized Robot Assistance with Models",  *arXiv, May 2023*. [[Paper](https://arxiv.org/abs/2305.05658)]\n', { title: 'Personalized Robot Assistance with Models', titleStyle: 'quoted', year: 2023 });
  assert.deepEqual(fieldAlarms(six((n) => `- Power-law escape rate ${n}. In *ICML 2022*. [[pdf](https://arxiv.org/pdf/2105.0955${n}.pdf)]`)), []);
});

test('shape 6: a list or section that never gives a field is not asked for it', () => {
  assert.deepEqual(fieldAlarms(six((n) => `- **Paper number ${n}**. Preprint. [[Paper](https://arxiv.org/abs/2301.0000${n})]`)), []);
  assert.deepEqual(fieldAlarms(six((n) => `- **[ICLR 2024]** Paper number ${n}. [[Paper]](https://arxiv.org/abs/2301.0000${n})`)), []);
  // Where nine of ten have the field, the tenth is told.
  const house = Array.from({ length: 9 }, (_, i) => `${i + 1}. **Paper number ${i + 1}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${i})]`).join('\n');
  const alarms = fieldAlarms(`${house}\n10. **Paper ten**. arXiv. [[Paper](https://arxiv.org/abs/2212.10570)]\n`);
  assert.deepEqual(alarms.map((alarm) => alarm.split(':')[0]), ['entry-authors', 'entry-year']);
});

test('shape 7: table rows are entries, with fields from the column headers', () => {
  const table = [
    '| Title & Authors | Venue | Links |',
    '|:--|:--:|:--:|',
    '| [Sheared Models: Accelerating Training](https://arxiv.org/abs/2310.06694) <br> Mengzhou Xia, Tianyu Gao | ICLR 2024 | [Code](https://github.com/x/y) |',
    '| [Pruning Large Models](https://arxiv.org/abs/2306.11695) <br> Mingjie Sun, Zhuang Liu | arXiv 2023 | [Code](https://github.com/x/z) |',
    '',
  ].join('\n');
  const list = parseList(table);
  assert.deepEqual(
    list.entries.map((entry) => [entry.title?.text, entry.authors?.text, entry.venue?.text, entry.year?.value, entry.links.map((link) => link.label)]),
    [
      ['Sheared Models: Accelerating Training', 'Mengzhou Xia, Tianyu Gao', 'ICLR', 2024, ['Code']],
      ['Pruning Large Models', 'Mingjie Sun, Zhuang Liu', 'arXiv', 2023, ['Code']],
    ],
  );
  // A row whose title cell lists several things, or that links no paper, is not a paper.
  assert.equal(parseList('| Type | Datasets |\n|---|---|\n| **Facts** | [ZSRE](https://github.com/a/b), [CounterFact](https://rome.baulab.info/) |\n').entries.length, 0);
});

test('shape 8: <details> summaries and HTML lists', () => {
  expectFields('<details><summary>Seeing in the Dark (2023) [<a href="https://arxiv.org/abs/2301.00001">Paper</a>]</summary>\nNotes.\n</details>\n', { title: 'Seeing in the Dark', year: 2023, links: ['Paper'] });
  const html = '<h4 id="collection">Data Collection</h4>\n<ul>\n<li><a href="https://arxiv.org/abs/2402.14683"><b>Visual hallucinations of language models</b></a></li>\n<li><a href="https://arxiv.org/abs/2401.06209"><b>Eyes wide shut</b></a></li>\n</ul>\n';
  const list = parseList(html);
  assert.deepEqual(list.entries.map((entry) => [entry.title?.text, entry.section.title]), [
    ['Visual hallucinations of language models', 'Data Collection'],
    ['Eyes wide shut', 'Data Collection'],
  ]);
});

test('shape 9: news, contents, contribution templates, digests and lists of tools are not entries', () => {
  const text = [
    '## News',
    '- [2024-03] We release the survey [[Paper](https://arxiv.org/abs/2403.00001)] 2024.',
    '## Contents',
    '- [Papers](#papers)',
    '## Papers',
    '> - **Title**. *Authors.* Venue Year. [[Paper](URL)]',
    '- **Real Paper**. *A et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]',
    '  - <details><summary>Digest</summary> This paper studies things in 2023.</details>',
    '## Tools',
    '- [Awesome Tool Collection](https://github.com/x/y) - A list of tools.',
    '- [Other Tool](https://github.com/x/z) - Another tool, 2023.',
    '',
  ].join('\n');
  assert.deepEqual(parseList(text).entries.map((entry) => entry.title?.text), ['Real Paper']);
});

test('shape 10: descriptive link labels and venue labels are not misspellings', () => {
  const text = six((n) => `${n}. **Paper ${n}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${n})][[official code - pytorch](https://github.com/a/b${n})][[NeurIPS 2023](https://neurips.cc/${n})]`);
  assert.deepEqual(lint(text).filter((finding) => finding.code === 'link-label' || finding.code === 'house-style'), []);
});

test('shape 11: an anchor that drops a heading\'s badge is found', () => {
  const text = '# Awesome-X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n- [Top](#awesome-x-)\n';
  assert.deepEqual(lint(text, 'anchor-missing'), []);
});

test('shape 12: two titles on one arXiv id are not duplicates, and no copy is removed', () => {
  const titles = [
    'Seeing in the dark with event cameras',
    'Graph networks for molecule property prediction',
    'Talking to robots through natural language',
    'Scaling laws for neural language models',
    'Sparse attention for long documents',
    'Protein folding with deep networks',
  ];
  const text = six((n) => `${n}. **${titles[n - 1]}**. *Wang et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.0000${n})]`).replace('2301.00002', '2301.00001');
  const findings = lint(text, 'entry-duplicate');
  assert.equal(findings.length, 2);
  assert.ok(findings.every((finding) => finding.fixes.every((fix) => !/remove/i.test(fix.title))), 'no removal is offered');
});

test('shape 13: broken links are link-syntax errors, not missing files', () => {
  const text = six((n) => `${n}. **Paper ${n}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${n})]`) + '7. **Paper 7**. *Wang et al.* arXiv 2022. [LLM]([https://arxiv.org/abs/2212.10567)\n';
  const codes = lint(text, undefined, { host: { fileExists: () => false } }).filter((finding) => finding.severity !== 'info').map((finding) => finding.code);
  assert.ok(codes.includes('link-syntax'), codes.join());
  assert.ok(!codes.includes('file-missing'), codes.join());
});

test('shape 14: link checks run on links outside entries too', () => {
  const text = six((n) => `${n}. **Paper ${n}**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.1056${n})]`) + '\nSee [our site](https://example.org/?utm_source=x) for more.\n';
  assert.deepEqual(lint(text, 'url-tracking').length, 1);
});

test('a title in quotes with no nickname is read without its quotes, so that fixes stay idempotent', () => {
  expectFields('* "Planning with Language Models via Re-prompting", *arXiv, Nov 2022*. [[Paper](https://arxiv.org/abs/2211.09935)]\n', {
    title: 'Planning with Language Models via Re-prompting',
    titleStyle: 'quoted',
    year: 2022,
  });
});

test('a month before the year is a date, not a venue; a pipe in a tag joins a date and a venue', () => {
  expectFields('+ [Video Models That Move Things](https://arxiv.org/abs/2403.12345) (Mar., 2026)\n', { venue: undefined, year: 2026 });
  expectFields('+ [Video Models That Move Things](https://arxiv.org/abs/2403.12345) (Mar., 2024 | ECCV 2024)\n', { venue: 'ECCV', year: 2024 });
});

test('a link group glued to the title\'s period, and a description in parentheses, are no part of a title', () => {
  expectFields('- [[IROS](https://arxiv.org/abs/1803.08181)] CalibNet: Supervised Extrinsic Calibration.[[tensorflow](https://github.com/a/b)]\n', { title: 'CalibNet: Supervised Extrinsic Calibration' });
  assert.equal(read('- [[BLVD](https://github.com/a/b)] (a) 3D detection, (b) 4D tracking. [[ICRA 2019 paper](https://arxiv.org/abs/1903.06405)]\n')?.title, undefined);
});

test('a year alone in brackets before the title is a date, as [2023/05] is', () => {
  const entry = parseList('- [2023] **Seeing far with event cameras** *Li et al.* [[paper](https://arxiv.org/abs/2301.00001)]\n').entries[0];
  assert.deepEqual([entry.date?.text, entry.date?.year, entry.year?.value, entry.venue?.text], ['[2023]', 2023, 2023, undefined]);
});
