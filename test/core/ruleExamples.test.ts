import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRules, applyEdits, fixAll, lintText, resolveConfig, type LintOptions, type Rule } from '../../server/src/core/index';

// Examples say "in the future" relative to a fixed year, so that they do not age.
const currentYear = 2026;

function optionsFor(rule: Rule): LintOptions {
  const { config, existingFiles = [] } = rule.docs.examples;
  const files = new Set(existingFiles);
  return { currentYear, config: resolveConfig(config), host: { fileExists: (path) => files.has(path) }, rules: [rule] };
}

/** The rule's findings on a text, with one-based positions as the docs write them. */
function findingsOf(rule: Rule, text: string) {
  const { list, findings } = lintText(text, optionsFor(rule));
  return findings
    .filter((finding) => finding.code === rule.code)
    .map((finding) => {
      const position = list.lines.positionAt(finding.span.start);
      return { message: finding.message, line: position.line + 1, column: position.character + 1, fixes: finding.fixes };
    });
}

test('rule examples: every rule documents at least one valid and one invalid example, and a fixed text where it fixes', () => {
  for (const rule of allRules) {
    const { summary, fix, examples } = rule.docs;
    assert.ok(summary && fix, `${rule.code}: docs need a summary and a fix ("–" when there is none)`);
    assert.ok(examples.valid.length >= 1, `${rule.code}: docs need at least one valid example`);
    assert.ok(examples.invalid.length >= 1, `${rule.code}: docs need at least one invalid example`);
    if (rule.fixable) assert.ok(examples.invalid.some((example) => example.fixed !== undefined), `${rule.code}: a fixable rule needs an invalid example with its fixed text`);
  }
});

for (const rule of allRules) {
  test(`rule examples: ${rule.code}`, () => {
    const { valid, invalid } = rule.docs.examples;
    valid.forEach((text, index) => {
      assert.deepEqual(findingsOf(rule, text).map((finding) => finding.message), [], `${rule.code}: valid example ${index + 1} has findings`);
    });
    invalid.forEach((example, index) => {
      const where = `${rule.code}: invalid example ${index + 1}`;
      const found = findingsOf(rule, example.text);
      assert.deepEqual(
        found.map(({ message, line, column }) => ({ message, line, column })),
        [{ message: example.message, line: example.line, column: example.column }],
        where,
      );
      const fixes = found[0].fixes;
      if (!fixes.length) {
        assert.equal(example.fixed, undefined, `${where}: the finding has no fix, so the example has no fixed text`);
        return;
      }
      assert.notEqual(example.fixed, undefined, `${where}: the finding has a fix, so the example needs its fixed text`);
      // A safe fix is what fix-all and --fix do; otherwise the quick fix offered first.
      const fixed = fixes.some((fix) => fix.safe)
        ? fixAll(example.text, optionsFor(rule)).text
        : applyEdits(example.text, (fixes.find((fix) => fix.preferred) ?? fixes[0]).edits);
      assert.equal(fixed, example.fixed, `${where}: fixed text`);
    });
  });
}
