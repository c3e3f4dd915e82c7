// The language server, driven over stdio like an editor: open time, keystroke-to-diagnostics latency, the
// size of each publish, memory while typing, and completion latency.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BenchServer, memoryOf } from './lsp';
import { median, percentile } from './stats';

export interface LatencyResult {
  samples: number[];
  medianMs?: number;
  p95Ms?: number;
  /** Edits whose diagnostics did not come within the timeout; they count as missing, not as samples. */
  timeouts: number;
}

export interface EditingResult {
  /** What the row says the document is: "1 MB", "1 MB, shared ids", "10 MB". */
  label: string;
  bytes: number;
  /** The server's settings for this run: the default maxFileSize (8 MiB characters) would skip a 10 MB list. */
  initializationOptions?: unknown;
  /** The size of each keystroke's publishDiagnostics as JSON, in characters (median and largest). */
  publish?: { medianBytes?: number; maxBytes?: number; diagnostics?: number };
  /** Resident memory right after the 20 keystrokes; `peak` (VmHWM) is the highest since the server started. */
  memoryAfterTyping?: { rss: number; peak: number };
  openToDiagnosticsMs?: number;
  memoryAfterOpen?: { rss: number; peak: number };
  /** The first measured keystroke after opening, reported on its own since it may pay for warm-up. */
  firstEditMs?: number;
  keystroke: LatencyResult & { line: number; warmup: number };
  completion: LatencyResult & { lines: number[]; items: number[] };
  error?: string;
}

const entryLinePattern = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+\*\*((?:[^*]|\*(?!\*))+)\*\*/;

/** The indexes of the lines that hold an entry with a bold title. */
function entryLines(lines: string[]): number[] {
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (entryLinePattern.test(line)) found.push(index);
  });
  return found;
}

/** The entry line nearest to the middle of the document, plus `offset` entries. */
function middleEntry(entries: number[], lineCount: number, offset = 0): number {
  let nearest = 0;
  for (let i = 0; i < entries.length; i++) {
    if (Math.abs(entries[i] - lineCount / 2) < Math.abs(entries[nearest] - lineCount / 2)) nearest = i;
  }
  return entries[Math.min(entries.length - 1, Math.max(0, nearest + offset))];
}

function summarise(samples: number[], timeouts: number): LatencyResult {
  return { samples, medianMs: median(samples), p95Ms: percentile(samples, 95), timeouts };
}

/**
 * Opens the 1 MB list, types characters one at a time into a title in the middle (timing each
 * didChange to the diagnostics of its version), then times completion right after typing `[[`
 * at the end of entry lines in the middle.
 */
export async function runEditingBenchmark(
  label: string,
  path: string,
  options: {
    edits: number;
    warmup: number;
    completions: number;
    openTimeoutMs: number;
    stepTimeoutMs: number;
    nodeArguments: string[];
    initializationOptions?: unknown;
  },
  log: (line: string) => void,
): Promise<EditingResult> {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const uri = pathToFileURL(path).href;
  const entries = entryLines(lines);
  const titleLine = middleEntry(entries, lines.length);
  const title = entryLinePattern.exec(lines[titleLine])!;
  // Typing starts in the middle of the title and moves right one character per keystroke.
  const titleStart = lines[titleLine].indexOf('**') + 2;
  const typingStart = titleStart + (title[1].length >> 1);
  const result: EditingResult = {
    label,
    bytes: Buffer.byteLength(text),
    initializationOptions: options.initializationOptions,
    keystroke: { samples: [], timeouts: 0, line: titleLine + 1, warmup: options.warmup },
    completion: { samples: [], timeouts: 0, lines: [], items: [] },
  };
  const server = await BenchServer.start(options.initializationOptions, options.nodeArguments);
  try {
    let version = 1;
    let started = performance.now();
    await server.open(uri, text, version);
    const opened = await server.diagnostics(uri, version, options.openTimeoutMs);
    if (!opened) throw new Error(`no diagnostics within ${options.openTimeoutMs / 1000} s of opening the list`);
    result.openToDiagnosticsMs = performance.now() - started;
    result.memoryAfterOpen = memoryOf(server.pid);
    log(`  opened ${path}: first diagnostics after ${(result.openToDiagnosticsMs / 1000).toFixed(2)} s (${opened.diagnostics.length} diagnostics)`);

    const keystrokes: number[] = [];
    const publishBytes: number[] = [];
    let diagnosticsCount: number | undefined;
    let keystrokeTimeouts = 0;
    const typed = 'incremental';
    for (let i = 0; i < options.warmup + options.edits; i++) {
      const character = typingStart + i;
      const position = { line: titleLine, character };
      version++;
      started = performance.now();
      await server.change(uri, version, position, position, typed[i % typed.length]);
      const published = await server.diagnostics(uri, version, options.stepTimeoutMs);
      const elapsed = performance.now() - started;
      if (i < options.warmup) {
        if (i === 0) result.firstEditMs = elapsed;
        continue;
      }
      if (!published) keystrokeTimeouts++;
      else {
        keystrokes.push(elapsed);
        publishBytes.push(JSON.stringify(published).length);
        diagnosticsCount = published.diagnostics.length;
      }
    }
    result.memoryAfterTyping = memoryOf(server.pid);
    result.publish = { medianBytes: median(publishBytes), maxBytes: publishBytes.length ? Math.max(...publishBytes) : undefined, diagnostics: diagnosticsCount };
    Object.assign(result.keystroke, summarise(keystrokes, keystrokeTimeouts));
    log(`  ${keystrokes.length} keystrokes in line ${titleLine + 1}: median ${result.keystroke.medianMs?.toFixed(1)} ms, p95 ${result.keystroke.p95Ms?.toFixed(1)} ms`);

    // Completion: type `[[` at the end of an entry line, ask for completion at once, then delete it again.
    const completions: number[] = [];
    let completionTimeouts = 0;
    for (let i = 0; i < options.completions; i++) {
      const line = middleEntry(entries, lines.length, 1 + (i % 10));
      const end = { line, character: lines[line].length };
      version++;
      await server.change(uri, version, end, end, '[[');
      started = performance.now();
      const answer = await server.completion(uri, { line, character: end.character + 2 }, '[');
      completions.push(performance.now() - started);
      result.completion.lines.push(line + 1);
      result.completion.items.push(Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0));
      // Let the server settle before undoing, so the next request does not also pay for this change's lint.
      if (!(await server.diagnostics(uri, version, options.stepTimeoutMs))) completionTimeouts++;
      version++;
      await server.change(uri, version, end, { line, character: end.character + 2 }, '');
      if (!(await server.diagnostics(uri, version, options.stepTimeoutMs))) completionTimeouts++;
    }
    Object.assign(result.completion, summarise(completions, completionTimeouts));
    if (options.completions) log(`  ${completions.length} completions after "[[": median ${result.completion.medianMs?.toFixed(1)} ms, p95 ${result.completion.p95Ms?.toFixed(1)} ms, items ${Math.min(...result.completion.items)}–${Math.max(...result.completion.items)}`);
  } catch (error) {
    result.error = (error as Error).message;
    log(`  server benchmark failed: ${result.error}`);
  } finally {
    await server.stop();
  }
  return result;
}
