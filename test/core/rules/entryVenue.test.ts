import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'entry-venue';

function entry(venueAndYear: string): string {
  return `1. **Vicuna: An open-source chatbot**. *Chiang et al.* ${venueAndYear} [[Paper](https://lmsys.org/blog/2023-03-30-vicuna/)]\n`;
}

test('entry-venue: ok for venue names', () => {
  assert.deepEqual(lint(entry('arXiv 2023.'), code), []);
  assert.deepEqual(lint(entry('Online readings in Psychology and Culture 2012.'), code), []);
  assert.deepEqual(lint(entry('Willianmsburg, VA 2002.'), code), []);
  assert.deepEqual(lint(entry('Proceedings of HTTPS Workshops 2002.'), code), []);
});

test('entry-venue: finds a URL in the venue', () => {
  const text = entry('See https://vicuna 2023.');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'See https://vicuna');
  assert.equal(
    findings[0].message,
    'Venue "See https://vicuna" holds a URL; expected the name of the venue, such as "arXiv" or "NeurIPS", with links in [[Label](url)] after the year.',
  );
  assert.deepEqual(findings[0].fixes, []);
  assert.equal(lint(entry('See www.lmsys.org 2023.'), code).length, 1);
  assert.equal(lint(entry('lmsys.org/blog, ftp://lmsys 2023.'), code).length, 1);
});

test('entry-venue: finds a piece of a link in the venue', () => {
  const text = entry('[Paper] (https://lmsys.org) 2023.');
  assert.match(lint(text, code)[0]?.message ?? '', /holds a URL/);
  const bracket = lint(entry('Blog] 2023.'), code);
  assert.equal(bracket[0].message.startsWith('Venue "Blog]" holds a bracket of a link;'), true);
  const fragment = lint(entry('Blog](here 2023.'), code);
  assert.equal(fragment[0].message.startsWith('Venue "Blog](here" holds a piece of a markdown link, "]("'), true);
});

test('entry-venue: reports exactly the two Vicuna entries of the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [22, 112]);
  assert.ok(findings.every((finding) => finding.message.startsWith('Venue "See https://vicuna" holds a URL;')));
});
