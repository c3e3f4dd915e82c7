// Property-based tests of the core over generated lists and mutations of the real lists.
// Replay a failure with PAPERLIST_SEED=<seed> and the path fast-check prints; PAPERLIST_SOAK=1 runs 20 times as many inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BlockCache, fixAll, lintList, lintText, parseList, type LintOptions } from '../../server/src/core/index';
import { applyAll, lostText, localityProblems, rangeProblems, removeDuplicateFixTitle, snapshot } from './checks';
import { anyList, applyRandomEdit, fixtures, generatedList, mutatedFixture, pooledEdit, pooledList, randomEdit, runs, seed, type RandomEdit } from './generators';
import { tally } from './tally';

const options: LintOptions = { currentYear: 2026 };
/** Rounds after which fix-all counts as not converging; real lists need one or two. */
const roundLimit = 4;

function property(name: string, arbitrary: fc.Arbitrary<string>, numRuns: number, check: (text: string) => void) {
  test(`reliability: ${name}`, () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        tally.inputs++;
        check(text);
      }),
      { seed, numRuns: runs(numRuns), endOnFailure: true },
    );
  });
}

property('parsing and every rule never throw, and every range lies inside the document', anyList, 300, (text) => {
  const { findings } = lintText(text, options);
  assert.deepEqual(rangeProblems(text, findings), []);
});

test('reliability: the real lists lint with every range inside the document', () => {
  for (const [name, text] of Object.entries(fixtures)) {
    const { findings } = lintText(text, options);
    assert.deepEqual(rangeProblems(text, findings), [], name);
  }
});

property('fix-all converges within a few rounds and a second run changes nothing', anyList, 150, (text) => {
  const first = fixAll(text, options, 10);
  if (first.rounds > roundLimit) tally.nonConverging++;
  assert.ok(first.rounds <= roundLimit, `fix-all took ${first.rounds} rounds`);
  const second = fixAll(first.text, options, 10);
  if (second.text !== first.text) tally.nonIdempotent++;
  assert.equal(second.text, first.text, 'a second fix-all changed the text');
});

property('fix-all keeps every title and URL (tracking parameters aside)', anyList, 150, (text) => {
  const list = parseList(text);
  const fixed = fixAll(text, options).text;
  const lost = lostText(list, fixed);
  if (lost.length) tally.lostText++;
  assert.deepEqual(lost, []);
});

property('each fix stays in its place and keeps titles and URLs', anyList, 200, (text) => {
  const { list, findings } = lintText(text, options);
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      tally.fixesTried++;
      assert.deepEqual(localityProblems(list, finding, fix), []);
      // Removing a duplicate removes an entry on purpose, and entry-inconsistent's unsafe fixes copy
      // another copy's title over this one; both are offered only as explicit quick fixes.
      if (fix.title === removeDuplicateFixTitle || finding.code === 'entry-inconsistent') continue;
      const after = applyAll(text, fix.edits);
      const lost = lostText(list, after, finding);
      if (lost.length) tally.lostText++;
      assert.deepEqual(lost, [], `${finding.code} fix "${fix.title}"`);
    }
  }
});

/** Lints a text after each edit with one cache and checks each result against a lint from scratch. */
function incrementalEqualsFresh(name: string, lists: fc.Arbitrary<string>, edits: fc.Arbitrary<RandomEdit>, numRuns: number) {
  test(`reliability: incremental analysis equals analysis from scratch ${name}`, () => {
    fc.assert(
      fc.property(lists, fc.array(edits, { minLength: 1, maxLength: 25 }), (start, sequence) => {
        tally.inputs++;
        const cache = new BlockCache();
        let text = start;
        lintList(parseList(text, { cache }), options);
        for (const edit of sequence) {
          text = applyRandomEdit(text, edit);
          tally.edits++;
          const incremental = lintList(parseList(text, { cache }), options);
          assert.equal(snapshot(incremental), snapshot(lintText(text, options).findings));
        }
      }),
      { seed, numRuns: runs(numRuns), endOnFailure: true },
    );
  });
}

incrementalEqualsFresh('while edits create, merge and split groups of copies', pooledList, pooledEdit, 150);
incrementalEqualsFresh('after random edit sequences', fc.oneof(mutatedFixture, generatedList), randomEdit, 60);
