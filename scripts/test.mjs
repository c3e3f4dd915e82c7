// Runs the test files under test/ with Node's test runner; Node 20 does not expand globs itself.
// `npm test` runs the quick tier; `npm run test:slow` (`--slow`) runs the slow tests: the reliability runs
// under test/reliability/ (property-based, hostile input, defect injection, server abuse) and the tests
// that drive whole programs (the GitHub Action in a git repository, `npm pack` and install, `--changed-since`
// on git history, the web server bundle in a worker).
// A path substring as the argument runs the matching files of both tiers.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const slow = args.includes('--slow');
const filter = args.find((arg) => !arg.startsWith('--'));
const slowFiles = ['action.test.ts', 'pack.test.ts', 'changedSince.test.ts', 'toc.test.ts'].map((name) => join('test', 'cli', name));
const isSlow = (path) => path.startsWith(join('test', 'reliability')) || path.startsWith(join('test', 'web')) || slowFiles.includes(path);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') walk(path);
    } else if (name.endsWith('.test.ts')) {
      if (filter ? path.includes(filter) : isSlow(path) === slow) files.push(path);
    }
  }
};
walk('test');
// With --typecheck, `tsc` runs beside the tests rather than before them: the tests spend much of their
// time waiting on child processes, and `npm test` then takes the longer of the two, not their sum. Its
// build info is kept under node_modules/.cache, so a second run checks only what changed.
const typecheck = args.includes('--typecheck') ? startTypecheck() : undefined;
// Four files at a time on two cores: many wait on child processes (the CLI, a server, git) much of the time.
const tests = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=4', '--test-reporter', 'spec', ...(filter || slow ? files : grouped(files))], { stdio: 'inherit' });
const testStatus = await new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)));
const typecheckStatus = typecheck ? await typecheck : 0;
process.exit(testStatus || typecheckStatus);

/**
 * The quick tier runs its files in a few processes rather than one process a file: starting Node with tsx
 * and loading the core costs more than most of those files' tests. Each group is a module that imports its
 * files, so the runner still reports every test by name. The whole-corpus test, the longest, keeps its own
 * process. The slow tier keeps a process a file, since its tests time themselves.
 */
function grouped(paths) {
  const unit = paths.filter((path) => !path.startsWith(join('test', 'corpus')));
  if (unit.length < 8) return paths;
  const groupCount = 3;
  const dir = join('node_modules', '.cache', 'paperlist', 'test-groups');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const groups = Array.from({ length: groupCount }, (_, index) => {
    const members = unit.filter((_, at) => at % groupCount === index);
    const path = join(dir, `unit-${index + 1}.test.mjs`);
    writeFileSync(path, members.map((member) => `import ${JSON.stringify(pathToFileURL(resolve(member)).href)};\n`).join(''));
    return path;
  });
  // The longest file first, so that it does not start last.
  const rest = paths.filter((path) => !unit.includes(path)).sort((a, b) => Number(b.includes('corpus')) - Number(a.includes('corpus')));
  return [...rest.slice(0, 1), ...groups, ...rest.slice(1)];
}

function startTypecheck() {
  const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/paperlist/typecheck.tsbuildinfo'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  tsc.stdout.on('data', (chunk) => (output += chunk));
  tsc.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    tsc.on('close', (code) => {
      process.stdout.write(code === 0 ? 'typecheck: no errors\n' : `typecheck failed:\n${output}`);
      resolve(code ?? 1);
    }),
  );
}
