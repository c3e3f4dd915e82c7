import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { authorFormatRule } from '../../../server/src/core/rules/authorFormat';
import { applyFix, fixText, lint, lines } from '../../helpers';

const code = 'author-format';

function entry(authors: string): string {
  return `1. **Red teaming language models to reduce harms**. ${authors} arXiv 2022. [[Paper](https://arxiv.org/pdf/2209.07858.pdf)]\n`;
}

test('author-format: ok for "et al." and full author lists', () => {
  assert.deepEqual(lint(entry('*Ganguli et al.*'), code), []);
  assert.deepEqual(lint(entry('*Jeremy Scheurer et al.*'), code), []);
  assert.deepEqual(lint(entry('*Jie Zhou, Ganqu Cui, Zhengyan Zhang.*'), code), []);
  assert.deepEqual(lint(entry('*Dimitri Metal, Albert Petal.*'), code), []);
});

test('author-format: ok for a period right after the italics', () => {
  assert.deepEqual(lint(entry('*Opher Lieber et al*.'), code), []);
});

test('author-format: finds a surname glued to "et al." and puts the space back', () => {
  const text = entry('*Ganguliet al.*');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [1]);
  assert.equal(findings[0].message, 'Authors "Ganguliet al." glue the surname to "et al."; expected "Ganguli et al.".');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), 'Ganguliet al.');
  assert.deepEqual(findings[0].fixes[0].edits, [{ start: text.indexOf('et al.'), end: text.indexOf('et al.'), newText: ' ' }]);
  assert.deepEqual({ safe: findings[0].fixes[0].safe, preferred: findings[0].fixes[0].preferred }, { safe: true, preferred: true });
  assert.equal(applyFix(text, findings[0]), entry('*Ganguli et al.*'));
});

test('author-format: finds "et al" without its period', () => {
  const text = entry('*Smith et al*');
  const findings = lint(text, code);
  assert.equal(findings[0].message, 'Authors "Smith et al" lack the period after "et al"; expected "Smith et al.".');
  assert.equal(applyFix(text, findings[0]), entry('*Smith et al.*'));
  assert.equal(applyFix(entry('*Smith et al, Jones*'), lint(entry('*Smith et al, Jones*'), code)[0]), entry('*Smith et al., Jones*'));
});

test('author-format: finds "et. al." and "et.al"', () => {
  const text = entry('*Smith et. al.*');
  const findings = lint(text, code);
  assert.equal(findings[0].message, 'Authors "Smith et. al." put a period after "et"; expected "Smith et al.".');
  assert.equal(applyFix(text, findings[0]), entry('*Smith et al.*'));
  const joined = entry('*Smith et.al.*');
  assert.equal(applyFix(joined, lint(joined, code)[0]), entry('*Smith et al.*'));
});

test('author-format: finds "et al.." with a period too many', () => {
  const text = entry('*Smith et al..*');
  const findings = lint(text, code);
  assert.equal(findings[0].message, 'Authors "Smith et al.." end "et al." with more than one period; expected "Smith et al.".');
  assert.equal(applyFix(text, findings[0]), entry('*Smith et al.*'));
});

test('author-format: names every problem of one "et al" in one finding', () => {
  const text = entry('*Smithet. al*');
  const findings = lint(text, code);
  assert.equal(findings.length, 1);
  assert.equal(
    findings[0].message,
    'Authors "Smithet. al" glue the surname to "et al.", put a period after "et" and lack the period after "et al"; expected "Smith et al.".',
  );
  assert.equal(applyFix(text, findings[0]), entry('*Smith et al.*'));
});

test('author-format: a single letter glued to "et al" needs a look, so its fix is not safe', () => {
  const text = entry('*Jiaxian Gu oet al. arXiv.*');
  const findings = lint(text, code);
  assert.equal(findings[0].message, 'Authors "oet al." glue a single letter to "et al."; expected a surname and a space before "et al." (check the paper\'s first author).');
  assert.equal(findings[0].fixes[0].safe, false);
  assert.equal(fixText(text, { rules: [authorFormatRule] }), text);
});

test('author-format: reports Ganguliet al. once and Touvronet al. twice on the reference list', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [82, 132, 138]);
  assert.deepEqual(
    findings.map((finding) => text.slice(finding.span.start, finding.span.end)),
    ['Ganguliet al.', 'Touvronet al.', 'Touvronet al.'],
  );
});

test('author-format: fixing the reference list twice changes nothing the second time', () => {
  const rules = [authorFormatRule];
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const fixed = fixText(text, { rules });
  assert.equal(fixed, text.replace('*Ganguliet al.*', '*Ganguli et al.*').replaceAll('*Touvronet al.*', '*Touvron et al.*'));
  assert.equal(fixText(fixed, { rules }), fixed);
});

test('author-format: stays fast on very long authors', () => {
  const text = `1. **T**. *${'a'.repeat(1_000_000)}et al ${'et '.repeat(100_000)}* arXiv 2022. [[Paper](https://example.org)]\n`;
  const started = Date.now();
  lint(text, code);
  assert.ok(Date.now() - started < 5000);
});
