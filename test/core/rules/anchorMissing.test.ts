import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseList } from '../../../server/src/core/index';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'anchor-missing';

test('anchor-missing: ok for heading slugs, repeats with -1, HTML anchors, #top and line references', () => {
  const text = [
    '# Survey',
    '- [Human Values](#human-values) and [the second Benchmarks](#benchmarks-1)',
    '- <a href="#evaluation-of-alignment-targets">Evaluation</a>, [citation](#cite), [note](#note-1), [top](#top), [line](#L10-L20)',
    '## Human Values',
    '### Benchmarks',
    '## Evaluation of Alignment Targets',
    '### Benchmarks',
    '<a name="cite"></a>',
    '<p id="note-1">A note.</p>',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
});

test('anchor-missing: a percent-encoded fragment matches its heading', () => {
  assert.deepEqual(lint('# Café Papers\n[x](#caf%C3%A9-papers) and [y](#café-papers)\n', code), []);
});

test('anchor-missing: a fragment that matches no heading, with the closest slug suggested', () => {
  const text = '# Survey\n- [Values](#human-value)\n- [Citation](#citation)\n## Human Values\n';
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [2, 3]);
  assert.equal(findings[0].message, 'Link "#human-value" matches no heading or anchor in this document; did you mean "#human-values"?');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '#human-value');
  assert.equal(findings[0].fixes[0].safe, false);
  assert.equal(applyFix(text, findings[0]), '# Survey\n- [Values](#human-values)\n- [Citation](#citation)\n## Human Values\n');
  assert.equal(findings[1].message, 'Link "#citation" matches no heading or anchor in this document; expected the anchor of one of its headings.');
  assert.deepEqual(findings[1].fixes, []);
});

test('anchor-missing: a fragment that differs from a heading\'s anchor only in case is no warning', () => {
  // GitHub finds the target of a fragment in another case too; it was reported as a warning.
  const text = '# Survey\n[Values](#Human-Values)\n## Human Values\n';
  assert.deepEqual(lint(text, code), []);
  assert.equal(fixText(text), text);
});

test('anchor-missing: a heading\'s anchor leaves out images\' alt text, as GitHub\'s does', () => {
  // `#awesome-x-` was reported although GitHub gives the heading that anchor.
  const text = [
    '# Awesome-X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
    '- [Top](#awesome-x-) and [Logo](#-papers) and [Note](#notes-1)',
    '## ![logo](logo.png) Papers',
    '## Notes <sup>1</sup>',
    '## Notes <img src="x.png" alt="icon">',
    '',
  ].join('\n');
  assert.deepEqual(lint(text, code), []);
  // The alt text is no part of the anchor, so a link that spells it out is dead.
  const withAlt = '# Awesome-X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n[Top](#awesome-x-awesome)\n';
  assert.deepEqual(lint(withAlt, code).map((finding) => finding.message), ['Link "#awesome-x-awesome" matches no heading or anchor in this document; did you mean "#awesome-x-"?']);
});

test('anchor-missing: the HTML table of contents of the upstream list has three dead anchors', () => {
  const text = readFileSync('test/fixtures/alignment-survey-upstream-crlf.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [12, 29, 48]);
  const fragments = findings.map((finding) => text.slice(finding.span.start, finding.span.end));
  assert.deepEqual(fragments, ['#definition-of-alignment-goals', '#evaluation-of-alignment', '#citation']);
  // Each really has no heading: neither a slug nor the plain text of a heading, nor an id or name attribute.
  const list = parseList(text);
  for (const fragment of fragments) {
    const name = fragment.slice(1);
    assert.equal(list.headings.some((heading) => heading.slug === name || heading.text.toLowerCase().replace(/ /g, '-') === name), false, fragment);
    assert.equal(new RegExp(`(?:id|name)\\s*=\\s*"${name}"`, 'i').test(text), false, fragment);
  }
  assert.match(findings[1].message, /did you mean "#evaluation-of-alignment-targets"\?$/);
});

test('anchor-missing: the reference list has no fragment links', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});

test('anchor-missing: unclosed attribute quotes stay linear', () => {
  const text = `# A\n[x](#a)\n${'<a id="'.repeat(50000)}\n`;
  const started = Date.now();
  assert.deepEqual(lines(text, lint(text, code)), []);
  assert.ok(Date.now() - started < 2000);
});
