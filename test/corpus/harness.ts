// What the corpus test and scripts/corpus-review.ts share: the 26 real lists copied into
// test/fixtures/corpus, their hand counts, their review files, and linting each one the same way.
import { entriesToCsv, exportEntries } from '../../server/src/core/features/exportEntries';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlockCache, parseList, type LintHost } from '../../server/src/core/index';
import { describe, fixText, lint, type LintFixtureOptions } from '../helpers';

export const corpusDir = 'test/fixtures/corpus';
export const corpusTestDir = 'test/corpus';
export const goldenDir = join(corpusTestDir, 'golden');

/**
 * Only the README of each repository is in the corpus: the images, PDFs and other files it links to
 * are not here, so whether they exist is unknown and file-missing must not judge them. The host says
 * "unknown" (undefined) for every path, as for an unsaved document.
 */
export const corpusHost: LintHost = { fileExists: () => undefined };

export interface HandCount {
  entries: number;
  /** What was counted as an entry and what was left out. */
  how: string;
}

/** test/corpus/counts.json: the entries of each list, counted by reading it. */
export function handCounts(): Record<string, HandCount> {
  return JSON.parse(readFileSync(join(corpusTestDir, 'counts.json'), 'utf8')) as Record<string, HandCount>;
}

/** The file names of the corpus lists (not the README that describes them), sorted. */
export function corpusFiles(): string[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
}

/** `thunlp__NRLPapers.md` → `thunlp__NRLPapers`, the stem of its golden and review files. */
export function stem(file: string): string {
  return file.replace(/\.md$/, '');
}

export const goldenPath = (file: string): string => join(goldenDir, `${stem(file)}.findings.txt`);
export const exportGoldenPath = (file: string): string => join(goldenDir, `${stem(file)}.export.csv`);
export const reviewPath = (file: string): string => join(corpusTestDir, `${stem(file)}.review.md`);

export interface LintedList {
  file: string;
  text: string;
  /** Each finding as `line:column severity code message`, 1-based, as in test/golden. */
  rows: string[];
  /** How many entries the reader finds. */
  entries: number;
  /** What `paperlist export --format csv` prints for the list. */
  exported: string;
  /** The text after every safe fix, as `paperlist lint --fix` writes it. */
  fixed(): string;
}

/** Lints one corpus list once; the parse is cached so that counting entries and fixing reuse it. */
export function lintCorpusList(file: string): LintedList {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const cache = new BlockCache();
  const extra: LintFixtureOptions = { host: corpusHost, cache };
  const rows = describe(text, lint(text, undefined, extra), { severity: true });
  const list = parseList(text, { cache });
  const exported = entriesToCsv([{ file, entries: exportEntries(list) }]);
  let fixed: string | undefined;
  return { file, text, rows, entries: list.entries.length, exported, fixed: () => (fixed ??= fixText(text, extra)) };
}

/** `57 entry-duplicate` for each error or warning row, in order; infos and hints are not reviewed. */
export function errorAndWarningKeys(rows: readonly string[]): string[] {
  return rows.filter((row) => ['error', 'warning'].includes(row.split(' ')[1])).map(keyOfRow);
}

/** `57:3 warning entry-year No year` → `57 entry-year`. */
export function keyOfRow(row: string): string {
  const [place, , code] = row.split(' ');
  return `${place.split(':')[0]} ${code}`;
}

export type Verdict = 'real' | 'false';

export interface ReviewRow {
  line: number;
  code: string;
  verdict: Verdict;
  why: string;
  /** `57 entry-duplicate`. */
  key: string;
}

export interface Review {
  /** The hand count the header states, if it states one. */
  entries?: number;
  rows: ReviewRow[];
  /** Malformed rows and the like, in plain words. */
  problems: string[];
}

/**
 * Reads `test/corpus/<name>.review.md`: a header, then a table `| line | code | verdict | why |` with one
 * row per error or warning that a person has judged `real` (a defect of the list) or `false`.
 */
export function readReview(file: string): Review | undefined {
  const path = reviewPath(file);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const review: Review = { rows: [], problems: [] };
  const count = /Entries \(hand count\): (\d+)/.exec(text);
  if (count) review.entries = Number(count[1]);
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith('|')) return;
    const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    if (cells[0] === 'line' || /^:?-+:?$/.test(cells[0])) return;
    const [lineCell, code, verdict, ...why] = cells;
    if (!/^\d+$/.test(lineCell) || !code || (verdict !== 'real' && verdict !== 'false')) {
      review.problems.push(`${path}:${index + 1}: a row must be | line | code | real or false | why |, not "${line}"`);
      return;
    }
    review.rows.push({ line: Number(lineCell), code, verdict, why: why.join('|').trim(), key: `${lineCell} ${code}` });
  });
  return review;
}

/** The header and empty table of a review file not yet reviewed. */
export function emptyReview(file: string, entries: number, date: string): string {
  return [
    `# ${stem(file)}: review of errors and warnings`,
    `Reviewed against the findings of ${date}. Entries (hand count): ${entries}.`,
    '| line | code | verdict | why |',
    '|---|---|---|---|',
    '',
  ].join('\n');
}
