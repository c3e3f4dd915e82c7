// Which fields a list's entries are expected to have. Many real lists never give authors, or write no
// year anywhere; a missing field is a defect only where the house has that field. The house is the
// entry's section when the section has enough entries to show one, and the whole list otherwise.
import type { Entry, PaperList, Section } from './model';

export interface ExpectedFields {
  /** Authors, in any form. */
  authors: boolean;
  /** A year, from a venue tag, a date or the text after the title. */
  year: boolean;
  /** A title written in bold, `**Title**`. */
  boldTitle: boolean;
  /** Authors written in italics, `*Wang et al.*`, among the entries that have authors. */
  italicAuthors: boolean;
  /** Years written with four digits, `2020`, among the entries that have a year, rather than `'20`. */
  fourDigitYears: boolean;
}

/** The share of entries that must have a field before the others are asked for it. */
export const expectedShare = 0.9;
/** A section with fewer entries than this shows no house of its own; the list's stands. */
export const sectionMinimumEntries = 5;

interface Counts {
  entries: number;
  authors: number;
  year: number;
  boldTitle: number;
  italicAuthors: number;
  fourDigitYears: number;
  years: number;
}

function countsOf(entries: readonly Entry[]): Counts {
  const counts: Counts = { entries: 0, authors: 0, year: 0, boldTitle: 0, italicAuthors: 0, fourDigitYears: 0, years: 0 };
  for (const entry of entries) {
    counts.entries++;
    if (entry.authors) counts.authors++;
    if (entry.authors && entry.authorsStyle === 'italic') counts.italicAuthors++;
    if (entry.year || entry.badYear) counts.year++;
    if (entry.year) {
      counts.years++;
      if (/\d{4}/.test(entry.year.text)) counts.fourDigitYears++;
    }
    if (entry.titleStyle === 'bold' || entry.titleProblem === 'broken' || entry.titleProblem === 'unclosed' || entry.titleProblem === 'empty') counts.boldTitle++;
  }
  return counts;
}

/** Whether `have` of `of` entries is a house that has a field: yes, no, or not clear either way. */
function verdict(have: number, of: number): boolean | undefined {
  if (of === 0) return false;
  // One entry without the field among a handful is a deviation too: 8 of 9 is a house that has it.
  if (have >= expectedShare * of || (of >= sectionMinimumEntries && of - have <= 1)) return true;
  if (have < unclearShare * of) return false;
  return undefined;
}

/** Below this share a section plainly does without a field; between it and 90% the list decides. */
const unclearShare = 2 / 3;

function expectationsOf(counts: Counts, list?: ExpectedFields): ExpectedFields {
  const decide = (have: number, of: number, field: keyof ExpectedFields) => verdict(have, of) ?? list?.[field] ?? false;
  return {
    authors: decide(counts.authors, counts.entries, 'authors'),
    year: decide(counts.year, counts.entries, 'year'),
    boldTitle: decide(counts.boldTitle, counts.entries, 'boldTitle'),
    italicAuthors: decide(counts.italicAuthors, counts.authors, 'italicAuthors'),
    fourDigitYears: decide(counts.fourDigitYears, counts.years, 'fourDigitYears'),
  };
}

const nothingExpected: ExpectedFields = { authors: false, year: false, boldTitle: false, italicAuthors: false, fourDigitYears: false };

export interface ListExpectations {
  /** The expected fields of one entry's house. */
  of(entry: Entry): ExpectedFields;
  /** A short text that changes whenever any entry's expectations do, for the rules' `contextKey`. */
  key: string;
}

const memo = new WeakMap<PaperList, ListExpectations>();

/** The expected fields of each section of a list, computed once per parsed list. */
export function expectationsFor(list: PaperList): ListExpectations {
  let known = memo.get(list);
  if (known) return known;
  const whole = expectationsOf(countsOf(list.entries));
  const bySection = new Map<Section, ExpectedFields>();
  const parts: string[] = [flags(whole)];
  for (const section of list.sections) {
    // A section of data sets or tools is not held to the papers of the rest of the list.
    const fallback = section.holds === 'resources' ? nothingExpected : whole;
    if (section.entries.length < sectionMinimumEntries && section.holds !== 'resources') continue;
    const own = expectationsOf(countsOf(section.entries), fallback);
    bySection.set(section, own);
    parts.push(`${section.id}${flags(own)}`);
  }
  known = { of: (entry) => bySection.get(entry.section) ?? whole, key: parts.join(',') };
  memo.set(list, known);
  return known;
}

function flags(expected: ExpectedFields): string {
  return `${expected.authors ? 'a' : ''}${expected.year ? 'y' : ''}${expected.boldTitle ? 'b' : ''}${expected.italicAuthors ? 'i' : ''}${expected.fourDigitYears ? '4' : ''}`;
}
