// Paired comparison of keystroke → diagnostics against another build of the server, such as a baseline
// release's: both servers open the same list and take turns, one keystroke each, so that the machine's
// load falls on both alike. Absolute times move between days; the ratio is what to compare.
//   node --import tsx bench/compare.ts OTHER/dist/server.js [list.md] [keystrokes]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchServer } from './lsp';
import { median, percentile } from './stats';

async function main(): Promise<void> {
  const [baselineServer, listArgument, countArgument] = process.argv.slice(2);
  if (!baselineServer) throw new Error('usage: node --import tsx bench/compare.ts OTHER/dist/server.js [list.md] [keystrokes]');
  const file = resolve(listArgument ?? 'bench/data/list-1mb.md');
  const count = Number(countArgument ?? 100);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const entryLine = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+\*\*((?:[^*]|\*(?!\*))+)\*\*/;
  const entries = lines.map((line, index) => (entryLine.test(line) ? index : -1)).filter((index) => index >= 0);
  const line = entries.reduce((best, index) => (Math.abs(index - lines.length / 2) < Math.abs(best - lines.length / 2) ? index : best));
  const character = lines[line].indexOf('**') + 10;
  const uri = pathToFileURL(file).href;
  const servers = { baseline: await BenchServer.start(undefined, [], resolve(baselineServer)), current: await BenchServer.start() };
  const times: Record<keyof typeof servers, number[]> = { baseline: [], current: [] };
  try {
    for (const server of Object.values(servers)) {
      await server.open(uri, text, 1);
      await server.diagnostics(uri, 1, 120_000);
    }
    for (let i = 0; i < count + 3; i++) {
      // The first server of each turn alternates, so that neither always runs on a warmer machine.
      const order = (i % 2 ? ['baseline', 'current'] : ['current', 'baseline']) as (keyof typeof servers)[];
      for (const name of order) {
        const position = { line, character: character + i };
        const started = performance.now();
        await servers[name].change(uri, i + 2, position, position, 'x');
        await servers[name].diagnostics(uri, i + 2, 60_000);
        if (i >= 3) times[name].push(performance.now() - started);
      }
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop();
  }
  const row = (name: keyof typeof servers) => `${name}: median ${median(times[name])!.toFixed(1)} ms, p95 ${percentile(times[name], 95)!.toFixed(1)} ms`;
  process.stdout.write(`${file}, ${count} keystrokes each\n${row('baseline')}\n${row('current')}\nratio of medians: ${(median(times.current)! / median(times.baseline)!).toFixed(2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
