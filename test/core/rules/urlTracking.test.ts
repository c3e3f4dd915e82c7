import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { urlTrackingRule } from '../../../server/src/core/rules/urlTracking';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'url-tracking';
const only = { rules: [urlTrackingRule] };
const entry = (url: string) => `# Papers\n\n1. **Alpha**. *Wang et al.* arXiv 2022. [[Paper](${url})]\n`;

test('url-tracking: ok for ordinary query parameters', () => {
  const text = entry('https://openreview.net/forum?id=WZH7099tgfM&si=1&ref=home&sid=2');
  assert.deepEqual(lint(text, code), []);
});

test('url-tracking: the only parameter goes with its "?"', () => {
  const text = entry('https://arxiv.org/pdf/2210.11416.pdf?trk=public_post_comment-text');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [3]);
  assert.equal(findings[0].message, 'URL of link "Paper" carries the tracking parameter "trk"; expected "https://arxiv.org/pdf/2210.11416.pdf".');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'trk=public_post_comment-text');
  assert.equal(applyFix(text, findings[0]), entry('https://arxiv.org/pdf/2210.11416.pdf'));
});

test('url-tracking: two newsletter parameters are removed together', () => {
  const text = entry('https://arxiv.org/pdf/2110.07574.pdf?mc_cid=8a253cb85a&mc_eid=8760535dd2');
  const findings = lint(text, code);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /the tracking parameters "mc_cid" and "mc_eid"/);
  assert.equal(applyFix(text, findings[0]), entry('https://arxiv.org/pdf/2110.07574.pdf'));
});

test('url-tracking: the other parameters keep their order and encoding, and the fragment stays', () => {
  const text = entry('https://x.org/a?b=%20c&utm_source=twitter&d=1&UTM_Medium=social&fbclid=IwAR1&e#sec-2');
  const findings = lint(text, code);
  assert.match(findings[0].message, /"utm_source", "UTM_Medium" and "fbclid"/);
  assert.equal(fixText(text, only), entry('https://x.org/a?b=%20c&d=1&e#sec-2'));
});

test('url-tracking: "si" only on YouTube and Spotify', () => {
  const youtube = entry('https://www.youtube.com/watch?v=abc&si=XYZ');
  assert.equal(fixText(youtube, only), entry('https://www.youtube.com/watch?v=abc'));
  assert.deepEqual(lint(entry('https://example.org/page?si=2'), code), []);
});

test('url-tracking: a "?" inside the fragment is not a query', () => {
  assert.deepEqual(lint(entry('https://x.org/a#b?utm_source=x'), code), []);
});

test('url-tracking: names and prefixes from the config', () => {
  const text = entry('https://x.org/a?pk_campaign=1&ref=2&id=3');
  assert.deepEqual(lint(text, code), []);
  assert.equal(fixText(text, { ...only, config: { trackingParameters: ['pk_*', 'ref'] } }), entry('https://x.org/a?id=3'));
});

test('url-tracking: the six tracked URLs of the reference list, each fixed', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [18, 95, 107, 127, 140, 162]);
  const fixed = applyFix(text, findings[1]);
  assert.equal(fixed, text.replace('https://arxiv.org/pdf/2110.07574.pdf?mc_cid=8a253cb85a&mc_eid=8760535dd2', 'https://arxiv.org/pdf/2110.07574.pdf'));
  const all = fixText(text, only);
  assert.deepEqual(lint(all, code), []);
  assert.ok(!/trk=|fbclid=|mc_cid=|mc_eid=/.test(all));
  assert.ok(all.includes('https://scholarworks.gvsu.edu/cgi/viewcontent.cgi?article=1116&context=orpc'));
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

test('url-tracking: links outside the entries of a paper list, a badge and an HTML href', () => {
  const text = paperList(
    'Read the [blog](https://blog.org/post?utm_source=x&id=2), [![Site](https://img.shields.io/badge/a-b)](https://k.ai/?gclid=abc) and <a href="https://y.org/?fbclid=1">y</a>.',
  );
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7, 7, 7]);
  assert.equal(findings[0].message, 'URL of link "blog" carries the tracking parameter "utm_source"; expected "https://blog.org/post?id=2".');
  assert.equal(findings[1].message, 'URL of link "Site" carries the tracking parameter "gclid"; expected "https://k.ai/".');
  assert.equal(findings[2].message, 'URL of HTML link carries the tracking parameter "fbclid"; expected "https://y.org/".');
  assert.equal(fixText(text, only), paperList('Read the [blog](https://blog.org/post?id=2), [![Site](https://img.shields.io/badge/a-b)](https://k.ai/) and <a href="https://y.org/">y</a>.'));
});

test('url-tracking: a title written as a link is checked, and an entry link only once', () => {
  const text = paperList('4. **[Delta](https://delta.org/?utm_medium=social)**. *Zhou et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00003?fbclid=1)]');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [7, 7]);
  assert.match(findings[0].message, /"utm_medium"/);
  assert.match(findings[1].message, /"fbclid"/);
});

test('url-tracking: quiet outside the entries of ordinary markdown', () => {
  assert.deepEqual(lint('# Notes\n\nSee [blog](https://blog.org/?utm_source=x).\n', code), []);
  assert.deepEqual(lint(paperList('See [blog](https://blog.org/?id=1&ref=home) and `[x](https://y.org/?utm_source=x)`.'), code), []);
});
