import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinHouseStyleText } from '../../client/src/houseStylePin';
import { defaultHouseStyle } from '../../server/src/core/analysis/houseStyleOf';

const style = { ...defaultHouseStyle, labelBrackets: 'single' as const, labels: ['Paper', 'Code'] };

test('pin house style: a new .paperlistrc.json holds the houseStyle block without the labels (issue 15)', () => {
  const result = pinHouseStyleText(undefined, style);
  assert.ok('text' in result);
  const written = JSON.parse(result.text);
  assert.deepEqual(Object.keys(written), ['houseStyle']);
  assert.equal(written.houseStyle.labelBrackets, 'single');
  assert.equal(written.houseStyle.marker, 'numbered');
  assert.equal('labels' in written.houseStyle, false);
});

test('pin house style: merged into an existing file, keeping its other settings, pinned labels and indentation (issue 15)', () => {
  const existing = '{\n    "rules": { "entry-year": "off" },\n    "houseStyle": { "labelBrackets": "double", "labels": ["Paper"] },\n    "numbering": "auto"\n}\n';
  const result = pinHouseStyleText(existing, style);
  assert.ok('text' in result);
  const written = JSON.parse(result.text);
  assert.deepEqual(Object.keys(written), ['rules', 'houseStyle', 'numbering']);
  assert.deepEqual(written.rules, { 'entry-year': 'off' });
  assert.equal(written.houseStyle.labelBrackets, 'single');
  assert.deepEqual(written.houseStyle.labels, ['Paper']);
  assert.match(result.text, /^\{\n {4}"rules"/);
});

test('pin house style: a broken file is left alone with a reason', () => {
  const result = pinHouseStyleText('{ "rules": ', style);
  assert.ok('error' in result);
  assert.match(result.error, /not valid JSON/);
  assert.ok('error' in pinHouseStyleText('[1, 2]', style));
});
