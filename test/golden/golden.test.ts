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

test('golden: alignment-survey-upstream-crlf lints without a crash and matches its golden findings', () => {
  const path = join(fixtures, 'alignment-survey-upstream-crlf.md');
  compareWithGolden('alignment-survey-upstream-crlf', rows(readFileSync(path, 'utf8'), { host: nodeHostFor(path) }));
});

// The three lists in other house styles are copied here without their repositories, so whether their
// images and files exist is unknown: they are linted without a file host, as for an unsaved document.
const otherLists = ['rucaibox-llmsurvey', 'thunlp-gnnpapers', 'woooodyy-llm-agent-paper-list'];

for (const name of otherLists) {
  test(`golden: ${name} lints without a crash and matches its golden findings`, () => {
    compareWithGolden(name, rows(readFileSync(join(fixtures, `${name}.md`), 'utf8')));
  });
}

/**
 * Every error and warning that remains on a list in its own house style is a real defect. Each is listed
 * here by line and code with what is wrong, checked in the fixture by hand.
 */
const realDefects: Record<string, Record<string, string>> = {
  'thunlp-gnnpapers': {
    '393 link-syntax': '`[paper]()`: a paper link without a URL',
    '397 link-syntax': '`[paper]()`: a paper link without a URL',
    '417 link-syntax': '`[paper]()`: a paper link without a URL',
    '421 link-syntax': '`[paper]()`: a paper link without a URL',
    '437 link-syntax': '`[paper]()`: a paper link without a URL',
    '441 link-syntax': '`[paper]()`: a paper link without a URL',
    '564 link-syntax': '`[paper]()`: a paper link without a URL',
    '1272 link-syntax': '`[paper]()`: a paper link without a URL',
    '1288 link-syntax': '`[paper]()`: a paper link without a URL',
    '1300 link-syntax': '`[paper]()`: a paper link without a URL',
    '1304 link-syntax': '`[paper]()`: a paper link without a URL',
    '1308 link-syntax': '`[paper]()`: a paper link without a URL',
    '1316 link-syntax': '`[paper]()`: a paper link without a URL',
    '1376 entry-year': '`EMNLP 18` for 2018, and `TACL.` without a year',
    '1388 entry-year': '`EMNLP 18` for 2018, and `TACL.` without a year',
    '1530 link-syntax': '`[paper]()`: a paper link without a URL',
    '1542 link-syntax': '`[paper]()`: a paper link without a URL',
    '1546 link-syntax': '`[paper]()`: a paper link without a URL',
    '1550 link-syntax': '`[paper]()`: a paper link without a URL',
    '1554 link-syntax': '`[paper]()`: a paper link without a URL',
    '1558 link-syntax': '`[paper]()`: a paper link without a URL',
    '1676 link-syntax': '`[paper]()`: a paper link without a URL',
    '1723 link-syntax': '`[paper]()`: a paper link without a URL',
    '1873 link-syntax': '`[paper]()`: a paper link without a URL',
  },
  'rucaibox-llmsurvey': {
    '124 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '125 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '126 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '127 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '128 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '129 anchor-missing': 'the table of contents links to a heading that was renamed or removed',
    '561 year-arxiv-mismatch': 'year 2021 for a January 2022 arXiv paper',
    '567 year-arxiv-mismatch': 'year 2021 for a January 2022 arXiv paper',
    '572 entry-authors': 'the italics around the authors are broken (`*Shuohuan Wang et al. *arXiv`, `Laskar et al.*`)',
    '575 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '576 entry-year': 'no year after the venue',
    '582 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '582 entry-year': 'no year after the venue',
    '638 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '639 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '643 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '643 entry-year': 'no year after the venue',
    '644 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '652 entry-year': 'no year after the venue',
    '706 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '706 entry-year': 'no year after the venue',
    '707 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '722 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '725 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '735 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '777 entry-year': 'no year after the venue',
    '838 entry-duplicate': '"Automatic Chain of Thought Prompting" listed twice in one section',
    '838 entry-year': 'no year after the venue',
    '893 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '904 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '907 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '949 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '951 entry-inconsistent': 'the same paper with another venue, year, title or first author in another section',
    '970 entry-authors': 'the italics around the authors are broken (`*Shuohuan Wang et al. *arXiv`, `Laskar et al.*`)',
    '970 entry-year': 'no year after the venue',
    '970 link-syntax': '`[[Paper]](url)` among `[[Paper](url)]` links',
  },
  'woooodyy-llm-agent-paper-list': {
    '151 year-arxiv-mismatch': 'a date a year or more after the arXiv id',
    '244 year-arxiv-mismatch': 'a date a year or more after the arXiv id',
    '283 entry-duplicate': 'FireAct links to the arXiv id of Voyager: one id under two titles',
    '286 entry-duplicate': 'Voyager and OpenAgents listed twice in one section',
    '421 author-format': '`Shahet al.` and `Gu oet al.`: glued or mistyped "et al."',
    '454 entry-duplicate': 'Voyager and OpenAgents listed twice in one section',
    '458 year-arxiv-mismatch': 'a date a year or more after the arXiv id',
    '534 entry-year': "`IVA '20`: two digits where the list writes four",
    '583 author-format': '`Shahet al.` and `Gu oet al.`: glued or mistyped "et al."',
    '599 author-format': '`Shahet al.` and `Gu oet al.`: glued or mistyped "et al."',
    '650 entry-inconsistent': 'FireAct links to the arXiv id of Voyager; Interactive Language has another venue and year',
    '678 entry-duplicate': 'FireAct links to the arXiv id of Voyager: one id under two titles',
  },
};

for (const name of otherLists) {
  test(`golden: ${name} in its own house style has errors and warnings only for its real defects`, () => {
    const found = rows(readFileSync(join(fixtures, `${name}.md`), 'utf8'))
      .filter((row) => / (error|warning) /.test(row))
      .map((row) => `${row.split(':')[0]} ${row.split(' ')[2]}`);
    assert.deepEqual(found, Object.keys(realDefects[name]));
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
