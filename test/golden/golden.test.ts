import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeHostFor } from '../../server/src/node/files';
import { describe, fixText, lint, type LintFixtureOptions } from '../helpers';

const fixtures = 'test/fixtures';
const update = process.env.UPDATE_GOLDEN === '1';

/** Each finding as `line:column severity code message`, 1-based, the form the golden files hold. */
function rows(text: string, extra: LintFixtureOptions = {}): string[] {
  return describe(text, lint(text, undefined, extra), { severity: true });
}

function compareWithGolden(name: string, actual: string[]): void {
  const path = join('test/golden', `${name}.findings.txt`);
  const body = actual.join('\n') + '\n';
  if (update || !existsSync(path)) {
    if (!update) assert.fail(`${path} is missing; run UPDATE_GOLDEN=1 npm test to write it, then review it`);
    writeFileSync(path, body);
    return;
  }
  assert.equal(body, readFileSync(path, 'utf8'), `findings differ from ${path}; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff`);
}

const referencePath = join(fixtures, 'alignment-survey.md');
const reference = readFileSync(referencePath, 'utf8');
const host = nodeHostFor(referencePath);

test('golden: the reference list reports each known defect at its line', () => {
  const found = new Set(rows(reference, { host }).map((row) => `${row.split(' ')[2]}@${row.split(':')[0]}`));
  const expected = [
    'file-missing@6',
    'year-arxiv-mismatch@18',
    'year-arxiv-mismatch@117',
    'url-tracking@18',
    'url-tracking@95',
    'url-tracking@107',
    'url-tracking@127',
    'url-tracking@140',
    'url-tracking@162',
    'entry-venue@22',
    'entry-venue@112',
    'heading-whitespace@46',
    'entry-punctuation@21',
    'entry-punctuation@172',
    'author-format@82',
    'author-format@132',
    'author-format@138',
    'entry-inconsistent@112',
  ];
  assert.deepEqual(expected.filter((key) => !found.has(key)), [], 'every known defect is found');
});

test('golden: the clean entries of the reference list get no error or warning', () => {
  const defectLines = new Set([6, 18, 22, 46, 82, 95, 107, 112, 117, 127, 132, 138, 140, 162]);
  const noisy = rows(reference, { host }).filter((row) => {
    const [place, severity] = row.split(' ');
    return (severity === 'error' || severity === 'warning') && !defectLines.has(Number(place.split(':')[0]));
  });
  assert.deepEqual(noisy, []);
});

test('golden: the reference list matches its golden findings', () => {
  compareWithGolden('alignment-survey', rows(reference, { host }));
});

for (const name of ['alignment-survey-upstream-crlf', 'rucaibox-llmsurvey', 'thunlp-gnnpapers', 'woooodyy-llm-agent-paper-list']) {
  test(`golden: ${name} lints without a crash and matches its golden findings`, () => {
    const path = join(fixtures, `${name}.md`);
    compareWithGolden(name, rows(readFileSync(path, 'utf8'), { host: nodeHostFor(path) }));
  });
}

test('golden: the CRLF file gives the same codes as the same text with LF', () => {
  const crlf = readFileSync(join(fixtures, 'alignment-survey-upstream-crlf.md'), 'utf8');
  assert.ok(crlf.includes('\r\n'));
  const strip = (list: string[]) => list.map((row) => row.replace(/^(\d+):\d+/, '$1'));
  assert.deepEqual(strip(rows(crlf, { host })), strip(rows(crlf.replace(/\r\n/g, '\n'), { host })));
});

test('golden: the CRLF upstream version reports the codes of the reference list for their shared entries', () => {
  const crlf = readFileSync(join(fixtures, 'alignment-survey-upstream-crlf.md'), 'utf8');
  const codesByLine = (text: string) => {
    const lines = text.split(/\r?\n/);
    const byText = new Map<string, string[]>();
    for (const row of rows(text, { host })) {
      const [place, , code] = row.split(' ');
      const key = lines[Number(place.split(':')[0]) - 1];
      // A line repeated word for word in the file has its codes counted once.
      byText.set(key, [...new Set([...(byText.get(key) ?? []), code])].sort());
    }
    return byText;
  };
  const reference = codesByLine(readFileSync(referencePath, 'utf8'));
  const upstream = codesByLine(crlf);
  const entryCodes = new Set(['author-format', 'year-arxiv-mismatch', 'url-tracking', 'entry-venue', 'entry-title', 'link-syntax', 'link-url']);
  for (const [line, codes] of reference) {
    if (!upstream.has(line)) continue;
    const own = (list: string[]) => list.filter((code) => entryCodes.has(code));
    assert.deepEqual(own(upstream.get(line)!), own(codes), line.slice(0, 80));
  }
});

test('golden: fix-all on the reference list is idempotent and keeps every title and URL', () => {
  const once = fixText(reference, { host });
  assert.equal(fixText(once, { host }), once, 'a second run changes nothing');
  const titles = (text: string) => [...text.matchAll(/\*\*(.+?)\*\*/g)].map((match) => match[1]);
  assert.deepEqual(titles(once), titles(reference));
  const urls = (text: string) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1].replace(/\?(trk|fbclid|mc_cid)=.*$/, ''));
  assert.deepEqual(urls(once), urls(reference));
});
