import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/core/index';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('boundaries: the core imports nothing from vscode, the LSP runtime or node: modules', () => {
  const forbidden = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:[^'"]+|fs|path|os|child_process)['"]/;
  const offenders = sources('server/src/core').filter((path) => forbidden.test(readFileSync(path, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('boundaries: every rule has a unique code, a test file and a section in the README', () => {
  const codes = allRules.map((rule) => rule.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(codes.length, 23);
  const readme = readFileSync('README.md', 'utf8');
  for (const rule of allRules) {
    const file = rule.code.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
    assert.ok(existsSync(join('server/src/core/rules', `${file}.ts`)), `${rule.code} has a module`);
    assert.ok(existsSync(join('test/core/rules', `${file}.test.ts`)), `${rule.code} has tests`);
    assert.ok(readme.includes(`### ${rule.code}\n`), `${rule.code} has a README section`);
  }
});
