// `npm run bench`: measures paperlist against markdownlint-cli2 and remark-parse, and the language server's
// latency and memory, prints one table and saves everything as JSON under bench/results/.
// It measures and reports; it never fails on a slow number. Options: --quick (fewer rounds), --skip-10mb,
// --profile (the servers write CPU profiles to bench/results/profiles/, to open in Chrome DevTools).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runCliBenchmarks, type FileResult, type ToolResult } from './cli';
import { ensureLists, referencePath } from './generate';
import { runEditingBenchmark, runLargeOpenBenchmark, type EditingResult, type LargeOpenResult } from './server';
import { formatBytes, formatDuration, table } from './stats';

const root = resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const skipLarge = process.argv.includes('--skip-10mb');
const profileDir = process.argv.includes('--profile') ? resolve(root, 'bench/results/profiles') : undefined;
// Profiling slows the server down, so a run with --profile says so in its JSON and its table.
const serverArguments = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

/** What the benchmark does; also saved in the JSON so runs with different settings are not compared blindly. */
const settings = {
  cliRounds: { reference: quick ? 2 : 5, '1MB': quick ? 2 : 5, '10MB': 1 },
  cliTimeoutMs: { reference: 60_000, '1MB': 60_000, '10MB': 150_000 },
  edits: 20,
  warmupEdits: 2,
  completions: 20,
  openTimeoutMs: 60_000,
  stepTimeoutMs: 30_000,
  largeOpenTimeoutMs: 120_000,
  profiling: profileDir !== undefined,
};

const targets = {
  keystrokeMedianMs: 16,
  keystrokeP95Ms: 50,
  completionMedianMs: 16,
  cliRatioToMarkdownlint: 0.5,
  largeOpenMs: 10_000,
  largeMemoryBytes: 400 * 1024 * 1024,
};

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function gitDescription(): { commit?: string; dirty?: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return {};
  }
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg(),
  };
}

function toolCell(result: ToolResult): string {
  if (result.timedOutAfterMs !== undefined) return `> ${result.timedOutAfterMs / 1000} s`;
  return formatDuration(result.medianMs);
}

/** paperlist's time over the other tool's, or a bound when one of them was killed at the timeout. */
function ratioCell(file: FileResult, other: ToolResult, ratio: number | undefined): string {
  const ours = file.tools.paperlist;
  if (ratio !== undefined) return `${ratio.toFixed(2)}×`;
  if (ours.medianMs !== undefined && other.timedOutAfterMs !== undefined) return `< ${(ours.medianMs / other.timedOutAfterMs).toFixed(2)}×`;
  if (ours.timedOutAfterMs !== undefined && other.medianMs !== undefined) return `> ${(ours.timedOutAfterMs / other.medianMs).toFixed(2)}×`;
  return '–';
}

