// The browser bundles (the `browser` entry) hold no Node built-in and no DOM call, since both run in web
// workers, and the language server's stays small enough to load in github.dev.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { build, type Metafile } from 'esbuild';
// @ts-expect-error: a JavaScript module shared with scripts/build.mjs, without type declarations.
import { webBuildOptions, webTargets } from '../../scripts/webTargets.mjs';

const root = resolve(__dirname, '../..');
const maxServerBytes = 1024 * 1024;
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface Target {
  entry: string;
  out: string;
}

/** The minified bundle of a target, built in memory as `npm run package` builds it, with its metafile. */
async function bundle(target: Target): Promise<{ text: string; metafile: Metafile }> {
  const options = webBuildOptions(target, { production: true, version: '0.0.0' });
  const result = await build({ ...options, absWorkingDir: root, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const output = result.outputFiles?.find((file) => file.path.endsWith('.js'));
  assert.ok(output, `esbuild wrote ${target.out}`);
  assert.ok(result.metafile);
  return { text: output.text, metafile: result.metafile };
}

for (const target of webTargets as Target[]) {
  test(`web bundle ${target.out}: no Node built-in is imported or bundled, and no DOM is used`, async () => {
    const { text, metafile } = await bundle(target);
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.map((item) => item.path));
    assert.deepEqual(imports.filter((path) => nodeBuiltins.has(path) || path.startsWith('node:')), []);
    // Modules a package's browser field turned off would be Node built-ins replaced by nothing.
    assert.deepEqual(Object.keys(metafile.inputs).filter((path) => path.startsWith('(disabled)')), []);
    const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(required)].filter((name) => name !== 'vscode'), [], 'the bundle requires only vscode');
    assert.doesNotMatch(text, /\bdocument\.createElement\b/, 'a web worker has no document');
  });
}

test('web bundle dist/web/server.js: at most 1 MB minified', async () => {
  const server = (webTargets as Target[]).find((target) => target.out.endsWith('server.js'));
  assert.ok(server);
  const { text } = await bundle(server);
  const bytes = Buffer.byteLength(text);
  console.log(`web server bundle, minified: ${(bytes / 1024).toFixed(0)} KB`);
  assert.ok(bytes <= maxServerBytes, `${bytes} bytes; the limit is ${maxServerBytes}`);
});
