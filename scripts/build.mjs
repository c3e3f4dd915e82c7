// Bundles the CLI, the language server and the VS Code client into dist/ with esbuild, and their browser
// builds into dist/web/.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { webBuildOptions, webTargets } from './webTargets.mjs';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const production = process.argv.includes('--production');
const targets = [
  { entry: 'server/src/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { entry: 'server/src/node/main.ts', out: 'dist/server.js' },
  { entry: 'client/src/node/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

await Promise.all(
  targets
    .filter((target) => existsSync(target.entry))
    .map((target) =>
      build({
        entryPoints: [target.entry],
        outfile: target.out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: !production,
        minify: production,
        external: target.external ?? [],
        banner: target.banner ? { js: target.banner } : undefined,
        define: { PAPERLIST_VERSION: JSON.stringify(version) },
        logLevel: 'warning',
      }),
    ),
);

await Promise.all(webTargets.filter((target) => existsSync(target.entry)).map((target) => build(webBuildOptions(target, { production, version }))));
