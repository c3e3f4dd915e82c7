// Cold command-line runs: paperlist's CLI, markdownlint-cli2 and a bare remark-parse, each a fresh Node process.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { median } from './stats';

const root = resolve(__dirname, '..');

export type ToolName = 'paperlist' | 'markdownlint-cli2' | 'remark-parse';
export const toolNames: ToolName[] = ['paperlist', 'markdownlint-cli2', 'remark-parse'];

/** One spawned run: its wall time, or that it was killed at the timeout. */
export interface RunSample {
  milliseconds: number;
  timedOut: boolean;
  exitCode: number | null;
  outputBytes: number;
}

export interface ToolResult {
  samples: RunSample[];
  /** The median wall time of the runs that finished; undefined when none did. */
  medianMs?: number;
  /** Set when a run hit the timeout; later rounds of that tool on that file are skipped. */
  timedOutAfterMs?: number;
}

export interface FileResult {
  name: string;
  bytes: number;
  rounds: number;
  tools: Record<ToolName, ToolResult>;
  /** paperlist's median divided by the other tool's median (below 1: paperlist is faster). */
  ratios: { markdownlint?: number; remark?: number };
}

export interface CliFile {
  name: string;
  path: string;
  bytes: number;
  rounds: number;
  timeoutMs: number;
}

/** The command line of each tool, run in a temporary folder that holds only the file, so no config applies. */
function commandOf(tool: ToolName, file: string): string[] {
  switch (tool) {
    case 'paperlist':
      return [join(root, 'dist/cli.js'), 'lint', '--format', 'json', file];
    case 'markdownlint-cli2':
      return [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), file];
    case 'remark-parse':
      return [join(root, 'bench/remarkParse.mjs'), file];
  }
}

/** Spawns `node args` and resolves with its wall time from spawn to exit; output is read and dropped. */
export function timeNode(args: string[], cwd: string, timeoutMs: number): Promise<RunSample> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let outputBytes = 0;
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolvePromise({ milliseconds: performance.now() - started, timedOut, exitCode, outputBytes });
    });
  });
}

/**
 * Runs the three tools on each file, several rounds, alternating the tools within a round and rotating
 * which one goes first, so that background load and disk caches fall on all of them alike.
 */
export async function runCliBenchmarks(files: CliFile[], log: (line: string) => void): Promise<FileResult[]> {
  const folder = mkdtempSync(join(tmpdir(), 'paperlist-bench-'));
  const results: FileResult[] = [];
  try {
    for (const file of files) {
      const copy = join(folder, basename(file.path));
      copyFileSync(file.path, copy);
      const tools = Object.fromEntries(toolNames.map((tool) => [tool, { samples: [] } as ToolResult])) as Record<ToolName, ToolResult>;
      for (let round = 0; round < file.rounds; round++) {
        const order = toolNames.map((_, i) => toolNames[(i + round) % toolNames.length]);
        for (const tool of order) {
          const result = tools[tool];
          if (result.timedOutAfterMs !== undefined) continue;
          const sample = await timeNode(commandOf(tool, basename(copy)), folder, file.timeoutMs);
          result.samples.push(sample);
          if (sample.timedOut) result.timedOutAfterMs = file.timeoutMs;
          const time = sample.timedOut ? `> ${file.timeoutMs / 1000} s (killed)` : `${(sample.milliseconds / 1000).toFixed(2)} s`;
          log(`  ${file.name} round ${round + 1}/${file.rounds}: ${tool.padEnd(17)} ${time}  exit ${sample.exitCode ?? 'killed'}`);
        }
      }
      rmSync(copy);
      for (const result of Object.values(tools)) {
        // A tool that ever hit the timeout gets no median: its finished runs would flatter it.
        if (result.timedOutAfterMs === undefined) result.medianMs = median(result.samples.map((sample) => sample.milliseconds));
      }
      const ratio = (other: ToolResult) =>
        tools.paperlist.medianMs !== undefined && other.medianMs !== undefined ? tools.paperlist.medianMs / other.medianMs : undefined;
      results.push({
        name: file.name,
        bytes: file.bytes,
        rounds: file.rounds,
        tools,
        ratios: { markdownlint: ratio(tools['markdownlint-cli2']), remark: ratio(tools['remark-parse']) },
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}
