import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseList } from '../../../server/src/core/index';
import { entriesToCsv, exportEntries, type ExportedEntry } from '../../../server/src/core/features/exportEntries';

const nested = [
  'Papers before any heading:',
  '',
  '- **Root paper** 2019',
  '',
  '# Survey',
  '',
  '## Methods',
  '',
  '### Prompting',
  '',
  '1. **Chain-of-thought prompting elicits reasoning**. *Wei et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2201.11903)][[Code](https://github.com/example/cot)][[Blog](https://example.org/cot)]',
  '2. **A paper on two lines**.',
  '   *Smith et al.* ICML 2021. [[Paper](https://doi.org/10.1000/XYZ.123)]',
  '',
  '## Data',
  '',
  '- [2023/05] **[Linked title](https://example.org/linked)**',
  '',
].join('\n');

function entries(text: string): ExportedEntry[] {
  return exportEntries(parseList(text));
}

test('exportEntries: every field, with null for what an entry lacks', () => {
  const [, first, , linked] = entries(nested);
  assert.deepEqual(first, {
    line: 11,
    endLine: 11,
    sections: ['Survey', 'Methods', 'Prompting'],
    number: 1,
    title: 'Chain-of-thought prompting elicits reasoning',
    titleUrl: null,
    authors: 'Wei et al.',
    venue: 'NeurIPS',
    year: 2022,
    date: null,
    arxivId: '2201.11903',
    doi: null,
    links: [
      { label: 'Paper', url: 'https://arxiv.org/abs/2201.11903' },
      { label: 'Code', url: 'https://github.com/example/cot' },
      { label: 'Blog', url: 'https://example.org/cot' },
    ],
  });
  assert.deepEqual(linked, {
    line: 17,
    endLine: 17,
    sections: ['Survey', 'Data'],
    number: null,
    title: 'Linked title',
    titleUrl: 'https://example.org/linked',
    authors: null,
    venue: null,
    // The parser takes the year from the date when the entry gives none of its own.
    year: 2023,
    date: '[2023/05]',
    arxivId: null,
    doi: null,
    links: [],
  });
});

test('exportEntries: the keys come in one order and no value is undefined', () => {
  for (const entry of entries(nested)) {
    assert.deepEqual(Object.keys(entry), ['line', 'endLine', 'sections', 'number', 'title', 'titleUrl', 'authors', 'venue', 'year', 'date', 'arxivId', 'doi', 'links']);
    for (const [key, value] of Object.entries(entry)) assert.notEqual(value, undefined, key);
  }
});

test('exportEntries: an entry before the first heading has no sections', () => {
  const [root] = entries(nested);
  assert.deepEqual([root.line, root.sections, root.title, root.year], [3, [], 'Root paper', 2019]);
});

test('exportEntries: a multi-line item has 1-based line and endLine', () => {
  const twoLines = entries(nested)[2];
  assert.deepEqual([twoLines.line, twoLines.endLine, twoLines.number, twoLines.authors, twoLines.doi], [12, 13, 2, 'Smith et al.', '10.1000/xyz.123']);
});

test('exportEntries: links keep the order of the entry', () => {
  const [, first] = entries(nested);
  assert.deepEqual(first.links.map((link) => link.label), ['Paper', 'Code', 'Blog']);
});

test('entriesToCsv: a header row, then one row per entry, with RFC 4180 quoting', () => {
  const text = '# Papers\n\n1. **Attention, "really", is all you need**. *Vaswani et al.* NeurIPS 2017. [[Paper](https://example.org/a)][[Code](https://example.org/b)]\n';
  const csv = entriesToCsv([{ file: 'list.md', entries: entries(text) }]);
  assert.equal(
    csv,
    'file,line,endLine,sections,number,title,titleUrl,authors,venue,year,date,arxivId,doi,links\n' +
      'list.md,3,3,Papers,1,"Attention, ""really"", is all you need",,Vaswani et al.,NeurIPS,2017,,,,Paper <https://example.org/a> | Code <https://example.org/b>\n',
  );
});

test('entriesToCsv: sections are joined with " > " and a file name with a comma is quoted', () => {
  const csv = entriesToCsv([{ file: 'a,b.md', entries: entries(nested) }]);
  const rows = csv.split('\n');
  assert.equal(rows.length, 6, 'a header, four entries and the empty string after the last line end');
  assert.equal(rows[5], '');
  assert.ok(rows[2].startsWith('"a,b.md",11,11,Survey > Methods > Prompting,1,'), rows[2]);
});

test('entriesToCsv: no entries give the header alone', () => {
  assert.equal(entriesToCsv([]), 'file,line,endLine,sections,number,title,titleUrl,authors,venue,year,date,arxivId,doi,links\n');
});
