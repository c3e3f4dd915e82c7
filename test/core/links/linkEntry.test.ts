import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { applyEdits, BlockCache, parseList } from '../../../server/src/core/index';
import { insertionLine, linkInsertion, type PaperMetadata } from '../../../server/src/core/features/linkEntry';
import { findListedPaper } from '../../../server/src/core/features/listedPaper';
import { MetadataSources } from '../../../server/src/core/online/sources';
import { parsePaperLink } from '../../../server/src/core/paperLinks';
import { FakeClock } from '../../helpers/fakeClock';
import { startOnlineServer, type OnlineTestServer } from '../../helpers/onlineServer';

const lists = resolve(__dirname, '../../fixtures');
const read = (name: string) => readFileSync(resolve(lists, name), 'utf8');
let server: OnlineTestServer;
let sources: MetadataSources;
before(async () => {
  server = await startOnlineServer();
  sources = new MetadataSources({ fetch, urls: server.urls, clock: new FakeClock() });
});
after(() => server.close());

const links = ['https://arxiv.org/abs/1706.03762v7', 'doi:10.1145/3442188.3445922', 'https://openreview.net/forum?id=gEZrGCozdqR', '2020.findings-emnlp.301'];

/** For each list: the section the papers go into, and the entries the recorded metadata gives, in the list's house style. */
const expected: Record<string, { heading: string; entries: string[]; offline: string }> = {
  'alignment-survey.md': {
    heading: 'Human Instructions',
    entries: [
      '18. **Attention Is All You Need**. *Vaswani et al.* arXiv 2017. [[Paper](https://arxiv.org/pdf/1706.03762.pdf)]',
      '18. **On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜**. *Bender et al.* FAccT 2021. [[Paper](https://doi.org/10.1145/3442188.3445922)]',
      '18. **Finetuned Language Models are Zero-Shot Learners**. *Wei et al.* ICLR 2022. [[Paper](https://openreview.net/forum?id=gEZrGCozdqR)]',
      '18. **RealToxicityPrompts: Evaluating Neural Toxic Degeneration in Language Models**. *Gehman et al.* Findings of EMNLP 2020. [[Paper](https://aclanthology.org/2020.findings-emnlp.301/)]',
    ],
    offline: '18. **${1:Title}**. *${2:Author et al.}* arXiv 2017. [[Paper](https://arxiv.org/pdf/1706.03762.pdf)]$0',
  },
  'rucaibox-llmsurvey.md': {
    heading: 'Architecture',
    entries: [
      '1. **"Attention Is All You Need"**. *Vaswani et al*. arXiv 2017. [[Paper](https://arxiv.org/abs/1706.03762)]',
      '1. **"On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜"**. *Bender et al*. FAccT 2021. [[Paper](https://doi.org/10.1145/3442188.3445922)]',
      '1. **"Finetuned Language Models are Zero-Shot Learners"**. *Wei et al*. ICLR 2022. [[Paper](https://openreview.net/forum?id=gEZrGCozdqR)]',
      '1. **"RealToxicityPrompts: Evaluating Neural Toxic Degeneration in Language Models"**. *Gehman et al*. Findings of EMNLP 2020. [[Paper](https://aclanthology.org/2020.findings-emnlp.301/)]',
    ],
    offline: '1. **"${1:Title}"**. *${2:Author} et al*. arXiv 2017. [[Paper](https://arxiv.org/abs/1706.03762)]$0',
  },
  'thunlp-gnnpapers.md': {
    heading: 'Basic Models',
    entries: [
      '1. **Attention Is All You Need.** arxiv 2017. [paper](https://arxiv.org/pdf/1706.03762.pdf)\n\n   *Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, Lukasz Kaiser, Illia Polosukhin.*\n',
      '1. **On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜.** FAccT 2021. [paper](https://doi.org/10.1145/3442188.3445922)\n\n   *Emily M. Bender, Timnit Gebru, Angelina McMillan-Major, Shmargaret Shmitchell.*\n',
      '1. **Finetuned Language Models are Zero-Shot Learners.** ICLR 2022. [paper](https://openreview.net/forum?id=gEZrGCozdqR)\n\n   *Jason Wei, Maarten Bosma, Vincent Zhao, Kelvin Guu, Adams Wei Yu, Brian Lester, Nan Du, Andrew M. Dai, Quoc V Le.*\n',
      '1. **RealToxicityPrompts: Evaluating Neural Toxic Degeneration in Language Models.** Findings of EMNLP 2020. [paper](https://aclanthology.org/2020.findings-emnlp.301/)\n\n   *Samuel Gehman, Suchin Gururangan, Maarten Sap, Yejin Choi, Noah A. Smith.*\n',
    ],
    offline: '1. **${1:Title}.** arxiv 2017. [paper](https://arxiv.org/pdf/1706.03762.pdf)\n\n   *${2:Author et al.}*\n$0',
  },
  'woooodyy-llm-agent-paper-list.md': {
    heading: 'High-quality generation',
    entries: [
      '- [2017/06] **Attention Is All You Need.** *Vaswani et al. arXiv.* [[paper](https://arxiv.org/abs/1706.03762)]',
      '- [2021/03] **On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? 🦜.** *Bender et al. FAccT.* [[paper](https://doi.org/10.1145/3442188.3445922)]',
      '- [2022] **Finetuned Language Models are Zero-Shot Learners.** *Wei et al. ICLR.* [[paper](https://openreview.net/forum?id=gEZrGCozdqR)]',
      '- [2020/11] **RealToxicityPrompts: Evaluating Neural Toxic Degeneration in Language Models.** *Gehman et al. Findings of EMNLP.* [[paper](https://aclanthology.org/2020.findings-emnlp.301/)]',
    ],
    offline: '- [2017/06] **${1:Title}.** *${2:Author et al.} arXiv.* [[paper](https://arxiv.org/abs/1706.03762)]$0',
  },
};

