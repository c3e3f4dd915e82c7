// The list-wide rules keep their reports per markdown list or block across edits (docs/architecture.md,
// "What survives an edit"). Each test types into a document with one cache and checks every step
// against a lint from scratch, on the edits that move, grow or break what the rules keep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockCache, lintText, resolveConfig, type Finding } from '../../server/src/core/index';
import { testYear } from '../helpers';

const options = { config: resolveConfig(), currentYear: testYear };
const snapshot = (findings: readonly Finding[]) => JSON.stringify(findings);

/** Applies each edit (an insertion before the first occurrence of `before`, or a removal of `remove`) and checks the lint each time. */
function typeInto(start: string, edits: ({ before: string; insert: string } | { remove: string })[]): { findings: Finding[]; text: string } {
  const cache = new BlockCache();
  let text = start;
  let findings = lintText(text, { ...options, cache }).findings;
  for (const edit of edits) {
    if ('remove' in edit) {
      const at = text.indexOf(edit.remove);
      assert.notEqual(at, -1, `"${edit.remove}" is in the text`);
      text = text.slice(0, at) + text.slice(at + edit.remove.length);
    } else {
      const at = text.indexOf(edit.before);
      assert.notEqual(at, -1, `"${edit.before}" is in the text`);
      text = text.slice(0, at) + edit.insert + text.slice(at);
    }
    findings = lintText(text, { ...options, cache }).findings;
    assert.equal(snapshot(findings), snapshot(lintText(text, options).findings), `after ${JSON.stringify(edit)}`);
  }
  return { findings, text };
}

const entry = (n: number | string, title: string, year = 2020) => `${n}. **${title}**. *Li et al.* ICML ${year}. [[Paper](https://example.org/${title.toLowerCase()})]`;

const numbered = `# Papers

Some prose with a [broken link](https://example.org/a b) and a [[Code](https://example.org/c)].

## Alignment

${entry(1, 'Alpha')}
${entry(2, 'Beta')}
${entry(2, 'Gamma')}
${entry(5, 'Delta')}

## Safety

${entry(1, 'Epsilon')}
${entry(2, 'Zeta')}
${entry(3, 'Eta')}
`;

test('list-wide reuse: numbering findings follow their list when lines above it come and go', () => {
  const { findings } = typeInto(numbered, [
    { before: 'Some prose', insert: 'x' },
    { before: '## Alignment', insert: '\n' },
    { before: '## Alignment', insert: 'More prose.\n\n' },
    { remove: 'More prose.\n\n' },
    { before: '**Beta**', insert: 'y' },
    { before: '## Safety', insert: '   - a nested note\n' },
    { remove: '   - a nested note\n' },
  ]);
  const lines = findings.filter((finding) => finding.code.startsWith('number-')).map((finding) => finding.message);
  assert.ok(lines.some((message) => /repeats the number of the item on line 9/.test(message)), lines.join('\n'));
});

test('list-wide reuse: a list whose items change is checked again', () => {
  const { findings } = typeInto(numbered, [
    { remove: `${entry(2, 'Gamma')}\n` },
    { before: '5. **Delta', insert: `${entry(3, 'Gamma')}\n` },
  ]);
  assert.deepEqual(findings.filter((finding) => finding.code.startsWith('number-')).map((finding) => finding.message), [
    'Item number 5 breaks the sequence; expected 4.',
  ]);
});

test('list-wide reuse: links outside entries keep their findings as the text above them changes', () => {
  const { findings, text } = typeInto(numbered, [
    { before: 'Some prose', insert: 'Intro.\n\n' },
    { before: 'Some prose', insert: 'z' },
    { remove: 'a b)' },
    { before: ' and a [[Code]', insert: 'a%20b)' },
  ]);
  assert.equal(findings.filter((finding) => finding.code === 'link-url').length, 0, text);
});

