import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { regenerateCommand, rulesDoc, withManifestRules, withReadmeTable } from '../../scripts/rule-docs';

// The rule files are the source; these files are generated from them and must not drift.
const stale = (file: string) => `${file} differs from the rule files in server/src/core/rules/; run \`${regenerateCommand}\` to regenerate it.`;

test('rule docs: docs/rules.md is generated from the rule files', () => {
  assert.ok(readFileSync('docs/rules.md', 'utf8') === rulesDoc(), stale('docs/rules.md'));
});

test('rule docs: the README rule table is generated from the rule files', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme === withReadmeTable(readme), stale('The rule table of README.md'));
});

test('rule docs: the manifest describes each rule setting as its rule does', () => {
  const manifest = readFileSync('package.json', 'utf8');
  assert.ok(manifest === withManifestRules(manifest), stale('The paperList.rules settings of package.json'));
});

test('rule docs: the README links each rule to its section of docs/rules.md, and each section exists', () => {
  const readme = readFileSync('README.md', 'utf8');
  const doc = readFileSync('docs/rules.md', 'utf8');
  for (const [, code] of readme.matchAll(/\]\(docs\/rules\.md#([a-z-]+)\)/g)) assert.ok(doc.includes(`\n## ${code}\n`), `README.md links docs/rules.md#${code}, which has no section`);
});