for (const [file, { heading, entries, offline }] of Object.entries(expected)) {
  test(`link entry: ${file} gets each paper in its house style, from the recorded metadata`, async () => {
    const list = parseList(read(file));
    const section = list.sections.find((candidate) => candidate.heading?.text.includes(heading))!;
    // Each text after an insertion differs from the last one in one section, so one cache parses them quickly.
    const cache = new BlockCache();
    parseList(list.text, { cache });
    for (const [index, link] of links.entries()) {
      const ref = parsePaperLink(link)!;
      const metadata = await sources.fetchPaper(ref);
      const inserted = linkInsertion(list, section, ref, metadata);
      assert.equal(inserted.entry, entries[index], link);
      // The entry parses back as an entry of the section with the recorded title.
      const after = parseList(applyEdits(list.text, inserted.edits), { cache });
      assert.equal(after.entries.find((entry) => entry.line === inserted.line)?.title?.text.replace(/^"|"$/g, '').replace(/\.$/, ''), metadata.title, link);
      assert.ok(findListedPaper(after, ref).some((place) => place.line === inserted.line && place.by === 'id'), `${link} is then found where it went`);
    }
    assert.equal(linkInsertion(list, section, parsePaperLink(links[0])!, undefined, undefined, 'snippet').entry, offline);
  });
}

test('link entry: offline, every kind of link gives the fields its id holds and placeholders for the rest', () => {
  const list = parseList(read('alignment-survey.md'));
  const section = list.sections.find((candidate) => candidate.heading?.text === 'Human Instructions')!;
  // The reference list spells NeurIPS `Neurips`, and the new entry follows it.
  const cases: [string, string][] = [
    ['arXiv:2305.12345', '18. **Title**. *Author et al.* arXiv 2023. [[Paper](https://arxiv.org/pdf/2305.12345.pdf)]'],
    ['https://arxiv.org/abs/hep-th/9901001v2', '18. **Title**. *Author et al.* arXiv 1999. [[Paper](https://arxiv.org/pdf/hep-th/9901001.pdf)]'],
    ['10.1145/3442188.3445922', '18. **Title**. *Author et al.* Venue Year. [[Paper](https://doi.org/10.1145/3442188.3445922)]'],
    ['https://openreview.net/pdf?id=gEZrGCozdqR', '18. **Title**. *Author et al.* Venue Year. [[Paper](https://openreview.net/forum?id=gEZrGCozdqR)]'],
    ['https://aclanthology.org/2023.acl-long.1.pdf', '18. **Title**. *Author et al.* ACL 2023. [[Paper](https://aclanthology.org/2023.acl-long.1/)]'],
    ['https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf', '18. **Title**. *Author et al.* Neurips 2020. [[Paper](https://proceedings.neurips.cc/paper_files/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html)]'],
    ['https://proceedings.mlr.press/v202/kirchenbauer23a/kirchenbauer23a.pdf', '18. **Title**. *Author et al.* ICML 2023. [[Paper](https://proceedings.mlr.press/v202/kirchenbauer23a.html)]'],
    [
      'https://openaccess.thecvf.com/content/CVPR2022/papers/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.pdf',
      '18. **Title**. *Author et al.* CVPR 2022. [[Paper](https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html)]',
    ],
  ];
  for (const [link, entry] of cases) assert.equal(linkInsertion(list, section, parsePaperLink(link)!, undefined).entry, entry, link);
});

test('link entry: in a section sorted by date, the paper goes where its date says and the items below are renumbered', () => {
  const text = [
    '## Sorted',
    '',
    '1. **C**. *Doe et al.* arXiv 2024. [[Paper](https://arxiv.org/abs/2403.00001)]',
    '2. **B**. *Doe et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2306.00001)]',
    '3. **A**. *Doe et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2101.00001)]',
    '',
  ].join('\n');
  const list = parseList(text);
  const ref = parsePaperLink('arXiv:2205.00001')!;
  const metadata: PaperMetadata = { title: 'New', authors: ['Ann Roe'], year: 2022, month: 5, venue: 'arXiv' };
  const inserted = linkInsertion(list, list.sections[1] ?? list.sections[0], ref, metadata);
  assert.equal(inserted.line, 4);
  assert.equal(
    applyEdits(text, inserted.edits),
    [
      '## Sorted',
      '',
      '1. **C**. *Doe et al.* arXiv 2024. [[Paper](https://arxiv.org/abs/2403.00001)]',
      '2. **B**. *Doe et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2306.00001)]',
      '3. **New**. *Roe.* arXiv 2022. [[Paper](https://arxiv.org/abs/2205.00001)]',
      '4. **A**. *Doe et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2101.00001)]',
      '',
    ].join('\n'),
  );
});

test('link entry: an empty section gets the paper below its heading', () => {
  const text = '# List\n\n## Empty\n\n## Next\n\n1. **A**. *Doe.* arXiv 2021. [[Paper](https://arxiv.org/abs/2101.00001)]\n';
  const list = parseList(text);
  const section = list.sections.find((candidate) => candidate.heading?.text === 'Empty')!;
  assert.equal(insertionLine(list, section, 2022, 1), 4);
});
