// The browser bundles (the `browser` entry for github.dev and vscode.dev): build.mjs writes them and
// test/web/bundle.test.ts checks them for Node built-ins and size.
export const webTargets = [
  // The extension, loaded by the web-worker extension host, which provides `vscode`.
  { entry: 'client/src/browser/extension.ts', out: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  // The language server, started by the extension as a web worker.
  { entry: 'server/src/browser/main.ts', out: 'dist/web/server.js', format: 'iife', external: [] },
];

/** esbuild options for one browser target. */
export function webBuildOptions(target, { production, version }) {
  return {
    entryPoints: [target.entry],
    outfile: target.out,
    bundle: true,
    platform: 'browser',
    format: target.format,
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    external: target.external,
    // Both run in web workers, which have no DOM: packages' `worker` builds, not their `browser` (DOM) ones,
    // such as decode-named-character-reference's, which decodes with document.createElement.
    conditions: ['worker'],
    define: { PAPERLIST_VERSION: JSON.stringify(version) },
    logLevel: 'warning',
  };
}
