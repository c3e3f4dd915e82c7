// The corpus: 26 real paper lists in other people's house styles (test/fixtures/corpus, never edited:
// their defects are test data). For each list: its findings match a golden file, the reader finds its
// entries within 5% of the hand count (test/corpus/counts.json), every error and warning has been judged
// in its review file (test/corpus/<name>.review.md) with few false ones, and --fix keeps the letters and
// digits of every line it changes. Each list is linted once, with the lint host of harness.ts: only the
// README of each repository is here, so whether the files it links to exist is unknown, not missing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { changedLinesBreakingInvariant } from './fixInvariant';
import {
  corpusFiles,
  errorAndWarningKeys,
  goldenDir,
  goldenPath,
  exportGoldenPath,
  handCounts,
  lintCorpusList,
  readReview,
  reviewPath,
  type LintedList,
} from './harness';

const update = process.env.UPDATE_GOLDEN === '1';
const counts = handCounts();
const files = corpusFiles();

/** How far the reader's entry count may be from the hand count, as a share of the hand count. */
const entryTolerance = 0.05;
/** Findings judged false that one list may still have. */
const falsePerList = 3;
/** Findings judged false that the corpus may still have, per hand-counted entry. */
const falsePerEntry = 1 / 100;

const linted = new Map<string, LintedList>();
function linting(file: string): LintedList {
  let result = linted.get(file);
  if (!result) linted.set(file, (result = lintCorpusList(file)));
  return result;
}

function reviewOf(file: string) {
  const review = readReview(file);
  assert.ok(review, `${reviewPath(file)} is missing`);
  assert.deepEqual(review.problems, []);
  return review;
}

/** The review rows judged false whose finding is still reported. */
function falseStillFound(file: string): string[] {
  const found = new Set(errorAndWarningKeys(linting(file).rows));
  return reviewOf(file)
    .rows.filter((row) => row.verdict === 'false' && found.has(row.key))
    .map((row) => `${row.key}: ${row.why}`);
}

test('corpus: the fixtures are the lists of counts.json, each with a review file that states its hand count', () => {
  assert.deepEqual(files, Object.keys(counts).sort());
  for (const file of files) assert.equal(reviewOf(file).entries, counts[file].entries, reviewPath(file));
});

for (const file of files) {
  test(`corpus: ${file} matches its golden findings`, () => {
    const body = linting(file).rows.join('\n') + '\n';
    const path = goldenPath(file);
    if (update || !existsSync(path)) {
      if (!update) assert.fail(`${path} is missing; run UPDATE_GOLDEN=1 node scripts/test.mjs corpus to write it, then review it`);
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(path, body);
      return;
    }
    assert.equal(body, readFileSync(path, 'utf8'), `findings differ from ${path}; if the change is intended, run UPDATE_GOLDEN=1 node scripts/test.mjs corpus and review the diff`);
  });

  test(`corpus: ${file} exports the entries it reads as before`, () => {
    const body = linting(file).exported;
    const path = exportGoldenPath(file);
    if (update || !existsSync(path)) {
      if (!update) assert.fail(`${path} is missing; run UPDATE_GOLDEN=1 node scripts/test.mjs corpus to write it, then review it`);
      writeFileSync(path, body);
      return;
    }
    assert.equal(body, readFileSync(path, 'utf8'), `the export differs from ${path}; if the change is intended, run UPDATE_GOLDEN=1 node scripts/test.mjs corpus and review the diff`);
  });

  test(`corpus: ${file} has its hand count of entries, within ${entryTolerance * 100}%`, () => {
    const expected = counts[file].entries;
    const found = linting(file).entries;
    assert.ok(
      Math.abs(found - expected) <= entryTolerance * expected,
      `the reader finds ${found} entries; the hand count is ${expected} (${counts[file].how})`,
    );
  });

  test(`corpus: ${file} has errors and warnings only where they were reviewed, few of them false, and its real defects still found`, () => {
    const review = reviewOf(file);
    const found = errorAndWarningKeys(linting(file).rows);
    const reviewed = new Set(review.rows.map((row) => row.key));
    const unreviewed = [...new Set(found.filter((key) => !reviewed.has(key)))];
    assert.ok(
      !unreviewed.length,
      `${unreviewed.length} errors and warnings with no row in ${reviewPath(file)} (first: ${unreviewed.slice(0, 5).join(', ')}); ` +
        `node --import tsx scripts/corpus-review.ts ${file} lists them`,
    );
    const falseOnes = falseStillFound(file);
    assert.ok(falseOnes.length <= falsePerList, `${falseOnes.length} findings judged false (at most ${falsePerList}):\n${falseOnes.join('\n')}`);
    const foundSet = new Set(found);
    const lost = review.rows.filter((row) => row.verdict === 'real' && !foundSet.has(row.key)).map((row) => `${row.key}: ${row.why}`);
    assert.ok(!lost.length, `${lost.length} real defects no longer reported:\n${lost.join('\n')}`);
  });

  test(`corpus: ${file} --fix keeps the letters and digits of every line it changes`, () => {
    const { text, fixed } = linting(file);
    // The two changes of meaning a safe fix may make: a year set to its arXiv id's, a common label's one-letter slip.
    const broken = changedLinesBreakingInvariant(text, fixed(), { allow: ['arxiv-year', 'label-spelling'] });
    assert.ok(
      !broken.length,
      `${broken.length} changed lines lose or gain letters or digits, such as:\n` +
        broken
          .slice(0, 5)
          .map(({ line, before, after }) => `${line}: ${JSON.stringify(before.slice(0, 160))}\n  → ${JSON.stringify(after.slice(0, 160))}`)
          .join('\n'),
    );
  });
}

test(`corpus: findings judged false are at most ${falsePerEntry * 100} per 100 hand-counted entries across the corpus`, () => {
  const entries = files.reduce((sum, file) => sum + counts[file].entries, 0);
  const falseOnes = files.flatMap((file) => falseStillFound(file).map((row) => `${file} ${row}`));
  assert.ok(falseOnes.length <= entries * falsePerEntry, `${falseOnes.length} false findings for ${entries} entries:\n${falseOnes.join('\n')}`);
});
