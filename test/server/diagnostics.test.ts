import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseList, type Finding } from '../../server/src/core/index';
import { diagnosticsOf, maxDiagnosticsPerRule, maxRelatedPerDiagnostic, moreFindingsCode } from '../../server/src/lsp/diagnostics';

const uri = 'file:///list.md';
const text = Array.from({ length: 1300 }, (_, i) => `${i + 1}. **Paper ${i}**. *A. Author*. arXiv 2023.`).join('\n');
const list = parseList(text);

function findingOnLine(line: number, code: string, related = 0): Finding {
  const start = list.lines.lineStarts[line];
  return {
    code,
    severity: 'warning',
    message: `Problem on line ${line + 1}`,
    span: { start, end: start + 3 },
    fixes: [],
    ...(related && { related: Array.from({ length: related }, (_, k) => ({ span: { start: list.lines.lineStarts[k], end: list.lines.lineStarts[k] + 1 }, message: 'Another copy' })) }),
  };
}

test('diagnostics: a rule with more than 1,000 findings publishes the first 1,000 and one notice of the rest', () => {
  const findings = [...Array.from({ length: 1200 }, (_, line) => findingOnLine(line, 'entry-year')), findingOnLine(1250, 'entry-title')];
  const diagnostics = diagnosticsOf(uri, list, findings);
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'entry-year').length, maxDiagnosticsPerRule);
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'entry-title').length, 1);
  const notice = diagnostics.find((diagnostic) => diagnostic.code === moreFindingsCode);
  assert.ok(notice);
  assert.equal(notice.range.start.line, 1000, 'the notice stands where the first finding left out would');
  assert.equal(notice.message as string, '200 more entry-year problems are not shown here, after the first 1,000; run "paperlist lint" on this file to list them all.');
});

test('diagnostics: one finding over the limit is one more problem, in the singular', () => {
  const findings = Array.from({ length: 1001 }, (_, line) => findingOnLine(line, 'entry-year'));
  const notice = diagnosticsOf(uri, list, findings).find((diagnostic) => diagnostic.code === moreFindingsCode);
  assert.match(notice!.message as string, /^1 more entry-year problem is not shown here/);
});

test('diagnostics: at most three related locations per diagnostic, and no data', () => {
  const [diagnostic] = diagnosticsOf(uri, list, [findingOnLine(5, 'entry-inconsistent', 40)]);
  assert.equal(diagnostic.relatedInformation?.length, maxRelatedPerDiagnostic);
  assert.equal(diagnostic.data, undefined);
});

test('diagnostics: an unchanged finding keeps its diagnostic object across publishes', () => {
  const finding = findingOnLine(7, 'entry-year');
  assert.equal(diagnosticsOf(uri, list, [finding])[0], diagnosticsOf(uri, list, [finding])[0]);
});

test('diagnostics: a line break typed over one character moves the problems below it to their new lines', async () => {
  const { BlockCache, lintText, resolveConfig } = await import('../../server/src/core/index');
  const reference = (await import('node:fs')).readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  const options = { config: resolveConfig(), currentYear: 2026 };
  const cache = new BlockCache();
  const before = lintText(reference, { ...options, cache });
  diagnosticsOf(uri, before.list, before.findings);
  // Selecting a space of the intro and pressing Enter: the same length, one more line above every entry.
  const at = reference.indexOf(' ', reference.indexOf('\n\n') + 2);
  const typed = `${reference.slice(0, at)}\n${reference.slice(at + 1)}`;
  const after = lintText(typed, { ...options, cache });
  const fresh = lintText(typed, options);
  const lines = (diagnostics: ReturnType<typeof diagnosticsOf>) => diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}`);
  assert.deepEqual(lines(diagnosticsOf(uri, after.list, after.findings)), lines(diagnosticsOf(uri, fresh.list, fresh.findings)));
});
