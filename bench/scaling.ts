// How the core's time grows with its input, in-process: a step that grows faster than its input shows
// as a ratio far above the size ratio. Kept here rather than in the tests, since timings are noisy.
import { collectSafeEdits, type Finding } from '../server/src/core/index';
import { median } from './stats';

export interface ScalingResult {
  name: string;
  smallSize: number;
  largeSize: number;
  smallMs?: number;
  largeMs?: number;
  /** largeMs / smallMs; linear growth gives about largeSize / smallSize. */
  ratio?: number;
}

/** `count` findings about separate entries, each with one safe one-character fix, as a big list yields. */
export function manyFixes(count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    code: 'entry-punctuation',
    severity: 'info' as const,
    message: 'x',
    span: { start: index * 10, end: index * 10 + 1 },
    fixes: [{ title: 'Add a period', edits: [{ start: index * 10 + 5, end: index * 10 + 5, newText: '.' }], safe: true }],
  }));
}

function timed(run: () => void, rounds: number): number | undefined {
  run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Collecting the safe fixes of fix-all and `--fix`, at 3,000 and 24,000 fixes (it was quadratic once). */
export function runScalingBenchmarks(rounds: number): ScalingResult[] {
  const small = manyFixes(3_000);
  const large = manyFixes(24_000);
  const smallMs = timed(() => collectSafeEdits(small), rounds);
  const largeMs = timed(() => collectSafeEdits(large), rounds);
  return [{ name: 'fix collection', smallSize: 3_000, largeSize: 24_000, smallMs, largeMs, ratio: smallMs && largeMs !== undefined ? largeMs / smallMs : undefined }];
}