test('list-wide reuse: a paper count marker typed a piece at a time is found', () => {
  const count = 'Papers: <!-- paperlist:count -->9<!-- /paperlist:count -->';
  const edits = [...count].map((character, index) => ({ before: '\n\nSome prose', insert: character, index }));
  // Each character goes after the ones typed before it.
  const cache = new BlockCache();
  let text = numbered;
  lintText(text, { ...options, cache });
  for (const { insert, index } of edits) {
    const at = numbered.indexOf('\n\nSome prose') + index;
    text = text.slice(0, at) + insert + text.slice(at);
    const incremental = lintText(text, { ...options, cache }).findings;
    assert.equal(snapshot(incremental), snapshot(lintText(text, options).findings), `after typing ${JSON.stringify(count.slice(0, index + 1))}`);
  }
  assert.ok(lintText(text, { ...options, cache }).findings.some((finding) => finding.code === 'toc-stale'), 'the stale count is reported');
});

test('list-wide reuse: anchor-missing follows a heading that is renamed and renamed back', () => {
  const withToc = numbered.replace('Some prose', '- [Alignment](#alignment)\n- [Safety](#safety)\n\nSome prose');
  const { findings } = typeInto(withToc, [
    { before: 'Alignment\n\n1.', insert: 'AI ' },
    { remove: 'AI ' },
    { before: 'Safety\n\n1.', insert: 'Model ' },
  ]);
  assert.deepEqual(findings.filter((finding) => finding.code === 'anchor-missing').map((finding) => finding.message), [
    'Link "#safety" matches no heading or anchor in this document; did you mean "#model-safety"?',
  ]);
});

test('list-wide reuse: a keystroke below a list hands back the same findings for it', () => {
  const cache = new BlockCache();
  const before = lintText(numbered, { ...options, cache }).findings.filter((finding) => finding.code.startsWith('number-'));
  const typed = numbered.replace('**Zeta**', '**Zetax**');
  const after = lintText(typed, { ...options, cache }).findings.filter((finding) => finding.code.startsWith('number-'));
  assert.ok(before.length > 0);
  // The same objects, so the server sends the same diagnostics without building them again.
  assert.deepEqual(
    after.map((finding) => before.includes(finding)),
    before.map(() => true),
  );
});

test('list-wide reuse: a renumbering that lengthens a number follows the lines it re-indents', () => {
  const items = Array.from({ length: 9 }, (_, i) => entry(i + 1, `P${i}`)).join('\n');
  const text = `# Papers\n\n${items}\n${entry(9, 'Last')}\n   A note under the last item.\n\n   - a nested point\n`;
  const { findings } = typeInto(text, [
    { before: 'A note', insert: 'Still ' },
    { before: '   - a nested point', insert: '   More of the note.\n' },
    { remove: '   More of the note.\n' },
  ]);
  assert.ok(findings.some((finding) => finding.code === 'number-duplicate' && finding.fixes[0]?.edits.length > 1), 'the fix re-indents the note');
});

test('list-wide reuse: a thousand nested one-item lists lint after a keystroke as from scratch', () => {
  // Each list's last item runs to the end of the document: reading that far for every list took 16 s
  // (test/reliability/hostile.test.ts holds the time bound).
  const text = Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth * 3)}1. **T${depth}** *A*. 2020.`).join('\n');
  const cache = new BlockCache();
  lintText(text, { ...options, cache });
  const typed = text.replace('**T500**', '**T500x**');
  assert.equal(snapshot(lintText(typed, { ...options, cache }).findings), snapshot(lintText(typed, options).findings));
});

test('list-wide reuse: numbering findings follow an item that moves within its list', () => {
  // A nested point between two items of one list grows: the list keeps its item objects, but the later
  // item moves by more than the first.
  const text = `# Papers\n\n${entry(1, 'Alpha')}\n   - a point\n${entry(2, 'Beta')}\n${entry(2, 'Gamma')}\n`;
  typeInto(text, [
    { before: 'a point', insert: 'longer ' },
    { before: `${entry(2, 'Beta')}`, insert: '   - another point\n' },
  ]);
});
