import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanBlocks } from '../../server/src/core/blocks';
import { fastParagraph } from '../../server/src/core/fastEntry';
import { parseBlock, plainAtxHeading } from '../../server/src/core/parseBlock';

const fixtures = readdirSync('test/fixtures').filter((name) => name.endsWith('.md'));

/** Every single-line list item of the real lists, plus variants that sit at the edges of the fast path. */
function items(): string[] {
  const found: string[] = [];
  for (const name of fixtures) {
    const text = readFileSync(join('test/fixtures', name), 'utf8');
    for (const block of scanBlocks(text)) {
      if (block.kind === 'item') found.push(text.slice(block.start, block.end));
    }
  }
  const edges = [
    '1. **T**. *A et al.* arXiv 2020. [[Paper](https://a.org/x_y.pdf)]',
    '1. **T** *A* 2020 [Paper](https://a.org)',
    '1. **T**. *A*. [[Paper](https://a.org)]] x',
    '1. **T**. *A* [[Paper](https://a.org?a=1&b=2)]',
    '1. **T**. *A* [[Paper](https://a.org?a=1&amp;b=2)]',
    '1. ** T**. *A* 2020.',
    '1. **T **. *A* 2020.',
    '1. **T**x *A* 2020.',
    '1. **"T"**. *A* 2020.',
    '1. **T**.*A* 2020.',
    '1. **T**. * A* 2020.',
    '1. **T**. *A *2020.',
    '1.     **T**. *A* 2020.',
    '12) **T**. *A* 2020. [[Code](u)][[Data](v)]',
    '- **T**. *A* 2020. [[Paper](https://a.org)] [[Code](https://b.org)]',
    '1. **T**. *A* 2020. [[Paper](a)](b)',
    '1. **T**. *A* 2020. [Paper][ref]',
    '1. **T**. *A* 2020. [[ Paper ](a)]',
    '1. **T**. *A* 2020. [[Paper]()]',
    '1. **T**. *A* 2020. [[Paper](<a b>)]',
    '1. **T**. *A* 2020. ![x](a.png)',
    '1. **T**. *A* *B* 2020.',
    '   2. **Nested**. *A* 2020. [[Paper](https://a.org)]',
  ];
  return [...found, ...edges];
}

test('fastEntry: gives the same entry and links as remark on every item of the real lists', () => {
  for (const item of items()) {
    if (item.includes('\n') || item.includes('\r')) continue;
    assert.deepEqual(parseBlock(item, 'item'), parseBlock(item, 'item', { fast: false }), item);
  }
});

test('fastEntry: nearly every entry of the reference list takes the fast path', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const entries = scanBlocks(text).filter((block) => block.kind === 'item').map((block) => text.slice(block.start, block.end));
  // The two Vicuna entries hold a `\%`, whose escape needs remark.
  assert.equal(entries.filter((entry) => fastParagraph(entry)).length, entries.length - 2);
});

test('fast headings: a plain ATX heading reads as remark reads it, on every heading of the real lists', async () => {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { toString } = await import('mdast-util-to-string');
  const processor = unified().use(remarkParse);
  const remarkText = (line: string) => {
    const heading = processor.parse(line).children.find((node) => node.type === 'heading');
    return heading ? toString(heading).replace(/\s+/g, ' ').trim() : undefined;
  };
  const folders = ['test/fixtures', 'test/fixtures/corpus'];
  const headings = ['## Foo ##', '## Foo #bar', '### ###', '#  Spaced   out  ', '#\tTab', '## 1. Intro', '## Foo # #', '   ## indented'];
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
      headings.push(...readFileSync(join(folder, name), 'utf8').split('\n').filter((line) => /^ {0,3}#/.test(line)));
    }
  }
  let fast = 0;
  for (const line of headings) {
    const text = plainAtxHeading(line);
    if (text === undefined) continue;
    fast++;
    assert.equal(text, remarkText(line), line);
  }
  assert.ok(fast > 500, `only ${fast} headings took the fast path`);
  for (const marked of ['## *Emphasis*', '## [Link](url)', '## A &amp; B', '## Escaped \\#', '## `code`', '## <a id="x"></a>Title']) assert.equal(plainAtxHeading(marked), undefined, marked);
});
