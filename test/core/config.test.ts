import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText, resolveConfig, ruleCodes, validateConfig } from '../../server/src/core/index';
import { lint } from '../helpers';

test('config: a valid file is read whole', () => {
  const { config, problems } = parseConfigText('{"rules": {"entry-venue": "off", "link-label": "error"}, "linkLabels": ["Poster"], "numbering": "ones"}', ruleCodes);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, { rules: { 'entry-venue': 'off', 'link-label': 'error' }, linkLabels: ['Poster'], numbering: 'ones' });
});

test('config: invalid JSON is one clear problem, not an exception', () => {
  const { config, problems } = parseConfigText('{"rules": ', ruleCodes);
  assert.deepEqual(config, {});
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^it is not valid JSON/);
});

test('config: wrong values are named and the valid rest is kept', () => {
  const { config, problems } = validateConfig({ rules: { 'entry-venue': 'loud', 'no-such-rule': 'off', 'entry-year': 'info' }, numbering: 2, extra: true }, ruleCodes);
  assert.deepEqual(config, { rules: { 'entry-year': 'info' } });
  assert.deepEqual(problems, [
    'rule "entry-venue" is set to "loud"; expected "error", "warning", "info", "hint" or "off"',
    '"rules" names an unknown rule "no-such-rule"',
    '"numbering" is 2; expected "auto", "sequential" or "ones"',
    'unknown setting "extra"; expected "rules", "linkLabels", "trackingParameters", "numbering", "houseStyle" or "toc"',
  ]);
  assert.equal(validateConfig([], ruleCodes).problems.length, 1);
});

test('config: later layers win and lists add up', () => {
  const resolved = resolveConfig({ rules: { 'entry-year': 'off' }, linkLabels: ['A'] }, { rules: { 'entry-year': 'error' }, linkLabels: ['B', 'A'], numbering: 'sequential', houseStyle: {} });
  assert.deepEqual(resolved, { rules: { 'entry-year': 'error' }, linkLabels: ['A', 'B'], trackingParameters: [], numbering: 'sequential', houseStyle: {} });
});

test('config: a rule set to "off" reports nothing and a severity override applies', () => {
  const text = '# T \n';
  assert.equal(lint(text, 'heading-whitespace').length, 1);
  assert.equal(lint(text, 'heading-whitespace', { config: { rules: { 'heading-whitespace': 'off' } } }).length, 0);
  assert.equal(lint(text, 'heading-whitespace', { config: { rules: { 'heading-whitespace': 'error' } } })[0].severity, 'error');
});

test('config: problems become one warning on line 1', () => {
  const findings = lint('# T\n', 'config', { configProblems: ['x.json: it is not valid JSON'] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].span.start, 0);
  assert.equal(findings[0].severity, 'warning');
  assert.match(findings[0].message, /x\.json: it is not valid JSON/);
});

test('config: toc.counts is read, and a wrong toc is named', () => {
  assert.deepEqual(validateConfig({ toc: { counts: true } }, ruleCodes), { config: { toc: { counts: true } }, problems: [] });
  assert.deepEqual(validateConfig({ toc: { count: true } }, ruleCodes).problems, ['"toc" must be an object such as {"counts": true}']);
  assert.deepEqual(resolveConfig({ toc: { counts: true } }, {}).toc, { counts: true });
});
