import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseList } from '../../../server/src/core/index';
import { arxivDate, parsePaperLink, refKey } from '../../../server/src/core/paperLinks';
import { findListedPaper, describeListed } from '../../../server/src/core/features/listedPaper';

const reference = readFileSync(resolve(__dirname, '../../fixtures/alignment-survey.md'), 'utf8');

/** Every spelling of a link, with the canonical key and URL it must come to. */
const forms: [source: string, inputs: string[], key: string, url: string][] = [
  [
    'arXiv new-style',
    [
      'https://arxiv.org/abs/2305.12345',
      'https://arxiv.org/abs/2305.12345v3',
      'http://arxiv.org/pdf/2305.12345v2.pdf',
      'https://arxiv.org/pdf/2305.12345',
      'https://arxiv.org/html/2305.12345v1',
      'https://export.arxiv.org/abs/2305.12345',
      'arxiv.org/abs/2305.12345',
      'arXiv:2305.12345',
      'arXiv:2305.12345v2',
      '2305.12345',
      'https://doi.org/10.48550/arXiv.2305.12345',
      '<https://arxiv.org/abs/2305.12345>',
    ],
    'arxiv:2305.12345',
    'https://arxiv.org/abs/2305.12345',
  ],
  ['arXiv four-digit', ['https://arxiv.org/abs/1706.03762v7', 'arXiv:1706.03762'], 'arxiv:1706.03762', 'https://arxiv.org/abs/1706.03762'],
  ['arXiv old-style', ['https://arxiv.org/abs/hep-th/9901001', 'arXiv:hep-th/9901001v2', 'https://arxiv.org/pdf/hep-th/9901001.pdf', 'math.GT/0309136'.toLowerCase()].slice(0, 3), 'arxiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
  [
    'DOI',
    ['https://doi.org/10.1145/3442188.3445922', 'http://dx.doi.org/10.1145/3442188.3445922', 'doi:10.1145/3442188.3445922', '10.1145/3442188.3445922', 'https://doi.org/10.1145%2F3442188.3445922'],
    'doi:10.1145/3442188.3445922',
    'https://doi.org/10.1145/3442188.3445922',
  ],
  [
    'OpenReview',
    ['https://openreview.net/forum?id=gEZrGCozdqR', 'https://openreview.net/pdf?id=gEZrGCozdqR', 'https://openreview.net/forum?id=gEZrGCozdqR&noteId=abc'],
    'openreview:gEZrGCozdqR',
    'https://openreview.net/forum?id=gEZrGCozdqR',
  ],
  [
    'ACL Anthology',
    ['https://aclanthology.org/2023.acl-long.1/', 'https://aclanthology.org/2023.acl-long.1.pdf', 'https://aclanthology.org/2023.acl-long.1.bib', '2023.acl-long.1'],
    'acl:2023.acl-long.1',
    'https://aclanthology.org/2023.acl-long.1/',
  ],
  ['ACL Anthology old-style', ['https://aclanthology.org/P19-1001/', 'https://www.aclweb.org/anthology/P19-1001.pdf', 'P19-1001'], 'acl:P19-1001', 'https://aclanthology.org/P19-1001/'],
  [
    'NeurIPS',
    [
      'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
      'https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf',
      'https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
    ],
    'neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a',
    'https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
  ],
  [
    'NeurIPS with a track',
    [
      'https://proceedings.neurips.cc/paper_files/paper/2022/hash/b1efde53be364a73914f58805a001731-Abstract-Conference.html',
      'https://proceedings.neurips.cc/paper_files/paper/2022/file/b1efde53be364a73914f58805a001731-Paper-Conference.pdf',
    ],
    'neurips:2022/b1efde53be364a73914f58805a001731',
    'https://proceedings.neurips.cc/paper_files/paper/2022/hash/b1efde53be364a73914f58805a001731-Abstract-Conference.html',
  ],
  ['PMLR', ['https://proceedings.mlr.press/v202/kirchenbauer23a.html', 'https://proceedings.mlr.press/v202/kirchenbauer23a/kirchenbauer23a.pdf'], 'pmlr:v202/kirchenbauer23a', 'https://proceedings.mlr.press/v202/kirchenbauer23a.html'],
  [
    'CVF',
    [
      'https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html',
      'https://openaccess.thecvf.com/content/CVPR2022/papers/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.pdf',
    ],
    'cvf:CVPR2022/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper',
    'https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html',
  ],
  [
    'CVF before 2020',
    ['http://openaccess.thecvf.com/content_cvpr_2018/html/Zhang_The_Unreasonable_Effectiveness_CVPR_2018_paper.html', 'https://openaccess.thecvf.com/content_cvpr_2018/papers/Zhang_The_Unreasonable_Effectiveness_CVPR_2018_paper.pdf'],
    'cvf:CVPR2018/Zhang_The_Unreasonable_Effectiveness_CVPR_2018_paper',
    'https://openaccess.thecvf.com/content/CVPR2018/html/Zhang_The_Unreasonable_Effectiveness_CVPR_2018_paper.html',
  ],
];

for (const [source, inputs, key, url] of forms) {
  test(`paper links: every form of a ${source} link comes to one canonical id and URL`, () => {
    for (const input of inputs) {
      const ref = parsePaperLink(input);
      assert.ok(ref, `${input} is recognised`);
      assert.equal(refKey(ref), key, input);
      assert.equal(ref.url, url, input);
    }
  });
}

test('paper links: the version of an arXiv link is kept apart from its id', () => {
  assert.equal(parsePaperLink('https://arxiv.org/abs/2305.12345v3')?.version, 3);
  assert.equal(parsePaperLink('https://arxiv.org/abs/2305.12345')?.version, undefined);
});

test('paper links: year and month come from an arXiv id, old style and new', () => {
  assert.deepEqual(arxivDate('2305.12345'), { year: 2023, month: 5 });
  assert.deepEqual(arxivDate('0704.0001'), { year: 2007, month: 4 });
  assert.deepEqual(arxivDate('hep-th/9901001'), { year: 1999, month: 1 });
  assert.deepEqual(arxivDate('math.gt/0309136'), { year: 2003, month: 9 });
  assert.equal(arxivDate('2313.12345'), undefined);
  const ref = parsePaperLink('arXiv:2212.10560');
  assert.equal(ref?.year, 2022);
  assert.equal(ref?.month, 12);
  assert.equal(ref?.venue, 'arXiv');
});

test('paper links: proceedings pages give venue and year', () => {
  assert.deepEqual([parsePaperLink('https://proceedings.mlr.press/v202/kirchenbauer23a.html')?.venue, parsePaperLink('https://proceedings.mlr.press/v202/kirchenbauer23a.html')?.year], ['ICML', 2023]);
  assert.deepEqual([parsePaperLink('2023.findings-emnlp.12')?.venue, parsePaperLink('2023.findings-emnlp.12')?.year], ['Findings of EMNLP', 2023]);
  assert.deepEqual([parsePaperLink('P19-1001')?.venue, parsePaperLink('P19-1001')?.year], ['ACL', 2019]);
  assert.equal(parsePaperLink('https://openaccess.thecvf.com/content/ICCV2023/html/X_Y_ICCV_2023_paper.html')?.venue, 'ICCV');
});

test('paper links: other text and links are not papers', () => {
  for (const input of ['', 'hello', 'https://github.com/org/repo', 'https://arxiv.org/list/cs.CL/recent', 'https://openreview.net/group?id=ICLR.cc', '10.1145', 'two words', 'javascript:alert(1)', '['.repeat(5000), '2313.12345']) {
    assert.equal(parsePaperLink(input), undefined, input.slice(0, 40));
  }
});

test('listed papers: an arXiv paper is found in the reference list by any form of its id', () => {
  const list = parseList(reference);
  // The list links it as https://arxiv.org/pdf/2212.10560.pdf.
  for (const input of ['https://arxiv.org/abs/2212.10560v2', 'arXiv:2212.10560', 'https://doi.org/10.48550/arXiv.2212.10560', 'https://arxiv.org/html/2212.10560']) {
    const found = findListedPaper(list, parsePaperLink(input));
    assert.ok(found.length >= 1, input);
    assert.equal(found[0].by, 'id');
    assert.match(found[0].entry.title!.text, /^Self-instruct/);
  }
  assert.match(describeListed(findListedPaper(list, parsePaperLink('arXiv:2212.10560'))), /^line \d+ under "Human Instructions"/);
});

test('listed papers: a near-identical title is found, a different one is not', () => {
  const list = parseList(reference);
  const found = findListedPaper(list, parsePaperLink('https://openreview.net/forum?id=abc'), 'Self-Instruct: Aligning Language Models with Self-Generated Instructions');
  assert.equal(found[0]?.by, 'title');
  assert.deepEqual(findListedPaper(list, parsePaperLink('arXiv:2401.00001'), 'A paper nobody wrote about anything'), []);
});

const otherForms = [
  '1. **Paper A**. *Smith et al.* NeurIPS 2020. [[Paper](https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf)]',
  '2. **Paper B**. *Smith et al.* ICML 2023. [[Paper](https://proceedings.mlr.press/v202/kirchenbauer23a/kirchenbauer23a.pdf)]',
  '3. **Paper C**. *Smith et al.* ACL 2023. [[Paper](https://aclanthology.org/2023.acl-long.1.pdf)]',
  '4. **Paper D**. *Smith et al.* ICLR 2023. [[Paper](https://openreview.net/pdf?id=gEZrGCozdqR)]',
  '5. **Paper E**. *Smith et al.* FAccT 2021. [[Paper](https://dl.acm.org/doi/10.1145/3442188.3445922)][[DOI](https://doi.org/10.1145/3442188.3445922)]',
  '6. **Paper F**. *Smith et al.* CVPR 2022. [[Paper](https://openaccess.thecvf.com/content/CVPR2022/papers/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.pdf)]',
].join('\n');

test('listed papers: each kind of link is found under another form of it', () => {
  const list = parseList(`# Papers\n\n${otherForms}\n`);
  const cases: [string, string][] = [
    ['https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html', 'Paper A'],
    ['https://proceedings.mlr.press/v202/kirchenbauer23a.html', 'Paper B'],
    ['2023.acl-long.1', 'Paper C'],
    ['https://openreview.net/forum?id=gEZrGCozdqR', 'Paper D'],
    ['doi:10.1145/3442188.3445922', 'Paper E'],
    ['https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html', 'Paper F'],
  ];
  for (const [input, title] of cases) {
    const found = findListedPaper(list, parsePaperLink(input));
    assert.deepEqual(found.map((place) => place.entry.title?.text), [title], input);
  }
});
