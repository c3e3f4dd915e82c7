import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { LintHost } from '../../../server/src/core/index';
import { lint, lines } from '../../helpers';

const code = 'file-missing';

/** A host that knows exactly these files next to the document. */
function hostWith(...files: string[]): LintHost & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fileExists(path: string) {
      asked.push(path);
      return files.includes(path);
    },
  };
}

test('file-missing: ok when the files exist; URLs, //host, #fragment and empty links are not asked about', () => {
  const text = [
    '# Survey',
    '![tree](paper_tree.png)',
    '[Prompts](Prompts/README.md#usage) [figure](assets/fig%201.png?raw=true)',
    '[paper](https://arxiv.org/abs/2204.05862) [mail](mailto:a@b.org) [cdn](//cdn.example.org/x.js) [top](#top) [empty]()',
    '<img src="assets/logo.svg">',
    '',
  ].join('\n');
  const host = hostWith('paper_tree.png', 'Prompts/README.md', 'assets/fig 1.png', 'assets/logo.svg');
  assert.deepEqual(lint(text, code, { host }), []);
  assert.deepEqual(host.asked, ['paper_tree.png', 'Prompts/README.md', 'assets/fig 1.png', 'assets/logo.svg']);
});

test('file-missing: a relative image and an HTML src that do not exist', () => {
  const text = '# Survey\n\n![](paper_tree.png)\n\n<img src="assets/figure%201.jpg?raw=true" width="600">\n';
  const findings = lint(text, code, { host: hostWith() });
  assert.deepEqual(lines(text, findings), [3, 5]);
  assert.equal(findings[0].message, 'Image "paper_tree.png" names a file that does not exist next to this document; expected an existing file.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'paper_tree.png');
  assert.equal(
    findings[1].message,
    'Image "assets/figure%201.jpg?raw=true" names the file "assets/figure 1.jpg", which does not exist next to this document; expected an existing file.',
  );
  assert.deepEqual(findings[0].fixes, []);
});

test('file-missing: quiet when the host cannot tell', () => {
  const text = '![](paper_tree.png)\n';
  assert.deepEqual(lint(text, code), []);
  assert.deepEqual(lint(text, code, { host: { fileExists: () => undefined } }), []);
});

test('file-missing: a root-relative path is not checked, since the core does not know the root', () => {
  assert.deepEqual(lint('![](/docs/tree.png)\n', code, { host: hostWith() }), []);
});

test('file-missing: the reference list shows paper_tree.png, which is absent, on line 6', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const host = hostWith();
  assert.deepEqual(lines(text, lint(text, code, { host })), [6]);
  assert.deepEqual(host.asked, ['paper_tree.png']);
});

test('file-missing: quiet on broken link syntax and a misspelt scheme, which other rules report', () => {
  const text = [
    '# Survey',
    '- [LLM]([https://arxiv.org/abs/2304.04487)',
    '- [[code]([a](https://github.com/a/b))]',
    '- [[Paper]([https://a.org](https://a.org))]',
    '- [Paper](http//arxiv.org/abs/1) [Code](https//github.com/a/b)',
    '<a href="[https://z.org](https://z.org)">z</a>',
    '',
  ].join('\n');
  const host = hostWith();
  assert.deepEqual(lint(text, code, { host }), []);
  assert.deepEqual(host.asked, []);
});
