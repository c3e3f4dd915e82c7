// Which fields a list's entries are expected to have. Many real lists never give authors, or write no
// year anywhere; a missing field is a defect only where the house has that field. The house is the
// entry's section when the section has enough entries to show one, and the whole list otherwise.
import { memoPerEntry, memoPerList } from './memo';
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

function emptyCounts(): Counts {
  return { entries: 0, authors: 0, year: 0, boldTitle: 0, italicAuthors: 0, fourDigitYears: 0, years: 0 };
}

/** The fields an entry has, as bits; kept per entry, which an edit keeps or replaces, so a keystroke reads them. */
const hasAuthors = 1;
const hasItalicAuthors = 2;
const hasYearOrBadYear = 4;
const hasYear = 8;
const hasFourDigitYear = 16;
const hasBoldTitle = 32;

const bitsOf = memoPerEntry((entry): number => {
  let bits = 0;
  if (entry.authors) bits |= hasAuthors | (entry.authorsStyle === 'italic' ? hasItalicAuthors : 0);
  if (entry.year || entry.badYear) bits |= hasYearOrBadYear;
  if (entry.year) bits |= hasYear | (/\d{4}/.test(entry.year.text) ? hasFourDigitYear : 0);
  if (entry.titleStyle === 'bold' || entry.titleProblem === 'broken' || entry.titleProblem === 'unclosed' || entry.titleProblem === 'empty') bits |= hasBoldTitle;
  return bits;
});

function add(counts: Counts, bits: number): void {
  counts.entries++;
  if (bits & hasAuthors) counts.authors++;
  if (bits & hasItalicAuthors) counts.italicAuthors++;
  if (bits & hasYearOrBadYear) counts.year++;
  if (bits & hasYear) counts.years++;
  if (bits & hasFourDigitYear) counts.fourDigitYears++;
  if (bits & hasBoldTitle) counts.boldTitle++;
}

function addCounts(total: Counts, counts: Counts): void {
  total.entries += counts.entries;
  total.authors += counts.authors;
  total.year += counts.year;
  total.boldTitle += counts.boldTitle;
  total.italicAuthors += counts.italicAuthors;
  total.fourDigitYears += counts.fourDigitYears;
  total.years += counts.years;
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

/**
 * The counts of one section's entries, kept while the section holds the same entry objects in the same
 * order (keyed on its first entry), so that a keystroke recounts the one section it touched. Lives on
 * the document's `BlockCache`.
 */
class CountsPerSection {
  private readonly known = new Map<Entry, { entries: readonly Entry[]; counts: Counts; seen: number }>();
  private pass = 0;

  countsOf(sections: readonly Section[]): Map<Section, Counts> {
    this.pass++;
    const bySection = new Map<Section, Counts>();
    for (const section of sections) {
      const entries = section.entries;
      if (!entries.length) continue;
      const record = this.known.get(entries[0]);
      if (record && sameEntries(record.entries, entries)) {
        record.seen = this.pass;
        bySection.set(section, record.counts);
        continue;
      }
      const counts = emptyCounts();
      for (const entry of entries) add(counts, bitsOf(entry));
      this.known.set(entries[0], { entries, counts, seen: this.pass });
      bySection.set(section, counts);
    }
    for (const [first, record] of this.known) if (record.seen !== this.pass) this.known.delete(first);
    return bySection;
  }
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The expected fields of each section of a list, computed once per parsed list. */
export const expectationsFor = memoPerList((list: PaperList): ListExpectations => {
  const sectionCounts = list.cache.keep('expected-field counts', () => new CountsPerSection()).countsOf(list.sections);
  const wholeCounts = emptyCounts();
  for (const counts of sectionCounts.values()) addCounts(wholeCounts, counts);
  const whole = expectationsOf(wholeCounts);
  const bySection = new Map<Section, ExpectedFields>();
  const parts: string[] = [flags(whole)];
  for (const [section, counts] of sectionCounts) {
    // A section of data sets or tools is not held to the papers of the rest of the list.
    if (counts.entries < sectionMinimumEntries && section.holds !== 'resources') continue;
    const own = expectationsOf(counts, section.holds === 'resources' ? nothingExpected : whole);
    bySection.set(section, own);
    parts.push(`${section.id}${flags(own)}`);
  }
  return { of: (entry) => bySection.get(entry.section) ?? whole, key: parts.join(',') };
});

function flags(expected: ExpectedFields): string {
  return `${expected.authors ? 'a' : ''}${expected.year ? 'y' : ''}${expected.boldTitle ? 'b' : ''}${expected.italicAuthors ? 'i' : ''}${expected.fourDigitYears ? '4' : ''}`;
}
