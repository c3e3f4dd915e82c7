import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allRules } from '../../server/src/core/index';
import { readSettings } from '../../server/src/infrastructure/settings';

test('settings: paperList.houseStyle pins fields as .paperlistrc.json does, and names wrong values', () => {
  assert.deepEqual(readSettings({ houseStyle: { labelBrackets: 'single', titleQuotes: true } }).settings.config.houseStyle, { labelBrackets: 'single', titleQuotes: true });
  assert.deepEqual(readSettings({ houseStyle: {} }).problems, []);
  const wrong = readSettings({ houseStyle: { labelBrackets: 'triple' } });
  assert.deepEqual(wrong.problems, ['paperList settings: "houseStyle.labelBrackets" is "triple"; expected "double" or "single" or "outside"']);
});

test('settings: the manifest offers every rule with its default and description, and every house-style field', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  const rules = properties['paperList.rules'].properties as Record<string, { default: string; markdownDescription: string }>;
  assert.deepEqual(Object.keys(rules), allRules.map((rule) => rule.code));
  for (const rule of allRules) assert.deepEqual([rules[rule.code].default, rules[rule.code].markdownDescription], [rule.defaultSeverity, rule.description], rule.code);
  const fields = Object.keys(properties['paperList.houseStyle'].properties);
  assert.deepEqual(fields, ['marker', 'numbering', 'date', 'leadName', 'titleQuotes', 'titlePeriod', 'authorsLine', 'authorsPeriod', 'venueInAuthors', 'yearPeriod', 'labelBrackets', 'labelSeparator', 'labelCase', 'labels']);
});

test('settings: paperList.toc.counts reaches the config, and a wrong value is named', () => {
  assert.deepEqual(readSettings({ toc: { counts: true } }).settings.config.toc, { counts: true });
  assert.deepEqual(readSettings({ toc: { counts: 'yes' } }).problems, ['paperList settings: "toc" must be an object such as {"counts": true}']);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(manifest.contributes.configuration.properties['paperList.toc.counts'].default, false);
});
