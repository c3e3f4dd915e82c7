import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { BlockCache, parseList } from '../../../server/src/core/index';
import { applyEdits } from '../../../server/src/core/fix';
import type { PaperList, Section } from '../../../server/src/core/model';
import { sortSectionEdits, type SortOrder } from '../../../server/src/core/features/sortSection';

const reference = readFileSync(resolve(__dirname, '../../fixtures/alignment-survey.md'), 'utf8');

function sorted(text: string, title: string, by: SortOrder): string {
  const list = parseList(text);
  const section = list.sections.find((candidate) => candidate.title === title);
  assert.ok(section, `section ${title}`);
  return applyEdits(text, sortSectionEdits(list, section, by));
}

/** Every top-level item's text without its number, for comparing what a sort kept. */
function itemTexts(list: PaperList, section: Section): string[] {
  const text = list.text;
  return list.entries.filter((entry) => entry.section.title === section.title && entry.section.level === section.level)
    .map((entry) => text.slice(entry.span.start, entry.span.end).replace(/^\d+\./, ''))
    .sort();
}

const section = [
  '## Papers',
  '',
  '1. **beta**. *B et al.* arXiv 2021. [[Paper](https://b)]',
  '2. **Alpha**. *A et al.* arXiv 2023. [[Paper](https://a)]',
  '   A continuation line that belongs to Alpha.',
  '3. **gamma**. *C et al.* arXiv 2021. [[Paper](https://c)]',
  '4. **No year here**. *D et al.* [[Paper](https://d)]',
  '',
  '## Next',
  '',
  '1. **Zeta**. *Z et al.* arXiv 2020.',
].join('\n');

test('sortSection: by year, newest first, ties and entries without a year keep their order', () => {
  assert.equal(
    sorted(section, 'Papers', 'year'),
    [
      '## Papers',
      '',
      '1. **Alpha**. *A et al.* arXiv 2023. [[Paper](https://a)]',
      '   A continuation line that belongs to Alpha.',
      '2. **beta**. *B et al.* arXiv 2021. [[Paper](https://b)]',
      '3. **gamma**. *C et al.* arXiv 2021. [[Paper](https://c)]',
      '4. **No year here**. *D et al.* [[Paper](https://d)]',
      '',
      '## Next',
      '',
      '1. **Zeta**. *Z et al.* arXiv 2020.',
    ].join('\n'),
  );
});

test('sortSection: by title ignoring case, as one edit over the list', () => {
  const list = parseList(section);
  const papers = list.sections.find((candidate) => candidate.title === 'Papers');
  assert.ok(papers);
  const edits = sortSectionEdits(list, papers, 'title');
  assert.equal(edits.length, 1);
  assert.equal(edits[0].start, section.indexOf('1. **beta**'));
  assert.equal(edits[0].end, section.indexOf('\n\n## Next'));
  assert.equal(
    applyEdits(section, edits),
    [
      '## Papers',
      '',
      '1. **Alpha**. *A et al.* arXiv 2023. [[Paper](https://a)]',
      '   A continuation line that belongs to Alpha.',
      '2. **beta**. *B et al.* arXiv 2021. [[Paper](https://b)]',
      '3. **gamma**. *C et al.* arXiv 2021. [[Paper](https://c)]',
      '4. **No year here**. *D et al.* [[Paper](https://d)]',
      '',
      '## Next',
      '',
      '1. **Zeta**. *Z et al.* arXiv 2020.',
    ].join('\n'),
  );
});

test('sortSection: keeps blank lines between items where they stand, and bullets, and nested lists', () => {
  const text = ['## S', '', '- **B**. *X.* 2020.', '', '- **A**. *Y.* 2022.', '  - **Nested**. *Z.* 1999.', '', 'After.'].join('\n');
  assert.equal(sorted(text, 'S', 'year'), ['## S', '', '- **A**. *Y.* 2022.', '  - **Nested**. *Z.* 1999.', '', '- **B**. *X.* 2020.', '', 'After.'].join('\n'));
});

test('sortSection: a number that grows moves the continuation lines with it', () => {
  const items = Array.from({ length: 10 }, (_, index) => `${index + 1}. **T${index}**. *A.* ${2000 + index}.`);
  items[0] += '\n   More about T0.';
  const text = ['## S', '', ...items].join('\n');
  const result = sorted(text, 'S', 'year');
  assert.match(result, /\n10\. \*\*T0\*\*\. \*A\.\* 2000\.\n {4}More about T0\.$/);
  assert.match(result, /\n\n1\. \*\*T9\*\*/);
});

test('sortSection: a list numbered all 1. stays so', () => {
  const text = ['## S', '', '1. **Old**. *A.* 2001.', '1. **New**. *A.* 2024.'].join('\n');
  assert.equal(sorted(text, 'S', 'year'), ['## S', '', '1. **New**. *A.* 2024.', '1. **Old**. *A.* 2001.'].join('\n'));
});

test('sortSection: on every section of the reference list, never drops an entry and is idempotent', () => {
  const list = parseList(reference);
  // The sorted texts differ from the reference in one section each, so one cache parses them quickly.
  const cache = new BlockCache();
  parseList(reference, { cache });
  let changed = 0;
  for (const by of ['year', 'title'] as const) {
    for (const candidate of list.sections) {
      if (!candidate.heading) continue;
      const once = applyEdits(reference, sortSectionEdits(list, candidate, by));
      if (once !== reference) changed++;
      assert.equal(once.split('\n').length, reference.split('\n').length);
      const again = parseList(once, { cache });
      assert.deepEqual(itemTexts(again, candidate), itemTexts(list, candidate), `${by} ${candidate.title}`);
      const same = again.sections.find((other) => other.heading?.line === candidate.heading?.line);
      assert.ok(same);
      assert.deepEqual(sortSectionEdits(again, same, by), [], `${by} ${candidate.title} twice`);
      // The sorted list is numbered 1, 2, 3 … like the original.
      const numbers = same.entries.map((entry) => entry.number?.value);
      assert.deepEqual(numbers, same.entries.map((_, index) => index + 1));
    }
  }
  assert.ok(changed > 10);
});
