import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryTooltip, fixedMessage, plural, renumberedMessage, sectionTooltip, statusTooltip } from '../../client/src/wording';
import type { OutlineNode } from '../../server/src/shared/protocol';

test('wording: the status bar tooltip says "1 error", not "1 errors" (issue 15)', () => {
  const tooltip = statusTooltip({ entries: 1, papers: 1, problems: 3, errors: 1, warnings: 1 });
  assert.equal(tooltip, '1 entry (1 distinct paper); 1 error, 1 warning, 1 other finding. Click to open Problems.');
  assert.match(statusTooltip({ entries: 2, papers: 2, problems: 4, errors: 2, warnings: 2 }), /^2 entries \(2 distinct papers\); 2 errors, 2 warnings, 0 other findings/);
});

test('wording: plurals in the section tooltip and the feedback messages', () => {
  assert.equal(plural(1, 'entry', 'entries'), '1 entry');
  assert.equal(plural(0, 'problem'), '0 problems');
  const section = { title: 'News', level: 2, line: 3, ownCount: 1, totalCount: 1, entries: [], children: [] } as unknown as OutlineNode;
  assert.match(sectionTooltip(section, { errors: 1, warnings: 0 }), /^## News\n1 paper directly under this heading, 1 with its subsections\n1 error, 0 warnings in this section$/);
  assert.equal(fixedMessage(14, 13), 'Fixed 14 problems in 13 entries.');
  assert.equal(fixedMessage(1, 1), 'Fixed 1 problem in 1 entry.');
  assert.equal(fixedMessage(0, 0), 'Nothing to fix.');
  assert.equal(renumberedMessage(1), 'Renumbered 1 item.');
});

test('wording: the entry tooltip is plain text, without markdown escapes (issue 15)', () => {
  const tooltip = entryTooltip({ title: 'Scaling instruction-finetuned language models', identity: 'x', year: 2021, line: 17, range: { start: { line: 17, character: 0 }, end: { line: 17, character: 1 } } }, [
    { severity: 'Warning', message: 'Year 2021 does not match arXiv 2210.11416 in "https://arxiv.org/pdf/2210.11416.pdf".' },
  ]);
  assert.equal(tooltip, 'Scaling instruction-finetuned language models (2021)\nline 18\n\nWarning: Year 2021 does not match arXiv 2210.11416 in "https://arxiv.org/pdf/2210.11416.pdf".');
  assert.ok(!tooltip.includes('\\'));
});
