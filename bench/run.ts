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
import { runScalingBenchmarks, type ScalingResult } from './scaling';
import { runEditingBenchmark, type EditingResult } from './server';
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
  largeStepTimeoutMs: 60_000,
  profiling: profileDir !== undefined,
};

const targets = {
  keystrokeMedianMs: 10,
  keystrokeP95Ms: 25,
  completionMedianMs: 10,
  sharedIdsKeystrokeMedianMs: 40,
  sharedIdsPublishBytes: 2 * 1024 * 1024,
  largeKeystrokeMedianMs: 60,
  largeOpenMs: 3_000,
  largeMemoryBytes: 400 * 1024 * 1024,
  cliRatioToMarkdownlint: 0.3,
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

function editingRows(editing: EditingResult, target: { keystroke: string; open?: string; memory?: string; publish?: string }): string[][] {
  const rows: string[][] = [];
  const megabytes = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / (1024 * 1024)).toFixed(0)} MB`);
  const timeouts = (result: { timeouts: number }) => (result.timeouts ? `${result.timeouts} timed out` : '');
  const name = editing.label;
  rows.push([`${name}: didOpen → first diagnostics`, formatDuration(editing.openToDiagnosticsMs), '', target.open ?? '', editing.error ? `failed: ${editing.error}` : '']);
  rows.push([`${name}: first keystroke after open`, formatDuration(editing.firstEditMs), '', '', 'warm-up, not in the row below']);
  rows.push([
    `${name}: keystroke → diagnostics (n=${editing.keystroke.samples.length})`,
    formatDuration(editing.keystroke.medianMs),
    formatDuration(editing.keystroke.p95Ms),
    target.keystroke,
    timeouts(editing.keystroke),
  ]);
  const publish = editing.publish;
  rows.push([
    `${name}: one publish, as JSON`,
    publish?.medianBytes === undefined ? '–' : formatBytes(publish.medianBytes),
    publish?.maxBytes === undefined ? '–' : formatBytes(publish.maxBytes),
    target.publish ?? '',
    publish?.diagnostics === undefined ? '' : `${publish.diagnostics} diagnostics`,
  ]);
  rows.push([
    `${name}: server memory while typing (RSS / peak)`,
    megabytes(editing.memoryAfterTyping?.rss),
    '',
    target.memory ?? '',
    `peak ${megabytes(editing.memoryAfterTyping?.peak)}; after open ${megabytes(editing.memoryAfterOpen?.rss)}`,
  ]);
  if (editing.completion.samples.length) {
    const items = editing.completion.items;
    rows.push([
      `${name}: completion after "[[" (n=${editing.completion.samples.length})`,
      formatDuration(editing.completion.medianMs),
      formatDuration(editing.completion.p95Ms),
      `≤ ${targets.completionMedianMs} ms`,
      [items.length ? `${Math.min(...items)}–${Math.max(...items)} items` : '', timeouts(editing.completion)].filter(Boolean).join(', '),
    ]);
  }
  return rows;
}

function render(cli: FileResult[], editing: EditingResult[], scaling: ScalingResult[]): string {
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
  const targetOf = (label: string) =>
    label === '10 MB'
      ? { keystroke: `≤ ${targets.largeKeystrokeMedianMs} ms`, open: `≤ ${targets.largeOpenMs / 1000} s`, memory: `peak ≤ ${targets.largeMemoryBytes / (1024 * 1024)} MB` }
      : label.includes('shared')
        ? { keystroke: `≤ ${targets.sharedIdsKeystrokeMedianMs} ms`, publish: `≤ ${formatBytes(targets.sharedIdsPublishBytes)}` }
        : { keystroke: `≤ ${targets.keystrokeMedianMs} ms / ≤ ${targets.keystrokeP95Ms} ms` };
  const rows = editing.flatMap((result) => editingRows(result, targetOf(result.label)));
  const serverTable = rows.length ? table(['Language server (stdio)', 'median', 'p95 / max', 'target', 'note'], rows) : '';
  const scalingTable = table(
    ['Growth (in-process, median)', 'small', 'large', 'time ratio', 'linear would be'],
    scaling.map((row) => [
      row.name,
      `${row.smallSize.toLocaleString('en-US')}: ${formatDuration(row.smallMs)}`,
      `${row.largeSize.toLocaleString('en-US')}: ${formatDuration(row.largeMs)}`,
      row.ratio === undefined ? '–' : `${row.ratio.toFixed(1)}×`,
      `${(row.largeSize / row.smallSize).toFixed(0)}×`,
    ]),
  );
  return [cliTable, serverTable, scalingTable].filter(Boolean).join('\n\n');
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

  const editingOptions = {
    edits: settings.edits,
    warmup: settings.warmupEdits,
    completions: settings.completions,
    openTimeoutMs: settings.openTimeoutMs,
    stepTimeoutMs: settings.stepTimeoutMs,
    nodeArguments: serverArguments,
  };
  const editing: EditingResult[] = [];
  log('Language server, 1 MB list:');
  editing.push(await runEditingBenchmark('1 MB', lists['1MB'], editingOptions, log));
  log('Language server, 1 MB list whose copies share arXiv ids:');
  editing.push(await runEditingBenchmark('1 MB, shared ids', lists['1MB-shared-ids'], { ...editingOptions, completions: 0 }, log));
  if (!skipLarge) {
    log('Language server, 10 MB list:');
    const initializationOptions = { paperList: { maxFileSize: 64 * 1024 * 1024 } };
    editing.push(
      await runEditingBenchmark(
        '10 MB',
        lists['10MB'],
        { ...editingOptions, completions: 0, openTimeoutMs: settings.largeOpenTimeoutMs, stepTimeoutMs: settings.largeStepTimeoutMs, initializationOptions },
        log,
      ),
    );
  }

  log('Growth of the core with its input:');
  const scaling = runScalingBenchmarks(quick ? 3 : 7);

  const finished = new Date();
  const report = render(cli, editing, scaling);
  const profiling = profileDir ? ' (servers under --cpu-prof: slower than usual)' : '';
  const header = `paperlist benchmark, ${started.toISOString()}: ${info.machine.cpu}, ${info.machine.cores} cores, ${(info.machine.totalMemoryBytes / 1024 ** 3).toFixed(1)} GB, Node ${info.machine.node}${profiling}`;
  process.stdout.write(`\n${header}\n\n${report}\n`);

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const files = cliFiles.map((cliFile) => ({ name: cliFile.name, path: relative(root, cliFile.path), bytes: cliFile.bytes }));
  const json = { ...info, finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime(), files, cli, server: { editing }, scaling, table: report };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  if (profileDir) process.stdout.write(`\nCPU profiles of the servers are in ${relative(root, profileDir)}/.`);
  process.stdout.write(`\nSaved ${relative(root, file)} (the whole run took ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s).\n`);
}

main().catch((error: unknown) => {
  log(`benchmark failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
