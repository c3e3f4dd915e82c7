import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'link-url';
const entry = (links: string) => `# Papers\n\n1. **Alpha**. *Wang et al.* arXiv 2022. ${links}\n`;

test('link-url: ok for http, https and mailto URLs, an IP with a port, relative paths and anchors', () => {
  const text = entry(
    '[[Paper](https://arxiv.org/pdf/2204.07705.pdf)][[Project](http://115.182.62.166:18000/)][[Mail](mailto:a@b.org)][[Data](data/train.json)][[Section](#papers)][[IPv6](http://[::1]:8080/)]',
  );
  assert.deepEqual(lint(text, code), []);
});

test('link-url: an invalid port', () => {
  const text = entry('[[Paper](https://arxiv.org:99999/abs/1)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(
    findings[0].message,
    'URL "https://arxiv.org:99999/abs/1" of link "Paper" is not a valid URL because its port "99999" is not a number from 0 to 65535; expected an address such as "https://arxiv.org/abs/2204.07705".',
  );
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'https://arxiv.org:99999/abs/1');
  assert.deepEqual(findings[0].fixes, []);
});

test('link-url: no host, white space or a bad character in the host', () => {
  const text = entry('[[Paper](https://)][[Code](<https://git hub.com/x>)][[Data](https://a%zz.org/)]');
  const messages = lint(text, code).map((finding) => finding.message);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /"https:\/\/" of link "Paper" is not a valid URL because it has no host/);
  assert.match(messages[1], /"https:\/\/git hub.com\/x" of link "Code" is not a valid URL because it contains white space/);
  assert.match(messages[2], /"https:\/\/a%zz.org\/" of link "Data" is not a valid URL because its host "a%zz.org" contains characters a host cannot have/);
});

test('link-url: a scheme other than http or https', () => {
  const text = entry('[[Paper](ftp://ftp.x.org/p.pdf)][[DOI](doi:10.1000/182)][[Code](javascript:alert(1))]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3, 3, 3]);
  assert.equal(
    findings[0].message,
    'URL "ftp://ftp.x.org/p.pdf" of link "Paper" uses the scheme "ftp:", which GitHub does not render as a link; expected "https:" or "http:".',
  );
  assert.match(findings[1].message, /uses the scheme "doi:"/);
  assert.match(findings[2].message, /uses the scheme "javascript:"/);
});

test('link-url: a scheme typo', () => {
  const findings = lint(entry('[[Paper](htps://arxiv.org/abs/1)]'), code);
  assert.match(findings[0].message, /uses the scheme "htps:"/);
});

test('link-url: nothing on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

/** Three entries make a paper list, whose every link is checked. */
const paperList = (rest: string) =>
  [
    '# Papers',
    '',
    '1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/abs/2204.07705)]',
    '2. **Beta**. *Li et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)]',
    '3. **Gamma**. *Xu et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00002)]',
    '',
    rest,
    '',
  ].join('\n');

test('link-url: a scheme without its ":" or with one "/"', () => {
  const text = entry('[[Paper](http//arxiv.org/abs/1)][[Code](https:/github.com/a/b)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3, 3]);
  assert.equal(findings[0].message, 'URL "http//arxiv.org/abs/1" of link "Paper" starts with "http//"; expected "http://arxiv.org/abs/1".');
  assert.equal(findings[1].message, 'URL "https:/github.com/a/b" of link "Code" starts with "https:/"; expected "https://github.com/a/b".');
});

test('link-url: links outside the entries of a paper list, an image and an HTML href', () => {
  const text = paperList(
    'Read the [blog](htps://blog.org/post), see ![logo](https:/x.org/logo.png) and <a href="ttps://y.org">the site</a> or <a href="[https://z.org](https://z.org)">this</a>.',
  );
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7, 7, 7, 7]);
  assert.match(findings[0].message, /^URL "htps:\/\/blog.org\/post" of link "blog" uses the scheme "htps:"/);
  assert.match(findings[1].message, /^URL "https:\/x.org\/logo.png" of image "logo" starts with "https:\/"/);
  assert.match(findings[2].message, /^URL "ttps:\/\/y.org" of HTML link uses the scheme "ttps:"/);
  assert.equal(
    findings[3].message,
    'URL "[https://z.org](https://z.org)" of HTML link is markdown link syntax, which HTML does not read; expected the address alone, "https://z.org".',
  );
});

test('link-url: a title written as a link is checked once, and an entry link once', () => {
  const text = paperList('- [Delta: a title link](htps://delta.org) - Zhou et al. 2023 [[Paper](htps://arxiv.org/abs/2301.00003)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7, 7]);
  assert.deepEqual(findings.map((finding) => text.slice(finding.span.start, finding.span.end)), ['htps://delta.org', 'htps://arxiv.org/abs/2301.00003']);
});

test('link-url: quiet outside the entries of ordinary markdown, and on valid links', () => {
  assert.deepEqual(lint('# Notes\n\nSee [blog](htps://blog.org) and [code](http//c.org).\n', code), []);
  assert.deepEqual(lint(paperList('See [blog](https://blog.org/?a=1), [top](#papers), [notes](docs/notes.md), <a href="https://x.org">x</a> and `[x](htps://y.org)`.'), code), []);
});
