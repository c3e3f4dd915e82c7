import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BlockCache, lintText, resolveConfig, type Finding } from '../../server/src/core/index';
import { testYear } from '../helpers';

const reference = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
const options = { config: resolveConfig(), currentYear: testYear };
const plain = (findings: Finding[]) => JSON.stringify(findings.map(({ entry: _entry, ...rest }) => rest));

/** A small deterministic random generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

test('lint: findings with a cache reused across random edits equal a lint from scratch', () => {
  const next = random(7);
  const pieces = ['*', '**', '[', ']', '(', ')', '.', ' ', '\n', '1. ', '## H\n', 'et al', '2021', 'arXiv ', '?utm_source=x', '\n- '];
  const cache = new BlockCache();
  let text = reference;
  lintText(text, { ...options, cache });
  for (let round = 0; round < 60; round++) {
    const at = Math.floor(next() * text.length);
    const removed = next() < 0.4 ? Math.floor(next() * 40) : 0;
    const inserted = next() < 0.7 ? pieces[Math.floor(next() * pieces.length)] : '';
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    const incremental = lintText(text, { ...options, cache }).findings;
    const fresh = lintText(text, options).findings;
    assert.equal(plain(incremental), plain(fresh), `round ${round}: edit at ${at}`);
  }
});

test('lint: an entry-scoped rule sees only the entries an edit touched', () => {
  const cache = new BlockCache();
  lintText(reference, { ...options, cache });
  const seen: number[] = [];
  const spy = {
    code: 'spy',
    defaultSeverity: 'info' as const,
    description: 'Counts the entries it is asked about.',
    fixable: false,
    docs: { summary: 'nothing', fix: '–', examples: { valid: [], invalid: [] } },
    scope: 'entry' as const,
    check({ entries }: { entries: readonly unknown[] }) {
      seen.push(entries.length);
    },
  };
  lintText(reference, { ...options, cache, rules: [spy] });
  lintText(reference.replace('Glm-130b', 'GLM-130B'), { ...options, cache, rules: [spy] });
  assert.deepEqual(seen, [124, 1]);
});
