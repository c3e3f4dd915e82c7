import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { normaliseUrl } from '../../../server/src/core/rules/linkDuplicate';
import { lint, lines } from '../../helpers';

const code = 'link-duplicate';
const entry = (links: string) => `# Papers\n\n1. **Alpha**. *Wang et al.* arXiv 2022. ${links}\n`;

test('link-duplicate: ok for different URLs, and for one URL in two entries', () => {
  const text = `${entry('[[Paper](https://x.org/a)][[Code](https://x.org/a?tab=code)][[Data](https://x.org/a#data)]')}2. **Beta**. *Li et al.* arXiv 2023. [[Paper](https://x.org/a)]\n`;
  assert.deepEqual(lint(text, code), []);
});

test('link-duplicate: two labels for one URL; the second is reported and points to the first', () => {
  const text = entry('[[Project](https://github.com/X-PLUG/CValues)][[Data](https://github.com/X-PLUG/CValues)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(
    findings[0].message,
    'Link "Data" points to the same URL as the earlier link "Project", "https://github.com/X-PLUG/CValues"; expected each URL once per entry.',
  );
  assert.equal(findings[0].span.start, text.lastIndexOf('https://github.com/X-PLUG/CValues'));
  assert.equal(findings[0].related?.[0].span.start, text.indexOf('https://github.com/X-PLUG/CValues'));
  assert.deepEqual(findings[0].fixes, []);
  assert.equal(findings[0].severity, 'info');
});

test('link-duplicate: http and https, the host\'s case and a trailing slash do not make URLs different', () => {
  const text = entry('[[Paper](http://X.org/a/)][[PDF](https://x.org/a)][[Code](https://x.org/A)]');
  const findings = lint(text, code);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /^Link "PDF" points to the same URL as the earlier link "Paper"/);
});

test('link-duplicate: a third copy is reported against the first', () => {
  const text = entry('[[Paper](https://x.org)][[PDF](https://x.org)][[URL](https://x.org)]');
  const findings = lint(text, code);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((finding) => finding.related?.[0].span.start === text.indexOf('https://x.org')));
});

test('link-duplicate: the normal form', () => {
  assert.equal(normaliseUrl('HTTPS://GitHub.com/X-PLUG/CValues//'), 'github.com/X-PLUG/CValues');
  assert.equal(normaliseUrl('https://x.org?a=1#B'), 'x.org?a=1#B');
  assert.equal(normaliseUrl('data/train.json'), 'data/train.json');
});

test('link-duplicate: the CValues entry of the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), [149]);
});
