import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lint, lines } from '../../helpers';

const code = 'section-empty';

const papers = [
  '1. **Multitask prompted training enables zero-shot task generalization**. *Sanh et al.* arXiv 2021. [[Paper](https://arxiv.org/pdf/2110.08207.pdf)]',
  '2. **Cross-task generalization via natural language crowdsourcing instructions**. *Mishra et al.* arXiv 2021. [[Paper](https://arxiv.org/pdf/2104.08773.pdf)]',
  '3. **Super-naturalinstructions**. *Wang et al.* arXiv 2022. [[Paper](https://arxiv.org/pdf/2204.07705.pdf)]',
].join('\n');

test('section-empty: ok when every heading has entries or subsections', () => {
  const text = `# Survey\n## Definition\n### Human Instructions\n${papers}\n`;
  assert.deepEqual(lint(text, code), []);
});

test('section-empty: a heading with nothing under it in a paper list', () => {
  const text = `# Survey\n## Human Instructions\n${papers}\n## Human Values\n\n## Citation\n<!-- to do -->\n`;
  const findings = lint(text, code);
  assert.deepEqual(lines(text, findings), [6, 8]);
  assert.equal(findings[0].message, 'Section "Human Values" has no entries and no subsections; expected at least one paper under it, or no heading.');
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), '## Human Values');
  assert.deepEqual(findings[0].fixes, []);
});

test('section-empty: a section with text, a plain list or code is not empty', () => {
  const text = `# Survey\n## Papers\n${papers}\n## Citation\n\n\`\`\`bibtex\n@article{x}\n\`\`\`\n## Contributing\nPull requests are welcome.\n## Links\n- [Website](https://example.org)\n`;
  assert.deepEqual(lint(text, code), []);
});

test('section-empty: ordinary markdown with fewer than three entries stays quiet', () => {
  const text = '# Notes\n## Empty\n## Papers\n- **One paper**. *A et al.* 2020.\n- **Two paper**. *B et al.* 2021.\n';
  assert.deepEqual(lint(text, code), []);
});

test('section-empty: the reference list has no empty section', () => {
  const text = readFileSync('test/fixtures/alignment-survey.md', 'utf8');
  assert.deepEqual(lines(text, lint(text, code)), []);
});
