// The fast readers (fastEntry.ts, plainAtxHeading) against remark on every item and heading of the real
// lists: slow, so it runs with the reliability tests; test/core/fastEntry.test.ts checks the edge cases.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanBlocks } from '../../server/src/core/blocks';
import { parseBlock, plainAtxHeading } from '../../server/src/core/parseBlock';

const fixtures = readdirSync('test/fixtures').filter((name) => name.endsWith('.md'));

test('reliability: the fast entry reader gives the same entry and links as remark on every item of the real lists', () => {
  for (const name of fixtures) {
    const text = readFileSync(join('test/fixtures', name), 'utf8');
    for (const block of scanBlocks(text)) {
      if (block.kind !== 'item') continue;
      const item = text.slice(block.start, block.end);
      if (item.includes('\n') || item.includes('\r')) continue;
      assert.deepEqual(parseBlock(item, 'item'), parseBlock(item, 'item', { fast: false }), item);
    }
  }
});

test('reliability: a plain ATX heading reads as remark reads it, on every heading of the real lists', async () => {
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
