import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseList } from '../../../server/src/core/index';
import { bibRecordCompletions, completionsAt, type CompletionData } from '../../../server/src/core/features/index';
import { importBibtex } from '../../../server/src/core/features/bibtexImport';
import { config, cursor, expandSnippet } from './cursor';

const list3 = [
  '# Papers',
  '',
  '## Instructions',
  '',
  '1. **Self-instruct: Aligning language models**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2212.10560)][[Data](https://github.com/a/b)]',
  '2. **Training language models to follow instructions with human feedback**. *Ouyang et al.* Neurips 2022. [[Paper](https://example.org/ouyang.pdf)]',
  '3. **Scaling instruction-finetuned language models**. *Chung et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2210.11416)][[Code](https://github.com/c/d)]',
].join('\n');

function complete(marked: string, layer?: Parameters<typeof config>[0]): { text: string; items: CompletionData[] } {
  const { text, offset } = cursor(marked);
  return { text, items: completionsAt(parseList(text), offset, config(layer)) };
}

/** Applies an item to the text; `|` marks where the cursor ends up for snippets. */
function apply(text: string, item: CompletionData): string {
  const inserted = item.snippet ? expandSnippet(item.insertText) : item.insertText;
  return text.slice(0, item.replace.start) + inserted + text.slice(item.replace.end);
}

test('completions: link labels after [[, most used first, then configured ones', () => {
  const { text, items } = complete(`${list3}\n4. **New**. *Doe et al.* arXiv 2024. [[|`, { linkLabels: ['Slides'] });
  assert.deepEqual(items.map((item) => item.label), ['Paper', 'Data', 'Code', 'Slides', 'Demo', 'Video', 'Blog', 'Website']);
  assert.ok(items.every((item) => item.kind === 'link-label'));
  assert.equal(apply(text, items[0]), `${list3}\n4. **New**. *Doe et al.* arXiv 2024. [[Paper](|)]`);
});

test('completions: a typed label prefix and auto-closed brackets are replaced', () => {
  const { text, items } = complete(`${list3}\n4. **New**. *Doe et al.* arXiv 2024. [[Da|]]`);
  const data = items.find((item) => item.label === 'Data')!;
  assert.equal(apply(text, data), `${list3}\n4. **New**. *Doe et al.* arXiv 2024. [[Data](|)]`);
});

test('completions: venues after the authors, the list\'s own in canonical spelling first', () => {
  const { text, items } = complete(`${list3}\n4. **New**. *Doe et al.* |`);
  const labels = items.map((item) => item.label);
  assert.deepEqual(labels.slice(0, 2), ['arXiv', 'NeurIPS']);
  assert.ok(!labels.includes('Neurips'));
  assert.ok(labels.includes('ICML') && labels.includes('TACL') && labels.includes('JMLR'));
  assert.equal(apply(text, items[1]), `${list3}\n4. **New**. *Doe et al.* NeurIPS`);
});

test('completions: a typed venue prefix is replaced with the whole venue', () => {
  const { text, items } = complete(`${list3}\n4. **New**. *Doe et al.* IC|`);
  const iclr = items.find((item) => item.label === 'ICLR')!;
  assert.equal(apply(text, iclr), `${list3}\n4. **New**. *Doe et al.* ICLR`);
});

test('completions: author strings inside *…*, closing the emphasis when it is open', () => {
  const open = complete(`${list3}\n4. **New**. *Ou|`);
  const ouyang = open.items.find((item) => item.label === 'Ouyang et al.')!;
  assert.equal(open.items[0].kind, 'author');
  assert.equal(apply(open.text, ouyang), `${list3}\n4. **New**. *Ouyang et al.*`);
  const closed = complete(`${list3}\n4. **New**. *Ou|* arXiv 2024.`);
  const again = closed.items.find((item) => item.label === 'Ouyang et al.')!;
  assert.equal(apply(closed.text, again), `${list3}\n4. **New**. *Ouyang et al.* arXiv 2024.`);
});

