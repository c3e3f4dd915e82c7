import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBibtexAt } from '../../../server/src/core/features/bibtexImport';
import { insertEntriesEdits } from '../../../server/src/core/features/insertEntries';
import { applyEdits } from '../../../server/src/core/fix';
import { parseList } from '../../../server/src/core/parseList';

const bibtex = '@misc{a, title={First}, author={Doe, Jane and others}, year={2024}}\n@misc{b, title={Second}, author={Roe, Rick and others}, year={2023}, journal={Nature}}';

/** The text after adding the BibTeX papers before a zero-based line, as the command does it. */
function addAt(text: string, line: number): string {
  const list = parseList(text);
  return applyEdits(text, insertEntriesEdits(list, formatBibtexAt(list, bibtex, line), line));
}

test('insertEntries: papers added in the middle of a list push the items below up, items above stay', () => {
  const text = '# Papers\n1. **A**. *Li et al.* arXiv 2020.\n2. **B**. *Wu et al.* arXiv 2021.\n3. **C**. *Xu et al.* arXiv 2022.\n';
  assert.equal(
    addAt(text, 2),
    '# Papers\n1. **A**. *Li et al.* arXiv 2020.\n2. **First**. *Doe et al.* 2024.\n3. **Second**. *Roe et al.* Nature 2023.\n4. **B**. *Wu et al.* arXiv 2021.\n5. **C**. *Xu et al.* arXiv 2022.\n',
  );
});

test('insertEntries: a ten-item list moves the content of the later lines with the longer numbers', () => {
  const items = Array.from({ length: 9 }, (_, i) => `${i + 1}. **P${i}**. *Li et al.* arXiv 2020.\n   A note.`).join('\n');
  // Two papers before the ninth item make it the eleventh; its note moves one column with it.
  const result = addAt(`${items}\n`, 16);
  assert.ok(result.includes('9. **First**') && result.includes('10. **Second**'), result);
  assert.ok(result.endsWith('11. **P8**. *Li et al.* arXiv 2020.\n    A note.\n'), result);
});

test('insertEntries: a list numbered all 1 stays that way, and nothing else moves', () => {
  const text = '1. **A.** AAAI 2020. [paper](https://a.org/1)\n1. **B.** AAAI 2020. [paper](https://a.org/2)\n1. **C.** AAAI 2020. [paper](https://a.org/3)\n';
  const result = addAt(text, 1);
  assert.equal(result.split('\n').filter((line) => line.startsWith('1. ')).length, 5);
  assert.ok(!/^[2-9]\. /m.test(result));
});

test('insertEntries: at the end of a text without a final line break, and with CRLF', () => {
  assert.equal(addAt('1. **A**. *Li et al.* arXiv 2020.', 1), '1. **A**. *Li et al.* arXiv 2020.\n2. **First**. *Doe et al.* 2024.\n3. **Second**. *Roe et al.* Nature 2023.\n');
  assert.equal(
    addAt('1. **A**. *Li et al.* arXiv 2020.\r\n2. **B**. *Wu et al.* arXiv 2021.\r\n', 1),
    '1. **A**. *Li et al.* arXiv 2020.\r\n2. **First**. *Doe et al.* 2024.\r\n3. **Second**. *Roe et al.* Nature 2023.\r\n4. **B**. *Wu et al.* arXiv 2021.\r\n',
  );
});

test('insertEntries: nothing to insert is no edit, and every entry of the list is kept', () => {
  const text = '1. **A**. *Li et al.* arXiv 2020.\n2. **B**. *Wu et al.* arXiv 2021.\n';
  const list = parseList(text);
  assert.deepEqual(insertEntriesEdits(list, [], 1), []);
  const after = parseList(addAt(text, 1));
  assert.deepEqual(after.entries.map((entry) => entry.title?.text), ['A', 'First', 'Second', 'B']);
});

test('insertEntries: in a later section, only that section\'s list below the papers is renumbered', () => {
  const section = (name: string) => `## ${name}\n1. **A**. *Li et al.* arXiv 2020.\n2. **B**. *Wu et al.* arXiv 2021.\n`;
  const text = `# Papers\n${section('One')}\n${section('Two')}\n${section('Three')}`;
  // Line 7 is the second item of "Two".
  assert.equal(
    addAt(text, 7),
    `# Papers\n${section('One')}\n## Two\n1. **A**. *Li et al.* arXiv 2020.\n2. **First**. *Doe et al.* 2024.\n3. **Second**. *Roe et al.* Nature 2023.\n4. **B**. *Wu et al.* arXiv 2021.\n\n${section('Three')}`,
  );
});
