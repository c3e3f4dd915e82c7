// Injects one known defect at a time into the real paper lists of the corpus and checks that the rule
// made for it reports it on the line where it was put, in at least 90% of the runs of each kind.
// Replay with PAPERLIST_SEED=<seed>; PAPERLIST_SOAK=1 runs 20 times as many injections.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { BlockCache, LineIndex, lintList, minimumPaperListEntries, parseList, type Finding, type LintOptions, type PaperList } from '../../server/src/core/index';
import { authorFormatRule } from '../../server/src/core/rules/authorFormat';
import { entryDuplicateRule } from '../../server/src/core/rules/entryDuplicate';
import { linkSyntaxRule } from '../../server/src/core/rules/linkSyntax';
import { linkUrlRule } from '../../server/src/core/rules/linkUrl';
import { urlTrackingRule } from '../../server/src/core/rules/urlTracking';
import { runs, seed } from './generators';

const repoRoot = resolve(__dirname, '../..');
const corpusDir = [join(repoRoot, 'test/fixtures/corpus'), resolve(repoRoot, '../shared/lists/corpus')].find((dir) => existsSync(dir));
const options: LintOptions = { currentYear: 2026 };
/** The share of injections of one kind that must be reported. */
const threshold = 0.9;
/** Injections per kind; each re-lints one list from its cache. Reading the corpus once takes most of the time. */
const perKind = 50;

/** One defect to put into a list: replace `start` to `end` with `insert`; its finding belongs on one of `lines` (0-based). */
interface Injection {
  start: number;
  end: number;
  insert: string;
  lines: number[];
}

/** A defect kind: its code, and every place in a list where it can go. */
interface DefectKind {
  name: string;
  code: string;
  /** Read once from the fresh parse, as plain offsets: later parses with the cache move the model's spans. */
  places(list: PaperList, lines: LineIndex): Injection[];
}

interface CorpusList {
  name: string;
  text: string;
  /** Whether the reader finds enough entries for a paper list; the link rules check links outside entries only then. */
  paperList: boolean;
  /** How many findings of each code stand on each line before any injection, as `code line`. */
  before: Map<string, number>;
  places: Injection[][];
  cache: BlockCache;
}

/** Only the rules of the injected defects run, which keeps the test fast. */
const rules = [linkSyntaxRule, linkUrlRule, urlTrackingRule, authorFormatRule, entryDuplicateRule];

const lineOf = (lines: LineIndex, offset: number) => lines.positionAt(offset).line;