test('completions: the next number at the start of a new item, and the entry snippet', () => {
  const { text, items } = complete(`${list3}\n|`);
  assert.deepEqual(items.map((item) => item.kind), ['number', 'entry-snippet']);
  assert.equal(apply(text, items[0]), `${list3}\n4. `);
  const year = new Date().getFullYear();
  assert.equal(apply(text, items[1]), `${list3}\n4. **Title**. *Author et al.* arXiv ${year}. [[Paper](https://arxiv.org/abs/)]|`);
});

test('completions: a list of ones continues with 1.', () => {
  const ones = list3.replace(/^[23]\./gm, '1.');
  const { text, items } = complete(`${ones}\n|`);
  assert.equal(apply(text, items[0]), `${ones}\n1. `);
});

test('completions: no number outside a numbered list', () => {
  const { items } = complete(`${list3}\n\n## Next\n\n|`);
  assert.deepEqual(items.map((item) => item.kind), ['entry-snippet']);
});

test('completions: the snippet after a typed marker has no number', () => {
  const { text, items } = complete(`${list3}\n4. |`);
  assert.equal(items.length, 1);
  const year = new Date().getFullYear();
  assert.equal(apply(text, items[0]), `${list3}\n4. **Title**. *Author et al.* arXiv ${year}. [[Paper](https://arxiv.org/abs/)]|`);
});

test('completions: after "N. **" the titles, each inserting the entry as it stands', () => {
  const { text, items } = complete(`${list3}\n\n## Feedback\n\n1. **Train|**`);
  const item = items.find((candidate) => candidate.label === 'Training language models to follow instructions with human feedback')!;
  assert.equal(item.kind, 'title');
  assert.equal(
    apply(text, item),
    `${list3}\n\n## Feedback\n\n1. **Training language models to follow instructions with human feedback**. *Ouyang et al.* Neurips 2022. [[Paper](https://example.org/ouyang.pdf)]`,
  );
  assert.equal(items.length, 3);
});

test('completions: nothing in plain text, past the end or at odd offsets', () => {
  const { text } = cursor(`${list3}|`);
  const list = parseList(text);
  assert.deepEqual(completionsAt(list, text.indexOf('Papers'), config()), []);
  assert.deepEqual(completionsAt(list, text.length + 5, config()), []);
  assert.deepEqual(completionsAt(list, -1, config()), []);
  assert.deepEqual(completionsAt(list, 1.5, config()), []);
});

test('completions: a long line stays fast', () => {
  const { text, offset } = cursor(`${list3}\n4. **${'word [x] *y* '.repeat(2000)}|`);
  const list = parseList(text);
  const started = performance.now();
  completionsAt(list, offset, config());
  assert.ok(performance.now() - started < 50);
});

test('completions: the entry snippet follows the house style of the list', () => {
  const year = new Date().getFullYear();
  const dated = [
    '- [2023/10] **Lemur: Harmonizing Language and Code.** *Yiheng Xu et al. arXiv.* [[paper](https://arxiv.org/abs/2310.06830)] [[code](https://x.org/1)]',
    '- [2023/05] **Voyager: An Embodied Agent.** *Guanzhi Wang et al. arXiv.* [[paper](https://arxiv.org/abs/2305.16291)] [[code](https://x.org/2)]',
    '- [2023/03] **Reflexion: Language Agents.** *Noah Shinn et al. NeurIPS.* [[paper](https://arxiv.org/abs/2303.11366)]',
  ].join('\n');
  const first = complete(`${dated}\n- |`);
  assert.equal(apply(first.text, first.items[0]), `${dated}\n- [${year}] **Title.** *Author et al. arXiv.* [[paper](https://arxiv.org/abs/)]|`);
  const below = [
    '1. **Graph Neural Networks: A Review.** AI Open 2020. [paper](https://doi.org/10.1016/j.aiopen.2021.01.001)',
    '',
    '    *Jie Zhou, Ganqu Cui.*',
    '',
    '1. **A Comprehensive Survey on Graph Neural Networks.** arxiv 2019. [paper](https://arxiv.org/pdf/1901.00596.pdf)',
    '',
    '    *Zonghan Wu, Shirui Pan.*',
    '',
    '1. **Deep Learning on Graphs: A Survey.** arxiv 2018. [paper](https://arxiv.org/pdf/1812.04202.pdf)',
    '',
    '    *Ziwei Zhang, Peng Cui.*',
    '',
  ].join('\n');
  const second = complete(`${below}\n|`);
  const snippet = second.items.find((item) => item.kind === 'entry-snippet')!;
  assert.equal(apply(second.text, snippet), `${below}\n1. **Title.** arxiv ${year}. [paper](https://arxiv.org/abs/)\n\n   *Author et al.*\n|`);
});

