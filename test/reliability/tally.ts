// Counts what the reliability tests tried and found, and prints one summary line per test file.
import { after } from 'node:test';
import { basename } from 'node:path';

export const tally = {
  inputs: 0,
  edits: 0,
  fixesTried: 0,
  crashes: 0,
  hangs: 0,
  nonConverging: 0,
  nonIdempotent: 0,
  lostText: 0,
};

after(() => {
  const counted = Object.entries(tally).filter(([, value]) => value > 0);
  if (!counted.length) return;
  const file = basename(process.argv[1] ?? 'reliability');
  console.log(`# reliability tally (${file}): ${counted.map(([key, value]) => `${key}=${value}`).join(' ')}`);
});