function render(cli: FileResult[], editing: EditingResult | undefined, large: LargeOpenResult | undefined): string {
  const cliTable = table(
    ['CLI, cold (wall time, median)', 'size', 'rounds', 'paperlist', 'markdownlint-cli2', 'remark-parse', 'paperlist / mdl', 'paperlist / remark'],
    cli.map((file) => [
      file.name,
      formatBytes(file.bytes),
      String(file.rounds),
      toolCell(file.tools.paperlist),
      toolCell(file.tools['markdownlint-cli2']),
      toolCell(file.tools['remark-parse']),
      ratioCell(file, file.tools['markdownlint-cli2'], file.ratios.markdownlint),
      ratioCell(file, file.tools['remark-parse'], file.ratios.remark),
    ]),
  );
  const rows: string[][] = [];
  const megabytes = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / (1024 * 1024)).toFixed(0)} MB`);
  if (editing) {
    const note = editing.error ? `failed: ${editing.error}` : '';
    rows.push(['1 MB: didOpen → first diagnostics', formatDuration(editing.openToDiagnosticsMs), '', '', note]);
    rows.push(['1 MB: server memory after open (RSS / peak)', megabytes(editing.memoryAfterOpen?.rss), '', '', `peak ${megabytes(editing.memoryAfterOpen?.peak)}`]);
    rows.push(['1 MB: first keystroke after open', formatDuration(editing.firstEditMs), '', '', 'warm-up, not in the row below']);
    const timeouts = (result: { timeouts: number }) => (result.timeouts ? `${result.timeouts} timed out` : '');
    rows.push([
      `1 MB: keystroke → diagnostics (n=${editing.keystroke.samples.length})`,
      formatDuration(editing.keystroke.medianMs),
      formatDuration(editing.keystroke.p95Ms),
      `≤ ${targets.keystrokeMedianMs} ms / ≤ ${targets.keystrokeP95Ms} ms`,
      timeouts(editing.keystroke),
    ]);
    const items = editing.completion.items;
    rows.push([
      `1 MB: completion after "[[" (n=${editing.completion.samples.length})`,
      formatDuration(editing.completion.medianMs),
      formatDuration(editing.completion.p95Ms),
      `≤ ${targets.completionMedianMs} ms`,
      [items.length ? `${Math.min(...items)}–${Math.max(...items)} items` : '', timeouts(editing.completion)].filter(Boolean).join(', '),
    ]);
  }
  if (large) {
    const open = large.timedOut ? `> ${large.timeoutMs / 1000} s` : formatDuration(large.openToDiagnosticsMs);
    rows.push([`${formatBytes(large.bytes)}: didOpen → first diagnostics`, open, '', `≤ ${targets.largeOpenMs / 1000} s`, large.error ? `failed: ${large.error}` : large.diagnostics !== undefined ? `${large.diagnostics} diagnostics` : '']);
    rows.push([
      `${formatBytes(large.bytes)}: server memory after open (RSS)`,
      megabytes(large.memoryAfterOpen?.rss),
      '',
      `≤ ${targets.largeMemoryBytes / (1024 * 1024)} MB`,
      `peak ${megabytes(large.memoryAfterOpen?.peak)}, idle before open ${megabytes(large.memoryBeforeOpen?.rss)}`,
    ]);
  }
  const serverTable = rows.length ? table(['Language server (stdio)', 'median', 'p95', 'target', 'note'], rows) : '';
  return [cliTable, serverTable].filter(Boolean).join('\n\n');
}

async function main(): Promise<void> {
  const started = new Date();
  for (const built of ['dist/cli.js', 'dist/server.js']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run "npm run build" first (npm run bench does)`);
  }
  const lists = ensureLists(log);
  const info = { startedAt: started.toISOString(), machine: machine(), git: gitDescription(), settings, targets };
  log(`paperlist benchmark on ${info.machine.cpu} (${info.machine.cores} cores), Node ${info.machine.node}, load ${info.machine.loadAverageAtStart.map((load) => load.toFixed(2)).join(' ')}`);

  const sizeOf = (path: string) => statSync(path).size;
  const cliFiles = [
    { name: 'reference', path: referencePath },
    { name: '1MB', path: lists['1MB'] },
    ...(skipLarge ? [] : [{ name: '10MB', path: lists['10MB'] }]),
  ].map((file) => {
    const name = file.name as keyof typeof settings.cliRounds;
    return { ...file, bytes: sizeOf(file.path), rounds: settings.cliRounds[name], timeoutMs: settings.cliTimeoutMs[name] };
  });
  log('CLI, cold runs:');
  const cli = await runCliBenchmarks(cliFiles, log);

  log('Language server, 1 MB list:');
  const editing = await runEditingBenchmark(
    lists['1MB'],
    {
      edits: settings.edits,
      warmup: settings.warmupEdits,
      completions: settings.completions,
      openTimeoutMs: settings.openTimeoutMs,
      stepTimeoutMs: settings.stepTimeoutMs,
      nodeArguments: serverArguments,
    },
    log,
  );
  let large: LargeOpenResult | undefined;
  if (!skipLarge) {
    log('Language server, 10 MB list:');
    large = await runLargeOpenBenchmark(lists['10MB'], settings.largeOpenTimeoutMs, serverArguments, log);
  }

  const finished = new Date();
  const report = render(cli, editing, large);
  const profiling = profileDir ? ' (servers under --cpu-prof: slower than usual)' : '';
  const header = `paperlist benchmark, ${started.toISOString()}: ${info.machine.cpu}, ${info.machine.cores} cores, ${(info.machine.totalMemoryBytes / 1024 ** 3).toFixed(1)} GB, Node ${info.machine.node}${profiling}`;
  process.stdout.write(`\n${header}\n\n${report}\n`);

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const files = cliFiles.map((cliFile) => ({ name: cliFile.name, path: relative(root, cliFile.path), bytes: cliFile.bytes }));
  const json = { ...info, finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime(), files, cli, server: { editing, large }, table: report };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  if (profileDir) process.stdout.write(`\nCPU profiles of the servers are in ${relative(root, profileDir)}/.`);
  process.stdout.write(`\nSaved ${relative(root, file)} (the whole run took ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s).\n`);
}

main().catch((error: unknown) => {
  log(`benchmark failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
