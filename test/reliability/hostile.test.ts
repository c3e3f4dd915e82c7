// Hostile inputs: each must lint without throwing, with every range inside the document, in time
// linear in its size (a generous bound per MB). PAPERLIST_SOAK=1 adds larger sizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAll, lintText } from '../../server/src/core/index';
import { scanLinks, scanUnclosedLabels } from '../../server/src/core/analysis/linkSyntaxScan';
import { decodeText } from '../../server/src/node/files';
import { rangeProblems } from './checks';
import { referenceList, soak } from './generators';
import { tally } from './tally';

const megabyte = 1 << 20;
/** Generous, for a shared 2-core machine: real lists lint at about 3 s/MB there. */
const millisecondsPerMegabyte = 20_000;
/** Small inputs still pay for start-up work such as compiling remark's tokenizers. */
const floorMilliseconds = 2_000;
const options = { currentYear: 2026 };

/** The reference list repeated to `bytes` characters, every title and heading made unique by a copy number. */
export function bigList(bytes: number): string {
  const lines = referenceList.split('\n');
  const parts: string[] = [];
  let length = 0;
  for (let copy = 0; length < bytes; copy++) {
    for (const line of lines) {
      const unique = line.replace(/\*\*([^*\n]+)\*\*/, (_match, title: string) => `**${title} (copy ${copy})**`).replace(/^(#+ .*)$/, `$1 ${copy}`);
      parts.push(unique);
      length += unique.length + 1;
    }
  }
  return parts.join('\n');
}

/** Many short, distinct entries: the most blocks per MB. */
function shortEntries(bytes: number): string {
  const parts: string[] = ['# Papers'];
  let length = 0;
  for (let i = 1; length < bytes; i++) {
    const line = `${i}. **T${i}** *A et al.* arXiv 2020. [[Paper](https://arxiv.org/abs/2001.${String(i % 100000).padStart(5, '0')})]`;
    parts.push(line);
    length += line.length + 1;
  }
  return parts.join('\n');
}

/** Distinct list items, each just under the block limits of parseBlock, packed with one kind of markup. */
function denseBlocks(piece: string, bytes: number): string {
  const body = piece.repeat(Math.floor(590 / Math.max(1, piece.replace(/[^[\]()*_`<\\]/g, '').length)));
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const line = `1. **T${i}** ${body} ${'x'.repeat(Math.max(0, 8000 - body.length))}`.slice(0, 8100);
    parts.push(line);
    length += line.length + 1;
  }
  return parts.join('\n');
}

const hostile: [name: string, build: () => string][] = [
  ['empty file', () => ''],
  ['a single newline', () => '\n'],
  ['a lone BOM', () => '\ufeff'],
  ['1 MB single line of letters', () => 'x'.repeat(megabyte)],
  ['1 MB single line of link groups', () => `1. **T**. *A et al.* arXiv 2020. ${'[[Paper](https://a.org/x)]'.repeat(megabyte / 26)}`],
  ['1 MB single line of spaces', () => `1. **T** ${' '.repeat(megabyte)}x`],
  ['50,000 [ in a row', () => `1. **T** ${'['.repeat(50_000)}`],
  ['50,000 * in a row', () => `1. ${'*'.repeat(50_000)}`],
  ['50,000 ( in a row', () => `1. **T** [x]${'('.repeat(50_000)}`],
  ['50,000 backticks in a row', () => `1. **T** ${'`'.repeat(50_000)}`],
  ['50,000 [ ] * ( ) ` alternating', () => `1. **T** ${'[*(`)]'.repeat(50_000 / 6)}`],
  ['50,000 < in a row', () => `1. **T** ${'<'.repeat(50_000)}`],
  ['50,000 # on one line', () => '#'.repeat(50_000)],
  ['50,000 lines of [', () => '[\n'.repeat(50_000)],
  ['50,000 lines of 1.', () => '1.\n'.repeat(50_000)],
  ['nested lists 1,000 deep', () => Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth * 2)}- **T${depth}** [x](https://a.org/${depth})`).join('\n')],
  ['nested ordered lists 1,000 deep', () => Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth * 3)}1. **T${depth}** *A*. 2020.`).join('\n')],
  ['50,000 nested quotes on one line', () => `${'>'.repeat(50_000)} x`],
  ['nested quotes 2,000 lines deep', () => Array.from({ length: 2000 }, (_, depth) => `${'> '.repeat(depth)}1. **T${depth}**`).join('\n')],
  ['1 MB of NUL characters', () => '\u0000'.repeat(megabyte)],
  ['NUL characters inside entries', () => referenceList.replace(/\*\*/g, '**\u0000')],
  ['lone surrogates and U+FFFD', () => referenceList.replace(/a/g, '\ud800').replace(/e/g, '\ufffd').replace(/o/g, '\udc00')],
  ['1 MB of CR only', () => '\r'.repeat(megabyte)],
  ['an unclosed comment of 1 MB', () => `<!--\n${'1. **T** x\n'.repeat(megabyte / 11)}`],
  ['an unclosed fence of 1 MB', () => `\`\`\`\n${'1. **T** x\n'.repeat(megabyte / 11)}`],
  ['1 MB of headings', () => Array.from({ length: megabyte / 12 }, (_, i) => `## H ${i}`).join('\n')],
  ['1 MB of short entries', () => shortEntries(megabyte)],
  ['1 MB of dense [ blocks', () => denseBlocks('[', megabyte)],
  ['1 MB of dense *a blocks', () => denseBlocks('*a', megabyte)],
  ['1 MB of dense `a blocks', () => denseBlocks('`a', megabyte)],
  ['1 MB of dense [a]( blocks', () => denseBlocks('[a](', megabyte)],
  ['1 MB list', () => bigList(megabyte)],
  ['10 MB list', () => bigList(10 * megabyte)],
];
if (soak) hostile.push(['30 MB list', () => bigList(30 * megabyte)], ['5 MB of short entries', () => shortEntries(5 * megabyte)]);

for (const [name, build] of hostile) {
  test(`reliability: hostile input: ${name}`, () => {
    const text = build();
    tally.inputs++;
    const megabytes = text.length / megabyte;
    const bound = floorMilliseconds + millisecondsPerMegabyte * megabytes;
    const started = performance.now();
    const { findings } = lintText(text, options);
    const elapsed = performance.now() - started;
    if (elapsed > bound) tally.hangs++;
    assert.ok(elapsed <= bound, `${name} took ${Math.round(elapsed)} ms; the bound is ${Math.round(bound)} ms`);
    assert.deepEqual(rangeProblems(text, findings.slice(0, 100_000)), []);
  });
}

test('reliability: hostile input: fix-all of a 1 MB list with thousands of fixes converges in linear time', () => {
  const text = bigList(megabyte).replace(/\]\(https/g, '] (https').replace(/et al\./g, 'et al');
  const started = performance.now();
  const fixed = fixAll(text, options);
  const elapsed = performance.now() - started;
  // A few lints of the text; collecting the edits was quadratic once (see regressions.test.ts): 9 s at 1 MB.
  assert.ok(elapsed <= floorMilliseconds + 2 * millisecondsPerMegabyte, `fix-all took ${Math.round(elapsed)} ms`);
  assert.ok(fixed.rounds <= 4, `fix-all took ${fixed.rounds} rounds`);
  assert.ok(fixed.applied > 1000);
});

test('reliability: bytes that are not text are refused with a clear reason', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a])), { error: 'it is not valid UTF-8 text' });
  assert.deepEqual(decodeText(new Uint8Array([0xc3, 0x28])), { error: 'it is not valid UTF-8 text' });
  assert.deepEqual(decodeText(new Uint8Array([0xed, 0xa0, 0x80])), { error: 'it is not valid UTF-8 text' }, 'an encoded surrogate');
  assert.deepEqual(decodeText(Buffer.from('# a\u0000b\n')), { error: 'it is not a text file (it holds NUL bytes)' });
  assert.deepEqual(decodeText(new Uint8Array([])), { text: '' });
  // The BOM comes off, as in editors, and is remembered so that `--fix` writes it back.
  assert.deepEqual(decodeText(Buffer.from('\ufeff# Papers\n')), { text: '# Papers\n', bom: true });
});

// The link scanners alone, on lines built to make a careless scan quadratic; it times itself, so it runs
// here, a process of its own, rather than among the quick tests.
test('reliability: hostile input: the link scanners are linear on hostile lines', () => {
  const started = performance.now();
  for (const line of ['[a('.repeat(300_000), '[a(https://x.org/'.repeat(60_000), '[a]('.repeat(250_000), '[' + '('.repeat(1_000_000), '`'.repeat(3) + '[a'.repeat(400_000), '[![a](b)'.repeat(120_000)]) {
    scanUnclosedLabels(line, 0, line.length);
    scanLinks(line, 0, line.length);
  }
  assert.ok(performance.now() - started < 3000);
});