test('completions: papers of a bibliography on a new item, as entries in the house style', () => {
  const records = importBibtex('@misc{lima, title={LIMA: Less Is More for Alignment}, author={Zhou, Chunting and others}, year={2023}, eprint={2305.11206}, archivePrefix={arXiv}}');
  const { text, offset } = cursor(`${list3}\n4. LIM|`);
  const list = parseList(text);
  const line = list.lines.lineAt(offset);
  const [item] = bibRecordCompletions(list, line, () => records, config());
  assert.deepEqual([item.label, item.detail, item.filterText], ['LIMA: Less Is More for Alignment', 'Zhou et al. · arXiv 2023', '4. LIMA: Less Is More for Alignment']);
  assert.equal(apply(text, item), `${list3}\n4. **LIMA: Less Is More for Alignment**. *Zhou et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.11206)]`);
  // Not once the entry has a title or a link, and not outside list items.
  for (const marked of [`${list3}\n4. **LIM|`, `${list3}\n4. [[|`, `${list3}\n\nLIM|`]) {
    const at = cursor(marked);
    const other = parseList(at.text);
    // Nor is the bibliography read there.
    assert.deepEqual(bibRecordCompletions(other, other.lines.lineAt(at.offset), () => assert.fail('the bibliography is read'), config()), [], marked);
  }
});

test('completions: a digit typed on the line after the last item still offers the next number (issue 15)', () => {
  // The digit alone continues item 3's paragraph, so the item before the line is item 3, not item 2.
  const { text, items } = complete(`${list3}\n1|`);
  const number = items.find((item) => item.kind === 'number');
  assert.equal(number?.label, '4.');
  assert.equal(apply(text, number!), `${list3}\n4. `);
});

test('completions: a half-typed venue is not offered as a venue of its own (issue 15)', () => {
  const { items } = complete(`${list3}\n4. **New**. *Doe et al.* arXivNeu|`);
  const labels = items.map((item) => item.label);
  assert.ok(!labels.includes('arXivNeu'), `offered ${labels.slice(0, 5).join(', ')}`);
  assert.ok(labels.includes('NeurIPS'));
});

test('completions: after [[ the list\'s own labels most used first, then the common labels it has not used yet (issue 15)', () => {
  const onlyPapers = list3.replace(/\[\[(Data|Code)\]/g, '[[Paper]');
  const { items } = complete(`${onlyPapers}\n4. **New**. *Doe et al.* arXiv 2024. [[|`);
  assert.deepEqual(items.map((item) => item.label), ['Paper', 'Code', 'Demo', 'Slides', 'Video', 'Blog', 'Website']);
  assert.equal(items[1].detail, 'Common link label, not used in this list yet');
});

test('completions: the entry snippet offers the list\'s venues as a choice, most used first (issue 15)', () => {
  const { items } = complete(`${list3}\n|`);
  const snippet = items.find((item) => item.kind === 'entry-snippet')!;
  assert.match(snippet.insertText, /\$\{3\|arXiv,Neurips\|\}/);
});
