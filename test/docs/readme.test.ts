import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const readme = readFileSync('README.md', 'utf8');

test('docs: the README is a front door, under 15 KB', () => {
  assert.ok(statSync('README.md').size < 15 * 1024, `README.md is ${statSync('README.md').size} bytes`);
});

test('docs: the README links every document under docs/ (directly or through docs/editors.md) and the root guides', () => {
  const linked = new Set([...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]));
  for (const guide of ['SECURITY.md', 'CONTRIBUTING.md', 'CHANGELOG.md']) assert.ok(linked.has(guide), `README links ${guide}`);
  const editors = readFileSync('docs/editors.md', 'utf8');
  for (const name of readdirSync('docs').filter((file) => file.endsWith('.md'))) {
    assert.ok(linked.has(`docs/${name}`) || editors.includes(`](${name}`), `README links docs/${name}`);
  }
});

test('docs: every relative link of the README and the docs names a file that exists', () => {
  const files = ['README.md', 'SECURITY.md', 'CONTRIBUTING.md', ...readdirSync('docs').filter((file) => file.endsWith('.md')).map((file) => join('docs', file))];
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/(?<!\\)\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      assert.ok(existsSync(join(dirname(file), target)), `${file} links ${target}, which does not exist`);
    }
  }
});
