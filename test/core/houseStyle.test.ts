import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { exampleEntry } from '../../server/src/core/features/bibtex';
import { describeHouseStyle, houseStyleOf, isSettled, validateHouseStyle, type HouseStyle } from '../../server/src/core/analysis/houseStyleOf';
import { parseList } from '../../server/src/core/parseList';

const styleOf = (name: string) => houseStyleOf(parseList(readFileSync(`test/fixtures/${name}.md`, 'utf8')));

test('houseStyle: each real list gets its own style from the majority of its entries', () => {
  const expected: Record<string, Partial<HouseStyle>> = {
    'alignment-survey': { marker: 'numbered', numbering: 'sequential', titlePeriod: 'outside', authorsPeriod: 'inside', yearPeriod: true, labelBrackets: 'double', labelSeparator: '', labelCase: 'capitalized' },
    'rucaibox-llmsurvey': { marker: 'numbered', titleQuotes: true, titlePeriod: 'outside', labelBrackets: 'double', labelSeparator: ' ', labelCase: 'capitalized' },
    'thunlp-gnnpapers': { marker: 'numbered', numbering: 'ones', titlePeriod: 'inside', authorsLine: 'next', labelBrackets: 'single', labelCase: 'lower' },
    'woooodyy-llm-agent-paper-list': { marker: 'bulleted', date: true, titlePeriod: 'inside', venueInAuthors: true, labelBrackets: 'double', labelSeparator: ' ', labelCase: 'lower' },
  };
  for (const [name, fields] of Object.entries(expected)) {
    const { style } = styleOf(name);
    const picked = Object.fromEntries(Object.keys(fields).map((field) => [field, style[field as keyof HouseStyle]]));
    assert.deepEqual(picked, fields, name);
  }
  assert.deepEqual(styleOf('thunlp-gnnpapers').style.labels.slice(0, 2), ['paper', 'code']);
  assert.deepEqual(styleOf('alignment-survey').style.labels.slice(0, 2), ['Paper', 'Data']);
});

test('houseStyle: evidence counts the entries behind each field; a weak habit is not settled', () => {
  const inferred = styleOf('rucaibox-llmsurvey');
  // rucaibox writes `*Gao et al*.` and `*Wang et al.*` about as often: no firm habit.
  assert.ok(!isSettled(inferred, 'authorsPeriod'));
  assert.ok(isSettled(inferred, 'labelBrackets'));
  assert.equal(inferred.evidence.labelBrackets?.of, 424);
});

test('houseStyle: pinned fields win over the majority and are named', () => {
  const list = parseList(readFileSync('test/fixtures/alignment-survey.md', 'utf8'));
  const inferred = houseStyleOf(list, { labelBrackets: 'single', authorsPeriod: 'outside' });
  assert.equal(inferred.style.labelBrackets, 'single');
  assert.equal(inferred.style.marker, 'numbered');
  assert.deepEqual(inferred.pinned, ['labelBrackets', 'authorsPeriod']);
  assert.ok(isSettled(houseStyleOf(parseList('- **A**. *B*. X 2020.\n'), { authorsPeriod: 'inside' }), 'authorsPeriod'));
});

test('houseStyle: a pinned style from a config file is checked field by field', () => {
  assert.deepEqual(validateHouseStyle({ labelBrackets: 'single', labels: ['paper', 'code'] }), { style: { labelBrackets: 'single', labels: ['paper', 'code'] }, problems: [] });
  const { style, problems } = validateHouseStyle({ marker: 'stars', titleQuotes: 'yes', colour: 'red', date: true });
  assert.deepEqual(style, { date: true });
  assert.deepEqual(problems, [
    '"houseStyle.marker" is "stars"; expected "numbered" or "bulleted"',
    '"houseStyle.titleQuotes" is "yes"; expected true or false',
    '"houseStyle" has an unknown field "colour"; expected one of "marker", "numbering", "date", "leadName", "titleQuotes", "titlePeriod", "authorsLine", "authorsPeriod", "venueInAuthors", "yearPeriod", "labelBrackets", "labelSeparator", "labelCase", "labels"',
  ]);
  assert.deepEqual(validateHouseStyle([1]).problems, ['"houseStyle" must be an object, such as {"labelBrackets": "single"}']);
});

test('houseStyle: the description shows each field with its evidence, an example entry and the JSON to pin it', () => {
  const inferred = styleOf('woooodyy-llm-agent-paper-list');
  const markdown = describeHouseStyle(inferred, exampleEntry(inferred.style));
  assert.match(markdown, /\| Items \| bulleted, `-` \| 325 of 325 \|/);
  assert.match(markdown, /\| Labels \| `paper`, `code`, `project page`, .* \| most used first \|/);
  assert.match(markdown, /\| Venue \| inside the italics, `\*Wang et al\. arXiv\.\*` \| 310 of 325 \|/);
  assert.ok(markdown.includes('- [2017/06] **Attention Is All You Need.** *Vaswani et al. NeurIPS.* [[paper](https://arxiv.org/abs/1706.03762)]'));
  const pin = JSON.parse(/```json\n(.*)\n```/.exec(markdown)![1]) as { houseStyle: Partial<HouseStyle> };
  assert.equal(pin.houseStyle.venueInAuthors, true);
  assert.deepEqual(validateHouseStyle(pin.houseStyle).problems, []);
});

test('houseStyle: a list too short to show a style gets the default, and empty text does not fail', () => {
  assert.equal(houseStyleOf(parseList('')).style.marker, 'numbered');
  assert.deepEqual(houseStyleOf(parseList('')).evidence, {});
});