function countByLine(text: string, findings: readonly Finding[]): Map<string, number> {
  const lines = new LineIndex(text);
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.code} ${lineOf(lines, finding.span.start)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The markdown links and images whose URL is an http(s) address written as `](url)`, not reference definitions. */
function addressLinks(list: PaperList) {
  return list.links.filter(
    (link) => link.kind !== 'html' && /^https?:\/\//.test(link.url) && list.text.slice(link.urlSpan.start - 2, link.urlSpan.start) === '](' && list.text[link.urlSpan.end] === ')',
  );
}

const kinds: DefectKind[] = [
  {
    name: 'tracking parameter',
    code: 'url-tracking',
    places: (list, lines) =>
      list.links
        .filter((link) => /^https?:\/\/[^\s#]*$/.test(link.url) && list.text.slice(link.urlSpan.start, link.urlSpan.end) === link.url)
        .map((link) => ({
          start: link.urlSpan.end,
          end: link.urlSpan.end,
          insert: `${link.url.includes('?') ? '&' : '?'}utm_source=twitter`,
          lines: [lineOf(lines, link.urlSpan.start)],
        })),
  },
  {
    name: 'empty URL',
    code: 'link-syntax',
    places: (list, lines) => addressLinks(list).map((link) => ({ start: link.urlSpan.start, end: link.urlSpan.end, insert: '', lines: [lineOf(lines, link.urlSpan.start)] })),
  },
  {
    name: '[label(url)',
    code: 'link-syntax',
    places: (list, lines) => addressLinks(list).map((link) => ({ start: link.urlSpan.start - 2, end: link.urlSpan.start - 1, insert: '', lines: [lineOf(lines, link.urlSpan.start)] })),
  },
  {
    name: 'misspelt scheme',
    code: 'link-url',
    places: (list, lines) =>
      list.links
        .filter((link) => list.text.startsWith('https://', link.urlSpan.start))
        .map((link) => ({ start: link.urlSpan.start, end: link.urlSpan.start + 'https'.length, insert: 'htps', lines: [lineOf(lines, link.urlSpan.start)] })),
  },
  {
    name: 'glued et al.',
    code: 'author-format',
    places: (list, lines) => {
      const found: Injection[] = [];
      for (const entry of list.entries) {
        const pattern = /\p{L} et al\./gu;
        const item = list.text.slice(entry.span.start, entry.span.end);
        for (let match = pattern.exec(item); match; match = pattern.exec(item)) {
          const space = entry.span.start + match.index + 1;
          found.push({ start: space, end: space + 1, insert: '', lines: [lineOf(lines, space)] });
        }
      }
      return found;
    },
  },
  {
    name: 'repeated entry line',
    code: 'entry-duplicate',
    places: (list, lines) =>
      list.entries
        .filter((entry) => !/[\r\n]/.test(list.text.slice(entry.span.start, entry.span.end)))
        .map((entry) => {
          const line = lineOf(lines, entry.span.start);
          // The copy goes right after the line, so either copy may carry the finding.
          return { start: entry.span.end, end: entry.span.end, insert: `\n${list.text.slice(entry.span.start, entry.span.end)}`, lines: [line, line + 1] };
        }),
  },
];

function loadCorpus(): CorpusList[] {
  if (!corpusDir) return [];
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => {
      const text = readFileSync(join(corpusDir, name), 'utf8');
      const cache = new BlockCache();
      const list = parseList(text, { cache });
      const lines = new LineIndex(text);
      const places = kinds.map((kind) => kind.places(list, lines));
      const findings = lintList(list, { ...options, rules, cache });
      return { name, text, paperList: list.entries.length >= minimumPaperListEntries, before: countByLine(text, findings), places, cache };
    });
}

/** The share of injections reported, per kind, over all lists and over those the reader takes for paper lists. */
interface Rate {
  tried: number;
  reported: number;
  triedInLists: number;
  reportedInLists: number;
  missed: string[];
}

const percent = (part: number, whole: number) => `${whole ? ((part / whole) * 100).toFixed(1) : '-'}%`;

test('reliability: defects injected into the real lists are reported on their line', { skip: !corpusDir && 'no corpus' }, () => {
  const corpus = loadCorpus();
  const rates: string[] = [];
  const failures: string[] = [];
  kinds.forEach((kind, k) => {
    const usable = corpus.filter((source) => source.places[k].length > 0);
    const rate: Rate = { tried: 0, reported: 0, triedInLists: 0, reportedInLists: 0, missed: [] };
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pick, place) => {
        const source = usable[pick % usable.length];
        const injection = source.places[k][place % source.places[k].length];
        const text = source.text.slice(0, injection.start) + injection.insert + source.text.slice(injection.end);
        const findings = lintList(parseList(text, { cache: source.cache }), { ...options, rules, cache: source.cache });
        const after = countByLine(text, findings);
        const count = (counts: Map<string, number>, line: number) => counts.get(`${kind.code} ${line}`) ?? 0;
        // A repeated line moves the lines after it down by one, so only its first line is compared with before.
        const found = injection.lines.reduce((sum, line) => sum + count(after, line), 0) > count(source.before, injection.lines[0]);
        rate.tried++;
        if (found) rate.reported++;
        if (source.paperList) {
          rate.triedInLists++;
          if (found) rate.reportedInLists++;
          else if (rate.missed.length < 5) rate.missed.push(`${source.name}:${injection.lines[0] + 1} ${text.split('\n')[injection.lines[0]].slice(0, 160)}`);
        }
      }),
      { seed, numRuns: runs(perKind) },
    );
    rates.push(`${kind.name} (${kind.code}) ${percent(rate.reportedInLists, rate.triedInLists)} of ${rate.triedInLists} in paper lists, ${percent(rate.reported, rate.tried)} of ${rate.tried} in all lists`);
    if (rate.reportedInLists < threshold * rate.triedInLists) failures.push(`${kind.name}: ${percent(rate.reportedInLists, rate.triedInLists)} reported; missed for example:\n  ${rate.missed.join('\n  ')}`);
  });
  const ignored = corpus.filter((source) => !source.paperList).map((source) => source.name);
  console.log(`# injected defects reported: ${rates.join('; ')}`);
  console.log(`# lists with fewer than ${minimumPaperListEntries} entries, which the link rules check inside entries only: ${ignored.join(', ') || 'none'}`);
  assert.deepEqual(failures, []);
});
